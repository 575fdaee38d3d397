// operationIds.ts: the operationIds of the long-running operations (x-ms-long-running-operation) and of the pageable
// ones (x-ms-pageable), by route — a key of routes.ts, relative to its routePrefix — and method. The package names
// the span of a poller's wait and of a paginate walk after the operation (`<operationId>.wait`); with
// `routeOf(url)` these two small tables give it that name without the table of every operation (operations.ts,
// whose full templates would add several KB to every app that waits for an operation).
import type { OperationInfo, RouteInfo } from "../model/api.js";
import { commonRoutePrefix } from "./routes.js";

function table(routes: RouteInfo[], prefix: string, included: (op: OperationInfo) => boolean): string {
  const entries = routes.flatMap((route) => {
    const methods = route.operations
      .filter(included)
      .map((op) => `${op.method.toUpperCase()}: ${JSON.stringify(op.operationId)}`);
    return methods.length === 0
      ? []
      : [`${JSON.stringify(route.path.slice(prefix.length))}: { ${methods.join(", ")} },`];
  });
  return `{\n${entries.join("\n")}\n}`;
}

export function emitOperationIds(routes: RouteInfo[]): string {
  const prefix = commonRoutePrefix(routes.map((r) => r.path));
  return `/** operationIds by route (a key of \`routes\` in routes.ts) and upper-case method. */
export type OperationIdTable = Readonly<Record<string, Readonly<Record<string, string>>>>;

/** The operationId of every long-running operation (x-ms-long-running-operation). */
export const longRunningOperationIds: OperationIdTable = ${table(routes, prefix, (op) => op.longRunning !== undefined)};

/** The operationId of every pageable operation (x-ms-pageable). */
export const pageableOperationIds: OperationIdTable = ${table(routes, prefix, (op) => op.pageable !== undefined)};`;
}
