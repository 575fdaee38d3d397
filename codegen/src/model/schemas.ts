// Turns code-model schemas into TypeScript type text, for one direction:
// "input" models (what users send: readOnly properties left out) or
// "output" models (what the service returns: x-ms-secret properties left out).
import type { ChoiceSchema, ObjectSchema, Property, Schema, SealedChoiceSchema } from "@autorest/codemodel";
import { outputName } from "../naming.js";

export type Direction = "input" | "output";

/** A named type the emitters must declare: an object model or an enum alias. */
export type NamedSchema = ObjectSchema | ChoiceSchema | SealedChoiceSchema;

const STRING_LIKE = new Set([
  "string",
  "char",
  "date",
  "time",
  "date-time",
  "duration",
  "uuid",
  "uri",
  "arm-id",
  "byte-array",
  "credential",
]);

export function isNamed(schema: Schema): schema is NamedSchema {
  return schema.type === "object" || schema.type === "choice" || schema.type === "sealed-choice";
}

export function typeName(schema: NamedSchema, direction: Direction): string {
  const name = schema.language.default.name;
  return direction === "output" ? outputName(name) : name;
}

/** The properties a model declares itself (not inherited) that exist in this direction. */
export function ownProperties(schema: ObjectSchema, direction: Direction): Property[] {
  return (schema.properties ?? []).filter((p) => {
    if (direction === "input") return p.readOnly !== true;
    return (p.extensions as Record<string, unknown> | undefined)?.["x-ms-secret"] !== true;
  });
}

/** Immediate allOf parents that contribute at least one property in this direction. */
export function usefulParents(schema: ObjectSchema, direction: Direction): ObjectSchema[] {
  const parents = (schema.parents?.immediate ?? []) as Schema[];
  return parents.filter((p): p is ObjectSchema => p.type === "object" && hasProperties(p as ObjectSchema, direction));
}

export function hasProperties(schema: ObjectSchema, direction: Direction): boolean {
  return ownProperties(schema, direction).length > 0 || usefulParents(schema, direction).length > 0;
}

function assertSupported(schema: ObjectSchema): void {
  if (schema.discriminator || schema.discriminatorValue) {
    throw new Error(`${schema.language.default.name}: polymorphic models are not supported by this generator`);
  }
}

/** TypeScript type text for a schema used as a property, element or body. */
export function typeText(schema: Schema, direction: Direction, nullable = false): string {
  const text = baseTypeText(schema, direction);
  return nullable ? `${text} | null` : text;
}

function baseTypeText(schema: Schema, direction: Direction): string {
  if (isNamed(schema)) return typeName(schema, direction);
  const s = schema as Schema & { elementType?: Schema; value?: { value: unknown } };
  switch (schema.type) {
    case "array":
      return `Array<${typeText(s.elementType!, direction)}>`;
    case "dictionary":
      return `Record<string, ${typeText(s.elementType!, direction)}>`;
    case "constant":
      return JSON.stringify(s.value!.value);
    case "boolean":
      return "boolean";
    case "integer":
    case "number":
    case "unixtime":
      return "number";
    case "any-object":
      return "Record<string, unknown>";
    case "any":
      return "unknown";
    default:
      if (STRING_LIKE.has(schema.type)) return "string";
      throw new Error(`${schema.language.default.name}: schema type "${schema.type}" is not supported`);
  }
}

/** Every named schema reachable from the roots in this direction, in first-seen order. */
export function collectNamed(roots: Schema[], direction: Direction): NamedSchema[] {
  const seen = new Set<Schema>();
  const names = new Map<string, Schema>();
  const order: NamedSchema[] = [];
  const visit = (schema: Schema | undefined): void => {
    if (!schema || seen.has(schema)) return;
    seen.add(schema);
    const s = schema as Schema & { elementType?: Schema };
    if (s.elementType) visit(s.elementType);
    if (!isNamed(schema)) return;
    const name = typeName(schema, direction);
    if (names.has(name)) throw new Error(`two different schemas are both named ${name}`);
    names.set(name, schema);
    order.push(schema);
    if (schema.type !== "object") return;
    assertSupported(schema);
    for (const parent of usefulParents(schema, direction)) visit(parent);
    for (const prop of ownProperties(schema, direction)) visit(prop.schema);
  };
  roots.forEach(visit);
  return order;
}
