// Runs one step of `npm test` as a child process, streams its output, and turns its outcome into counts.
import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";

/** @typedef {{ name: string, command: string[], env?: Record<string,string>, counts?: (code: number) => {passed:number, failed:number, skipped:number} | undefined, skip?: () => string | undefined, timeoutMs?: number, stopOnFailure?: boolean }} Step */

/** @param {Step} step */
export async function runStep(step) {
  const skipReason = step.skip?.();
  if (skipReason) {
    console.log(`\n▸ ${step.name}: skipped — ${skipReason}`);
    return { passed: 0, failed: 0, skipped: 1 };
  }
  console.log(`\n▸ ${step.name}: ${step.command.join(" ")}`);
  const started = Date.now();
  const code = await run(step);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const counted = step.counts?.(code);
  const result = counted ?? { passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, skipped: 0 };
  // A runner that exits non-zero must count as a failure even if its report says otherwise (crash, timeout).
  if (code !== 0 && result.failed === 0) result.failed = 1;
  console.log(`▸ ${step.name}: ${code === 0 ? "ok" : `FAILED (exit ${code})`} in ${seconds} s`);
  return result;
}

function run(step) {
  return new Promise((resolve) => {
    const child = spawn(step.command[0], step.command.slice(1), {
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, ...step.env },
    });
    // Bound every step: a hung child must fail the run, not stall CI until its 90-minute limit.
    const timer = setTimeout(() => {
      console.log(`▸ ${step.name}: timed out after ${step.timeoutMs} ms`);
      // SIGTERM first, so a runner can stop the runtimes it started (test/runtime-runner/child.ts); then SIGKILL.
      child.kill("SIGTERM");
      setTimeout(() => child.kill("SIGKILL"), 5_000).unref();
    }, step.timeoutMs ?? 10 * 60_000);
    child.on("error", (error) => {
      clearTimeout(timer);
      console.log(`▸ ${step.name}: could not start: ${error.message}`);
      resolve(127);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve(code ?? (signal ? 128 : 1));
    });
  });
}

/** Reads a vitest JSON report (`--reporter=json --outputFile=…`) into counts, removing it afterwards. */
export function vitestCounts(file) {
  if (!existsSync(file)) return undefined;
  const report = JSON.parse(readFileSync(file, "utf8"));
  rmSync(file, { force: true });
  return {
    passed: report.numPassedTests ?? 0,
    failed: report.numFailedTests ?? 0,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
}
