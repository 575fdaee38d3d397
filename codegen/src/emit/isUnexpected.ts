// isUnexpected.ts: RLC's type guard. One overload per operation narrows the
// response union; the runtime part looks the request's method and path up in a
// table of documented success codes.
import type { OperationInfo } from "../model/api.js";
import { responseTypeName, responseTypeNames } from "./responses.js";

function overload(op: OperationInfo): string {
  return `export function isUnexpected(response: ${responseTypeNames(op).join(" | ")}): response is ${responseTypeName(op, op.errorResponse)};`;
}

// The runtime matcher and implementation, emitted verbatim. Kept free of generated names so it reads
// like (and can be reviewed as) ordinary code.
const MATCHER = `
/** A compiled path template: segments as a case-insensitive RegExp (ARM paths are case-insensitive). */
interface Matcher {
  regex: RegExp;
  methods: Readonly<Record<string, readonly string[]>>;
}

// By segment count: a template of n segments can only match a path of n segments (one trailing "/" aside), so a
// request is tested against the few templates of its length instead of all of them (isUnexpected runs on every
// response).
let matchersBySegments: Map<number, Matcher[]> | undefined;

/**
 * Compiles every template once, most literal segments first, so that the first
 * match is the most specific one. A parameter matches one raw segment: an
 * encoded "/" (%2F) stays inside it.
 */
function compile(): Map<number, Matcher[]> {
  const compiled = Object.entries(routes).map(([rest, methods]) => {
    const segments = (routePrefix + rest).split("/").slice(1);
    const source = segments
      .map((s) => (s.startsWith("{") ? "[^/]+" : s.replace(/[.*+?^$()|[\\]\\\\]/g, "\\\\$&")))
      .join("/");
    const literals = segments.filter((s) => !s.startsWith("{")).length;
    return { regex: new RegExp(\`^/\${source}/?$\`, "i"), methods, literals, count: segments.length };
  });
  const bySegments = new Map<number, Matcher[]>();
  for (const { count, ...matcher } of compiled.sort((a, b) => b.literals - a.literals)) {
    bySegments.set(count, [...(bySegments.get(count) ?? []), matcher]);
  }
  return bySegments;
}

/** The number of segments of a URL path ("/a/b" has 2), not counting one trailing "/". */
function segmentCount(path: string): number {
  return path.split("/").length - (path.endsWith("/") ? 2 : 1);
}

/** Documented success codes for a request, or undefined when no path template matches. */
function documentedStatuses(method: string, url: string): readonly string[] | undefined {
  const path = new URL(url).pathname;
  for (const matcher of (matchersBySegments ??= compile()).get(segmentCount(path)) ?? []) {
    if (matcher.regex.test(path)) return matcher.methods[method.toUpperCase()];
  }
  return undefined;
}

`;

const IMPLEMENTATION = `export function isUnexpected(response: AnyResponse): response is AnyDefaultResponse {
  // A long-running operation's final response may come from a polling URL; the
  // poller records the original request URL in this header.
  const url = response.headers["x-ms-original-url"] ?? response.request.url;
  const statuses = documentedStatuses(response.request.method, url);
  // A request to a path this API does not describe (pathUnchecked): only 2xx is expected.
  if (statuses === undefined) return !/^2\\d\\d$/.test(response.status);
  return !statuses.includes(response.status);
}`;

export function emitIsUnexpected(operations: OperationInfo[]): string {
  const names = operations.flatMap(responseTypeNames);
  const defaults = operations.map((op) => responseTypeName(op, op.errorResponse));
  return `import type { ${names.join(", ")} } from "./responses.js";
import { routePrefix, routes } from "./routes.js";

type AnyResponse = ${names.join(" | ")};

type AnyDefaultResponse = ${defaults.join(" | ")};

${MATCHER}

${operations.map(overload).join("\n")}
${IMPLEMENTATION}`;
}
