// operations.ts: a table of every operation, for custom code (pollers, paging,
// validation) and for tests that must cover "every operation".
import type { OperationInfo } from "../model/api.js";

function entry(op: OperationInfo): string {
  const fields: Record<string, unknown> = {
    operationId: op.operationId,
    method: op.method.toUpperCase(),
    path: op.path,
    successStatuses: op.responses.map((r) => r.status),
    body: op.body ? (op.body.required ? "required" : "optional") : "none",
  };
  if (op.longRunning) fields.longRunning = op.longRunning;
  if (op.pageable) fields.pageable = op.pageable;
  return `${JSON.stringify(fields)},`;
}

export function emitOperations(operations: OperationInfo[]): string {
  return `import type { PathTemplate } from "./pathParameters.js";

/** What the swagger says about one operation. */
export interface OperationSpec {
  readonly operationId: string;
  readonly method: "GET" | "PUT" | "POST" | "PATCH" | "DELETE" | "HEAD";
  readonly path: PathTemplate;
  /** Documented success status codes; anything else is the default (error) response. */
  readonly successStatuses: readonly string[];
  /** Whether the request takes a JSON body. */
  readonly body: "required" | "optional" | "none";
  /** Present for x-ms-long-running-operation; finalStateVia as the swagger gives it, if at all. */
  readonly longRunning?: { readonly finalStateVia?: string };
  /** Present for x-ms-pageable; nextLinkName null means a single page. */
  readonly pageable?: { readonly nextLinkName: string | null; readonly itemName: string };
}

/** Every operation of the API, in swagger order. */
export const operations = [
${operations.map(entry).join("\n")}
] as const satisfies readonly OperationSpec[];

/** The operationId of every operation. */
export type OperationId = (typeof operations)[number]["operationId"];`;
}
