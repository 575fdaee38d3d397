import { describe, expect, it } from "vitest";
import { isAbortError, isDevOpsOperationError } from "../../src/custom/errors/guards.js";
import { getLongRunningPoller } from "../../src/custom/poller/getLongRunningPoller.js";
import type { LroInitialResponse } from "../../src/custom/poller/lroTypes.js";
import { pollOperationResult } from "../../src/custom/poller/pollOperationResult.js";
import { DEFAULT_SCOPE, type MockArm, type OperationPlan } from "../../src/testing/index.js";
import { mockClient } from "../helpers/client.js";
import { requestsAfterInitial, useMockArm } from "../helpers/mock.js";
import { paths } from "../types/paths.js";
import { app, onlySpan, ourSpans, senders, useRecorder } from "./spans.js";

const recorder = useRecorder();
let mock: MockArm;
let client: ReturnType<typeof mockClient>;
useMockArm((m) => {
  mock = m;
  // No pipeline retries: every request the mock sees is one the poller sent.
  client = mockClient(m, { retryOptions: { maxRetries: 0 } });
});

const { subscriptionId: sub, resourceGroupName: rg, securityConnectorName: name } = DEFAULT_SCOPE;
const config = () => client.path(paths.configuration, sub, rg, name);
const org = () => client.path(paths.azureDevOpsOrg, sub, rg, name, "contoso-ado");
const body = { properties: { autoDiscovery: "Enabled" as const } };
const fast = { intervalInMs: 10 };

describe("the span of a wait", () => {
  it("runs a pollOperationResult wait in one DevOpsOperationResults.wait span, with every poll request as its child", async () => {
    const url = mock.addOperationResult("onboarding-7", { steps: [0, 50] });
    const result = await pollOperationResult(client, url, fast);
    expect(result.status).toBe("Succeeded");

    const wait = onlySpan(recorder(), "DevOpsOperationResults.wait");
    expect(mock.pollCount("onboarding-7")).toBe(3);
    const sent = senders(recorder(), mock.requests);
    expect(sent).toHaveLength(3);
    for (const http of sent) expect(http).toMatchObject({ name: "HTTP GET", parentId: wait.spanId, ends: 1 });
    expect(recorder().childrenOf(wait)).toEqual(sent);
    expect(wait).toMatchObject({ kind: "internal", packageName: "arm-security-devops", parentId: undefined, ends: 1 });
    expect(wait.status).toEqual({ status: "success" });
    expect(wait.attributes).toEqual({
      "az.namespace": "Microsoft.Security",
      "lro.kind": "operation-result",
      "lro.operation_result_id": "onboarding-7",
      "lro.polls": 3,
      "lro.status": "succeeded",
      "lro.percent_complete": 100,
    });
  });

  it.each<[string, () => PromiseLike<unknown>, OperationPlan, string, string[]]>([
    ["a PUT through Azure-AsyncOperation", () => config().put({ body }), { steps: [0, 50] }, "DevOpsConfigurations_CreateOrUpdate.wait", ["status", "status", "status", "resource"]],
    ["a PATCH through Location", () => org().patch({ body: { properties: {} } }), { steps: [0], header: "Location" }, "AzureDevOpsOrgs_Update.wait", ["location", "location"]],
    ["a PUT polled at the resource", () => org().put({ body: { properties: {} } }), { steps: [0], header: "none" }, "AzureDevOpsOrgs_CreateOrUpdate.wait", ["resource", "resource"]],
  ])("names the wait of %s after its operationId and parents every poll and the final GET on it", async (_, start, plan, spanName, trail) => {
    mock.planOperations(plan);
    const initial = (await start()) as LroInitialResponse;
    await getLongRunningPoller(client, initial, fast);

    const wait = onlySpan(recorder(), spanName);
    const requests = requestsAfterInitial(mock);
    const kinds = requests.map((r) => (r.path.includes("/locations/") ? "location" : r.path.includes("/operationResults/") ? "status" : "resource"));
    expect(kinds).toEqual(trail);
    const sent = senders(recorder(), requests);
    expect(sent.every((http) => http?.parentId === wait.spanId)).toBe(true);
    expect(recorder().childrenOf(wait)).toEqual(sent);
    const polls = trail.filter((k) => k !== "resource").length || trail.length;
    expect(wait.attributes).toMatchObject({ "lro.polls": polls, "lro.status": "succeeded" });
    expect(wait.status).toEqual({ status: "success" });
  });

  it("reports the kind and the operation result id of an Azure-AsyncOperation wait", async () => {
    mock.planOperations({ steps: [20] });
    const initial = await config().put({ body });
    const statusUrl = initial.headers["azure-asyncoperation"]!;
    await getLongRunningPoller(client, initial, fast);
    const wait = onlySpan(recorder(), "DevOpsConfigurations_CreateOrUpdate.wait");
    const id = decodeURIComponent(/operationResults\/([^?]+)/.exec(statusUrl)![1]!);
    expect(wait.attributes).toMatchObject({ "lro.kind": "azure-async-operation", "lro.operation_result_id": id, "lro.percent_complete": 100 });
  });

  it("gives the wait of a URL that is no path of the API the generic name LongRunningOperation.wait", async () => {
    const status = mock.addOperationResult("elsewhere-1", { steps: [] });
    mock.script("PUT", "/custom/thing", { status: 201, headers: { "Azure-AsyncOperation": status, "Retry-After": "0" }, body: {} });
    mock.script("GET", "/custom/thing", { status: 200, body: { name: "thing" } });
    const initial = await client.pathUnchecked("/custom/thing").put({ body: {} });
    // Deliberately off the API's typed responses: the runtime takes any PUT's response.
    const result = await getLongRunningPoller(client, initial as unknown as LroInitialResponse, fast);
    expect(result).toEqual({ name: "thing" });
    const wait = onlySpan(recorder(), "LongRunningOperation.wait");
    expect(recorder().childrenOf(wait)).toHaveLength(2);
  });

  it("names a resumed wait from its token, as the poller that wrote it", async () => {
    mock.planOperations({ steps: [0, 50] });
    const initial = await config().put({ body });
    const first = getLongRunningPoller(client, initial, fast);
    await first.poll();
    expect(ourSpans(recorder())).toEqual([]); // poll() alone makes no span
    const resumed = getLongRunningPoller(client, undefined, { ...fast, restoreFrom: await first.serialize() });
    await resumed;
    const wait = onlySpan(recorder(), "DevOpsConfigurations_CreateOrUpdate.wait");
    expect(wait.attributes["lro.polls"]).toBe(2);
    expect(recorder().childrenOf(wait)).toHaveLength(3);
  });

  it("makes one span for concurrent pollUntilDone() calls, which share one wait", async () => {
    const url = mock.addOperationResult("shared-1", { steps: [0] });
    const poller = pollOperationResult(client, url, fast);
    const [a, b] = [poller.pollUntilDone(), poller.pollUntilDone()];
    await Promise.all([a, b, poller]);
    expect(onlySpan(recorder(), "DevOpsOperationResults.wait").attributes["lro.polls"]).toBe(2);
  });

  it("makes no span for a poller that is already done, and sends nothing", async () => {
    mock.planOperations({ sync: true });
    const initial = await config().put({ body });
    recorder().clear();
    const requests = mock.requests.length;
    await getLongRunningPoller(client, initial);
    expect(recorder().spans).toEqual([]);
    expect(mock.requests).toHaveLength(requests);
  });

  it("counts a failed status read as a poll and keeps its HTTP span, marked as an error, under the wait", async () => {
    const url = mock.addOperationResult("flaky-1", { steps: [] });
    mock.script("GET", url, { status: 503, body: { error: { code: "ServiceUnavailable", message: "busy" } } });
    const poller = pollOperationResult(client, url, fast);
    await poller;
    const wait = onlySpan(recorder(), "DevOpsOperationResults.wait");
    const sent = senders(recorder(), mock.requests);
    expect(sent.map((http) => http?.attributes["http.status_code"])).toEqual([503, 200]);
    expect(sent[0]!.status).toEqual({ status: "error" });
    expect(sent.every((http) => http?.parentId === wait.spanId)).toBe(true);
    expect(wait.attributes).toMatchObject({ "lro.polls": 2, "lro.status": "succeeded" });
  });
});

describe("a wait that does not succeed", () => {
  it("sets error status with the DevOpsOperationError, and reports the ARM code, status and percentComplete", async () => {
    mock.planOperations({ steps: [0, 40], outcome: "Failed" });
    const initial = await config().put({ body });
    const error = await getLongRunningPoller(client, initial, fast).pollUntilDone().catch((e: unknown) => e);
    expect(isDevOpsOperationError(error, "TokenExchangeFailed")).toBe(true);
    const wait = onlySpan(recorder(), "DevOpsConfigurations_CreateOrUpdate.wait");
    expect(wait.status?.status).toBe("error");
    expect(wait.exceptions).toHaveLength(1);
    expect(wait.exceptions[0]).toMatchObject({ name: "DevOpsOperationError", message: (error as Error).message });
    expect(wait.attributes).toMatchObject({
      "lro.status": "failed",
      "lro.percent_complete": 40,
      "lro.error_code": "TokenExchangeFailed",
      "lro.polls": 3,
    });
    expect(wait.ends).toBe(1);
  });

  it("marks a canceled operation as an error too, with its code", async () => {
    mock.planOperations({ steps: [], outcome: "Canceled" });
    const initial = await config().put({ body });
    await getLongRunningPoller(client, initial, fast).pollUntilDone().catch(() => undefined);
    const wait = onlySpan(recorder(), "DevOpsConfigurations_CreateOrUpdate.wait");
    expect(wait.status?.status).toBe("error");
    expect(wait.attributes).toMatchObject({ "lro.status": "canceled", "lro.error_code": "OperationCanceled" });
  });

  it("marks the span as an error when resolveOnUnsuccessful resolves with a failed operation", async () => {
    const url = mock.addOperationResult("failing-1", { steps: [], outcome: "Failed" });
    const result = await pollOperationResult(client, url, { ...fast, resolveOnUnsuccessful: true });
    expect(result.status).toBe("Failed");
    const wait = onlySpan(recorder(), "DevOpsOperationResults.wait");
    expect(wait.status?.status).toBe("error");
    expect(wait.attributes).toMatchObject({ "lro.status": "failed", "lro.error_code": "TokenExchangeFailed" });
  });

  it("sets error status with the AbortError when the caller aborts mid-wait, and says the operation was still running", async () => {
    const url = mock.addOperationResult("endless-1", { steps: [10], neverFinishes: true });
    const controller = new AbortController();
    const poller = pollOperationResult(client, url, { intervalInMs: 20, abortSignal: controller.signal });
    poller.onProgress(() => {
      if (mock.pollCount("endless-1") >= 3) controller.abort();
    });
    const error = await poller.pollUntilDone().catch((e: unknown) => e);
    expect(isAbortError(error)).toBe(true);
    const wait = onlySpan(recorder(), "DevOpsOperationResults.wait");
    expect(wait.status?.status).toBe("error");
    expect(wait.exceptions[0]).toMatchObject({ name: "AbortError", message: "Polling was aborted by the abortSignal" });
    expect(wait.attributes).toMatchObject({ "lro.status": "running", "lro.polls": 3, "lro.percent_complete": 10 });
    expect(wait.attributes["lro.error_code"]).toBeUndefined();
    expect(wait.ends).toBe(1);
  });

  it("sets error status with the timeout's AbortError", async () => {
    const url = mock.addOperationResult("endless-2", { neverFinishes: true });
    const error = await pollOperationResult(client, url, { intervalInMs: 20, timeoutInMs: 150 }).pollUntilDone().catch((e: unknown) => e);
    expect(isAbortError(error)).toBe(true);
    const wait = onlySpan(recorder(), "DevOpsOperationResults.wait");
    expect(wait.status?.status).toBe("error");
    expect(String((wait.exceptions[0] as Error).message)).toMatch(/timed out after 150 ms/);
    expect(wait.attributes["lro.status"]).toBe("running");
    expect(wait.attributes["lro.polls"]).toBe(mock.pollCount("endless-2"));
  });

  it("reports the ARM code of a status read the poller gives up on (a 403)", async () => {
    const url = mock.addOperationResult("forbidden-1");
    mock.script("GET", url, { status: 403, body: { error: { code: "AuthorizationFailed", message: "no access" } } });
    await pollOperationResult(client, url, fast).pollUntilDone().catch(() => undefined);
    const wait = onlySpan(recorder(), "DevOpsOperationResults.wait");
    expect(wait.status?.status).toBe("error");
    expect(wait.exceptions[0]).toMatchObject({ name: "PollingError" });
    expect(wait.attributes).toMatchObject({ "lro.error_code": "AuthorizationFailed", "lro.polls": 1, "lro.status": "running" });
  });
});

describe("the caller's span context", () => {
  it("makes options.tracingOptions the parent of the wait's span", async () => {
    const url = mock.addOperationResult("parented-1", { steps: [0] });
    const { span, updatedOptions } = app.startSpan("Contoso.onboard");
    await pollOperationResult(client, url, { ...fast, tracingOptions: updatedOptions.tracingOptions });
    span.end();
    const mine = onlySpan(recorder(), "Contoso.onboard");
    const wait = onlySpan(recorder(), "DevOpsOperationResults.wait");
    expect(wait.parentId).toBe(mine.spanId);
    expect(wait.traceId).toBe(mine.traceId);
    expect(recorder().childrenOf(mine)).toEqual([wait]);
    expect(recorder().childrenOf(wait)).toHaveLength(2);
  });

  it("parents the wait on the active context when no tracingOptions are given", async () => {
    const url = mock.addOperationResult("parented-2", { steps: [] });
    await app.withSpan("Contoso.onboard", {}, async () => {
      await pollOperationResult(client, url, fast);
    });
    const wait = onlySpan(recorder(), "DevOpsOperationResults.wait");
    expect(wait.parentId).toBe(onlySpan(recorder(), "Contoso.onboard").spanId);
  });

  it("runs onProgress inside the wait's span, so the caller's own spans there are its children", async () => {
    const url = mock.addOperationResult("progress-1", { steps: [0] });
    const poller = pollOperationResult(client, url, fast);
    poller.onProgress(() => app.startSpan("Contoso.progress").span.end());
    await poller;
    const wait = onlySpan(recorder(), "DevOpsOperationResults.wait");
    const progress = recorder().spans.filter((s) => s.name === "Contoso.progress");
    expect(progress).toHaveLength(2);
    expect(progress.every((s) => s.parentId === wait.spanId)).toBe(true);
  });

  it("sends a lone poll() under the caller's context, without a span of its own", async () => {
    const url = mock.addOperationResult("single-1", { steps: [0] });
    const { span, updatedOptions } = app.startSpan("Contoso.check");
    await pollOperationResult(client, url, { tracingOptions: updatedOptions.tracingOptions }).poll();
    span.end();
    expect(ourSpans(recorder())).toEqual([]);
    const [http] = senders(recorder(), mock.requests);
    expect(http?.parentId).toBe(onlySpan(recorder(), "Contoso.check").spanId);
  });

  it.each([
    [5, "options.tracingOptions must be an object ({ tracingContext }), got number"],
    [null, "options.tracingOptions must be an object ({ tracingContext }), got null"],
    [{ tracingContext: {} }, "options.tracingOptions.tracingContext must be a TracingContext (with getValue and setValue), got object"],
  ])("refuses tracingOptions %j with a TypeError naming the option, before any request", (tracingOptions, message) => {
    const url = mock.addOperationResult("bad-1");
    expect(() => pollOperationResult(client, url, { tracingOptions } as never)).toThrow(new TypeError(message));
    expect(mock.requests).toHaveLength(0);
  });
});
