import type { PipelineRequest, SendRequest } from "@azure/core-rest-pipeline";
import { describe, expect, it } from "vitest";
import { createTestCertificate } from "../../src/testing/certificate.js";
import {
  getLongRunningPoller,
  isAbortError,
  isPollingError,
  isRestError,
  pollOperationResult,
} from "../../src/index.js";
import { DEFAULT_SCOPE, startMockArm, type MockArm } from "../../src/testing/index.js";
import { mockClient } from "../helpers/client.js";
import { expectNoLaterRequests, failOnUnhandledRejections, rejection, settle } from "./helpers.js";
import { useMockArm } from "../helpers/mock.js";

// Transport faults and throttling mid-poll. Each poller either completes with the right result or rejects with
// the cause, and sends nothing after it settled. resilience.test.ts covers single 503/429/reset recoveries, abort
// of a stalled request and the overall timeout; this file adds the cases around them.

let mock: MockArm;
let client: ReturnType<typeof mockClient>;
useMockArm((m) => {
  mock = m;
  client = mockClient(m, { retryOptions: { maxRetries: 0 } });
});
failOnUnhandledRejections();

const statusGets = () => mock.requests.filter((r) => r.path.includes("/operationResults/"));
const done = { status: 200, body: { status: "Succeeded" } };

describe("connection faults mid-poll", () => {
  it("rejects with transientErrorsExhausted and the reset as cause when every poll's connection is reset", async () => {
    const url = mock.operationResultUrl("op-resets");
    const reset = { status: 200, fault: "reset" as const };
    mock.script("GET", url, reset, reset, reset, reset, reset);
    const error = await rejection(pollOperationResult(client, url, { intervalInMs: 1, maxTransientErrors: 2 }));
    expect(isPollingError(error, "transientErrorsExhausted")).toBe(true);
    expect(isRestError((error as Error).cause)).toBe(true);
    expect((error as Error).cause).toMatchObject({ statusCode: undefined });
    expect(statusGets()).toHaveLength(3);
    await expectNoLaterRequests(mock);
  });

  it("survives connection refused while the server is down, and completes once it is back on the same port", async () => {
    const tls = await createTestCertificate();
    let server = await startMockArm({ https: tls });
    const port = Number(new URL(server.endpoint).port);
    // Records the transport errors the poller rode out, to prove the outage really happened.
    const transportErrors: unknown[] = [];
    const recorder = {
      name: "recordTransportErrors",
      sendRequest: (request: PipelineRequest, next: SendRequest) =>
        next(request).catch((e: unknown) => {
          transportErrors.push((e as { code?: unknown }).code);
          throw e;
        }),
    };
    const own = mockClient(server, {
      retryOptions: { maxRetries: 0 },
      additionalPolicies: [{ policy: recorder, position: "perCall" }],
    });
    const url = server.addOperationResult("op-restart", { steps: [0, 50, 75] });
    const poller = pollOperationResult(own, url, { intervalInMs: 20, maxTransientErrors: 1000 });
    let restarted: Promise<void> | undefined;
    poller.onProgress(({ percentComplete }) => {
      // After the first progress report the server goes away; it comes back a little later with the operation.
      if (percentComplete !== 0 || restarted) return;
      restarted = (async () => {
        await server.close();
        await settle(150);
        server = await startMockArm({ https: tls, port, token: server.token });
        server.addOperationResult("op-restart", { steps: [50] });
      })();
    });
    const result = await poller;
    await restarted;
    expect(result.status).toBe("Succeeded");
    expect(server.pollCount("op-restart")).toBe(2);
    expect(transportErrors.length).toBeGreaterThan(0);
    expect(transportErrors).toContain("ECONNREFUSED");
    await server.close();
  });

  it("rejects with ECONNREFUSED as the cause when the server never comes back", async () => {
    const gone = await startMockArm();
    const own = mockClient(gone, { retryOptions: { maxRetries: 0 } });
    const url = gone.operationResultUrl("op-gone");
    await gone.close();
    const error = await rejection(pollOperationResult(own, url, { intervalInMs: 1, maxTransientErrors: 2 }));
    expect(isPollingError(error, "transientErrorsExhausted")).toBe(true);
    expect((error as Error).cause).toMatchObject({ code: "ECONNREFUSED" });
  });

  it("cuts a response that stalls after its headers with the overall timeout", async () => {
    const url = mock.operationResultUrl("op-stall-body");
    // content-length promises more than is sent: the client waits for a body that never ends.
    mock.script("GET", url, {
      status: 200,
      headers: { "content-type": "application/json", "content-length": "100" },
      rawBody: '{"status":',
    });
    const started = Date.now();
    const error = await rejection(pollOperationResult(client, url, { intervalInMs: 1, timeoutInMs: 300 }));
    expect(isAbortError(error)).toBe(true);
    expect((error as Error).message).toMatch(/timed out after 300 ms/);
    expect(Date.now() - started).toBeLessThan(5_000);
    await expectNoLaterRequests(mock);
  });

  it("rejects with the cause when the final GET of a PUT is reset, and a second await fetches it without polling", async () => {
    const { subscriptionId: sub, resourceGroupName: rg, securityConnectorName: name } = DEFAULT_SCOPE;
    const template =
      "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Security/securityConnectors/{securityConnectorName}/devops/default";
    mock.planOperations({ steps: [0] });
    const initial = await client
      .path(template, sub, rg, name)
      .put({ body: { properties: { autoDiscovery: "Enabled" } } });
    const resourcePath = new URL(initial.request.url).pathname;
    mock.script("GET", resourcePath, { status: 200, fault: "reset" });
    const poller = getLongRunningPoller(client, initial, { intervalInMs: 1 });
    const error = await rejection(poller);
    expect(isRestError(error)).toBe(true);
    const pollsBefore = statusGets().length;
    const config = await poller;
    expect(config).toMatchObject({ properties: { provisioningState: "Succeeded" } });
    expect(statusGets()).toHaveLength(pollsBefore);
    await expectNoLaterRequests(mock);
  });
});

describe("throttling and outages", () => {
  it("honours a 429's Retry-After in the pipeline's own retry before the poller sees anything", async () => {
    const retrying = mockClient(mock, { retryOptions: { maxRetries: 3 } });
    const url = mock.operationResultUrl("op-throttled");
    mock.script("GET", url, { status: 429, headers: { "Retry-After": "1" } }, done);
    const result = await pollOperationResult(retrying, url, { intervalInMs: 1, maxTransientErrors: 0 });
    expect(result.status).toBe("Succeeded");
    const [first, second] = statusGets();
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(950);
  });

  it("bounds a 429 storm: pipeline retries × poller budget requests, then transientErrorsExhausted with the 429", async () => {
    const retrying = mockClient(mock, { retryOptions: { maxRetries: 2, retryDelayInMs: 1, maxRetryDelayInMs: 5 } });
    const url = mock.operationResultUrl("op-storm");
    const throttled = {
      status: 429,
      headers: { "Retry-After": "0" },
      body: { error: { code: "TooManyRequests", message: "slow down" } },
    };
    mock.script("GET", url, ...Array.from({ length: 50 }, () => throttled));
    const error = await rejection(pollOperationResult(retrying, url, { intervalInMs: 1, maxTransientErrors: 3 }));
    expect(isPollingError(error, "transientErrorsExhausted")).toBe(true);
    expect((error as Error).cause).toMatchObject({ statusCode: 429, code: "TooManyRequests" });
    expect(statusGets()).toHaveLength(3 * 4); // (1 + maxRetries) per poll, (1 + maxTransientErrors) polls
    await expectNoLaterRequests(mock);
  });

  it("completes after a 503 outage longer than the pipeline's retries, the poller's budget covering the rest", async () => {
    const retrying = mockClient(mock, { retryOptions: { maxRetries: 1, retryDelayInMs: 1, maxRetryDelayInMs: 5 } });
    mock.addOperationResult("op-outage", { steps: [10, 20] });
    const url = mock.operationResultUrl("op-outage");
    const down = { status: 503, headers: { "Retry-After": "0" } };
    mock.script("GET", url, down, down, down, down, down);
    const seen: string[] = [];
    const poller = pollOperationResult(retrying, url, { intervalInMs: 1, maxTransientErrors: 3 });
    // Progress is reported after a failed read too, with the failures so far and the error.
    poller.onProgress((s) => seen.push(`${s.transientFailures} ${s.lastTransientError?.statusCode ?? "-"} ${s.percentComplete ?? "-"}`));
    expect((await poller).status).toBe("Succeeded");
    expect(seen).toEqual(["1 503 -", "2 503 -", "0 - 10", "0 - 20", "0 - 100"]);
    expect(statusGets()).toHaveLength(5 + 3);
  });

  it("fails with operationNotFound when the status URL starts answering 404 mid-operation", async () => {
    mock.addOperationResult("op-expiring", { steps: [0, 10, 20, 30] });
    const url = mock.operationResultUrl("op-expiring");
    const poller = pollOperationResult(client, url, { intervalInMs: 1 });
    const seen: string[] = [];
    poller.onProgress((s) => {
      seen.push(s.status);
      // The record expires after the second report: every later GET of the status URL is a 404.
      if (seen.length === 2)
        mock.script(
          "GET",
          url,
          ...Array.from({ length: 5 }, () => ({
            status: 404,
            body: { error: { code: "ResourceNotFound", message: "gone" } },
          })),
        );
    });
    const error = await rejection(poller);
    expect(isPollingError(error, "operationNotFound")).toBe(true);
    expect(error).toMatchObject({ statusCode: 404 });
    expect(seen).toEqual(["running", "running"]);
    expect(statusGets()).toHaveLength(3);
    await expectNoLaterRequests(mock);
  });
});
