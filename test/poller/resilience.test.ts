import { describe, expect, it } from "vitest";
import { isAbortError, isPollingError } from "../../src/custom/errors/guards.js";
import { isRestError } from "../../src/custom/errors/toRestError.js";
import { pollOperationResult } from "../../src/custom/poller/pollOperationResult.js";
import type { MockArm } from "../../src/testing/index.js";
import { mockClient } from "../helpers/client.js";
import { useMockArm } from "../helpers/mock.js";

let mock: MockArm;
// The pipeline's own retries are switched off so every failure reaches the poller: these tests are about what
// the poller does once the pipeline has given up.
let client: ReturnType<typeof mockClient>;
useMockArm((m) => {
  mock = m;
  client = mockClient(m, { retryOptions: { maxRetries: 0 } });
});

const statusGets = () => mock.requests.filter((r) => r.path.includes("/operationResults/"));
const running = { status: 200, headers: { "Retry-After": "0" }, body: { status: "InProgress", percentComplete: 10 } };
const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("transient poll failures", () => {
  it("recovers from a 503 and a connection reset mid-poll", async () => {
    const url = mock.operationResultUrl("op-flaky");
    mock.script("GET", url, running, { status: 503, headers: { "Retry-After": "0" } }, { status: 200, fault: "reset" }, { status: 200, body: { status: "Succeeded" } });
    const result = await pollOperationResult(client, url, { intervalInMs: 10 });
    expect(result.status).toBe("Succeeded");
    expect(statusGets()).toHaveLength(4);
  });

  it("recovers from 429 and 500 too, and resets the budget after a good read", async () => {
    const url = mock.operationResultUrl("op-budget");
    const e429 = { status: 429, headers: { "Retry-After": "0" } };
    const e500 = { status: 500 };
    mock.script("GET", url, e429, e500, running, e500, e429, { status: 200, body: { status: "Succeeded" } });
    const result = await pollOperationResult(client, url, { intervalInMs: 10, maxTransientErrors: 2 });
    expect(result.status).toBe("Succeeded");
    expect(statusGets()).toHaveLength(6);
  });

  it("gives up after maxTransientErrors failures in a row, surfacing the last error with context", async () => {
    const url = mock.operationResultUrl("op-down");
    const outage = { status: 503, body: { error: { code: "ServiceUnavailable", message: "try later" } } };
    mock.script("GET", url, outage, outage, outage, outage);
    const error = await pollOperationResult(client, url, { intervalInMs: 10, maxTransientErrors: 2 }).catch((e: unknown) => e);
    expect(isPollingError(error, "transientErrorsExhausted")).toBe(true);
    if (!isPollingError(error)) return;
    expect(error.attempts).toBe(3);
    expect(error.message).toMatch(/3 polls in a row failed \(options.maxTransientErrors is 2\); last error: try later/);
    expect(isRestError(error.cause)).toBe(true);
    expect(error.cause).toMatchObject({ statusCode: 503, code: "ServiceUnavailable" });
    expect(statusGets()).toHaveLength(3);
  });

  it("does not retry a 403, and reports it as a failure to read the status with its HTTP status", async () => {
    const url = mock.operationResultUrl("op-forbidden");
    mock.script("GET", url, { status: 403, body: { error: { code: "AuthorizationFailed", message: "no" } } });
    const error = await pollOperationResult(client, url, { intervalInMs: 10 }).catch((e: unknown) => e);
    expect(isPollingError(error, "statusReadFailed")).toBe(true);
    expect(error).toMatchObject({ statusCode: 403, message: expect.stringMatching(/: HTTP 403: AuthorizationFailed: no$/) });
    expect(isRestError((error as Error).cause)).toBe(true);
    expect((error as Error).cause).toMatchObject({ statusCode: 403, code: "AuthorizationFailed" });
    expect(statusGets()).toHaveLength(1);
  });
});

describe("transient failures in the poller's state", () => {
  it("counts failed reads in transientFailures with the last error, reports each to onProgress, and clears both on a good read", async () => {
    const url = mock.operationResultUrl("op-state");
    const e503 = { status: 503, headers: { "Retry-After": "0" }, body: { error: { code: "ServiceUnavailable", message: "busy" } } };
    mock.script("GET", url, e503, e503, running, { status: 200, body: { status: "Succeeded" } });
    const poller = pollOperationResult(client, url, { intervalInMs: 1 });
    const seen: string[] = [];
    poller.onProgress((s) => seen.push(`${s.status} ${s.transientFailures} ${s.lastTransientError?.statusCode ?? "-"}`));
    await poller;
    expect(seen).toEqual(["running 1 503", "running 2 503", "running 0 -", "succeeded 0 -"]);
    expect(poller.operationState).not.toHaveProperty("lastTransientError");
  });

  it("gives a second pollUntilDone() a fresh maxTransientErrors budget once the service has recovered", async () => {
    const url = mock.operationResultUrl("op-again");
    const e503 = { status: 503, headers: { "Retry-After": "0" } };
    mock.script("GET", url, e503, e503);
    const poller = pollOperationResult(client, url, { intervalInMs: 1, maxTransientErrors: 1 });
    const first = await poller.pollUntilDone().catch((e: unknown) => e);
    expect(isPollingError(first, "transientErrorsExhausted")).toBe(true);
    expect(first).toMatchObject({ statusCode: 503, attempts: 2 });
    // The service recovers, after one more hiccup: the new wait may fail once, as maxTransientErrors allows.
    mock.script("GET", url, e503, { status: 200, body: { status: "Succeeded" } });
    expect((await poller.pollUntilDone()).status).toBe("Succeeded");
    expect(statusGets()).toHaveLength(4);
  });
});

describe("abort and timeout", () => {
  it("rejects promptly with an AbortError when aborted mid-wait, and sends nothing more", async () => {
    mock.addOperationResult("op-long", { steps: [0, 10, 20], retryAfter: "30" });
    const controller = new AbortController();
    const poller = pollOperationResult(client, mock.operationResultUrl("op-long"));
    poller.onProgress(() => setTimeout(() => controller.abort(), 50));
    const started = Date.now();
    const error = await poller.pollUntilDone({ abortSignal: controller.signal }).catch((e: unknown) => e);
    expect(isAbortError(error)).toBe(true);
    expect(Date.now() - started).toBeLessThan(5_000); // the server asked for 30 s
    await settle(100);
    expect(mock.pollCount("op-long")).toBe(1);
  });

  it("aborts a request in flight through the options' abortSignal", async () => {
    const url = mock.operationResultUrl("op-stall");
    mock.script("GET", url, { status: 200, fault: "stall" });
    const controller = new AbortController();
    const poller = pollOperationResult(client, url, { abortSignal: controller.signal });
    const pending = poller.pollUntilDone().catch((e: unknown) => e);
    while (statusGets().length === 0) await settle(5);
    const abortedAt = Date.now();
    controller.abort();
    const error = await pending;
    expect(isAbortError(error)).toBe(true);
    expect((error as Error).message).toMatch(/aborted by the abortSignal/);
    expect(Date.now() - abortedAt).toBeLessThan(1_000);
  });

  it("sends no request when the signal is already aborted", async () => {
    const error = await pollOperationResult(client, mock.operationResultUrl("op-x"), { abortSignal: AbortSignal.abort() }).catch((e: unknown) => e);
    expect(isAbortError(error)).toBe(true);
    expect(mock.requests).toHaveLength(0);
  });

  it("rejects with an AbortError naming timeoutInMs when the overall bound is hit", async () => {
    mock.addOperationResult("op-slow", { steps: [0, 10, 20], retryAfter: "30" });
    const started = Date.now();
    const error = await pollOperationResult(client, mock.operationResultUrl("op-slow"), { timeoutInMs: 300 }).catch((e: unknown) => e);
    const elapsed = Date.now() - started;
    expect(isAbortError(error)).toBe(true);
    expect((error as Error).message).toBe("Polling timed out after 300 ms (options.timeoutInMs)");
    expect(elapsed).toBeGreaterThanOrEqual(295);
    expect(elapsed).toBeLessThan(3_000);
    expect(mock.pollCount("op-slow")).toBe(1);
  });

  it("can poll again after an abort and finish the operation", async () => {
    mock.addOperationResult("op-again", { steps: [0], retryAfter: "30" });
    const poller = pollOperationResult(client, mock.operationResultUrl("op-again"));
    await expect(poller.pollUntilDone({ abortSignal: AbortSignal.timeout(200) })).rejects.toThrow(/aborted/);
    const state = await poller.poll();
    expect(state.status).toBe("succeeded");
    expect(mock.pollCount("op-again")).toBe(2);
  });
});
