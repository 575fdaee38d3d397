#!/usr/bin/env node
// `npm test`: every check the project makes, in order, each one counted. Vitest and Deno report their own test
// counts; the other steps (spec check, generated-code drift, type check, build, package lint) count as one test
// each. The last line is `N passed, N failed` (and `, N skipped`), which CI reads.
import { steps } from "./test/steps.mjs";
import { runStep } from "./test/run-step.mjs";

const only = process.argv.slice(2);
const totals = { passed: 0, failed: 0, skipped: 0 };
const failedSteps = [];
const started = Date.now();
console.log(`npm test on Node ${process.version}: the steps run on it, and node-<major> steps on the other majors.`);

for (const step of steps) {
  if (only.length > 0 && !only.includes(step.name)) continue;
  const result = await runStep(step);
  totals.passed += result.passed;
  totals.failed += result.failed;
  totals.skipped += result.skipped;
  if (result.failed > 0) failedSteps.push(step.name);
  if (result.failed > 0 && step.stopOnFailure) break;
}

const seconds = ((Date.now() - started) / 1000).toFixed(1);
if (failedSteps.length > 0) console.log(`\nFailed steps: ${failedSteps.join(", ")} (${seconds} s)`);
else console.log(`\nAll steps passed (${seconds} s)`);
const skipped = totals.skipped > 0 ? `, ${totals.skipped} skipped` : "";
console.log(`${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exitCode = totals.failed > 0 ? 1 : 0;
