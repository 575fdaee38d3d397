#!/usr/bin/env node
// `npm start`: builds dist/ when it is missing or older than src/, then runs the walkthrough
// (examples/walkthrough), which imports the built package by name, on the embedded mock ARM.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const OUTPUTS = ["dist/index.js", "dist/index.cjs", "dist/testing.js", "dist/cli.js"].map((f) => join(root, f));
const INPUTS = ["src", "package.json", "tsup.config.ts"].map((f) => join(root, f));

/** Newest modification time under `path`; the walk is bounded by the (small) source tree. */
function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

function needsBuild() {
  if (!OUTPUTS.every((f) => existsSync(f))) return "dist/ is missing";
  const built = Math.min(...OUTPUTS.map((f) => statSync(f).mtimeMs));
  return newest(INPUTS[0]) > built || INPUTS.slice(1).some((f) => statSync(f).mtimeMs > built) ? "src/ changed since the last build" : undefined;
}

const reason = needsBuild();
if (reason) {
  const started = Date.now();
  process.stdout.write(`Building the package (${reason})... `);
  const tsup = join(root, "node_modules", ".bin", process.platform === "win32" ? "tsup.cmd" : "tsup");
  const build = spawnSync(tsup, [], { cwd: root, encoding: "utf8", shell: process.platform === "win32" });
  if (build.status !== 0) {
    console.log("failed.\n");
    console.log(build.stdout, build.stderr);
    process.exit(1);
  }
  console.log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
}

await import("../examples/walkthrough/index.mjs");
