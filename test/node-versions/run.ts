// Runs the vitest node project and the packed-artefact tests (test/pack) on one Node major of the matrix:
// `tsx test/node-versions/run.ts 22`. vitest's own CLI file is started with that Node, which comes first on PATH
// for everything the suites spawn (the CLI's child processes, npm for the consumer installs). npm test adds one
// step per major other than its own Node's, whose run are the vitest-node and pack steps.
import { join } from "node:path";
import { root } from "../pack/consumer.js";
import { runChild } from "../runtime-runner/child.js";
import { addCounts, noCounts, readVitestReport, writeReport } from "../runtime-runner/report.js";
import { envFor, installNodeVersions } from "./install.js";

const SUITE_TIMEOUT_MS = 8 * 60_000;
const major = Number(process.argv[2]);
const node = installNodeVersions().find((v) => v.major === major);
if (!node) throw new Error(`test/node-versions/binaries/package.json has no Node ${process.argv[2]}`);

const SUITES: Record<string, string[]> = {
  "vitest node project": ["--project", "node"],
  pack: ["--config", "test/pack/vitest.config.ts"],
};

const total = noCounts();
const lines: string[] = [];
let code = 0;
for (const [suite, args] of Object.entries(SUITES)) {
  const report = join(root, ".tmp/reports", `node-${major}-${suite.replaceAll(" ", "-")}.json`);
  console.log(`\n[node ${node.version}] vitest run ${args.join(" ")}`);
  const result = await runChild(
    node.binary,
    [
      join(root, "node_modules/vitest/vitest.mjs"),
      "run",
      ...args,
      "--reporter=default",
      "--reporter=json",
      `--outputFile=${report}`,
    ],
    { cwd: root, env: { ...process.env, ...envFor(node) }, timeoutMs: SUITE_TIMEOUT_MS, output: "inherit" },
  );
  // No report (a crash, the time limit) counts as one failure.
  const counts = readVitestReport(report) ?? { ...noCounts(), numFailedTests: 1 };
  addCounts(total, counts);
  if (result.code !== 0) code = result.code;
  lines.push(
    `  ${suite}: ${counts.numPassedTests} passed, ${counts.numFailedTests} failed${result.timedOut ? " (timed out)" : ""}`,
  );
}
console.log(`\nNode ${node.version}:\n${lines.join("\n")}`);
writeReport(`node-${major}`, total);
process.exit(code);
