#!/usr/bin/env node
// `npm run bench` — measures this package side by side with raw fetch and bare @azure-rest/core-client against
// the embedded mock (HTTPS, 127.0.0.1, in its own process). Not part of `npm test`: it REPORTS figures and
// verdicts against the targets, it asserts nothing.
//
//   node bench/run.mjs [--quick] [--no-build] [section …]   sections: bundle cold-start per-request lro scale fleet
//
// --quick: fewer rounds, scale stops at 1,000 pollers, fleet runs 200. --no-build: measure dist/ as it is, even if
// stale.
//
// Prints a table and writes bench/results/<timestamp>.json (git-ignored).
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { compileBarePollApp, ensureDist, snapshot } from "./lib/build.mjs";
import { machine } from "./lib/machine.mjs";
import { startMockProcess } from "./lib/mock-process.mjs";
import { formatTable } from "./lib/table.mjs";

const root = fileURLToPath(new URL("..", import.meta.url)).replace(/\/$/, "");
const resultsDir = `${root}/bench/results`;
const workDir = `${resultsDir}/.build`;
const SECTIONS = ["bundle", "cold-start", "per-request", "lro", "scale", "fleet"];
const NEEDS_MOCK = new Set(["cold-start", "per-request", "lro", "scale", "fleet"]);

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const noBuild = args.includes("--no-build");
const unknownFlags = args.filter((a) => a.startsWith("--") && a !== "--quick" && a !== "--no-build");
const named = args.filter((a) => !a.startsWith("--"));
const unknown = named.filter((a) => !SECTIONS.includes(a));
if (unknownFlags.length || unknown.length) {
  console.error(`bench: unknown ${[...unknownFlags, ...unknown].join(", ")}; sections: ${SECTIONS.join(" ")}; flags: --quick --no-build`);
  process.exit(2);
}
const selected = named.length ? SECTIONS.filter((s) => named.includes(s)) : SECTIONS;
const log = (msg) => console.error(`bench: ${msg}`);

if (noBuild) log("--no-build: measuring dist/ as it is");
else ensureDist(root, log);
mkdirSync(workDir, { recursive: true });
const snap = snapshot(root, workDir);
const barePollApp = await compileBarePollApp(root, workDir);
const mock = selected.some((s) => NEEDS_MOCK.has(s)) ? await startMockProcess(snap, workDir) : undefined;
if (mock) log(`mock listening at ${mock.endpoint} (pid ${mock.pid})`);

const startedAt = new Date();
const report = { startedAt: startedAt.toISOString(), quick, noBuild, machine: machine(), sections: {} };
const rows = [];
try {
  for (const name of selected) {
    log(`section ${name} …`);
    const t0 = Date.now();
    const section = await import(`./sections/${name}.mjs`);
    try {
      const result = await section.run({ root, snap, mock, quick, workDir, barePollApp, log });
      rows.push(...result.rows);
      report.sections[name] = { ...result, seconds: (Date.now() - t0) / 1000 };
    } catch (e) {
      // One failed section is reported and does not hide the others.
      log(`section ${name} FAILED: ${e instanceof Error ? e.message : e}`);
      report.sections[name] = { error: String(e instanceof Error ? e.stack : e) };
    }
    log(`section ${name} done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
} finally {
  await mock?.close();
}

const m = report.machine;
report.loadAvg1mAtEnd = Number(os.loadavg()[0].toFixed(2));
const table = formatTable(rows);
const footer = [
  `machine: ${m.cpu}, ${m.nproc} cores, ${m.memGiB} GiB, ${m.os}, node ${m.node}${quick ? " (--quick)" : ""}; load avg (1 min) ${m.loadAvg1m} at start, ${report.loadAvg1mAtEnd} at end`,
  ...rows.length ? [] : ["(no rows)"],
  ...(report.sections.bundle ? ["anchors quoted from the issue, not measured here: @azure/arm-security bundle 51.8 KB gzip, cold start 3.0× fetch; core-lro based SDKs 6–8 s for the 5-poll LRO with Retry-After 0"] : []),
];
console.log(`${table}\n${footer.join("\n")}`);
mkdirSync(resultsDir, { recursive: true });
const file = `${resultsDir}/${startedAt.toISOString().replace(/[:.]/g, "-")}.json`;
writeFileSync(file, `${JSON.stringify({ ...report, table }, null, 2)}\n`);
log(`wrote ${file}`);
if (Object.values(report.sections).some((s) => s.error)) process.exitCode = 1;
