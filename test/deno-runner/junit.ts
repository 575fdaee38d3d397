/** Counts of a `deno test --junit-path` report, in the shape of vitest's JSON report that npm test reads. */
export function junitCounts(xml: string): { numPassedTests: number; numFailedTests: number; numPendingTests: number } {
  const cases = xml.match(/<testcase\b[^>]*?(\/>|>[\s\S]*?<\/testcase>)/g) ?? [];
  const failed = cases.filter((c) => /<failure\b/.test(c)).length;
  const skipped = cases.filter((c) => /<skipped\b/.test(c)).length;
  return { numPassedTests: cases.length - failed - skipped, numFailedTests: failed, numPendingTests: skipped };
}
