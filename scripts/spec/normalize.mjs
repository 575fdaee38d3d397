// Turns Swagger fragments into a canonical structure that two specs can be deep-compared on:
// $refs resolved (definition names vanish), documentation dropped, order-free arrays sorted,
// booleans that equal their default dropped. Recursive schemas become { $recursion: n }, where n
// counts how many $ref levels up the cycle closes, so the marker does not depend on names.

/** Keys that only document; never compared. */
export const DOC_KEYS = new Set([
  "description",
  "summary",
  "title",
  "example",
  "examples",
  "x-ms-examples",
  "tags",
  "externalDocs",
]);

/** Booleans whose absence means false; `false` is dropped so that absent and false compare equal. */
const FALSE_BY_DEFAULT = new Set([
  "readOnly",
  "required",
  "deprecated",
  "uniqueItems",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "x-nullable",
  "x-ms-secret",
  "x-ms-client-flatten",
  "x-ms-azure-resource",
  "x-ms-long-running-operation",
  "x-ms-skip-url-encoding",
  "x-ms-error-response",
  "x-ms-external",
]);

/** Deeper than this, the input is assumed to be broken rather than merely nested. */
const MAX_DEPTH = 64;

const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
const byJson = (a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : JSON.stringify(a) > JSON.stringify(b) ? 1 : 0);

function finish(out) {
  const sorted = {};
  for (const key of Object.keys(out).sort()) {
    const v = out[key];
    if (v === undefined || (v === false && FALSE_BY_DEFAULT.has(key))) continue;
    sorted[key] = v;
  }
  return sorted;
}

/** Documentation-free, key-sorted copy of plain data (extension values, defaults, scopes...). */
export function generic(value, depth = 0) {
  if (depth > MAX_DEPTH) throw new Error("value nested too deeply");
  if (Array.isArray(value)) return value.map((v) => generic(v, depth + 1));
  if (!isObject(value)) return value;
  const out = {};
  for (const [k, v] of Object.entries(value)) if (!DOC_KEYS.has(k)) out[k] = generic(v, depth + 1);
  return finish(out);
}

function normEnumExtension(xmsEnum) {
  const out = generic(xmsEnum);
  if (out.modelAsString === false) delete out.modelAsString;
  if (out.modelAsExtensible === false) delete out.modelAsExtensible;
  if (Array.isArray(out.values)) out.values = [...out.values].sort(byJson);
  return out;
}

/**
 * Canonical form of a schema.
 * @param {{ refs: import('./refs.mjs').RefResolver, seen: Set<string> }} ctx
 * @param {string[]} stack  ref keys being expanded, outermost first
 */
export function normSchema(ctx, schema, file, stack = []) {
  if (stack.length > MAX_DEPTH) throw new Error(`schema nesting deeper than ${MAX_DEPTH} at ${stack.at(-1)}`);
  if (!isObject(schema)) return schema;
  if (typeof schema.$ref === "string") {
    const target = ctx.refs.resolve(schema.$ref, file);
    ctx.seen.add(target.key);
    const at = stack.indexOf(target.key);
    const base =
      at === -1
        ? normSchema(ctx, target.value, target.file, [...stack, target.key])
        : { $recursion: stack.length - at };
    const { $ref: _ignored, ...siblings } = schema;
    const extra = normSchema(ctx, siblings, file, stack);
    return Object.keys(extra).length === 0 ? base : finish({ ...base, ...extra });
  }
  const out = {};
  for (const [key, v] of Object.entries(schema)) {
    if (DOC_KEYS.has(key)) continue;
    const sub = (s) => normSchema(ctx, s, file, stack);
    switch (key) {
      case "properties":
        out[key] = Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((name) => [name, sub(v[name])]),
        );
        break;
      case "items":
        out[key] = Array.isArray(v) ? v.map(sub) : sub(v);
        break;
      case "additionalProperties":
        out[key] = isObject(v) ? sub(v) : v;
        break;
      case "allOf":
      case "anyOf":
      case "oneOf":
        out[key] = v.map(sub).sort(byJson);
        break;
      case "required":
        // A schema's `required` is a list of names; a parameter's is a boolean.
        if (Array.isArray(v)) {
          if (v.length > 0) out[key] = [...v].sort();
        } else out[key] = v;
        break;
      case "enum":
        out[key] = [...v].sort(byJson);
        break;
      case "x-ms-enum":
        out[key] = normEnumExtension(v);
        break;
      case "x-ms-identifiers":
      case "x-ms-mutability":
        out[key] = [...v].sort();
        break;
      case "schema":
        out[key] = sub(v);
        break;
      default:
        out[key] = generic(v);
    }
  }
  return finish(out);
}

/**
 * Canonical form of a parameter and its key "in:name". A parameter reached through `$ref` to a
 * shared definition is a client parameter unless it says otherwise (AutoRest's rule).
 */
export function normParameter(ctx, param, file, viaRef = false) {
  if (isObject(param) && typeof param.$ref === "string") {
    const target = ctx.refs.resolve(param.$ref, file);
    return normParameter(ctx, target.value, target.file, true);
  }
  if (!isObject(param) || typeof param.in !== "string" || typeof param.name !== "string") {
    throw new Error(`parameter in ${file} needs "in" and "name": ${JSON.stringify(param)}`);
  }
  const out = normSchema(ctx, param, file, []);
  out["x-ms-parameter-location"] ??= viaRef ? "client" : "method";
  const name = param.in === "header" ? param.name.toLowerCase() : param.name;
  return { key: `${param.in}:${name}`, value: finish(out) };
}

/** Canonical security requirements: scopes sorted, requirement list sorted. */
export function normSecurity(security) {
  if (!Array.isArray(security)) return [];
  return security
    .map((req) =>
      Object.fromEntries(
        Object.keys(req)
          .sort()
          .map((k) => [k, [...req[k]].sort()]),
      ),
    )
    .sort(byJson);
}

/** Security definitions without their documentation; scope descriptions are documentation too. */
export function normSecurityDefinitions(defs) {
  const out = {};
  for (const name of Object.keys(defs ?? {}).sort()) {
    const { scopes, ...rest } = defs[name];
    out[name] = finish({ ...generic(rest), scopes: scopes ? Object.keys(scopes).sort() : undefined });
  }
  return out;
}
