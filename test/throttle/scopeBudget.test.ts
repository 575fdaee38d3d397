// One scope's shared read budget on its own (src/custom/throttle/scopeBudget.ts): the answers it learns from are
// built here, and time is fake (setTimeout and Date), so every wait is exact. The same behaviour through the real
// pipeline against the mock is in sharedBudget.test.ts.
import { createHttpHeaders, createPipelineRequest, type PipelineResponse } from "@azure/core-rest-pipeline";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ScopeBudget, type ReadTicket } from "../../src/custom/throttle/scopeBudget.js";

const request = createPipelineRequest({ url: "https://management.azure.com/subscriptions/s1/x" });
const answer = (status: number, headers: Record<string, string> = {}): PipelineResponse => ({
  status,
  headers: createHttpHeaders(headers),
  request,
});
const remaining = (n: number) => answer(200, { "x-ms-ratelimit-remaining-subscription-reads": String(n) });

let budget: ScopeBudget;
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"], now: 0 });
  budget = new ScopeBudget(
    { key: "k", origin: "https://management.azure.com", subscriptionId: "s1" },
    { size: 100, refillPerSecond: 10 },
  );
});
afterEach(() => vi.useRealTimers());

/** Starts `n` reads; `went` lists, in order, the ones let through, with their tickets. */
function readers(n: number, signal?: AbortSignal) {
  const went: Array<{ i: number; at: number; ticket: ReadTicket }> = [];
  const settled = Array.from({ length: n }, (_, i) =>
    budget.acquire(signal).then((ticket) => void went.push({ i, at: Date.now(), ticket })),
  );
  return { went, settled };
}

/** The first read of a scope goes alone; its answer opens the budget. */
async function answeredProbe(response: PipelineResponse = remaining(99)): Promise<void> {
  const ticket = await budget.acquire(undefined);
  budget.settle(ticket, response);
}

describe("a scope's shared read budget", () => {
  it("sends one read until ARM has answered one, then lets the burst go", async () => {
    const first = await budget.acquire(undefined);
    const { went } = readers(5);
    await vi.advanceTimersByTimeAsync(500);
    expect(went).toHaveLength(0);
    expect(budget.snapshot()).toMatchObject({ waiting: 5, inFlight: 1, nextReadInMs: undefined });
    budget.settle(first, remaining(99));
    await vi.advanceTimersByTimeAsync(0);
    expect(went.map((w) => w.i)).toEqual([0, 1, 2, 3, 4]);
  });

  it("lets the others go after a second when the first read does not come back", async () => {
    await budget.acquire(undefined); // never answered
    const { went } = readers(3);
    await vi.advanceTimersByTimeAsync(999);
    expect(went).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(went.map((w) => w.at)).toEqual([1_000, 1_000, 1_000]);
  });

  it("lowers its estimate to the reads ARM reports, less the reads sent after the answered one and a reserve", async () => {
    await answeredProbe();
    const tickets = await Promise.all(Array.from({ length: 10 }, () => budget.acquire(undefined)));
    // ARM answers the first of the ten: 30 left after it. Nine more were sent after it; the reserve is 5% of 100.
    budget.settle(tickets[0]!, remaining(30));
    expect(budget.snapshot()).toMatchObject({ remaining: 30 - 9 - 5, reportedRemaining: 30 });
    // A higher figure never raises the estimate: between two answers only the refill does.
    budget.settle(tickets[1]!, remaining(80));
    expect(budget.snapshot().remaining).toBe(16);
  });

  it("holds reads once the reported budget is spent, and lets them go at the refill rate", async () => {
    await answeredProbe();
    const sent = await budget.acquire(undefined);
    budget.settle(sent, remaining(5)); // 5 left, a reserve of 5: nothing to spend
    const { went } = readers(3);
    await vi.advanceTimersByTimeAsync(0);
    expect(went).toHaveLength(0);
    expect(budget.snapshot()).toMatchObject({ waiting: 3, nextReadInMs: 100 });
    await vi.advanceTimersByTimeAsync(300);
    expect(went.map((w) => w.at)).toEqual([100, 200, 300]);
  });

  it("pauses every waiting reader once after a burst of 429s, until the latest Retry-After, then lets them go one token apart", async () => {
    await answeredProbe();
    const inFlight = await Promise.all(Array.from({ length: 3 }, () => budget.acquire(undefined)));
    // Three answers of the same burst: 429 asking for 1 s, 2 s and 1.5 s; readers arrive in between.
    budget.settle(inFlight[0]!, answer(429, { "retry-after": "1" }));
    const waiting = readers(3);
    budget.settle(inFlight[1]!, answer(429, { "retry-after-ms": "2000" }));
    await vi.advanceTimersByTimeAsync(100);
    budget.settle(inFlight[2]!, answer(429, { "retry-after-ms": "1500" }));
    expect(budget.snapshot()).toMatchObject({ pausedUntil: 2_000, pauses: 1, throttled: 3 });
    await vi.advanceTimersByTimeAsync(1_899);
    expect(waiting.went).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(300); // the pause ends with one token, then one every 100 ms
    expect(waiting.went.map((w) => w.at)).toEqual([2_000, 2_100, 2_200]);
  });

  it("counts a 429 of a read sent after a pause as a new pause", async () => {
    await answeredProbe();
    const a = await budget.acquire(undefined);
    budget.settle(a, answer(429, { "retry-after-ms": "500" }));
    await vi.advanceTimersByTimeAsync(1_000);
    const b = await budget.acquire(undefined);
    budget.settle(b, answer(429, { "retry-after-ms": "500" }));
    expect(budget.snapshot()).toMatchObject({ pauses: 2, pausedUntil: 1_500 });
  });

  it("pauses 1 s after a 429 that names no wait", async () => {
    await answeredProbe();
    budget.settle(await budget.acquire(undefined), answer(429));
    expect(budget.snapshot().pausedUntil).toBe(1_000);
  });

  it("rejects a waiting read at once when its signal aborts, and gives its turn to the one behind it", async () => {
    await answeredProbe();
    budget.settle(await budget.acquire(undefined), answer(429, { "retry-after": "60" }));
    const controller = new AbortController();
    const aborted = budget.acquire(controller.signal);
    const behind = readers(1);
    controller.abort();
    await expect(aborted).rejects.toMatchObject({ name: "AbortError", message: /read budget of subscription s1/ });
    expect(budget.snapshot().waiting).toBe(1);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(behind.went.map((w) => w.at)).toEqual([60_000]);
    // An already aborted signal is refused without waiting at all.
    await expect(budget.acquire(AbortSignal.abort())).rejects.toMatchObject({ name: "AbortError" });
  });

  it("paces itself at the refill others leave, estimated from the reported level, and forgets it when the bucket is full", async () => {
    await answeredProbe(remaining(60));
    // In 2 s the bucket (refill 10/s) gains 20 and we send 5 reads after the first answered one; it reports 63
    // left, 3 more than at the start: others took 60 + 20 − 5 − 63 = 12, 6 a second.
    await vi.advanceTimersByTimeAsync(2_000);
    const reads = await Promise.all(Array.from({ length: 5 }, () => budget.acquire(undefined)));
    budget.settle(reads[4]!, remaining(63));
    expect(budget.snapshot().othersPerSecond).toBeCloseTo(6, 5);
    expect(budget.snapshot().refillPerSecond).toBeCloseTo(4, 5);
    // Later, with the others gone, an answer finds the bucket full: no share left to leave them.
    await vi.advanceTimersByTimeAsync(10_000);
    const later = await budget.acquire(undefined);
    budget.settle(later, remaining(99));
    expect(budget.snapshot()).toMatchObject({ othersPerSecond: undefined, refillPerSecond: 10 });
  });

  it("counts reads that do not wait, so the waiting ones leave room for them", async () => {
    await answeredProbe();
    budget.settle(await budget.acquire(undefined), remaining(20)); // 20 − 5: 15 to spend
    for (let i = 0; i < 15; i++) budget.charge();
    const { went } = readers(1);
    await vi.advanceTimersByTimeAsync(0);
    expect(went).toHaveLength(0);
    expect(budget.snapshot()).toMatchObject({ reads: 17, inFlight: 15 });
  });
});
