import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { idFlags, startCliHarness, type CliHarness } from "./harness.js";

let h: CliHarness;
beforeAll(async () => (h = await startCliHarness()));
afterAll(() => h?.close());
beforeEach(() => h.mock.reset());

describe("arm-security-devops wait", () => {
  it("exits 0 once the operation Succeeded and prints one progress line per change when not on a terminal", async () => {
    const url = h.mock.addOperationResult("op-ok", { steps: [0, 25, 50, 75] });
    const r = await h.run(["wait", url, "--endpoint", h.mock.endpoint]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Status\s+Succeeded \(100%\)$/m);
    const lines = r.stderr.trim().split("\n").map((l) => l.trim().replace(/^\d+\.\ds\s+/, ""));
    expect(lines).toEqual(["InProgress 0%", "InProgress 25%", "InProgress 50%", "InProgress 75%", "Succeeded 100%"]);
    expect(r.stderr).not.toContain("\r");
  });

  it("prints a line only when the status or percentage changes", async () => {
    h.mock.addOperationResult("op-repeat", { steps: [10, 10, 10, 30] });
    const r = await h.run(["wait", "op-repeat", ...idFlags(h.mock)]);
    expect(r.code).toBe(0);
    expect(r.stderr.match(/InProgress 10%/g)).toHaveLength(1);
    expect(h.mock.pollCount("op-repeat")).toBe(5);
  });

  it("exits 1 for a Failed operation and prints its code, target and message", async () => {
    h.mock.addOperationResult("op-failed", { steps: [0, 40], outcome: "Failed" });
    const r = await h.run(["wait", "op-failed", ...idFlags(h.mock)]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^Status\s+Failed \(40%\)$/m);
    expect(r.stdout).toMatch(/^Error\s+TokenExchangeFailed \(target: properties\.authorization\.code\)$/m);
    expect(r.stdout).toMatch(/The Azure DevOps OAuth token exchange failed/);
  });

  it("exits 1 for a Canceled operation", async () => {
    h.mock.addOperationResult("op-canceled", { steps: [0], outcome: "Canceled" });
    const r = await h.run(["wait", "op-canceled", ...idFlags(h.mock)]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^Status\s+Canceled/m);
    expect(r.stdout).toMatch(/OperationCanceled/);
  });

  it("prints only the final OperationStatusResult as JSON with --json, also when it failed", async () => {
    h.mock.addOperationResult("op-json", { steps: [0, 50], outcome: "Failed" });
    const r = await h.run(["wait", "op-json", ...idFlags(h.mock), "--json"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toMatchObject({ name: "op-json", status: "Failed", error: { code: "TokenExchangeFailed" } });
  });

  it("waits the --interval between polls when the service sends no Retry-After", async () => {
    h.mock.addOperationResult("op-interval", { steps: [0, 50], retryAfter: null });
    const started = Date.now();
    const r = await h.run(["wait", "op-interval", ...idFlags(h.mock), "--interval", "300ms"]);
    expect(r.code).toBe(0);
    // Three polls, two waits of 300 ms between them.
    expect(Date.now() - started).toBeGreaterThanOrEqual(600);
    expect(h.mock.pollCount("op-interval")).toBe(3);
  });

  it("exits 4 when --timeout elapses while the operation is still running, naming the last status", async () => {
    h.mock.addOperationResult("op-slow", { steps: Array.from({ length: 50 }, (_, i) => i), retryAfter: null });
    const started = Date.now();
    const r = await h.run(["wait", "op-slow", ...idFlags(h.mock), "--interval", "200ms", "--timeout", "1s"]);
    expect(r.code).toBe(4);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(r.stderr).toMatch(/Timed out after 1\.0s \(--timeout\); last status: InProgress at \d+%/);
    expect(h.mock.pollCount("op-slow")).toBeLessThan(10);
  });
});
