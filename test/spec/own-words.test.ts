import { existsSync, readdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { oursSpec, upstreamCommonTypes, upstreamSpec } from "../../scripts/spec/paths.mjs";
import { commonTypesFile, docStrings, examples, operations, readJson, type Json } from "./spec-files.js";

const hasUpstream = existsSync(upstreamSpec) && existsSync(upstreamCommonTypes);
if (!hasUpstream) console.warn(`[test/spec] upstream copy absent (${upstreamSpec}): own-words tests skipped.`);

const normal = (s: string) => s.replace(/\s+/g, " ").trim().toLowerCase();

/** Every string value of a JSON document, recursively. */
function strings(doc: Json, out: Set<string> = new Set(), depth = 0): Set<string> {
  if (typeof doc === "string") out.add(doc);
  else if (doc && typeof doc === "object" && depth < 64) for (const v of Object.values(doc)) strings(v, out, depth + 1);
  return out;
}

function enumValues(doc: Json, out: string[] = [], depth = 0): string[] {
  if (!doc || typeof doc !== "object" || depth > 64) return out;
  if (Array.isArray(doc.enum)) out.push(...doc.enum);
  for (const v of Object.values(doc)) enumValues(v, out, depth + 1);
  return out;
}

describe.skipIf(!hasUpstream)("swagger/ is written in our own words", () => {
  it("has no description, summary or title longer than 40 characters equal to an upstream one", () => {
    const theirs = new Set(
      [...docStrings(readJson(upstreamSpec)), ...docStrings(readJson(upstreamCommonTypes))].map(normal),
    );
    const ours = [...docStrings(readJson(oursSpec)), ...docStrings(readJson(commonTypesFile))];
    expect(ours.length).toBeGreaterThan(200);
    expect(ours.filter((s) => s.length > 40 && theirs.has(normal(s)))).toEqual([]);
  });

  it("uses example values of its own: no upstream identifier, URL or sample name of 12+ characters", () => {
    const dir = resolve(dirname(upstreamSpec), "examples/SecurityConnectorsDevOps");
    const theirs = new Set<string>();
    for (const f of readdirSync(dir)) strings(readJson(resolve(dir, f)), theirs);
    // Enum values and the documented error code are API facts, not sample data.
    const facts = new Set([...enumValues(readJson(upstreamSpec)), "TokenExchangeFailed"]);
    const distinctive = [...theirs].filter(
      (s) => s.length >= 12 && !facts.has(s) && !/^(Microsoft\.Security\/|20\d\d-)/.test(s),
    );
    expect(distinctive.length).toBeGreaterThan(20);
    const ours = new Set<string>();
    for (const e of examples()) strings(readJson(e.file), ours);
    expect([...ours].filter((s) => distinctive.some((t) => s.includes(t)))).toEqual([]);
  });
});

describe("swagger/ documentation", () => {
  it("gives every operation a summary and a description", () => {
    for (const { operationId, op } of operations()) {
      expect(op.summary?.length, operationId).toBeGreaterThan(10);
      expect(op.description?.length, operationId).toBeGreaterThan(30);
    }
  });

  it("tells users of long-running operations to poll DevOpsOperationResults_Get", () => {
    const lro = operations().filter((o) => o.op["x-ms-long-running-operation"]);
    expect(lro).toHaveLength(9);
    for (const { operationId, op } of lro)
      expect(op.description, operationId).toMatch(/Azure-AsyncOperation.*DevOpsOperationResults_Get/s);
  });

  it("says that OperationStatusResult.status is a free string whose final values are Succeeded, Failed and Canceled", () => {
    const status = readJson(commonTypesFile).definitions.OperationStatusResult.properties.status;
    expect(status.enum).toBeUndefined();
    expect(status.description).toMatch(/free-form/i);
    for (const word of ["Succeeded", "Failed", "Canceled"]) expect(status.description).toContain(word);
  });
});
