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
/**
 * Every template as a case-insensitive RegExp (ARM paths are case-insensitive), compiled on first use. routes.ts
 * lists the most specific templates first, so the first match wins. A parameter matches one raw segment: an
 * encoded "/" (%2F) stays inside it.
 */
let matchers: Array<[RegExp, Readonly<Record<string, readonly string[]>>]> | undefined;

/** Documented success codes for a request, or undefined when no path template matches (or the URL is not one). */
function documentedStatuses(method: string, url: string): readonly string[] | undefined {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return undefined;
  }
  matchers ??= Object.entries(routes).map(([rest, methods]) => [
    new RegExp(\`^\${(routePrefix + rest).replace(/[.*+?^$()|[\\]\\\\]/g, "\\\\$&").replace(/\\{\\w+\\}/g, "[^/]+")}/?$\`, "i"),
    methods,
  ]);
  return matchers.find(([regex]) => regex.test(path))?.[1][method.toUpperCase()];
}

`;

const IMPLEMENTATION = `export function isUnexpected(response: AnyResponse): response is AnyDefaultResponse {
  // Decided from the request (method and URL) and the status only: a response header is the server's to set, and
  // one naming another URL (x-ms-original-url) would let it choose which operation's statuses apply.
  const statuses = documentedStatuses(response.request.method, response.request.url);
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
