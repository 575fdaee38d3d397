// Builds the emitter-facing ApiInfo from modelerfour's code model.
// Anything this generator does not support fails here, loudly, rather than
// producing a client that silently misses part of the spec.
import type { CodeModel, HttpHeader, Operation, Parameter, Response, Schema } from "@autorest/codemodel";
import type { ApiInfo, HttpMethod, OperationInfo, PathParameter, ResponseInfo, RouteInfo } from "./api.js";
import { pascalCase } from "../naming.js";

const METHODS: readonly HttpMethod[] = ["get", "put", "post", "patch", "delete", "head"];

function httpOf(item: { protocol: { http?: Record<string, unknown> } }): Record<string, any> {
  return (item.protocol.http ?? {}) as Record<string, any>;
}

function describe(item: { language: { default: { description?: string; summary?: string } } }): string {
  const lang = item.language.default;
  return lang.description || lang.summary || "";
}

function pathParameter(param: Parameter): PathParameter {
  const schema = param.schema as Schema & { minLength?: number; maxLength?: number; pattern?: string };
  return {
    name: param.language.default.serializedName ?? param.language.default.name,
    description: describe(param),
    ...(schema.minLength !== undefined && { minLength: schema.minLength }),
    ...(schema.maxLength !== undefined && { maxLength: schema.maxLength }),
    ...(schema.pattern !== undefined && { pattern: schema.pattern }),
  };
}

/** Path parameters in the order they appear in the template (the Routes signature order). */
function orderedPathParameters(op: Operation, path: string): PathParameter[] {
  const byName = new Map<string, PathParameter>();
  for (const param of op.parameters ?? []) {
    if (httpOf(param).in === "path") byName.set(pathParameter(param).name, pathParameter(param));
  }
  const names = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
  return names.map((name) => {
    const found = byName.get(name);
    if (!found) throw new Error(`${op.operationId}: path parameter {${name}} is not declared`);
    return found;
  });
}

function responseInfo(response: Response, opId: string): ResponseInfo[] {
  const codes: string[] = httpOf(response).statusCodes ?? [];
  if (codes.length === 0) throw new Error(`${opId}: a response has no status code`);
  const schema = (response as Response & { schema?: Schema }).schema;
  const headers = ((httpOf(response).headers ?? []) as HttpHeader[]).map((h) => ({
    name: h.header,
    description: describe(h),
    schema: h.schema,
  }));
  return codes.map((status) => ({ status, description: describe(response), headers, ...(schema && { schema }) }));
}

function operationInfo(groupName: string, op: Operation, apiVersion: { value?: string }): OperationInfo {
  const operationId = op.operationId ?? `${groupName}_${op.language.default.name}`;
  if ((op.requests ?? []).length !== 1) throw new Error(`${operationId}: expected exactly one request shape`);
  const request = op.requests![0]!;
  const http = httpOf(request);
  const method = String(http.method).toLowerCase() as HttpMethod;
  if (!METHODS.includes(method)) throw new Error(`${operationId}: unsupported method ${http.method}`);
  const path: string = http.path;

  const unsupported = [...(op.parameters ?? []), ...(request.parameters ?? [])].filter((p) => {
    const where = httpOf(p).in;
    if (where === "path" || where === "uri" || where === "body") return false;
    if (p.origin === "modelerfour:synthesized/api-version" || p.origin === "modelerfour:synthesized/accept")
      return false;
    return true;
  });
  if (unsupported.length > 0) {
    const names = unsupported.map((p) => `${httpOf(p).in}:${p.language.default.serializedName}`).join(", ");
    throw new Error(`${operationId}: parameters not supported by this generator: ${names}`);
  }
  const apiParam = (op.parameters ?? []).find((p) => p.origin === "modelerfour:synthesized/api-version");
  const apiValue = (apiParam?.schema as (Schema & { value?: { value?: string } }) | undefined)?.value?.value;
  if (apiValue) apiVersion.value = apiValue;

  const bodyParam = (request.parameters ?? []).find((p) => httpOf(p).in === "body");
  const exceptions = (op.exceptions ?? []).flatMap((r) => responseInfo(r, operationId));
  if (exceptions.length !== 1 || exceptions[0]!.status !== "default" || !exceptions[0]!.schema) {
    throw new Error(`${operationId}: expected exactly one "default" error response with a schema`);
  }
  const ext = (op.extensions ?? {}) as Record<string, any>;
  const pageable = ext["x-ms-pageable"];
  return {
    operationId,
    typeName: pascalCase(groupName) + pascalCase(op.language.default.name),
    method,
    path,
    description: describe(op),
    pathParameters: orderedPathParameters(op, path),
    ...(bodyParam && {
      body: { schema: bodyParam.schema, required: bodyParam.required === true, description: describe(bodyParam) },
    }),
    responses: (op.responses ?? []).flatMap((r) => responseInfo(r, operationId)),
    errorResponse: exceptions[0]!,
    ...(ext["x-ms-long-running-operation"] === true && {
      longRunning: {
        ...(ext["x-ms-long-running-operation-options"]?.["final-state-via"] && {
          finalStateVia: String(ext["x-ms-long-running-operation-options"]["final-state-via"]),
        }),
      },
    }),
    ...(pageable && {
      pageable: {
        nextLinkName: pageable.nextLinkName ?? null,
        itemName: pageable.itemName ?? "value",
      },
    }),
  };
}

export function buildApi(model: CodeModel): ApiInfo {
  const apiVersion: { value?: string } = {};
  const operations = (model.operationGroups ?? []).flatMap((group) =>
    group.operations.map((op) => operationInfo(group.language.default.name, op, apiVersion)),
  );
  const routes = new Map<string, RouteInfo>();
  for (const op of operations) {
    let route = routes.get(op.path);
    if (!route) {
      route = { path: op.path, typeName: op.typeName, pathParameters: op.pathParameters, operations: [] };
      routes.set(op.path, route);
    }
    if (route.operations.some((o) => o.method === op.method)) {
      throw new Error(`${op.operationId}: a second ${op.method.toUpperCase()} on ${op.path}`);
    }
    route.operations.push(op);
  }
  const host = (model.globalParameters ?? []).find((p) => p.origin === "modelerfour:synthesized/host");
  if (!apiVersion.value) throw new Error("the spec declares no api-version parameter");
  return {
    operations,
    routes: [...routes.values()],
    apiVersion: apiVersion.value,
    defaultEndpoint: String(host?.clientDefaultValue ?? "https://management.azure.com"),
  };
}
