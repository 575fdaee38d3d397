import { describe, expect, it } from "vitest";
import { isDevOpsOperationError, isPollingError } from "../../src/custom/errors/guards.js";
import { pollOperationResult } from "../../src/custom/poller/pollOperationResult.js";
import type { DevOpsOperationState } from "../../src/custom/poller/types.js";
import type { OperationStatusResult } from "../../src/custom/poller/status.js";
import { DEFAULT_SCOPE, type MockArm } from "../../src/testing/index.js";
import { mockClient } from "../helpers/client.js";
import { useMockArm } from "../helpers/mock.js";

let mock: MockArm;
let client: ReturnType<typeof mockClient>;
useMockArm((m) => {
  mock = m;
  client = mockClient(m);
});

const ids = (operationResultId: string) => ({ ...DEFAULT_SCOPE, operationResultId });
const statusGets = () => mock.requests.filter((r) => r.method === "GET" && r.path.includes("/operationResults/"));

describe("pollOperationResult", () => {
  it("reports percentComplete 0→25→50→75→100 and the nested operations to onProgress", async () => {
    mock.addOperationResult("op-progress", { steps: [0, 25, 50, 75] });
    const poller = pollOperationResult(client, ids("op-progress"), { intervalInMs: 10 });
    const seen: DevOpsOperationState<OperationStatusResult>[] = [];
    poller.onProgress((state) => seen.push(state));
    const result = await poller;
    expect(seen.map((s) => s.percentComplete)).toEqual([0, 25, 50, 75, 100]);
    expect(seen.map((s) => s.status)).toEqual(["running", "running", "running", "running", "succeeded"]);
    expect(seen[1]?.operationResult?.operations?.map((o) => [o.name, o.percentComplete])).toEqual([["Validate", 100], ["Apply", 25]]);
    expect(result).toMatchObject({ status: "Succeeded", percentComplete: 100, name: "op-progress" });
    expect(poller.isDone).toBe(true);
    expect(mock.pollCount("op-progress")).toBe(5);
  });

  it("stops calling a progress callback once it unsubscribes", async () => {
    mock.addOperationResult("op-unsub", { steps: [0, 50] });
    const poller = pollOperationResult(client, ids("op-unsub"), { intervalInMs: 10 });
    let calls = 0;
    const stop = poller.onProgress(() => {
      calls += 1;
      stop();
    });
    await poller.pollUntilDone();
    expect(calls).toBe(1);
  });

  it("polls the Azure-AsyncOperation URL given as a string", async () => {
    const url = mock.addOperationResult("op-url", { steps: [10] });
    const result = await pollOperationResult(client, url, { intervalInMs: 10 });
    expect(result.status).toBe("Succeeded");
    expect(statusGets().map((r) => r.query["api-version"])).toEqual(["2024-04-01", "2024-04-01"]);
    // The URL already carried api-version: it must not be sent twice.
    expect(statusGets().every((r) => r.url.split("api-version").length === 2)).toBe(true);
  });

  it("rejects a Failed operation with a DevOpsOperationError carrying code, target, details and additionalInfo", async () => {
    mock.addOperationResult("op-failed", { steps: [0, 40], outcome: "Failed" });
    const error = await pollOperationResult(client, ids("op-failed"), { intervalInMs: 10 }).pollUntilDone().catch((e: unknown) => e);
    expect(isDevOpsOperationError(error, "TokenExchangeFailed")).toBe(true);
    if (!isDevOpsOperationError(error, "TokenExchangeFailed")) return;
    expect(error).toMatchObject({
      name: "DevOpsOperationError",
      status: "Failed",
      canceled: false,
      target: "properties.authorization.code",
      details: [{ code: "AuthorizationCodeExpired" }],
      additionalInfo: [{ type: "DevOpsOnboarding", info: { provider: "AzureDevOps", stage: "TokenExchange" } }],
      percentComplete: 40,
      operationResultId: "op-failed",
    });
    expect(error.message).toMatch(/token exchange failed/);
    expect(error.operationResult?.status).toBe("Failed");
  });

  it("rejects a Canceled operation with a DevOpsOperationError marked canceled", async () => {
    mock.addOperationResult("op-canceled", { steps: [0], outcome: "Canceled" });
    const poller = pollOperationResult(client, ids("op-canceled"), { intervalInMs: 10 });
    const error = await poller.pollUntilDone().catch((e: unknown) => e);
    expect(isDevOpsOperationError(error, "OperationCanceled")).toBe(true);
    expect(error).toMatchObject({ canceled: true, status: "Canceled" });
    expect(poller.operationState.status).toBe("canceled");
    expect(poller.operationState.error).toBe(error);
  });

  it("resolves with the failed OperationStatusResult when resolveOnUnsuccessful is set", async () => {
    mock.addOperationResult("op-soft", { steps: [], outcome: "Failed" });
    const poller = pollOperationResult(client, ids("op-soft"), { intervalInMs: 10, resolveOnUnsuccessful: true });
    const result = await poller;
    expect(result.status).toBe("Failed");
    expect(result.error?.code).toBe("TokenExchangeFailed");
    expect(poller.operationState.status).toBe("failed");
    expect(poller.operationState.error?.code).toBe("TokenExchangeFailed");
  });

  it("treats lowercase terminal statuses as terminal", async () => {
    const path = new URL(mock.operationResultUrl("op-lower")).pathname;
    mock.script("GET", path, { status: 200, body: { status: "inprogress", percentComplete: 5 } }, { status: 200, body: { status: "succeeded" } });
    const result = await pollOperationResult(client, ids("op-lower"), { intervalInMs: 10 });
    expect(result.status).toBe("succeeded");
    expect(statusGets()).toHaveLength(2);
  });

  it("keeps polling through unknown statuses until a terminal one", async () => {
    const path = new URL(mock.operationResultUrl("op-unknown")).pathname;
    const statuses = ["Accepted", "Running", "NotStarted", "Cancelling", "SomethingNew", "FAILED"];
    mock.script("GET", path, ...statuses.map((status) => ({ status: 200, body: { status } })));
    const poller = pollOperationResult(client, ids("op-unknown"), { intervalInMs: 10, resolveOnUnsuccessful: true });
    const seen: string[] = [];
    poller.onProgress((s) => seen.push(`${s.operationResult?.status}:${s.status}`));
    await poller;
    expect(seen).toEqual([...statuses.slice(0, 5).map((s) => `${s}:running`), "FAILED:failed"]);
  });

  it("fails with PollingError operationNotFound on a 404 status URL", async () => {
    const error = await pollOperationResult(client, ids("no-such-operation"), { intervalInMs: 10 }).pollUntilDone().catch((e: unknown) => e);
    expect(isPollingError(error, "operationNotFound")).toBe(true);
    expect(error).toMatchObject({ statusCode: 404, message: expect.stringMatching(/unknown or its record has expired/) });
    expect(statusGets()).toHaveLength(1);
  });

  it("fails with PollingError invalidStatusResponse on a 200 without a status", async () => {
    const path = new URL(mock.operationResultUrl("op-garbage")).pathname;
    mock.script("GET", path, { status: 200, body: { percentComplete: 3 } });
    const error = await pollOperationResult(client, ids("op-garbage"), { intervalInMs: 10 }).catch((e: unknown) => e);
    expect(isPollingError(error, "invalidStatusResponse")).toBe(true);
  });

  it("rejects bad input synchronously with a message naming the option and the rule", () => {
    expect(() => pollOperationResult(client, { ...ids("x"), operationResultId: "" })).toThrow(
      expect.objectContaining({
        name: "InvalidParameterError",
        parameter: "target.operationResultId",
        message: 'target.operationResultId must be a non-empty string (got "")',
      }),
    );
    expect(() => pollOperationResult(client, ids("x"), { intervalInMs: -1 })).toThrow(
      "options.intervalInMs must be a number from 0 to 2147483647, got -1",
    );
    expect(() => pollOperationResult(client, ids("x"), { maxTransientErrors: 1.5 })).toThrow(/options.maxTransientErrors must be an integer/);
    expect(() => pollOperationResult(client, undefined)).toThrow(/unless options.restoreFrom is given/);
    expect(mock.requests).toHaveLength(0);
  });
});
