#!/usr/bin/env node
// Fails when `npm run generate` changes src/generated: generated code is committed, so a spec or generator change
// that was not regenerated (or a hand edit of src/generated) must not pass. Works without git: it fingerprints every
// file before and after regenerating in place, and lists what changed.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { spawnSync } from "node:child_process";

const root = "src/generated";

function fingerprint(dir) {
  const files = new Map();
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(root, path), createHash("sha256").update(readFileSync(path)).digest("hex"));
    }
  };
  walk(dir);
  return files;
}

const before = fingerprint(root);
const run = spawnSync(process.execPath, ["scripts/generate.mjs"], { stdio: "inherit" });
if (run.status !== 0) {
  console.error("check-generated: `npm run generate` failed");
  process.exit(1);
}
const after = fingerprint(root);
const changed = [...new Set([...before.keys(), ...after.keys()])].filter((f) => before.get(f) !== after.get(f)).sort();
if (changed.length > 0) {
  console.error(`check-generated: regenerating changed ${changed.length} file(s) in ${root}:`);
  for (const f of changed) console.error(`  ${before.has(f) ? (after.has(f) ? "changed" : "removed") : "added"}: ${f}`);
  console.error("Commit the regenerated code, or fix the spec/generator. src/generated is never edited by hand.");
  process.exit(1);
}
console.log(`check-generated: ${after.size} generated files match swagger/ and codegen/`);
