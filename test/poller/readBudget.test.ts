import { afterEach, describe, expect, it, vi } from "vitest";
import { isAbortError } from "../../src/custom/errors/guards.js";
import { normalizePollerOptions } from "../../src/custom/poller/options.js";
import { pollOperationResult } from "../../src/custom/poller/pollOperationResult.js";
import type { MockArm } from "../../src/testing/index.js";
import { mockClient } from "../helpers/client.js";
import { useMockArm } from "../helpers/mock.js";

// The read budget against a monitor that never finishes. Time is faked (setTimeout and Date only, so sockets and
// the mock's I/O run for real): the test advances the clock 10 ms at a time, and before each step lets every read
// in flight complete, so the count is what the poller would send in that much real time on an idle machine. The
// mock stamps requests with the fake clock, so times are exact to the 10 ms step.

let mock: MockArm;
let client: ReturnType<typeof mockClient>;
useMockArm((m) => {
  mock = m;
  client = mockClient(m);
});
afterEach(() => vi.useRealTimers());

/** Waits (on real time: setImmediate is not faked) until no read is in flight: each one sent has been reported. */
async function settled(reported: () => number, id: string): Promise<void> {
  for (let i = 0; i < 20_000 && reported() < mock.pollCount(id); i++) await new Promise((r) => setImmediate(r));
}

/** Runs a poller of a never-ending operation for `ms` of fake time; returns the reads the mock saw in that window. */
async function readsWithin(ms: number, id: string, options: Parameters<typeof pollOperationResult>[2] = {}): Promise<number[]> {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
  const url = mock.operationResultUrl(id);
  const controller = new AbortController();
  const poller = pollOperationResult(client, url, { ...options, abortSignal: controller.signal });
  let reported = 0;
  poller.onProgress(() => (reported += 1));
  const start = Date.now();
  const done = poller.pollUntilDone().catch((e: unknown) => e);
  while (Date.now() - start < ms) {
    await settled(() => reported, id);
    await vi.advanceTimersByTimeAsync(10);
  }
  await settled(() => reported, id);
  controller.abort();
  expect(isAbortError(await done)).toBe(true);
  return mock.requests.filter((r) => r.path.includes(`/operationResults/${id}`) && r.at - start <= ms).map((r) => r.at - start);
}

describe("the read budget", () => {
  it("keeps a monitor answering Running + Retry-After 0 forever to at most 15 reads in the first 10 s, with default options", async () => {
    mock.addOperationResult("forever", { steps: [5], neverFinishes: true, retryAfter: "0" });
    const reads = await readsWithin(10_000, "forever");
    expect(reads.length).toBeLessThanOrEqual(15);
    // The burst goes at once, then one read a second: the budget is used, not just respected.
    expect(reads.length).toBeGreaterThanOrEqual(14);
    expect(reads.filter((t) => t < 1_000)).toHaveLength(5);
    const later = reads.slice(5);
    for (let i = 1; i < later.length; i++) expect(later[i]! - later[i - 1]!).toBeGreaterThanOrEqual(1_000);
  });

  it("paces intervalInMs 0 with no Retry-After the same way", async () => {
    mock.addOperationResult("no-wait", { steps: [5], neverFinishes: true, retryAfter: null });
    const reads = await readsWithin(3_000, "no-wait", { intervalInMs: 0 });
    expect(reads.length).toBeGreaterThanOrEqual(7);
    expect(reads.length).toBeLessThanOrEqual(5 + 3);
  });

  it("follows readBurst and readsPerSecond when given", async () => {
    mock.addOperationResult("custom", { steps: [5], neverFinishes: true });
    const reads = await readsWithin(1_000, "custom", { readBurst: 2, readsPerSecond: 4 });
    expect(reads.length).toBeGreaterThanOrEqual(5);
    expect(reads.length).toBeLessThanOrEqual(2 + 4);
  });

  it("never delays a server that asks for more than the sustained rate allows", async () => {
    mock.addOperationResult("slow", { steps: [5], neverFinishes: true, retryAfter: "2" });
    const reads = await readsWithin(10_000, "slow");
    expect(reads.length).toBeGreaterThanOrEqual(5);
    // Retry-After 2 s apart, each within the test's 10 ms clock steps: the budget (1/s) never adds a wait.
    for (let i = 1; i < reads.length; i++) {
      expect(reads[i]! - reads[i - 1]!).toBeGreaterThanOrEqual(2_000);
      expect(reads[i]! - reads[i - 1]!).toBeLessThanOrEqual(2_020);
    }
  });
});

describe("read budget and poll limit options", () => {
  it("default to a burst of 5, 1 read/s, and 1,800 polls, or as many as the budget allows within timeoutInMs", () => {
    expect(normalizePollerOptions({})).toMatchObject({ readBurst: 5, readsPerSecond: 1, maxPolls: 1_800 });
    expect(normalizePollerOptions({ timeoutInMs: 60_000 }).maxPolls).toBe(65);
    expect(normalizePollerOptions({ timeoutInMs: 60_000, maxPolls: 3 }).maxPolls).toBe(3);
  });

  it.each([
    [{ readBurst: 0 }, RangeError, "options.readBurst must be an integer from 1 to 1000, got 0"],
    [{ readBurst: 2.5 }, TypeError, "options.readBurst must be an integer from 1 to 1000, got 2.5"],
    [{ readsPerSecond: 0 }, RangeError, "options.readsPerSecond must be a number from 0.01 to 1000, got 0"],
    [{ readsPerSecond: "1" }, TypeError, "options.readsPerSecond must be a number from 0.01 to 1000, got \"1\""],
    [{ readsPerSecond: Number.POSITIVE_INFINITY }, TypeError, "options.readsPerSecond must be a number from 0.01 to 1000, got Infinity"],
  ])("refuses %j before any request, naming the option and the rule", (options, type, message) => {
    expect(() => pollOperationResult(client, mock.operationResultUrl("x"), options as never)).toThrow(type);
    expect(() => pollOperationResult(client, mock.operationResultUrl("x"), options as never)).toThrow(message);
    expect(mock.requests).toHaveLength(0);
  });
});
