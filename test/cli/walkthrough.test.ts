// `npm start` runs scripts/start.mjs, which builds when needed and then this module; the module is run directly
// here so the test never rebuilds dist/ under the other suites' feet.
import { describe, expect, it } from "vitest";
import { root } from "./built.js";
import { runNode } from "./harness.js";

const clean: NodeJS.ProcessEnv = { PATH: process.env["PATH"], HOME: process.env["HOME"] };

describe("the walkthrough behind npm start", () => {
  it("runs every step on the embedded mock in a few seconds and exits 0", async () => {
    const started = Date.now();
    const r = await runNode([`${root}/examples/walkthrough/index.mjs`], clean, 30_000);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(Date.now() - started).toBeLessThan(15_000);
    const out = r.stdout;
    expect(out).toMatch(/walkthrough on the embedded mock ARM at https:\/\/127\.0\.0\.1:\d+/);
    const percents = [...out.matchAll(/\] +(\d+)%  (InProgress|Succeeded)/g)].map((m) => Number(m[1]));
    expect(percents).toEqual([0, 25, 50, 75, 100]);
    expect(out).toMatch(/DevOps configuration is Succeeded, autoDiscovery Enabled/);
    expect(out).toMatch(/page 1: contoso, contoso-labs\n {3}page 2: fabrikam, northwind\n {3}page 3: tailspin\n {3}5 owners in 3 pages/);
    expect(out).toMatch(/3\. Get an operation result\n {3}[\w-]+: Succeeded, 100% complete/);
    expect(out).toMatch(/DevOpsOperationError TokenExchangeFailed \(status Failed, 40% done\)\n {3}target: {2}properties\.authorization\.code/);
    expect(out).toMatch(/resumed poller: Succeeded at 100%/);
    expect(out).toMatch(/Done in \d+\.\d s\./);
    expect(out).not.toMatch(/\n\s+at /);
  });
});
