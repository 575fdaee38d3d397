// The shared read budget through the real pipeline, against the mock throttling like ARM over HTTPS on 127.0.0.1
// (issue 13's "Done when": a 429 pauses all pollers of that subscription once; another subscription's pollers are
// not paused; abort while waiting for budget rejects at once; the budget can be disabled; the header lowers the
// estimate). Real time: every bound below is a lower bound the client's own waits guarantee (a loaded machine only
// makes reads later), or an upper bound far from the wait it is compared with.
import { describe, expect, it } from "vitest";
import { isAbortError } from "../../src/custom/errors/guards.js";
import { paginate } from "../../src/custom/paginate.js";
import { pollOperationResult } from "../../src/custom/poller/pollOperationResult.js";
import { readBudgetState, throttleOf, type ReadScopeState } from "../../src/custom/throttle/budgetState.js";
import { sharedReadBudget } from "../../src/custom/throttle/install.js";
import { DEFAULT_SCOPE, type MockArm, type MockScope } from "../../src/testing/index.js";
import { mockClient } from "../helpers/client.js";
import { useMockArm } from "../helpers/mock.js";

let mock: MockArm;
useMockArm((m) => (mock = m));

const A = DEFAULT_SCOPE.subscriptionId;
const B = "0b1e2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
const scopeB: MockScope = { ...DEFAULT_SCOPE, subscriptionId: B };

/** The mock throttling reads per subscription as ARM does, with `size` and `refillPerSecond` of its own. */
function throttleReads(size: number, refillPerSecond: number): void {
  mock.throttle.configure({ retryAfterMs: true, subscription: { reads: { size, refillPerSecond } } });
}

function scopeState(c: ReturnType<typeof mockClient>, subscriptionId: string): ReadScopeState | undefined {
  return readBudgetState(c)?.scopes.find((s) => s.subscriptionId === subscriptionId);
}

/** Arrival times at the mock of the GETs of operation results whose id starts with `prefix`. */
const readsOf = (prefix: string) =>
  mock.requests.filter((r) => r.method === "GET" && r.path.includes(`/operationResults/${prefix}`)).map((r) => r.at);

async function until(condition: () => boolean, what: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe("the shared read budget, against the throttling mock", () => {
  it("pauses every poller of a subscription once after a 429, until its Retry-After, and resumes them one token apart", async () => {
    throttleReads(20, 4); // a token every 250 ms
    const c = mockClient(mock, { readBudget: { size: 20, refillPerSecond: 4 } });
    const ids = Array.from({ length: 5 }, (_, i) => `pause-${i}`);
    for (const id of ids) mock.addOperationResult(id, { steps: [] }); // one read each: Succeeded
    // The TLS connection is opened first, by a read of the other subscription before any budget exists (counted
    // nowhere this test looks): a handshake on a loaded machine could otherwise outlast the 250 ms in which the
    // first read must meet the bucket still empty.
    mock.addOperationResult("warm-up", { steps: [] }, scopeB);
    await c.pathUnchecked(mock.operationResultUrl("warm-up", scopeB)).get();
    mock.throttle.spend(A, "reads", 20); // another tool empties the bucket behind the client's back
    const results = await Promise.all(ids.map((id) => pollOperationResult(c, mock.operationResultUrl(id))));

    expect(results.map((r) => r.status)).toEqual(ids.map(() => "Succeeded"));
    const counters = mock.throttle.counters(A).reads;
    expect(counters.throttled).toBe(1); // the first read only: nobody else met the empty bucket
    expect(scopeState(c, A)).toMatchObject({ pauses: 1, throttled: 1, reads: 6, waiting: 0 });
    const [throttledAt, ...after] = readsOf("pause-");
    // ~250 ms (the wait ARM named) after the 429, then one a token: each read went no sooner than its token.
    after.sort((x, y) => x - y);
    after.forEach((at, k) => expect(at - throttledAt!).toBeGreaterThanOrEqual(250 * (k + 1) - 5));
  });

  it("does not pause the pollers of another subscription", async () => {
    throttleReads(20, 0.1); // subscription A, once empty, names a 10 s wait
    const c = mockClient(mock, { readBudget: { size: 20, refillPerSecond: 0.1 } });
    mock.addOperationResult("held-0", { steps: [] });
    const freeIds = Array.from({ length: 5 }, (_, i) => `free-${i}`);
    for (const id of freeIds) mock.addOperationResult(id, { steps: [10, 20], retryAfter: "0" }, scopeB);
    mock.throttle.spend(A, "reads", 20);
    const controller = new AbortController();
    const held = pollOperationResult(c, mock.operationResultUrl("held-0"), { abortSignal: controller.signal }).pollUntilDone();
    await until(() => (scopeState(c, A)?.pauses ?? 0) > 0, "subscription A to be paused");
    const pausedUntil = scopeState(c, A)!.pausedUntil!;

    const free = await Promise.all(freeIds.map((id) => pollOperationResult(c, mock.operationResultUrl(id, scopeB))));
    expect(free.map((r) => r.status)).toEqual(freeIds.map(() => "Succeeded"));
    const freeReads = readsOf("free-");
    expect(freeReads).toHaveLength(15);
    // All of B's 15 reads were answered while A was still paused.
    expect(Date.now()).toBeLessThan(pausedUntil);
    expect(scopeState(c, B)).toMatchObject({ pauses: 0, throttled: 0 });
    expect(scopeState(c, A)).toMatchObject({ pauses: 1 });
    controller.abort();
    expect(isAbortError(await held.catch((e: unknown) => e))).toBe(true);
  });

  it("rejects at once, sending nothing, when a poller is aborted while waiting for the budget", async () => {
    throttleReads(20, 0.02); // once empty, a 50 s wait
    const c = mockClient(mock, { readBudget: { size: 20, refillPerSecond: 0.02 }, retryOptions: { maxRetries: 0 } });
    mock.addOperationResult("first", { steps: [], retryAfter: "0" });
    mock.addOperationResult("waiting", { steps: [] });
    mock.throttle.spend(A, "reads", 20);
    const stopFirst = new AbortController();
    const first = pollOperationResult(c, mock.operationResultUrl("first"), { abortSignal: stopFirst.signal }).pollUntilDone();
    await until(() => scopeState(c, A)?.pausedUntil !== undefined, "the 429 pause");

    const controller = new AbortController();
    const waiting = pollOperationResult(c, mock.operationResultUrl("waiting"), { abortSignal: controller.signal }).pollUntilDone();
    await until(() => scopeState(c, A)?.waiting === 1, "the read to wait for the budget");
    const t0 = Date.now();
    controller.abort();
    const error = await waiting.catch((e: unknown) => e);
    expect(isAbortError(error)).toBe(true);
    expect(Date.now() - t0).toBeLessThan(1_000); // against a pause of ~50 s
    expect(scopeState(c, A)?.waiting).toBe(0);
    expect(readsOf("waiting")).toHaveLength(0);
    stopFirst.abort();
    await first.catch(() => {});
  });

  it("holds a page of paginate behind the same budget as the pollers, and lets its abort reject at once", async () => {
    throttleReads(20, 0.02);
    // Installed with the client: the list's first page, sent before any poller, is counted too.
    const c = mockClient(mock, { readBudget: sharedReadBudget({ size: 20, refillPerSecond: 0.02 }), retryOptions: { maxRetries: 0 } });
    const first = await c
      .path(
        "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Security/securityConnectors/{securityConnectorName}/devops/default/gitHubOwners",
        A,
        DEFAULT_SCOPE.resourceGroupName,
        DEFAULT_SCOPE.securityConnectorName,
      )
      .get();
    expect(first.status).toBe("200");
    mock.addOperationResult("pager-pause", { steps: [] });
    mock.throttle.spend(A, "reads", 20);
    const stop = new AbortController();
    const poll = pollOperationResult(c, mock.operationResultUrl("pager-pause"), { abortSignal: stop.signal }).pollUntilDone();
    await until(() => scopeState(c, A)?.pausedUntil !== undefined, "the pollers' 429 pause");

    const controller = new AbortController();
    const pages = paginate(c, first, { abortSignal: controller.signal }).byPage();
    await pages.next(); // the first page is the response given
    const second = pages.next();
    await until(() => scopeState(c, A)?.waiting === 1, "the second page to wait for the budget");
    controller.abort();
    expect(isAbortError(await second.catch((e: unknown) => e))).toBe(true);
    // One scope for the subscription: the pollers' reads and the list's first page counted together.
    expect(readBudgetState(c)?.scopes.map((s) => s.subscriptionId)).toEqual([A]);
    expect(scopeState(c, A)?.reads).toBe(2);
    stop.abort();
    await poll.catch(() => {});
  });

  it("lowers its estimate to the reads x-ms-ratelimit-remaining-subscription-reads reports, and holds the rest", async () => {
    throttleReads(100, 0.02);
    const c = mockClient(mock, { readBudget: { size: 100, refillPerSecond: 0.02 } });
    mock.throttle.spend(A, "reads", 60); // another tool's spending: 40 left
    mock.addOperationResult("probe", { steps: [] });
    await pollOperationResult(c, mock.operationResultUrl("probe"));
    expect(scopeState(c, A)).toMatchObject({ reportedRemaining: 39, remaining: 39 - 5 }); // less the 5% reserve

    const ids = Array.from({ length: 40 }, (_, i) => `many-${i}`);
    for (const id of ids) mock.addOperationResult(id, { steps: [] });
    const controller = new AbortController();
    const pollers = ids.map((id) => pollOperationResult(c, mock.operationResultUrl(id), { abortSignal: controller.signal }).pollUntilDone());
    await until(() => readsOf("many-").length === 34 && scopeState(c, A)?.inFlight === 0, "the 34 reads the estimate allows");
    await new Promise((r) => setTimeout(r, 200));
    expect(readsOf("many-")).toHaveLength(34);
    expect(scopeState(c, A)?.waiting).toBe(6);
    expect(mock.throttle.counters(A).reads.throttled).toBe(0);
    controller.abort();
    await Promise.allSettled(pollers);
  });

  it("can be turned off: readBudget false holds nothing and reports no state", async () => {
    throttleReads(20, 0.02);
    const c = mockClient(mock, { readBudget: false, retryOptions: { maxRetries: 0 } });
    expect(readBudgetState(c)).toBeUndefined();
    mock.throttle.spend(A, "reads", 20);
    const ids = Array.from({ length: 5 }, (_, i) => `off-${i}`);
    for (const id of ids) mock.addOperationResult(id, { steps: [] });
    const controller = new AbortController();
    const pollers = ids.map((id) => pollOperationResult(c, mock.operationResultUrl(id), { abortSignal: controller.signal }).pollUntilDone());
    // Every poller's first read goes at once and meets the 429 itself: nothing shares what the first one learnt.
    await until(() => readsOf("off-").length === 5, "five reads");
    expect(mock.throttle.counters(A).reads.throttled).toBe(5);
    controller.abort();
    await Promise.allSettled(pollers);
  });

  it("counts plain GETs without holding them, and holds them too with allReads", async () => {
    for (const allReads of [false, true]) {
      mock.reset();
      throttleReads(20, 0.02);
      const url = mock.addOperationResult("plain", { steps: [5], neverFinishes: true });
      // Installed with the client, so that it sees the client's first GET (no poller or pager here).
      const c = mockClient(mock, { readBudget: sharedReadBudget({ size: 20, refillPerSecond: 0.02, allReads }), retryOptions: { maxRetries: 0 } });
      mock.throttle.spend(A, "reads", 20);
      expect((await c.pathUnchecked(url).get()).status).toBe("429"); // pauses the subscription for ~50 s
      const controller = new AbortController();
      // Started now: core-client sends a request when its result is first awaited.
      const second = Promise.resolve(c.pathUnchecked(url).get({ abortSignal: controller.signal }));
      if (allReads) {
        await until(() => scopeState(c, A)?.waiting === 1, "the plain GET to wait");
        controller.abort();
        expect(isAbortError(await second.catch((e: unknown) => e))).toBe(true);
        expect(readsOf("plain")).toHaveLength(1);
      } else {
        expect((await second).status).toBe("429");
        expect(scopeState(c, A)).toMatchObject({ reads: 2, waiting: 0 });
      }
    }
  });

  it("keeps tenant-level reads in a bucket of their own", async () => {
    const c = mockClient(mock, { readBudget: sharedReadBudget() }); // installed with the client: the first GET is counted
    await c.pathUnchecked("/providers/Microsoft.Security/operations").get();
    mock.addOperationResult("sub", { steps: [] });
    await pollOperationResult(c, mock.operationResultUrl("sub"));
    const scopes = readBudgetState(c)?.scopes ?? [];
    expect(scopes.map((s) => [s.origin, s.subscriptionId, s.reads])).toEqual([
      [mock.endpoint, undefined, 1],
      [mock.endpoint, A, 1],
    ]);
  });

  it("starts counting with the client's first poller: reads sent before are not counted, those after are", async () => {
    const c = mockClient(mock);
    const url = mock.addOperationResult("late", { steps: [] });
    await c.pathUnchecked(url).get();
    expect(readBudgetState(c)).toEqual({ size: 250, refillPerSecond: 25, allReads: false, scopes: [] });

    const poller = pollOperationResult(c, url); // makes the budget, before anything is sent
    await poller;
    await c.pathUnchecked(url).get();
    expect(scopeState(c, A)).toMatchObject({ reads: 2, waiting: 0 });
    expect(readsOf("late")).toHaveLength(3);
  });

  it("starts counting with the client's first paginate too, with one budget per client", async () => {
    const c = mockClient(mock);
    const url = mock.addOperationResult("paged", { steps: [] });
    const first = await c.pathUnchecked(url).get();
    paginate(c, first);
    await c.pathUnchecked(url).get();
    const budget = throttleOf(c.pipeline)?.budget;
    paginate(c, first);
    expect(throttleOf(c.pipeline)?.budget).toBe(budget);
    expect(scopeState(c, A)?.reads).toBe(1);
  });
});
