// parameters.ts: the request-options type of every operation, RLC style.
// api-version is not here: the client adds it to every request.
import type { OperationInfo } from "../model/api.js";
import { jsDoc } from "../docs.js";
import { typeText } from "../model/schemas.js";

export function parametersTypeName(op: OperationInfo): string {
  return `${op.typeName}Parameters`;
}

function emitOne(op: OperationInfo): string {
  const name = parametersTypeName(op);
  if (!op.body) return `export type ${name} = RequestParameters;`;
  const bodyParam = `${op.typeName}BodyParam`;
  const optional = op.body.required ? "" : "?";
  return [
    `export interface ${bodyParam} {\n${jsDoc(op.body.description)}body${optional}: ${typeText(op.body.schema, "input")};\n}`,
    `export type ${name} = ${bodyParam} & RequestParameters;`,
  ].join("\n\n");
}

export function emitParameters(operations: OperationInfo[], inputModelNames: string[]): string {
  const imports = [`import type { RequestParameters } from "@azure-rest/core-client";`];
  const used = inputModelNames.filter((n) =>
    operations.some((op) => op.body && new RegExp(`\\b${n}\\b`).test(typeText(op.body.schema, "input"))),
  );
  if (used.length > 0) imports.push(`import type { ${used.join(", ")} } from "./models.js";`);
  return `${imports.join("\n")}\n\n${operations.map(emitOne).join("\n\n")}`;
}
