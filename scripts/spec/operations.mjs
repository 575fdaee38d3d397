// Canonical view of a whole spec: top-level facts, one entry per (path, method), and the
// definitions (by name) that the spec holds or reaches through $ref in other files.
import { basename, resolve } from "node:path";
import { generic, normParameter, normSchema, normSecurity, normSecurityDefinitions } from "./normalize.mjs";

export const METHODS = ["get", "put", "post", "patch", "delete", "head", "options"];

const sortedList = (v) => (Array.isArray(v) ? [...v].sort() : []);

function normResponse(ctx, response, file) {
  if (typeof response?.$ref === "string") {
    const target = ctx.refs.resolve(response.$ref, file);
    return normResponse(ctx, target.value, target.file);
  }
  const out = {};
  if (response.schema !== undefined) out.schema = normSchema(ctx, response.schema, file);
  if (response.headers && Object.keys(response.headers).length > 0) {
    out.headers = {};
    for (const name of Object.keys(response.headers).sort((a, b) => a.localeCompare(b))) {
      out.headers[name.toLowerCase()] = normSchema(ctx, response.headers[name], file);
    }
  }
  for (const [k, v] of Object.entries(response)) if (k.startsWith("x-")) out[k] = generic(v);
  if (out["x-ms-error-response"] === false) delete out["x-ms-error-response"];
  return out;
}

function normOperation(ctx, root, file, pathItem, method) {
  const op = pathItem[method];
  const params = {};
  // Operation-level parameters override path-level ones with the same in:name.
  for (const p of [...(pathItem.parameters ?? []), ...(op.parameters ?? [])]) {
    const { key, value } = normParameter(ctx, p, file);
    params[key] = value;
  }
  const responses = {};
  for (const code of Object.keys(op.responses ?? {}).sort()) {
    responses[code] = normResponse(ctx, op.responses[code], file);
  }
  const out = {
    operationId: op.operationId,
    parameters: Object.fromEntries(
      Object.keys(params)
        .sort()
        .map((k) => [k, params[k]]),
    ),
    consumes: sortedList(op.consumes ?? root.consumes),
    produces: sortedList(op.produces ?? root.produces),
    schemes: sortedList(op.schemes ?? root.schemes),
    security: normSecurity(op.security ?? root.security),
    responses,
  };
  if (op.deprecated === true) out.deprecated = true;
  for (const [k, v] of Object.entries(op)) {
    if (!k.startsWith("x-") || k === "x-ms-examples") continue;
    if (v === false && k === "x-ms-long-running-operation") continue;
    out[k] = generic(v);
  }
  return out;
}

/**
 * @param {import('./refs.mjs').RefResolver} refs
 * @returns {{ top: object, paths: object, operationCount: number, definitions: Map<string, object>, external: Map<string, object> }}
 */
export function describeSpec(refs, specPath) {
  const file = resolve(specPath);
  const root = refs.load(file);
  if (root?.swagger !== "2.0") throw new Error(`${file} is not a Swagger 2.0 document (swagger: "2.0" missing)`);
  const ctx = { refs, seen: new Set() };

  const top = {
    swagger: root.swagger,
    "info.version": root.info?.version,
    host: root.host,
    basePath: root.basePath,
    schemes: sortedList(root.schemes),
    consumes: sortedList(root.consumes),
    produces: sortedList(root.produces),
    security: normSecurity(root.security),
    securityDefinitions: normSecurityDefinitions(root.securityDefinitions),
  };
  for (const [k, v] of Object.entries(root)) if (k.startsWith("x-")) top[k] = generic(v);

  const paths = {};
  let operationCount = 0;
  for (const path of Object.keys(root.paths ?? {}).sort()) {
    const item = root.paths[path];
    paths[path] = {};
    for (const method of METHODS.filter((m) => item[m])) {
      paths[path][method] = normOperation(ctx, root, file, item, method);
      operationCount += 1;
    }
  }

  const definitions = new Map();
  for (const name of Object.keys(root.definitions ?? {}).sort()) {
    const key = `${file}#/definitions/${name}`;
    definitions.set(name, normSchema(ctx, root.definitions[name], file, [key]));
  }
  // Definitions in other files (common-types) count only when the spec reaches them.
  const external = new Map();
  for (const key of [...ctx.seen].sort()) {
    const [refFile, pointer] = key.split("#");
    const m = /^\/definitions\/([^/]+)$/.exec(pointer);
    if (refFile === file || !m) continue;
    const value = refs.resolve(`#${pointer}`, refFile).value;
    external.set(m[1], { file: basename(refFile), schema: normSchema(ctx, value, refFile, [key]) });
  }
  return { top, paths, operationCount, definitions, external };
}
