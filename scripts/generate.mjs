#!/usr/bin/env node
// Regenerates src/generated from the swagger with our AutoRest extension (codegen/).
// Quiet on success (one summary line); on failure prints AutoRest's whole output.
// AutoRest writes into .autorest/out; only a successful run replaces src/generated, so a
// failed run (or one in progress) never leaves others in this tree without generated code.
// Everything else AutoRest writes (home, temp, locks) also stays in .autorest/.
//
// Usage: node scripts/generate.mjs [--config <literate config>]   (default: swagger/README.md)
import { spawn } from "node:child_process";
import { mkdir, readdir, rename, rm } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const outDir = join(root, "src", "generated");
const stagingDir = join(root, ".autorest", "out");
const TIMEOUT_MS = 90_000;

function configPath() {
  const i = process.argv.indexOf("--config");
  if (i === -1) return join(root, "swagger", "README.md");
  const value = process.argv[i + 1];
  if (!value) throw new Error("--config needs a path to an AutoRest literate config (README.md)");
  return resolve(value);
}

function runAutorest(config) {
  const stateDir = join(root, ".autorest");
  const env = {
    ...process.env,
    HOME: join(stateDir, "home"),
    TMPDIR: join(stateDir, "tmp"),
    AUTOREST_HOME: join(stateDir, "home"),
    NO_COLOR: "1",
  };
  const args = [
    join(root, "node_modules", "autorest", "entrypoints", "app.js"),
    relative(root, config),
    "--version=./node_modules/@autorest/core",
    "--use=./node_modules/@autorest/modelerfour",
    "--use=./codegen",
    `--output-folder=${stagingDir}`,
  ];
  return new Promise((done) => {
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const timer = setTimeout(() => {
      output += `\n[generate] AutoRest did not finish within ${TIMEOUT_MS / 1000} s; stopped it.\n`;
      child.kill("SIGKILL");
    }, TIMEOUT_MS);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      done({ code: code ?? (signal ? 1 : 0), output });
    });
  });
}

const started = Date.now();
const config = configPath();
await rm(stagingDir, { recursive: true, force: true });
await Promise.all(["home", "tmp"].map((d) => mkdir(join(root, ".autorest", d), { recursive: true })));
const { code, output } = await runAutorest(config);
const written = await readdir(stagingDir).catch(() => []);
if (code !== 0 || written.length === 0) {
  process.stderr.write(output);
  process.stderr.write(
    `\n[generate] failed: AutoRest exit code ${code}, ${written.length} files written; src/generated left as it was\n`,
  );
  process.exit(1);
}
// Clear, then move in: stale files of an earlier generator version do not survive.
await rm(outDir, { recursive: true, force: true });
await mkdir(dirname(outDir), { recursive: true });
await rename(stagingDir, outDir);
const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(
  `generate: ${written.length} files in ${relative(root, outDir)} from ${relative(root, config)} (${seconds} s)`,
);
