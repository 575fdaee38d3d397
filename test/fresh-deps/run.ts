// The behaviour suite against what npm gives a user today: the packed tarball installed into a project with no
// lockfile (test/pack/consumer.ts) by npm running on the newest Node of the matrix, so its dependencies are
// the newest releases within our ranges that accept that Node. Prints what it resolved beside the lockfile's
// versions, then runs behaviour.test.ts on that Node. Run with tsx (npm test does).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createConsumer, pack, root } from "../pack/consumer.js";
import { runChild } from "../runtime-runner/child.js";
import { noCounts, readVitestReport, writeReport } from "../runtime-runner/report.js";
import { envFor, installNodeVersions } from "../node-versions/install.js";

const SUITE_TIMEOUT_MS = 5 * 60_000;
// The libraries whose releases decide whether the package works: what it imports and what those build on.
const WATCHED = [
  "@azure-rest/core-client",
  "@azure/core-rest-pipeline",
  "@azure/core-lro",
  "@typespec/ts-http-runtime",
  "@azure/core-auth",
  "@azure/core-util",
  "@azure/core-tracing",
  "@azure/logger",
  "@azure/abort-controller",
];

type Lockfile = { packages: Record<string, { version?: string }> };

/** name -> every version the lockfile holds (a nested copy shows up as a second version). */
function versions(lockfile: string): Map<string, string[]> {
  const { packages } = JSON.parse(readFileSync(lockfile, "utf8")) as Lockfile;
  const found = new Map<string, string[]>();
  for (const [path, entry] of Object.entries(packages)) {
    const name = path.slice(path.lastIndexOf("node_modules/") + "node_modules/".length);
    if (!path.includes("node_modules/") || !WATCHED.includes(name) || !entry.version) continue;
    found.set(name, [...new Set([...(found.get(name) ?? []), entry.version])]);
  }
  return found;
}

const newest = installNodeVersions().at(-1)!;
const nodeEnv = envFor(newest);
console.log(`installing the packed tarball with npm on Node ${newest.version}, no lockfile`);
const dir = createConsumer("fresh-consumer", pack().tarball, [], nodeEnv);
// behaviour.test.ts imports this to load the package by name with the "import" condition, from inside the project.
writeFileSync(
  join(dir, "fresh-entry.mjs"),
  [
    'export * from "arm-security-devops";',
    'export { default } from "arm-security-devops";',
    'export const resolvedTo = import.meta.resolve("arm-security-devops");',
    "",
  ].join("\n"),
);
const fresh = versions(join(dir, "package-lock.json"));
const locked = versions(join(root, "package-lock.json"));
console.log(`\nresolved on Node ${newest.version} (the repository's lockfile in brackets):`);
for (const name of WATCHED) {
  const got = fresh.get(name)?.join(", ") ?? "not installed";
  const pinned = locked.get(name)?.join(", ") ?? "none";
  console.log(`  ${name.padEnd(28)} ${got.padEnd(16)} [${pinned}]${got === pinned ? "" : "  <- differs"}`);
}

const report = join(root, ".tmp/reports/fresh-deps-vitest.json");
const result = await runChild(
  newest.binary,
  [
    join(root, "node_modules/vitest/vitest.mjs"),
    "run",
    "--config",
    "test/fresh-deps/vitest.config.ts",
    "--reporter=default",
    "--reporter=json",
    `--outputFile=${report}`,
  ],
  {
    cwd: root,
    env: { ...process.env, ...nodeEnv, ARM_FRESH_CONSUMER: dir },
    timeoutMs: SUITE_TIMEOUT_MS,
    output: "inherit",
  },
);
writeReport("fresh-deps", readVitestReport(report) ?? { ...noCounts(), numFailedTests: 1 });
process.exit(result.code);
