// `wait` while ARM throttles the subscription's reads: the client's shared read budget pauses after the 429, and
// the command says it is holding back — one line on a pipe (or with --json, on stderr), beside the bar on a
// terminal — then finishes as usual. The mock's bucket is emptied by "another tool" first; Retry-After is whole
// seconds (2 s here), which the budget and core's retry policy both wait.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_SCOPE } from "../../src/testing/index.js";
import { cli } from "./built.js";
import { hasScript, idFlags, runCommand, scriptArgs, startCliHarness, type CliHarness } from "./harness.js";

let h: CliHarness;
beforeAll(async () => (h = await startCliHarness()));
afterAll(() => h?.close());
beforeEach(() => h.mock.reset());

const HOLDING = `holding back: ARM throttled reads of subscription ${DEFAULT_SCOPE.subscriptionId} (429); reads resume in`;

/** An operation that succeeds on its first read, behind a read bucket another tool has just emptied. */
function throttledOperation(id: string): void {
  h.mock.throttle.configure({ subscription: { reads: { size: 5, refillPerSecond: 0.5 } } });
  h.mock.addOperationResult(id, { steps: [] });
  h.mock.throttle.spend(DEFAULT_SCOPE.subscriptionId, "reads", 5);
}

describe("arm-security-devops wait while ARM throttles reads", () => {
  it("says once on stderr that it is holding back, then prints the result", async () => {
    throttledOperation("op-held");
    const r = await h.run(["wait", "op-held", ...idFlags(h.mock)]);
    expect(r.code).toBe(0);
    const lines = r.stderr.split("\n").filter((line) => line.startsWith("holding back"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^${HOLDING.replace(/[()]/g, "\\$&")} [\\d.]+s$`));
    expect(r.stdout).toMatch(/Succeeded/);
    expect(h.mock.throttle.counters(DEFAULT_SCOPE.subscriptionId).reads.throttled).toBe(1);
  });

  it("says it with --json too, on stderr, keeping stdout to the JSON result", async () => {
    throttledOperation("op-held-json");
    const r = await h.run(["wait", "op-held-json", ...idFlags(h.mock), "--json"]);
    expect(r.code).toBe(0);
    expect(r.stderr.split("\n").filter((line) => line.startsWith(HOLDING))).toHaveLength(1);
    expect(JSON.parse(r.stdout).status).toBe("Succeeded");
  });

  it("says nothing when nothing holds it back", async () => {
    h.mock.throttle.configure(true); // ARM's limits, nowhere near spent
    h.mock.addOperationResult("op-free", { steps: [10, 20], retryAfter: null });
    const r = await h.run(["wait", "op-free", ...idFlags(h.mock), "--interval", "100ms"]);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/holding back/);
  });

  it.skipIf(!hasScript)("draws the hold beside the progress bar on a terminal, with its countdown, until it ends", async () => {
    throttledOperation("op-held-tty");
    const command = [process.execPath, cli, "wait", "op-held-tty", ...idFlags(h.mock)];
    const r = await runCommand("script", scriptArgs(command), h.env);
    expect(r.code).toBe(0);
    const held = [...r.stdout.matchAll(/\r\[[#.]+\]\s+\?%  waiting  [\d.]+s  \(throttled \(429\): reads resume in ([\d.]+)s\)\x1b\[K/g)];
    expect(held.length).toBeGreaterThanOrEqual(2);
    const countdown = held.map((m) => Number(m[1]));
    expect(countdown[0]).toBeGreaterThan(countdown.at(-1)!);
    // Once the hold is over the bar is drawn without it, and the result follows on its own line.
    expect(r.stdout).toMatch(/\r\[[#.]+\]\s+\?%  waiting  [\d.]+s\x1b\[K/);
    expect(r.stdout).toMatch(/Succeeded/);
  });
});
