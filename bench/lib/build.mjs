// The bench measures the BUILT package. Rebuilds dist/ with tsup when it is missing or older than any source
// file, and compiles the reused bare core-client poll app (test/budget/bare.ts) to plain ESM that node can run.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";

const BUILD_TIMEOUT_MS = 5 * 60_000;

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Runs tsup if dist/index.js or dist/testing.js is missing or older than src/ or tsup.config.ts. */
export function ensureDist(root, log) {
  const outputs = ["dist/index.js", "dist/testing.js"].map((p) => join(root, p));
  const inputs = Math.max(newestMtime(join(root, "src")), statSync(join(root, "tsup.config.ts")).mtimeMs);
  const stale = outputs.some((p) => !existsSync(p) || statSync(p).mtimeMs < inputs);
  if (!stale) return log("dist/ is up to date");
  log("dist/ is missing or stale: building with tsup …");
  // tsup's chatter goes to stderr: stdout carries only the table.
  const r = spawnSync(join(root, "node_modules/.bin/tsup"), [], { cwd: root, stdio: ["ignore", 2, 2], timeout: BUILD_TIMEOUT_MS });
  if (r.status !== 0) throw new Error(`tsup failed (${r.status ?? r.signal})`);
}

/** test/budget/bare.ts → <workDir>/bare-poll.mjs, dependencies left as imports (resolved from node_modules). */
export async function compileBarePollApp(root, workDir) {
  const outfile = join(workDir, "bare-poll.mjs");
  await build({
    absWorkingDir: root,
    entryPoints: ["test/budget/bare.ts"],
    bundle: true,
    packages: "external",
    platform: "node",
    format: "esm",
    target: "node20",
    outfile,
    logLevel: "silent",
  });
  return outfile;
}

/**
 * Copies the built package and the bench's apps and children into <workDir>/snap, laid out as in the repo
 * (snap/dist, snap/bench/apps, snap/bench/children, snap/package.json), and returns snap's path. Every process
 * of a run loads this copy, so a `tsup` started meanwhile by someone else (it empties dist/ first) cannot
 * break a run half-way, and the whole run measures one build. node_modules still resolve from the repo above.
 */
export function snapshot(root, workDir) {
  const snap = join(workDir, "snap");
  rmSync(snap, { recursive: true, force: true });
  for (const file of ["dist/index.js", "dist/testing.cjs"]) {
    if (!existsSync(join(root, file))) throw new Error(`${file} is missing (is another build running?)`);
    cpSync(join(root, file), join(snap, file));
  }
  // The real package.json: "type": "module" for dist/*.js, "sideEffects": false for the bundler, as users get.
  cpSync(join(root, "package.json"), join(snap, "package.json"));
  cpSync(join(root, "bench/apps"), join(snap, "bench/apps"), { recursive: true });
  cpSync(join(root, "bench/children"), join(snap, "bench/children"), { recursive: true });
  return snap;
}
