import type { Counts } from "./report.js";

/** Counts of a JUnit XML report (`deno test --junit-path`, `bun test --reporter=junit`), as report.ts writes them. */
export function junitCounts(xml: string): Counts {
  const cases = xml.match(/<testcase\b[^>]*?(\/>|>[\s\S]*?<\/testcase>)/g) ?? [];
  const failed = cases.filter((c) => /<failure\b/.test(c)).length;
  const skipped = cases.filter((c) => /<skipped\b/.test(c)).length;
  return { numPassedTests: cases.length - failed - skipped, numFailedTests: failed, numPendingTests: skipped };
}
