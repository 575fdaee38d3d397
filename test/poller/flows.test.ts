import { describe, expect, it } from "vitest";
import { isDevOpsOperationError, isPollingError } from "../../src/custom/errors/guards.js";
import { getLongRunningPoller } from "../../src/custom/poller/getLongRunningPoller.js";
import type { LroInitialResponse } from "../../src/custom/poller/lroTypes.js";
import { DEFAULT_SCOPE, type MockArm, type MockResponse } from "../../src/testing/index.js";
import { mockClient } from "../helpers/client.js";
import { requestsAfterInitial, useMockArm } from "../helpers/mock.js";
import { devops } from "../mock/paths.js";
import { lroTargets, thrown } from "./lro.js";

// Every flow of ARM's async-operation contract through getLongRunningPoller, against the mock over HTTPS. Each
// test names one row of the README's table "ARM flow → what the poller sends and returns".

let mock: MockArm;
let client: ReturnType<typeof mockClient>;
useMockArm((m) => {
  mock = m;
  client = mockClient(m, { retryOptions: { maxRetries: 0 } });
});

const { subscriptionId: sub } = DEFAULT_SCOPE;
const configPath = devops();
const orgPath = devops("azureDevOpsOrgs", "contoso-ado");
const { config, org, createConfig } = lroTargets(() => ({ mock, client }));
const body = { properties: { actionableRemediation: { state: "Disabled" as const } } };
const fast = { intervalInMs: 1 };

/** Requests after the initial one (the last non-GET), as "GET status" | "GET location" | "GET resource" | "GET other". */
function trail(): string[] {
  return requestsAfterInitial(mock).map((r) => {
    if (r.path.includes("/locations/")) return `${r.method} location`;
    if (r.path.includes("/operationResults/")) return `${r.method} status`;
    return `${r.method} ${r.path === orgPath || r.path === configPath ? "resource" : "other"}`;
  });
}

describe("PUT and PATCH", () => {
  it("polls the resource URL only when a PUT answers 201 with a non-terminal provisioningState and no header", async () => {
    mock.planOperations({ header: "none", steps: [0, 50] });
    const initial = await org().put({ body });
    expect([initial.status, initial.headers["azure-asyncoperation"], initial.headers["location"]]).toEqual([
      "201",
      undefined,
      undefined,
    ]);
    const poller = getLongRunningPoller(client, initial, fast);
    const result = await poller;
    expect(poller.operationState.status).toBe("succeeded");
    expect(trail()).toEqual(["GET resource", "GET resource", "GET resource"]);
    expect(result?.properties?.provisioningState).toBe("Succeeded");
  });

  it("polls the resource URL when a PATCH answers 200 with a non-terminal provisioningState, and rejects its Failed state", async () => {
    mock.planOperations({ header: "none", steps: [10], outcome: "Failed" });
    const initial = await org().patch({ body });
    expect(initial.status).toBe("200");
    const error = await getLongRunningPoller(client, initial, fast)
      .pollUntilDone()
      .catch((e: unknown) => e);
    expect(isDevOpsOperationError(error)).toBe(true);
    expect(error).toMatchObject({ status: "Failed", message: expect.stringMatching(/token exchange failed/) });
    expect(trail()).toEqual(["GET resource", "GET resource"]);
  });

  it("is done at once on a terminal 200, without checking or requesting a stray monitor header", async () => {
    mock.script("PUT", orgPath, {
      status: 200,
      headers: { "Azure-AsyncOperation": "https://evil.example/op", Location: "https://evil.example/loc" },
      body: { name: "contoso-ado", properties: { provisioningState: "Succeeded" } },
    });
    const poller = getLongRunningPoller(client, await org().put({ body }));
    expect(poller.isDone).toBe(true);
    expect((await poller)?.name).toBe("contoso-ado");
    expect(trail()).toEqual([]);
  });

  it("polls a 200 that carries Azure-AsyncOperation and no provisioningState: older services sent it for running operations", async () => {
    const statusUrl = mock.addOperationResult("op-old-style", { steps: [0] });
    mock.script("PUT", orgPath, { status: 200, headers: { "Azure-AsyncOperation": statusUrl }, body: {} });
    await getLongRunningPoller(client, await org().put({ body }), fast);
    expect(trail()).toEqual(["GET status", "GET status", "GET resource"]);
  });

  it("follows Operation-Location, then reads the resource once", async () => {
    mock.planOperations({ header: "Operation-Location", steps: [0, 50] });
    const result = await getLongRunningPoller(client, await org().put({ body }), fast);
    expect(trail()).toEqual(["GET status", "GET status", "GET status", "GET resource"]);
    expect(result?.properties?.provisioningState).toBe("Succeeded");
  });

  it("follows a Location monitor through 202s and resolves with the resource its final 200 carried, without another GET", async () => {
    mock.planOperations({ header: "Location", steps: [0, 50] });
    const initial = await org().put({ body });
    const result = await getLongRunningPoller(client, initial, fast);
    expect(trail()).toEqual(["GET location", "GET location", "GET location"]);
    expect(result).toMatchObject({ name: "contoso-ado", properties: { provisioningState: "Succeeded" } });
  });

  it("rejects a Location monitor's ARM error response as the operation's failure, with its code and HTTP status", async () => {
    mock.planOperations({ header: "Location", steps: [10], outcome: "Failed" });
    const error = await getLongRunningPoller(client, await org().put({ body }), fast)
      .pollUntilDone()
      .catch((e: unknown) => e);
    expect(isDevOpsOperationError(error, "TokenExchangeFailed")).toBe(true);
    expect(error).toMatchObject({ statusCode: 400, target: "properties.authorization.code", canceled: false });
    expect(trail()).toEqual(["GET location", "GET location"]);
  });

  it("reads the status document a service sends with 200 on its Location, and then the resource", async () => {
    const location = `${mock.endpoint}/subscriptions/${sub}/providers/Microsoft.Security/locations/westeurope/operationResults/op-doc?api-version=2024-04-01`;
    mock.script("PUT", orgPath, { status: 201, headers: { Location: location, "Retry-After": "0" }, body: {} });
    mock.script(
      "GET",
      location,
      { status: 200, body: { status: "Running", percentComplete: 40 } },
      { status: 200, body: { status: "Succeeded" } },
    );
    const poller = getLongRunningPoller(client, await org().put({ body }), fast);
    const seen: Array<number | undefined> = [];
    poller.onProgress((s) => seen.push(s.percentComplete));
    await poller;
    expect(seen).toEqual([40, 40]);
    expect(trail()).toEqual(["GET location", "GET location", "GET resource"]);
  });
});

describe("DELETE", () => {
  it("is done on a 200 without any request", async () => {
    await createConfig();
    mock.planOperations({ sync: true });
    const initial = await config().delete();
    expect(initial.status).toBe("200");
    const poller = getLongRunningPoller(client, initial);
    expect(poller.isDone).toBe(true);
    expect(await poller).toBeUndefined();
    expect(trail()).toEqual([]);
  });

  it("resolves a 204 with no request after it", async () => {
    const initial = await config().delete(); // nothing to delete: ARM answers 204
    expect(initial.status).toBe("204");
    expect(await getLongRunningPoller(client, initial)).toBeUndefined();
    expect(trail()).toEqual([]);
  });

  it("follows a 202's Location monitor until it answers 200, without a final GET", async () => {
    await createConfig();
    mock.planOperations({ header: "Location", steps: [0, 60] });
    expect(await getLongRunningPoller(client, await config().delete(), fast)).toBeUndefined();
    expect(trail()).toEqual(["GET location", "GET location", "GET location"]);
    expect((await config().get()).status).toBe("404");
  });

  it("ends when a Location that is the resource itself answers 404: the resource is gone", async () => {
    const resource = `${mock.endpoint}${configPath}?api-version=2024-04-01`;
    mock.script("DELETE", configPath, { status: 202, headers: { Location: resource, "Retry-After": "0" } });
    mock.script(
      "GET",
      configPath,
      { status: 202, headers: { "Retry-After": "0" } },
      { status: 404, body: { error: { code: "ResourceNotFound", message: "gone" } } },
    );
    expect(await getLongRunningPoller(client, await config().delete(), fast)).toBeUndefined();
    expect(trail()).toEqual(["GET resource", "GET resource"]);
  });
});

describe("POST (this API has none; the ARM rule is implemented, not pretended)", () => {
  const listPath = `${configPath}/listAvailableGitHubOwners`;
  // This API has no long-running POST, so getLongRunningPoller's types admit none; its run time follows ARM's POST
  // rule for callers outside the typed API (pathUnchecked, JavaScript), which is what these tests stand for.
  const post = async () => (await client.pathUnchecked(listPath).post()) as unknown as LroInitialResponse;
  const location = (id: string) =>
    `${mock.endpoint}/subscriptions/${sub}/providers/Microsoft.Security/locations/westeurope/operationResults/${id}?api-version=2024-04-01`;

  it("resolves a 202 + Location with what the Location finally answers with 200", async () => {
    mock.script("POST", listPath, { status: 202, headers: { Location: location("post-1"), "Retry-After": "0" } });
    mock.script(
      "GET",
      location("post-1"),
      { status: 202, headers: { "Retry-After": "0" } },
      { status: 200, body: { value: [{ name: "contoso" }] } },
    );
    expect(await getLongRunningPoller(client, await post(), fast)).toEqual({ value: [{ name: "contoso" }] });
    expect(trail()).toEqual(["GET location", "GET location"]);
  });

  it("resolves with undefined when the Location answers 204: the action has no result", async () => {
    mock.script("POST", listPath, { status: 202, headers: { Location: location("post-2") } });
    mock.script("GET", location("post-2"), { status: 204 });
    expect(await getLongRunningPoller(client, await post(), fast)).toBeUndefined();
  });

  it("reads the result at the Location once Azure-AsyncOperation says Succeeded", async () => {
    const statusUrl = mock.addOperationResult("post-3", { steps: [0] });
    mock.script("POST", listPath, {
      status: 202,
      headers: { "Azure-AsyncOperation": statusUrl, Location: location("post-3r") },
    });
    mock.script("GET", location("post-3r"), { status: 200, body: { value: [] } });
    expect(await getLongRunningPoller(client, await post(), fast)).toEqual({ value: [] });
    expect(trail()).toEqual(["GET status", "GET status", "GET location"]);
  });

  it("refuses a 202 without Location before any request, naming ARM's rule", async () => {
    const statusUrl = mock.addOperationResult("post-4");
    mock.script("POST", listPath, { status: 202, headers: { "Azure-AsyncOperation": statusUrl } });
    const initial = await post();
    const noLocation = thrown(() => getLongRunningPoller(client, initial));
    expect(isPollingError(noLocation, "noPollingUrl")).toBe(true);
    expect(String((noLocation as Error).message)).toMatch(/ARM returns an action's result at its Location/);
    expect(trail()).toEqual([]);
  });

  it("is done on a 200 and resolves with its body", async () => {
    const initial = await post();
    expect(initial.status).toBe("200");
    const poller = getLongRunningPoller(client, initial);
    expect(poller.isDone).toBe(true);
    expect(await poller).toMatchObject({ value: expect.any(Array) });
    expect(trail()).toEqual([]);
  });
});

describe("status words and monitor answers", () => {
  const statusPollOf = async (...answers: MockResponse[]) => {
    const statusUrl = mock.operationResultUrl("op-words");
    mock.script("PUT", orgPath, {
      status: 201,
      headers: { "Azure-AsyncOperation": statusUrl, "Retry-After": "0" },
      body: {},
    });
    mock.script("GET", statusUrl, ...answers);
    // Wrapped: an async function returning the (thenable) poller itself would await it.
    return { poller: getLongRunningPoller(client, await org().put({ body }), fast) };
  };

  it('ends {"status":"Cancelled"} as canceled', async () => {
    mock.planOperations({ steps: [0], terminalStatus: "Cancelled", outcome: "Canceled" });
    const poller = getLongRunningPoller(client, await org().put({ body }), fast);
    const error = await poller.pollUntilDone().catch((e: unknown) => e);
    expect(isDevOpsOperationError(error, "OperationCanceled")).toBe(true);
    expect(error).toMatchObject({ canceled: true, status: "Cancelled" });
    expect(poller.operationState.status).toBe("canceled");
  });

  it("matches lowercase statuses as terminal, whatever the case", async () => {
    mock.planOperations({ steps: [0, 50], inProgressStatus: "inprogress", terminalStatus: "succeeded" });
    const poller = getLongRunningPoller(client, await org().put({ body }), fast);
    await poller;
    expect(poller.operationState.status).toBe("succeeded");
    expect(trail()).toEqual(["GET status", "GET status", "GET status", "GET resource"]);
  });

  it("treats this API's DeletionSuccess and DeletionFailure provisioning states as terminal", async () => {
    mock.script("PUT", orgPath, { status: 200, body: { properties: { provisioningState: "DeletionFailure" } } });
    const failed = getLongRunningPoller(client, await org().put({ body }), { resolveOnUnsuccessful: true });
    expect([failed.isDone, failed.operationState.status]).toEqual([true, "failed"]);
    mock.script("PUT", orgPath, { status: 201, body: { properties: { provisioningState: "Deleting" } } });
    mock.script("GET", orgPath, { status: 200, body: { properties: { provisioningState: "DeletionSuccess" } } });
    const poller = getLongRunningPoller(client, await org().put({ body }), fast);
    await poller;
    expect(poller.operationState.status).toBe("succeeded");
  });

  it("keeps polling a monitor that answers 202 with an empty body", async () => {
    mock.planOperations({ steps: [0, 50], emptyWhileRunning: true });
    const poller = getLongRunningPoller(client, await org().put({ body }), fast);
    const seen: string[] = [];
    poller.onProgress((s) => seen.push(s.status));
    await poller;
    expect(seen).toEqual(["running", "running", "succeeded"]);
  });

  it("reports a 4xx from the monitor as a failure to read the status, with its HTTP status, never as a failed operation", async () => {
    const { poller } = await statusPollOf({
      status: 400,
      body: { error: { code: "BadRequest", message: "no such operation shape" } },
    });
    const error = await poller.pollUntilDone().catch((e: unknown) => e);
    expect(isPollingError(error, "statusReadFailed")).toBe(true);
    expect(error).toMatchObject({ statusCode: 400 });
    expect(poller.operationState.status).toBe("running");
  });

  it("reports a 404 from the monitor as operationNotFound", async () => {
    const { poller } = await statusPollOf({ status: 404, body: { error: { code: "NotFound", message: "x" } } });
    const error = await poller.pollUntilDone().catch((e: unknown) => e);
    expect(isPollingError(error, "operationNotFound")).toBe(true);
    expect(error).toMatchObject({ statusCode: 404 });
  });

  it("waits what retry-after-ms asks, in preference to Retry-After", async () => {
    mock.planOperations({ steps: [0, 50], retryAfter: "0", retryAfterMs: "300" });
    await getLongRunningPoller(client, await org().put({ body }), fast);
    const times = mock.requests.filter((r) => r.path.includes("/operationResults/")).map((r) => r.at);
    const put = mock.requests.find((r) => r.method === "PUT")!.at;
    for (const [i, t] of times.entries()) expect(t - (i === 0 ? put : times[i - 1]!)).toBeGreaterThanOrEqual(295);
  });
});
