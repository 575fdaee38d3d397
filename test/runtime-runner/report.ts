// The counts a runtime suite hands to `npm test`, in the shape of vitest's JSON report (scripts/test/run-step.mjs
// reads .tmp/reports/<name>.json with vitestCounts).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { root } from "../pack/consumer.js";

export interface Counts {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
}

export const noCounts = (): Counts => ({ numPassedTests: 0, numFailedTests: 0, numPendingTests: 0 });

export function addCounts(total: Counts, more: Counts): void {
  total.numPassedTests += more.numPassedTests;
  total.numFailedTests += more.numFailedTests;
  total.numPendingTests += more.numPendingTests;
}

export function writeReport(name: string, counts: Counts): void {
  mkdirSync(join(root, ".tmp/reports"), { recursive: true });
  writeFileSync(join(root, ".tmp/reports", `${name}.json`), JSON.stringify(counts));
  const skipped = counts.numPendingTests > 0 ? `, ${counts.numPendingTests} skipped` : "";
  console.log(`\n${name}: ${counts.numPassedTests} passed, ${counts.numFailedTests} failed${skipped}`);
}

/** The counts of a vitest JSON report (`--reporter=json --outputFile=…`), or undefined when it was not written. */
export function readVitestReport(file: string): Counts | undefined {
  if (!existsSync(file)) return undefined;
  const report = JSON.parse(readFileSync(file, "utf8")) as Partial<Counts> & { numTodoTests?: number };
  return {
    numPassedTests: report.numPassedTests ?? 0,
    numFailedTests: report.numFailedTests ?? 0,
    numPendingTests: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
}
