#!/usr/bin/env node
// check:spec: fails when swagger/ differs in structure from the upstream 2024-04-01 spec.
// Usage: node scripts/check-spec.mjs [ours.json] [upstream.json]
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { compareSpecs } from "./spec/compare.mjs";
import { describeDifference } from "./spec/diff.mjs";
import { oursSpec, upstreamSpec } from "./spec/paths.mjs";

const ours = resolve(process.argv[2] ?? oursSpec);
const upstream = resolve(process.argv[3] ?? upstreamSpec);

if (!existsSync(upstream)) {
  console.log(`check:spec: upstream copy is absent (${upstream}); check skipped.`);
  process.exit(0);
}

let result;
try {
  result = compareSpecs(ours, upstream);
} catch (err) {
  console.error(`check:spec: ${err.message}`);
  process.exit(2);
}
for (const d of result.differences) console.log(describeDifference(d));
const { operations, schemas, differences } = result;
console.log(
  `check:spec: ${operations} operations, ${schemas.local}+${schemas.external} schemas compared, ` +
    `${differences.length} difference${differences.length === 1 ? "" : "s"}`,
);
process.exit(differences.length === 0 ? 0 : 1);
