import https from "node:https";
import { describe, expect, it } from "vitest";
import { isDevOpsOperationError, pollOperationResult } from "../../src/index.js";
import { startMockArm, type OperationPlan } from "../../src/testing/index.js";
import { mockClient } from "../helpers/client.js";
import { failOnUnhandledRejections, settle } from "./helpers.js";

// 1,000 pollers at once in one process against one mock: every one ends with its own operation's outcome, memory
// stays bounded, and once the mock is closed no socket, timer or listener of theirs is left. The figures are
// printed so a regression shows in the test output, not only as a failure.

const POLLERS = 1_000;
const STEPS = [0, 50]; // two in-progress polls, then the outcome: 3 GETs per operation
failOnUnhandledRejections();

/** Active handles by type (TLSWrap, TCPSocketWrap, Timeout, ...), as Node reports them. */
function resources(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const type of process.getActiveResourcesInfo()) counts.set(type, (counts.get(type) ?? 0) + 1);
  return counts;
}
/** Types whose count is above the baseline's. */
function leftOver(baseline: Map<string, number>): Record<string, number> {
  const extra: Record<string, number> = {};
  for (const [type, n] of resources()) if (n > (baseline.get(type) ?? 0)) extra[type] = n - (baseline.get(type) ?? 0);
  return extra;
}
const outcomeOf = (i: number): NonNullable<OperationPlan["outcome"]> =>
  i % 10 === 0 ? "Failed" : i % 10 === 1 ? "Canceled" : "Succeeded";
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

describe("load", () => {
  it(`runs ${POLLERS} concurrent pollers to their own outcomes with bounded memory and no handles left`, async () => {
    global.gc?.();
    const baseline = resources();
    const before = process.memoryUsage();
    let peakRss = before.rss;
    let peakHeap = before.heapUsed;
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed);
    }, 10);

    const mock = await startMockArm();
    // A pooled agent, as a caller running many pollers should pass: with core's default agent every concurrent
    // request opens its own socket, i.e. 1,000 TLS handshakes at once (about 13 s on 2 cores instead of ~6).
    const agent = new https.Agent({ keepAlive: true, maxSockets: 50, ca: mock.certificate });
    // The mock does not throttle here: the shared read budget (ARM's 25 reads/s) would stretch 3,000 reads to 2 min.
    const client = mockClient(mock, { agent, readBudget: false });
    const ids = Array.from({ length: POLLERS }, (_, i) => `load-${i}`);
    ids.forEach((id, i) => mock.addOperationResult(id, { steps: STEPS, retryAfter: "0", outcome: outcomeOf(i) }));
    let peakHandles = 0;
    const started = Date.now();
    const results = await Promise.all(
      ids.map(async (id) => {
        const poller = pollOperationResult(client, mock.operationResultUrl(id), { resolveOnUnsuccessful: true });
        poller.onProgress(() => (peakHandles = Math.max(peakHandles, process.getActiveResourcesInfo().length)));
        const result = await poller;
        return { id, result, error: poller.operationState.error };
      }),
    );
    const elapsed = Date.now() - started;
    clearInterval(sampler);

    results.forEach(({ id, result, error }, i) => {
      expect(result.name).toBe(id);
      expect(result.status).toBe(outcomeOf(i));
      expect(error === undefined).toBe(outcomeOf(i) === "Succeeded");
      if (error) expect(isDevOpsOperationError(error) && error.operationResultId === id).toBe(true);
    });
    for (const id of ids) expect(mock.pollCount(id)).toBe(STEPS.length + 1);
    expect(mock.requests).toHaveLength(POLLERS * (STEPS.length + 1));

    agent.destroy();
    await mock.close();
    // Closed sockets and their timers are released over a few turns of the event loop: wait, within a bound.
    for (let i = 0; i < 100 && Object.keys(leftOver(baseline)).length > 0; i++) await settle(20);
    const left = leftOver(baseline);
    const after = process.memoryUsage();

    console.log(
      `[load] ${POLLERS} pollers, ${mock.requests.length} requests in ${elapsed} ms ` +
        `(${Math.round(mock.requests.length / (elapsed / 1000))} req/s); ` +
        `RSS ${mb(before.rss)} → peak ${mb(peakRss)} → ${mb(after.rss)} MB; ` +
        `heap ${mb(before.heapUsed)} → peak ${mb(peakHeap)} → ${mb(after.heapUsed)} MB; ` +
        `active handles ${[...baseline.values()].reduce((a, b) => a + b, 0)} → peak ${peakHandles} → ` +
        `${process.getActiveResourcesInfo().length} (left over: ${JSON.stringify(left)})`,
    );
    expect(left).toEqual({});
    // Bounds wide enough for a loaded 2-core machine; a leak per poller (a kept response, a socket) would be
    // tens of KB × 1,000 and more, a runaway one far above these.
    expect(peakHeap - before.heapUsed).toBeLessThan(400 * 1024 * 1024);
    expect(peakRss - before.rss).toBeLessThan(800 * 1024 * 1024);
  });
});
