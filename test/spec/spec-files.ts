// Shared helpers for the swagger/ tests: reading our spec, its operations and its examples.
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { oursSpec } from "../../scripts/spec/paths.mjs";

export const swaggerDir = dirname(oursSpec);
export const commonTypesFile = resolve(swaggerDir, "common-types.json");

export type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

export const readJson = (file: string): Json => JSON.parse(readFileSync(file, "utf8"));

export interface OperationEntry {
  path: string;
  method: string;
  operationId: string;
  op: Json;
}

export function operations(spec: Json = readJson(oursSpec)): OperationEntry[] {
  const out: OperationEntry[] = [];
  for (const [path, item] of Object.entries<Json>(spec.paths)) {
    for (const method of ["get", "put", "post", "patch", "delete"]) {
      if (item[method]) out.push({ path, method, operationId: item[method].operationId, op: item[method] });
    }
  }
  return out;
}

export interface ExampleEntry extends OperationEntry {
  title: string;
  file: string;
}

export function examples(): ExampleEntry[] {
  return operations().flatMap((o) =>
    Object.entries<Json>(o.op["x-ms-examples"] ?? {}).map(([title, ref]) => ({
      ...o,
      title,
      file: resolve(swaggerDir, ref.$ref),
    })),
  );
}

/** All documentation strings (description, summary, title) anywhere in a JSON document. */
export function docStrings(doc: Json, out: string[] = [], depth = 0): string[] {
  if (depth > 64 || doc === null || typeof doc !== "object") return out;
  for (const [k, v] of Object.entries<Json>(doc)) {
    if (["description", "summary", "title"].includes(k) && typeof v === "string") out.push(v);
    else docStrings(v, out, depth + 1);
  }
  return out;
}
