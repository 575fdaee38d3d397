// isUnexpected.ts: RLC's type guard. One overload per operation narrows the
// response union; the runtime part looks the request's method and path up in
// routes.ts, the table of documented success codes.
import type { OperationInfo } from "../model/api.js";
import { responseTypeName, responseTypeNames } from "./responses.js";

function overload(op: OperationInfo): string {
  return `export function isUnexpected(response: ${responseTypeNames(op).join(" | ")}): response is ${responseTypeName(op, op.errorResponse)};`;
}

// The runtime implementation, emitted verbatim. Kept free of generated names so it reads like (and can be reviewed
// as) ordinary code.
const IMPLEMENTATION = `export function isUnexpected(response: AnyResponse): response is AnyDefaultResponse {
  // Decided from the request (method and URL) and the status only: a response header is the server's to set, and
  // one naming another URL (x-ms-original-url) would let it choose which operation's statuses apply.
  const route = routeOf(response.request.url);
  const statuses = route === undefined ? undefined : routes[route]![response.request.method.toUpperCase()];
  // A request to a path this API does not describe (pathUnchecked): only 2xx is expected.
  if (statuses === undefined) return !/^2\\d\\d$/.test(response.status);
  return !statuses.includes(response.status);
}`;

export function emitIsUnexpected(operations: OperationInfo[]): string {
  const names = operations.flatMap(responseTypeNames);
  const defaults = operations.map((op) => responseTypeName(op, op.errorResponse));
  return `import type { ${names.join(", ")} } from "./responses.js";
import { routeOf, routes } from "./routes.js";

type AnyResponse = ${names.join(" | ")};

type AnyDefaultResponse = ${defaults.join(" | ")};

${operations.map(overload).join("\n")}
${IMPLEMENTATION}`;
}
