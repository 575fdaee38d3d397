// The steps of `npm test`, in the order they run. Cheap static checks first, then the build that the artefact
// tests need, then the suites. Each step is a separate process so that one crash cannot hide another's result.
import { existsSync } from "node:fs";
import { vitestCounts } from "./run-step.mjs";

const node = process.execPath;
const bin = (name) => `node_modules/.bin/${name}`;
const report = (name) => `.tmp/reports/${name}.json`;
const vitest = (name, args) => ({
  name,
  command: [bin("vitest"), "run", ...args, "--reporter=default", "--reporter=json", `--outputFile=${report(name)}`],
  counts: () => vitestCounts(report(name)),
});

export const steps = [
  { name: "check:spec", command: [node, "scripts/check-spec.mjs"] },
  { name: "generated-up-to-date", command: [node, "scripts/check-generated.mjs"] },
  { name: "typecheck", command: [bin("tsc"), "--noEmit", "-p", "."] },
  { name: "build", command: [bin("tsup")], stopOnFailure: true },
  vitest("vitest-node", ["--project", "node", "--project", "types"]),
];

export const hasFile = (path) => existsSync(path);
