// models.ts (input) and outputModels.ts (output): one declaration per named schema.
import type { ChoiceSchema, ObjectSchema, Property, SealedChoiceSchema } from "@autorest/codemodel";
import { jsDoc } from "../docs.js";
import { propertyKey } from "../naming.js";
import {
  type Direction,
  type NamedSchema,
  ownProperties,
  typeName,
  typeText,
  usefulParents,
} from "../model/schemas.js";

function propertyNotes(prop: Property, direction: Direction): string {
  const notes: string[] = [];
  if (prop.schema.type === "date-time") notes.push("Format: ISO 8601 date-time string.");
  if (direction === "output" && prop.readOnly === true) notes.push("Read-only: set by the service.");
  if (direction === "input" && (prop.extensions as Record<string, unknown> | undefined)?.["x-ms-secret"] === true) {
    notes.push("Secret: sent to the service, never returned by it.");
  }
  return notes.join(" ");
}

function emitProperty(prop: Property, direction: Direction): string {
  const optional = prop.required === true ? "" : "?";
  const type = typeText(prop.schema, direction, prop.nullable === true);
  const doc = jsDoc(prop.language.default.description, propertyNotes(prop, direction));
  return `${doc}${propertyKey(prop.serializedName)}${optional}: ${type};`;
}

function emitObject(schema: ObjectSchema, direction: Direction): string {
  const name = typeName(schema, direction);
  const props = ownProperties(schema, direction);
  const parents = usefulParents(schema, direction).map((p) => typeName(p, direction));
  if (props.length === 0 && parents.length === 0) {
    const why =
      direction === "output"
        ? "The service returns no properties of this model (secrets are never returned)."
        : "Every property of this model is read-only, so there is nothing to send.";
    return `${jsDoc(schema.language.default.description, why)}export type ${name} = Record<string, never>;`;
  }
  const heritage = parents.length > 0 ? ` extends ${parents.join(", ")}` : "";
  const body = props.map((p) => emitProperty(p, direction)).join("\n\n");
  return `${jsDoc(schema.language.default.description)}export interface ${name}${heritage} {\n${body}\n}`;
}

function emitChoice(schema: ChoiceSchema | SealedChoiceSchema, direction: Direction): string {
  const values = schema.choices.map((c) => JSON.stringify(c.value));
  const extensible = schema.type === "choice";
  const known = schema.choices
    .map((c) => {
      const desc = c.language.default.description;
      return `- ${JSON.stringify(c.value)}${desc ? `: ${desc}` : ""}`;
    })
    .join("\n");
  const rule = extensible
    ? "Extensible: the service may send values not listed here, so any string is accepted (editors still suggest the known ones)."
    : "Sealed: only these values are valid.";
  const doc = jsDoc(schema.language.default.description, `Known values:\n${known}`, rule);
  // `"A" | string` collapses to plain `string`, which loses editor completion and typo hints for the known
  // values; `string & {}` accepts every string too but is not reduced, so the literals stay in the type.
  const union = extensible ? [...values, "(string & {})"] : values;
  return `${doc}export type ${typeName(schema, direction)} = ${union.join(" | ")};`;
}

export function emitModels(named: NamedSchema[], direction: Direction): string {
  return named
    .map((schema) => (schema.type === "object" ? emitObject(schema, direction) : emitChoice(schema, direction)))
    .join("\n\n");
}
