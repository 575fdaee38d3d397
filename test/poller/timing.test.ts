import { describe, expect, it } from "vitest";
import { getLongRunningPoller } from "../../src/custom/poller/getLongRunningPoller.js";
import { pollOperationResult } from "../../src/custom/poller/pollOperationResult.js";
import { DEFAULT_SCOPE, type MockArm } from "../../src/testing/index.js";
import { mockClient } from "../helpers/client.js";
import { useMockArm } from "../helpers/mock.js";

// Real timers against the loopback mock. Lower bounds are exact (a timer never fires early by more than ~1 ms);
// upper bounds are wide for a loaded 2-core machine, yet far below what a wrong wait would take.

let mock: MockArm;
let client: ReturnType<typeof mockClient>;
useMockArm((m) => {
  mock = m;
  client = mockClient(m);
});

const ids = (operationResultId: string) => ({ ...DEFAULT_SCOPE, operationResultId });
const statusTimes = () => mock.requests.filter((r) => r.path.includes("/operationResults/")).map((r) => r.at);
const gaps = (times: number[]) => times.slice(1).map((t, i) => t - times[i]!);

describe("poll timing", () => {
  it("honours Retry-After: 0 — five in-progress polls take milliseconds, not five intervals", async () => {
    mock.addOperationResult("op-zero", { steps: [0, 20, 40, 60, 80], retryAfter: "0" });
    const started = Date.now();
    await pollOperationResult(client, ids("op-zero"), { intervalInMs: 5_000 });
    const elapsed = Date.now() - started;
    expect(mock.pollCount("op-zero")).toBe(6);
    expect(elapsed).toBeLessThan(2_500); // the 5 s interval, used even once, would exceed this
  });

  it("honours Retry-After: 1 (seconds) between polls", async () => {
    mock.addOperationResult("op-one", { steps: [0, 50], retryAfter: "1" });
    await pollOperationResult(client, ids("op-one"), { intervalInMs: 10 });
    const g = gaps(statusTimes());
    expect(g).toHaveLength(2);
    for (const gap of g) {
      expect(gap).toBeGreaterThanOrEqual(990);
      expect(gap).toBeLessThan(3_000);
    }
  });

  it("honours Retry-After as an HTTP-date", async () => {
    const url = mock.operationResultUrl("op-date");
    const target = Math.ceil(Date.now() / 1000) * 1000 + 2_000; // whole second, as HTTP-dates are
    mock.script("GET", url, { status: 200, headers: { "Retry-After": new Date(target).toUTCString() }, body: { status: "InProgress" } }, { status: 200, body: { status: "Succeeded" } });
    await pollOperationResult(client, url, { intervalInMs: 10 });
    const [, second] = statusTimes();
    expect(second).toBeGreaterThanOrEqual(target - 10);
    expect(second).toBeLessThan(target + 2_000);
  });

  it("waits intervalInMs when the server sends no Retry-After", async () => {
    mock.addOperationResult("op-none", { steps: [0, 50], retryAfter: null });
    await pollOperationResult(client, ids("op-none"), { intervalInMs: 300 });
    for (const gap of gaps(statusTimes())) {
      expect(gap).toBeGreaterThanOrEqual(295);
      expect(gap).toBeLessThan(2_500);
    }
  });

  it("falls back to intervalInMs on a malformed Retry-After", async () => {
    const url = mock.operationResultUrl("op-bad");
    mock.script("GET", url, { status: 200, headers: { "Retry-After": "soon" }, body: { status: "InProgress" } }, { status: 200, body: { status: "Succeeded" } });
    await pollOperationResult(client, url, { intervalInMs: 250 });
    expect(gaps(statusTimes())[0]).toBeGreaterThanOrEqual(245);
  });

  it("honours the initial response's Retry-After before the first poll", async () => {
    mock.planOperations({ steps: [], retryAfter: "1" });
    const { subscriptionId, resourceGroupName, securityConnectorName } = DEFAULT_SCOPE;
    const initial = await client
      .path("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Security/securityConnectors/{securityConnectorName}/devops/default", subscriptionId, resourceGroupName, securityConnectorName)
      .put({ body: { properties: {} } });
    const put = mock.requests[0]!.at;
    await getLongRunningPoller(client, initial, { intervalInMs: 10 });
    const [firstPoll] = statusTimes();
    expect(firstPoll! - put).toBeGreaterThanOrEqual(1_000);
    expect(firstPoll! - put).toBeLessThan(3_500);
  });
});
