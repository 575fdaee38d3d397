// The bound on requests in flight (options.maxConcurrentRequests), against the mock over HTTPS: with core's
// keep-alive agent it bounds the sockets a client opens, counted by the mock as TCP connections.
import { describe, expect, it } from "vitest";
import { isAbortError } from "../../src/custom/errors/guards.js";
import { pollOperationResult } from "../../src/custom/poller/pollOperationResult.js";
import { requestLimitState } from "../../src/custom/throttle/budgetState.js";
import type { MockArm } from "../../src/testing/index.js";
import { mockClient } from "../helpers/client.js";
import { useMockArm } from "../helpers/mock.js";

let mock: MockArm;
useMockArm((m) => (mock = m));

/** Waits (real time, bounded) until the mock has closed every connection of earlier tests. */
async function noConnectionsOpen(): Promise<void> {
  for (let i = 0; i < 500 && mock.connections().open > 0; i++) await new Promise((r) => setTimeout(r, 10));
}

describe("the bound on requests in flight", () => {
  it("opens at most maxConcurrentRequests sockets for 300 pollers at once, and reuses them", async () => {
    await noConnectionsOpen();
    mock.reset();
    const c = mockClient(mock, { maxConcurrentRequests: 4, readBudget: false });
    const ids = Array.from({ length: 300 }, (_, i) => `conn-${i}`);
    for (const id of ids) mock.addOperationResult(id, { steps: [50], retryAfter: "0" });
    let most = 0;
    const sampler = setInterval(() => (most = Math.max(most, requestLimitState(c)!.inFlight)), 1);
    const results = await Promise.all(ids.map((id) => pollOperationResult(c, mock.operationResultUrl(id))));
    clearInterval(sampler);
    expect(results.every((r) => r.status === "Succeeded")).toBe(true);
    expect(mock.requests.filter((r) => r.path.includes("/operationResults/conn-"))).toHaveLength(600);
    const { peak, opened } = mock.connections();
    expect(peak).toBeLessThanOrEqual(4);
    expect(opened).toBeLessThanOrEqual(4); // 600 requests, 4 TLS handshakes
    expect(most).toBeLessThanOrEqual(4);
  });

  it("queues what is over the bound in order, and rejects a queued request at once when it is aborted", async () => {
    const c = mockClient(mock, { maxConcurrentRequests: 1, readBudget: false });
    mock.script("GET", "/slow", { status: 200, body: {}, delayMs: 60_000 });
    const slow = new AbortController();
    const first = Promise.resolve(c.pathUnchecked("/slow").get({ abortSignal: slow.signal }));
    const queued = new AbortController();
    const second = Promise.resolve(c.pathUnchecked("/queued").get({ abortSignal: queued.signal }));
    for (let i = 0; i < 500 && requestLimitState(c)!.queued === 0; i++) await new Promise((r) => setTimeout(r, 5));
    expect(requestLimitState(c)).toEqual({ maxConcurrentRequests: 1, inFlight: 1, queued: 1 });
    const t0 = Date.now();
    queued.abort();
    const error = await second.catch((e: unknown) => e);
    expect(isAbortError(error)).toBe(true);
    expect((error as Error).message).toMatch(/maxConcurrentRequests/);
    expect(Date.now() - t0).toBeLessThan(1_000); // against a slot held for 60 s
    expect(mock.requests.filter((r) => r.path === "/queued")).toHaveLength(0);
    slow.abort();
    await first.catch(() => {});
  });

  it("is 32 by default, and Infinity removes it", async () => {
    expect(requestLimitState(mockClient(mock))?.maxConcurrentRequests).toBe(32);
    const c = mockClient(mock, { maxConcurrentRequests: Number.POSITIVE_INFINITY, readBudget: false });
    mock.script("GET", "/wide", ...Array.from({ length: 40 }, () => ({ status: 200, body: {}, delayMs: 300 })));
    const all = Array.from({ length: 40 }, () => Promise.resolve(c.pathUnchecked("/wide").get()));
    for (let i = 0; i < 500 && requestLimitState(c)!.inFlight < 40; i++) await new Promise((r) => setTimeout(r, 5));
    expect(requestLimitState(c)).toMatchObject({ inFlight: 40, queued: 0 });
    await Promise.all(all);
  });
});
