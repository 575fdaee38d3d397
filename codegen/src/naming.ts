// Identifier helpers shared by every emitter.

/** "devOps_operation-results" -> "DevOpsOperationResults"; keeps inner capitals. */
export function pascalCase(name: string): string {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part.length > 0)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join("");
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A property key as it must be written in a type literal. */
export function propertyKey(name: string): string {
  return IDENTIFIER.test(name) ? name : JSON.stringify(name);
}

/** Name of an output model: RLC appends "Output" to every response-side type. */
export function outputName(name: string): string {
  return `${name}Output`;
}
