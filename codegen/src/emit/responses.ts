// responses.ts: one interface per documented status code, plus the default
// (error) response whose status excludes the documented codes.
import type { OperationInfo, ResponseInfo } from "../model/api.js";
import { jsDoc } from "../docs.js";
import { typeText } from "../model/schemas.js";

export function responseTypeName(op: OperationInfo, response: ResponseInfo): string {
  return response.status === "default" ? `${op.typeName}DefaultResponse` : `${op.typeName}${response.status}Response`;
}

/** Every response type of an operation, success codes first, in spec order. */
export function responseTypeNames(op: OperationInfo): string[] {
  return [...op.responses, op.errorResponse].map((r) => responseTypeName(op, r));
}

function emitResponse(op: OperationInfo, response: ResponseInfo): string {
  const isDefault = response.status === "default";
  const documented = op.responses.map((r) => JSON.stringify(r.status)).join(" | ");
  const status = isDefault ? `UnexpectedStatus<${documented}>` : JSON.stringify(response.status);
  const body = response.schema ? `\nbody: ${typeText(response.schema, "output")};` : "";
  const note = response.schema ? "" : "No body is documented for this status.";
  return `${jsDoc(response.description, note)}export interface ${responseTypeName(op, response)} extends HttpResponse {\nstatus: ${status};${body}\n}`;
}

export function emitResponses(operations: OperationInfo[], outputModelNames: string[]): string {
  const bodies = operations.flatMap((op) =>
    [...op.responses, op.errorResponse].map((r) => (r.schema ? typeText(r.schema, "output") : "")),
  );
  const used = outputModelNames.filter((n) => bodies.some((b) => new RegExp(`\\b${n}\\b`).test(b)));
  const imports = [
    `import type { HttpResponse } from "@azure-rest/core-client";`,
    `import type { UnexpectedStatus } from "./httpStatus.js";`,
    ...(used.length > 0 ? [`import type { ${used.join(", ")} } from "./outputModels.js";`] : []),
  ];
  const decls = operations.flatMap((op) => [...op.responses, op.errorResponse].map((r) => emitResponse(op, r)));
  return `${imports.join("\n")}\n\n${decls.join("\n\n")}`;
}
