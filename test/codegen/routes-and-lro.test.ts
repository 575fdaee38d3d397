// The emitters behind the typed path() calls and getLongRunningPoller, on a small API of our own (another provider,
// another prefix, a POST and a bodiless 202): nothing in them may depend on the Microsoft.Security swagger.
import { ObjectSchema } from "@autorest/codemodel";
import { describe, expect, it } from "vitest";
import type { HttpMethod, OperationInfo, PathParameter, ResponseInfo, RouteInfo } from "../../codegen/src/model/api.js";
import { emitClientDefinitions } from "../../codegen/src/emit/clientDefinitions.js";
import { emitLongRunning } from "../../codegen/src/emit/longRunning.js";
import { emitOperationIds } from "../../codegen/src/emit/operationIds.js";
import { emitResponses } from "../../codegen/src/emit/responses.js";
import { emitScopedRoutes, routeScope } from "../../codegen/src/emit/scopedRoutes.js";

const gear = new ObjectSchema("Gear", "A gear of a widget.");
const error = new ObjectSchema("ErrorResponse", "An ARM error.");
const param = (name: string): PathParameter => ({ name, description: `The ${name}.` });
const response = (status: string, schema?: ObjectSchema): ResponseInfo => ({ status, description: "", headers: [], ...(schema && { schema }) });

const PREFIX = "/subscriptions/{subscriptionId}/providers/Microsoft.Widgets/widgets/{widgetName}";

function operation(typeName: string, method: HttpMethod, rest: string, responses: ResponseInfo[], longRunning = false): OperationInfo {
  const path = PREFIX + rest;
  const names = [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => name!);
  return {
    operationId: typeName.replace(/^Gears/, "Gears_"),
    typeName,
    method,
    path,
    description: "",
    pathParameters: names.map(param),
    responses,
    errorResponse: response("default", error),
    ...(longRunning && { longRunning: {} }),
  };
}

const list = operation("GearsList", "get", "/gears", [response("200", gear)]);
const get = operation("GearsGet", "get", "/gears/{gearName}", [response("200", gear)]);
const put = operation("GearsCreate", "put", "/gears/{gearName}", [response("200", gear), response("201", gear)], true);
const patch = operation("GearsUpdate", "patch", "/gears/{gearName}", [response("202")], true);
const remove = operation("GearsDelete", "delete", "/gears/{gearName}", [response("202"), response("204")], true);
const polish = operation("GearsPolish", "post", "/gears/{gearName}/polish", [response("200", gear), response("202")], true);
const ops = [list, get, put, patch, remove, polish];
const routes: RouteInfo[] = [
  { path: list.path, typeName: "GearsList", pathParameters: list.pathParameters, operations: [list] },
  { path: get.path, typeName: "GearsGet", pathParameters: get.pathParameters, operations: [get, put, patch, remove] },
  { path: polish.path, typeName: "GearsPolish", pathParameters: polish.pathParameters, operations: [polish] },
];

describe("the scoped routes", () => {
  it("take the shared prefix and its parameters from the templates, and the name from its last parameter", () => {
    const scope = routeScope(routes);
    expect(scope.prefix).toBe(PREFIX);
    expect(scope.parameters.map((p) => p.name)).toEqual(["subscriptionId", "widgetName"]);
    expect(scope.name).toBe("Widget");
  });

  it("type each template without the prefix, with the remaining parameters and the same resource", () => {
    const text = emitScopedRoutes(routes);
    expect(text).toContain("export interface WidgetScope {");
    expect(text).toMatch(/\/\*\*\n \* The widgetName\.\n \*\/\nwidgetName: string;/);
    expect(text).toContain('"/gears": {\npathParameters: [];\nresource: GearsList;\n};');
    expect(text).toContain('"/gears/{gearName}": {\npathParameters: [gearName: string];\nresource: GearsGet;\n};');
    expect(text).toContain('"/gears/{gearName}/polish": {\npathParameters: [gearName: string];\nresource: GearsPolish;\n};');
    expect(text).toContain("<Template extends keyof WidgetRouteTemplates>(");
    expect(text).not.toMatch(/Security|Connector|devops/i);
  });

  it("fail generation when the templates share no path parameter", () => {
    const lone = (path: string): RouteInfo => ({ path, typeName: "X", pathParameters: [], operations: [] });
    expect(() => routeScope([lone("/providers/Microsoft.Widgets/a"), lone("/providers/Microsoft.Widgets/b")])).toThrow(
      'the path templates share no path parameter (common prefix "/providers/Microsoft.Widgets"): nothing to scope by',
    );
  });
});

describe("client.path's Routes", () => {
  it("is one generic signature over the template table, not an overload per template", () => {
    const text = emitClientDefinitions(routes, "WidgetClient");
    expect(text).toContain(`${JSON.stringify(get.path)}: {\npathParameters: [subscriptionId: string, widgetName: string, gearName: string];\nresource: GearsGet;\n};`);
    const signatures = text.slice(text.indexOf("export interface Routes {")).match(/\(\n?path: /g);
    expect(signatures).toEqual(["(\npath: "]);
    expect(text).toContain("export type WidgetClient = Client & {\npath: Routes;\n};");
  });
});

describe("the table of long-running operations", () => {
  const text = emitLongRunning(ops, ["GearOutput", "ErrorResponseOutput"]);

  it("lists the operations marked long-running, and only those", () => {
    expect(text.match(/^Gears_\w+: \{/gm)).toEqual(["Gears_Create: {", "Gears_Update: {", "Gears_Delete: {", "Gears_Polish: {"]);
  });

  it("gives their 2xx responses, their default response and the result", () => {
    expect(text).toContain("Gears_Create: {\ninitial: GearsCreate200Response | GearsCreate201Response;\nerror: GearsCreateDefaultResponse;\nresult: GearOutput;\n};");
    expect(text).toContain("Gears_Delete: {\ninitial: GearsDelete202Response | GearsDelete204Response;\nerror: GearsDeleteDefaultResponse;\nresult: undefined;\n};");
  });

  it("types a PATCH without a 200/201 body as unknown and a POST's result as undefined, as the poller resolves", () => {
    expect(text).toMatch(/Gears_Update: \{[^}]*result: unknown;/);
    expect(text).toMatch(/Gears_Polish: \{[^}]*result: undefined;/);
  });

  it("imports only the models it names", () => {
    expect(text).toContain('import type { GearOutput } from "./outputModels.js";');
  });
});

describe("the responses of long-running operations", () => {
  const text = emitResponses(ops, ["GearOutput", "ErrorResponseOutput"]);
  const declaration = (name: string) => text.slice(text.indexOf(`export interface ${name} `)).split("\n}")[0]!;

  it("say which method they answer, their default response too", () => {
    expect(declaration("GearsCreate201Response")).toContain('request: PipelineRequest & { method: "PUT" };');
    expect(declaration("GearsDeleteDefaultResponse")).toContain('request: PipelineRequest & { method: "DELETE" };');
    expect(text).toContain('import type { PipelineRequest } from "@azure/core-rest-pipeline";');
  });

  it("while other responses keep core-client's request type", () => {
    expect(declaration("GearsGet200Response")).not.toContain("request:");
  });
});

describe("the operationId tables of the span names", () => {
  const pagedList = { ...list, pageable: { nextLinkName: "nextLink", itemName: "value" } };
  const text = emitOperationIds([{ ...routes[0]!, operations: [pagedList] }, routes[1]!, routes[2]!]);
  const table = (name: string) => text.slice(text.indexOf(`export const ${name}`)).split("\n};")[0]!;

  it("key the long-running operations by the template without the shared prefix, then by method", () => {
    expect(table("longRunningOperationIds")).toContain('"/gears/{gearName}": { PUT: "Gears_Create", PATCH: "Gears_Update", DELETE: "Gears_Delete" },');
    expect(table("longRunningOperationIds")).toContain('"/gears/{gearName}/polish": { POST: "Gears_Polish" },');
    expect(table("longRunningOperationIds")).not.toMatch(/GET|Gears_List|Gears_Get"/);
  });

  it("list the pageable operations in a table of their own", () => {
    expect(table("pageableOperationIds")).toContain('"/gears": { GET: "Gears_List" },');
    expect(table("pageableOperationIds")).not.toMatch(/"\/gears\/\{gearName\}"/);
    expect(text).not.toContain("Microsoft.Widgets");
  });
});
