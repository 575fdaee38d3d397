// clientDefinitions.ts: one interface per path (a method per verb), the table of path templates, the Routes call
// signature typed from it, and the client type.
import type { OperationInfo, PathParameter, RouteInfo } from "../model/api.js";
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

/**
 * One entry of a template table: the template (as `key`), the path parameters it takes in order, as a labelled tuple
 * (editors show the labels as parameter names), and the resource interface `path()` returns for it.
 */
export function emitTemplateEntry(route: RouteInfo, key: string, parameters: readonly PathParameter[]): string {
  const verbs = route.operations.map((op) => op.method).join(", ");
  const doc = jsDoc(`Resource for '${key}' has methods for the following verbs: ${verbs}`);
  const tuple = parameters.map((p) => `${p.name}: string`).join(", ");
  return `${doc}${JSON.stringify(key)}: {\npathParameters: [${tuple}];\nresource: ${route.typeName};\n};`;
}

/**
 * A path() signature over a template table. One generic signature rather than an overload per template: a template
 * that is not in the table is then reported at the template argument ("not assignable to parameter of type keyof
 * …"), where overloads could only say that none of them matched, quoting the last one.
 */
export function emitPathSignature(table: string): string {
  return `<Template extends keyof ${table}>(
path: Template,
...pathParameters: ${table}[Template]["pathParameters"]
): ${table}[Template]["resource"];`;
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
    `/**
 * Every path template of the API, with the path parameters it takes (in template order) and the resource
 * \`client.path\` returns for it: what {@link Routes} is typed from.
 */
export interface RouteTemplates {
${routes.map((route) => emitTemplateEntry(route, route.path, route.pathParameters)).join("\n")}
}`,
    `export interface Routes {
/**
 * The resource at one of the API's path templates (see {@link RouteTemplates}), given the template's path
 * parameters in order; it has one method per HTTP verb of the template.
 */
${emitPathSignature("RouteTemplates")}
}`,
    `export type ${clientName} = Client & {\npath: Routes;\n};`,
  ].join("\n\n");
}
