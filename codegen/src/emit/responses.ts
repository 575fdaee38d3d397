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

// Raw header values are always text, whatever type the swagger gives a header, so
// every header is typed string; the swagger's type is named in the comment.
function emitHeaders(op: OperationInfo, response: ResponseInfo): string {
  const fields = response.headers.map((h) => {
    const note = h.schema.type === "string" ? "" : `Swagger type: ${h.schema.type}, sent as text.`;
    return `${jsDoc(h.description, note)}${JSON.stringify(h.name.toLowerCase())}?: string;`;
  });
  return `export interface ${headersTypeName(op, response)} {\n${fields.join("\n")}\n}\n\n`;
}

function headersTypeName(op: OperationInfo, response: ResponseInfo): string {
  return responseTypeName(op, response).replace(/Response$/, "Headers");
}

// The responses of a long-running operation say which method they answer (core-client keeps the request on the
// response, so this is what it holds). TypeScript compares types by structure: without it, a PUT's 200 and the GET's
// 200 of the same resource are one type, and getLongRunningPoller could not refuse the GET's.
function sentWith(op: OperationInfo): string {
  if (!op.longRunning) return "";
  const method = op.method.toUpperCase();
  return `\n${jsDoc(`The request this answers: a ${method}.`)}request: PipelineRequest & { method: ${JSON.stringify(method)} };`;
}

function emitResponse(op: OperationInfo, response: ResponseInfo): string {
  const isDefault = response.status === "default";
  const documented = op.responses.map((r) => JSON.stringify(r.status)).join(" | ");
  const status = isDefault ? `UnexpectedStatus<${documented}>` : JSON.stringify(response.status);
  const body = response.schema ? `\nbody: ${typeText(response.schema, "output")};` : "";
  const note = response.schema ? "" : "No body is documented for this status.";
  const hasHeaders = response.headers.length > 0;
  const headers = hasHeaders ? `\nheaders: RawHttpHeaders & ${headersTypeName(op, response)};` : "";
  const declaration = `${jsDoc(response.description, note)}export interface ${responseTypeName(op, response)} extends HttpResponse {\nstatus: ${status};${body}${headers}${sentWith(op)}\n}`;
  return hasHeaders ? emitHeaders(op, response) + declaration : declaration;
}

export function emitResponses(operations: OperationInfo[], outputModelNames: string[]): string {
  const all = operations.flatMap((op) => [...op.responses, op.errorResponse]);
  const bodies = all.flatMap((r) => (r.schema ? [typeText(r.schema, "output")] : []));
  const pipelineTypes = [
    ...(all.some((r) => r.headers.length > 0) ? ["RawHttpHeaders"] : []),
    ...(operations.some((op) => op.longRunning) ? ["PipelineRequest"] : []),
  ];
  const used = outputModelNames.filter((n) => bodies.some((b) => new RegExp(`\\b${n}\\b`).test(b)));
  const imports = [
    `import type { HttpResponse } from "@azure-rest/core-client";`,
    ...(pipelineTypes.length > 0 ? [`import type { ${pipelineTypes.join(", ")} } from "@azure/core-rest-pipeline";`] : []),
    `import type { UnexpectedStatus } from "./httpStatus.js";`,
    ...(used.length > 0 ? [`import type { ${used.join(", ")} } from "./outputModels.js";`] : []),
  ];
  const decls = operations.flatMap((op) => [...op.responses, op.errorResponse].map((r) => emitResponse(op, r)));
  return `${imports.join("\n")}\n\n${decls.join("\n\n")}`;
}
