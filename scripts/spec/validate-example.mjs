// A small validator for x-ms-examples values against our Swagger schemas (oav is not available).
// Checks what a client relies on: JSON types, date-time strings, enums (non-extensible ones only),
// required properties, undeclared properties, readOnly properties in requests, numeric bounds.
import { RefResolver } from "./refs.mjs";

const MAX_DEPTH = 64;
const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function typeOk(type, v) {
  switch (type) {
    case "string":
      return typeof v === "string";
    case "integer":
      return Number.isInteger(v);
    case "number":
      return typeof v === "number" && Number.isFinite(v);
    case "boolean":
      return typeof v === "boolean";
    case "array":
      return Array.isArray(v);
    case "object":
      return isObject(v);
    default:
      return true;
  }
}

/** Properties and required names of a schema including those inherited through allOf. */
function collect(refs, schema, file, depth, acc = { properties: {}, required: new Set(), additional: undefined }) {
  if (depth > MAX_DEPTH) throw new Error("allOf chain too deep");
  let s = schema;
  let f = file;
  if (typeof s.$ref === "string") ({ value: s, file: f } = refs.resolve(s.$ref, file));
  for (const part of s.allOf ?? []) collect(refs, part, f, depth + 1, acc);
  for (const [name, prop] of Object.entries(s.properties ?? {})) acc.properties[name] = { schema: prop, file: f };
  for (const name of s.required ?? []) acc.required.add(name);
  if (s.additionalProperties !== undefined) acc.additional = { schema: s.additionalProperties, file: f };
  return acc;
}

/**
 * @param {'request'|'response'} direction  readOnly properties are errors in requests only
 * @returns {string[]} one message per problem, each starting with the value's path
 */
export function validateValue(refs, value, schema, file, direction, path = "$", depth = 0, errors = []) {
  if (depth > MAX_DEPTH) throw new Error(`${path}: value nested deeper than ${MAX_DEPTH}`);
  let s = schema;
  let f = file;
  if (typeof s.$ref === "string") {
    const { $ref, ...siblings } = s;
    const target = refs.resolve($ref, file);
    s = { ...target.value, ...siblings };
    f = target.file;
  }
  const type = s.type ?? (s.properties || s.allOf ? "object" : undefined);
  if (type && !typeOk(type, value)) {
    errors.push(`${path}: expected ${type}, got ${JSON.stringify(value)}`);
    return errors;
  }
  if (
    s.format === "date-time" &&
    typeof value === "string" &&
    (!DATE_TIME.test(value) || Number.isNaN(Date.parse(value)))
  ) {
    errors.push(`${path}: "${value}" is not an RFC 3339 date-time`);
  }
  if (Array.isArray(s.enum) && !s.enum.includes(value) && !s["x-ms-enum"]?.modelAsString) {
    errors.push(`${path}: ${JSON.stringify(value)} is not one of ${JSON.stringify(s.enum)}`);
  }
  if (typeof value === "number") {
    if (s.minimum !== undefined && value < s.minimum) errors.push(`${path}: ${value} is below minimum ${s.minimum}`);
    if (s.maximum !== undefined && value > s.maximum) errors.push(`${path}: ${value} is above maximum ${s.maximum}`);
  }
  if (Array.isArray(value) && s.items) {
    value.forEach((item, i) => validateValue(refs, item, s.items, f, direction, `${path}[${i}]`, depth + 1, errors));
  }
  if (isObject(value) && type === "object") validateObject(refs, value, s, f, direction, path, depth, errors);
  return errors;
}

function validateObject(refs, value, schema, file, direction, path, depth, errors) {
  const { properties, required, additional } = collect(refs, schema, file, 0);
  const declared = Object.keys(properties).length > 0 || additional !== undefined;
  for (const name of required) if (!(name in value)) errors.push(`${path}: required property "${name}" is missing`);
  for (const [name, v] of Object.entries(value)) {
    const at = `${path}.${name}`;
    const prop = properties[name];
    if (prop) {
      const resolved =
        typeof prop.schema.$ref === "string" ? refs.resolve(prop.schema.$ref, prop.file).value : prop.schema;
      if (direction === "request" && (prop.schema.readOnly || resolved.readOnly)) {
        errors.push(`${at}: readOnly property must not be sent in a request`);
      }
      validateValue(refs, v, prop.schema, prop.file, direction, at, depth + 1, errors);
    } else if (isObject(additional?.schema)) {
      validateValue(refs, v, additional.schema, additional.file, direction, at, depth + 1, errors);
    } else if (declared && additional?.schema !== true) {
      errors.push(`${at}: property is not declared in the schema`);
    }
  }
}

/**
 * Validates one example file's parameters and response bodies against an operation.
 * @returns {string[]} problems, each prefixed with the example part they concern
 */
export function validateExample(specFile, operation, example, refs = new RefResolver()) {
  const errors = [];
  const params = operation.parameters.map((p) => (p.$ref ? refs.resolve(p.$ref, specFile).value : p));
  for (const p of params) {
    const v = example.parameters?.[p.name];
    if (v === undefined) {
      if (p.required) errors.push(`parameters.${p.name}: required parameter is missing`);
      continue;
    }
    const schema = p.in === "body" ? p.schema : p;
    const problems = validateValue(refs, v, schema, specFile, "request", `parameters.${p.name}`);
    if (p.in !== "body" && p.pattern && !new RegExp(p.pattern).test(v)) {
      problems.push(`parameters.${p.name}: "${v}" does not match ${p.pattern}`);
    }
    errors.push(...problems);
  }
  const known = new Set(params.map((p) => p.name));
  for (const name of Object.keys(example.parameters ?? {})) {
    if (!known.has(name)) errors.push(`parameters.${name}: the operation has no such parameter`);
  }
  for (const [code, response] of Object.entries(example.responses ?? {})) {
    const declared = operation.responses[code];
    if (!declared) {
      errors.push(`responses.${code}: the operation declares no such response`);
      continue;
    }
    if (response.body !== undefined && !declared.schema)
      errors.push(`responses.${code}.body: the response has no schema`);
    if (response.body !== undefined && declared.schema) {
      errors.push(
        ...validateValue(refs, response.body, declared.schema, specFile, "response", `responses.${code}.body`),
      );
    }
  }
  return errors;
}
