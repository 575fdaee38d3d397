// clientDefinitions.ts: one interface per path (a method per verb), the Routes
// call signatures, and the client type.
import type { OperationInfo, RouteInfo } from "../model/api.js";
import { jsDoc } from "../docs.js";
import { parametersTypeName } from "./parameters.js";
import { responseTypeNames } from "./responses.js";

function emitMethod(op: OperationInfo): string {
  const optional = op.body?.required ? "" : "?";
  const responses = responseTypeNames(op).join(" | ");
  const doc = jsDoc(op.description, `Operation \`${op.operationId}\`.`);
  return `${doc}${op.method}(options${optional}: ${parametersTypeName(op)}): StreamableMethod<${responses}>;`;
}

function emitRoute(route: RouteInfo): string {
  const methods = route.operations.map(emitMethod).join("\n\n");
  return `export interface ${route.typeName} {\n${methods}\n}`;
}

function emitRouteSignature(route: RouteInfo): string {
  const verbs = route.operations.map((op) => op.method).join(", ");
  const doc = jsDoc(`Resource for '${route.path}' has methods for the following verbs: ${verbs}`);
  const params = route.pathParameters.map((p) => `${p.name}: string`).join(", ");
  return `${doc}(path: ${JSON.stringify(route.path)}, ${params}): ${route.typeName};`;
}

export function emitClientDefinitions(routes: RouteInfo[], clientName: string): string {
  const ops = routes.flatMap((r) => r.operations);
  const imports = [
    `import type { Client, StreamableMethod } from "@azure-rest/core-client";`,
    `import type { ${ops.map(parametersTypeName).join(", ")} } from "./parameters.js";`,
    `import type { ${ops.flatMap(responseTypeNames).join(", ")} } from "./responses.js";`,
  ];
  return [
    imports.join("\n"),
    routes.map(emitRoute).join("\n\n"),
    `export interface Routes {\n${routes.map(emitRouteSignature).join("\n")}\n}`,
    `export type ${clientName} = Client & {\npath: Routes;\n};`,
  ].join("\n\n");
}
