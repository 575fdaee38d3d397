// routes.ts: every path template with, per method, its documented success codes. One table serves the runtime
// of isUnexpected (which status is expected for a request) and of the hand-written path validation (is this a
// path of the API); keeping the long template strings in one place keeps browser bundles small.
import type { RouteInfo } from "../model/api.js";

export function emitRoutes(routes: RouteInfo[]): string {
  const entries = routes.map((route) => {
    const methods = route.operations.map(
      (op) => `${op.method.toUpperCase()}: ${JSON.stringify(op.responses.map((r) => r.status))}`,
    );
    return `${JSON.stringify(route.path)}: { ${methods.join(", ")} },`;
  });
  return `/** Documented success status codes, by path template and HTTP method. */
export const routes: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
${entries.join("\n")}
};`;
}
