import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

// The size budget step of `npm test` (scripts/bundle-budget.mjs), run as npm test runs it, with the ceilings read
// from a scratch file. It bundles the built package: npm test builds before this suite; without dist/ it is skipped.
const root = new URL("../..", import.meta.url).pathname;
const built = existsSync(join(root, "dist/index.js"));
if (!built)
  console.warn("[test/scripts] dist/index.js is absent (run the build): the bundle budget tests are skipped.");

const scratch = mkdtempSync(join(tmpdir(), "bundle-budget-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function budget(ceilings: object | undefined, ...args: string[]) {
  const file = join(scratch, "ceilings.json");
  rmSync(file, { force: true });
  if (ceilings) writeFileSync(file, JSON.stringify(ceilings));
  const run = spawnSync(process.execPath, ["scripts/bundle-budget.mjs", ...args], {
    cwd: root,
    encoding: "utf8",
    timeout: 120_000,
    env: { ...process.env, BUNDLE_BUDGET_CEILINGS: file },
  });
  return { ...run, file };
}

/** The bytes each app adds, as the script prints them ("+2,600 B"). */
function added(stdout: string): { get: number; lro: number } {
  const figure = (label: string) =>
    Number(new RegExp(`\\+ ${label}: .*\\(\\+([\\d,]+) B\\)`).exec(stdout)![1]!.replace(/,/g, ""));
  return { get: figure("a GET"), lro: figure("a GET and getLongRunningPoller") };
}

describe.skipIf(!built)("the bundle budget step", { timeout: 60_000 }, () => {
  it("records what each app adds, then passes at exactly those ceilings and prints both figures with their targets", () => {
    const recorded = budget(undefined, "--record");
    expect(recorded.status).toBe(0);
    const figures = JSON.parse(readFileSync(recorded.file, "utf8")) as { get: number; lro: number };
    expect(figures).toEqual(added(recorded.stdout));

    const run = budget(figures);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      /\+ a GET: \+\d+\.\d KB gzip \(\+[\d,]+ B\); target ≤ 2\.0 KB: (meets|not met yet); ceiling/,
    );
    expect(run.stdout).toMatch(/\+ a GET and getLongRunningPoller: .*target ≤ 6\.0 KB: (meets|not met yet); ceiling/);
    expect(run.stdout).toMatch(/standalone, for information: .*\(\d\.\d{3}×\)/);
  });

  it("fails when an app adds one byte more than its ceiling, and names the app", () => {
    const figures = added(budget(undefined, "--record").stdout);
    const run = budget({ ...figures, lro: figures.lro - 1 });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/\+ a GET and getLongRunningPoller: .*OVER the ceiling of/);
    expect(run.stdout).not.toMatch(/\+ a GET: .*OVER/);
    expect(run.stdout).toContain("bundle-budget: FAILED");
  });

  it("fails when no ceiling is recorded", () => {
    const run = budget({});
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("no ceiling recorded");
  });
});
