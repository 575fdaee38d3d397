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

let matchers: Matcher[] | undefined;

/**
 * Compiles every template once, most literal segments first, so that the first
 * match is the most specific one. A parameter matches one raw segment: an
 * encoded "/" (%2F) stays inside it.
 */
function compile(): Matcher[] {
  const compiled = Object.entries(routes).map(([template, methods]) => {
    const segments = template.split("/").slice(1);
    const source = segments
      .map((s) => (s.startsWith("{") ? "[^/]+" : s.replace(/[.*+?^$()|[\\]\\\\]/g, "\\\\$&")))
      .join("/");
    const literals = segments.filter((s) => !s.startsWith("{")).length;
    return { regex: new RegExp(\`^/\${source}/?$\`, "i"), methods, literals };
  });
  return compiled.sort((a, b) => b.literals - a.literals);
}

/** Documented success codes for a request, or undefined when no path template matches. */
function documentedStatuses(method: string, url: string): readonly string[] | undefined {
  const path = new URL(url).pathname;
  for (const matcher of (matchers ??= compile())) {
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
import { routes } from "./routes.js";

type AnyResponse = ${names.join(" | ")};

type AnyDefaultResponse = ${defaults.join(" | ")};

${MATCHER}

${operations.map(overload).join("\n")}
${IMPLEMENTATION}`;
}
