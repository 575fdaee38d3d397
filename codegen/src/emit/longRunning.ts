// longRunningOperations.ts: a type-only table of the operations marked x-ms-long-running-operation — which responses
// their request can answer with and what a poller of them resolves with. getLongRunningPoller is typed from it.
import type { OperationInfo } from "../model/api.js";
import { jsDoc } from "../docs.js";
import { typeText } from "../model/schemas.js";
import { responseTypeName } from "./responses.js";

/**
 * What the package's poller resolves with once the operation succeeded: a PUT or PATCH ends with the resource — the
 * body of a 200/201 that is already done, or of a GET of the original URL after polling (the ARM contract: the same
 * resource) — so the type is the 200/201 schema; any other method resolves with `undefined` (a DELETE has no result;
 * this poller reads none for a POST).
 */
export function lroResultType(op: OperationInfo): string {
  if (op.method !== "put" && op.method !== "patch") return "undefined";
  const bodies = op.responses.filter((r) => r.status === "200" || r.status === "201").flatMap((r) => (r.schema ? [typeText(r.schema, "output")] : []));
  return bodies.length > 0 ? [...new Set(bodies)].join(" | ") : "unknown";
}

function entry(op: OperationInfo): string {
  const initial = op.responses.map((r) => responseTypeName(op, r)).join(" | ");
  return `${jsDoc(`\`${op.method.toUpperCase()} ${op.path}\``)}${op.operationId}: {
initial: ${initial};
error: ${responseTypeName(op, op.errorResponse)};
result: ${lroResultType(op)};
};`;
}

export function emitLongRunning(operations: OperationInfo[], outputModelNames: string[]): string {
  const lros = operations.filter((op) => op.longRunning);
  const responses = lros.flatMap((op) => [...op.responses, op.errorResponse].map((r) => responseTypeName(op, r)));
  const results = lros.map(lroResultType).join(" ");
  const models = outputModelNames.filter((n) => new RegExp(`\\b${n}\\b`).test(results));
  const imports = [
    ...(responses.length > 0 ? [`import type { ${responses.join(", ")} } from "./responses.js";`] : []),
    ...(models.length > 0 ? [`import type { ${models.join(", ")} } from "./outputModels.js";`] : []),
  ];
  return `${imports.join("\n")}

/**
 * The long-running operations of the API (x-ms-long-running-operation), by operationId:
 * - \`initial\`: the documented 2xx responses of the request, which a poller starts from;
 * - \`error\`: its default (error) response;
 * - \`result\`: what the poller resolves with once the operation succeeded — the resource (per the 200/201 schema)
 *   for a PUT or PATCH, \`undefined\` for any other method.
 */
export interface LongRunningOperations {
${lros.map(entry).join("\n")}
}

/** The operationId of every long-running operation. */
export type LongRunningOperationId = keyof LongRunningOperations;`;
}
