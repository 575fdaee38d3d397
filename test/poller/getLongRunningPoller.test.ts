import { describe, expect, it } from "vitest";
import { isDevOpsOperationError, isPollingError } from "../../src/custom/errors/guards.js";
import { isRestError } from "../../src/custom/errors/toRestError.js";
import { getLongRunningPoller } from "../../src/custom/poller/getLongRunningPoller.js";
import { DEFAULT_SCOPE, type MockArm } from "../../src/testing/index.js";
import { mockClient } from "../helpers/client.js";
import { requestsAfterInitial, useMockArm } from "../helpers/mock.js";
import { ORG, lroTargets, thrown } from "./lro.js";

let mock: MockArm;
let client: ReturnType<typeof mockClient>;
useMockArm((m) => {
  mock = m;
  client = mockClient(m);
});

const { subscriptionId: sub, resourceGroupName: rg, securityConnectorName: name } = DEFAULT_SCOPE;
const { config, createConfig } = lroTargets(() => ({ mock, client }));
const body = { properties: { autoDiscovery: "Enabled" as const } };
/** Requests after the initial one (the last non-GET) as "METHOD kind", kind = status | resource. */
const trail = () =>
  requestsAfterInitial(mock).map((r) => `${r.method} ${r.path.includes("/operationResults/") ? "status" : "resource"}`);

describe("getLongRunningPoller", () => {
  it("follows a PUT 201 through Azure-AsyncOperation and ends with one GET of the original URL", async () => {
    mock.planOperations({ steps: [0, 50] });
    const initial = await config().put({ body });
    expect(initial.status).toBe("201");
    const poller = getLongRunningPoller(client, initial, { intervalInMs: 10 });
    const result = await poller;
    expect(trail()).toEqual(["GET status", "GET status", "GET status", "GET resource"]);
    expect(result?.properties?.provisioningState).toBe("Succeeded");
    expect(result?.properties?.autoDiscovery).toBe("Enabled");
    expect(poller.operationState).toMatchObject({ status: "succeeded", percentComplete: 100 });
  });

  it("follows a DELETE 202 and resolves with no body, without a final GET", async () => {
    await createConfig();
    mock.planOperations({ steps: [30] });
    const initial = await config().delete();
    expect(initial.status).toBe("202");
    const result = await getLongRunningPoller(client, initial, { intervalInMs: 10 }).pollUntilDone();
    expect(result).toBeUndefined();
    expect(trail()).toEqual(["GET status", "GET status"]);
    expect((await config().get()).status).toBe("404");
  });

  it("follows a Location header when there is no Azure-AsyncOperation (202 while running)", async () => {
    await createConfig();
    mock.planOperations({ steps: [0, 60], header: "Location" });
    const initial = await config().delete();
    const result = await getLongRunningPoller(client, initial, { intervalInMs: 10 }).pollUntilDone();
    expect(result).toBeUndefined();
    expect(trail()).toEqual(["GET status", "GET status", "GET status"]);
  });

  it("prefers Azure-AsyncOperation when both headers are present", async () => {
    mock.planOperations({ steps: [0], header: "both" });
    const initial = await client.path(ORG, sub, rg, name, "contoso-ado").patch({ body: { properties: {} } });
    expect(initial.status).toBe("202");
    const result = await getLongRunningPoller(client, initial, { intervalInMs: 10 }).pollUntilDone();
    expect(result?.name).toBe("contoso-ado");
    expect(trail()).toEqual(["GET status", "GET status", "GET resource"]);
  });

  it("treats a 200 with a terminal provisioningState as done, without any request", async () => {
    mock.planOperations({ sync: true });
    const initial = await config().put({ body });
    expect(initial.status).toBe("200");
    const poller = getLongRunningPoller(client, initial);
    expect(poller.isDone).toBe(true);
    const result = await poller;
    expect(result?.properties?.autoDiscovery).toBe("Enabled");
    expect(mock.requests).toHaveLength(1);
  });

  it("rejects a failed LRO with the operation's error and sends no final GET", async () => {
    mock.planOperations({ steps: [0], outcome: "Failed" });
    const initial = await config().put({ body });
    const error = await getLongRunningPoller(client, initial, { intervalInMs: 10 }).pollUntilDone().catch((e: unknown) => e);
    expect(isDevOpsOperationError(error, "TokenExchangeFailed")).toBe(true);
    expect(trail()).toEqual(["GET status", "GET status"]);
  });

  it("rejects a non-2xx initial response with its RestError", async () => {
    const initial = await client.path(`${ORG}/projects/{projectName}`, sub, rg, name, "no-such-org", "p").put({ body: { properties: {} } });
    const error = thrown(() => getLongRunningPoller(client, initial));
    expect(isRestError(error)).toBe(true);
    expect(error).toMatchObject({ statusCode: 404 });
    expect(mock.requests).toHaveLength(1);
  });

  it("refuses an Azure-AsyncOperation header on another origin before sending anything there", async () => {
    const path = `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.Security/securityConnectors/${name}/devops/default`;
    const evil = "https://evil.example/steal?api-version=2024-04-01";
    mock.script("PUT", path, { status: 201, headers: { "Azure-AsyncOperation": evil, "Retry-After": "0" }, body: {} });
    const initial = await config().put({ body });
    const error = thrown(() => getLongRunningPoller(client, initial));
    expect(isPollingError(error, "untrustedUrl")).toBe(true);
    expect(String((error as Error).message)).toMatch(/evil\.example.*not on the client's endpoint/);
  });

  it("refuses a plain http:// polling URL on the same host when the endpoint is https", async () => {
    const path = `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.Security/securityConnectors/${name}/devops/default`;
    const downgraded = mock.operationResultUrl("op").replace("https://", "http://");
    mock.script("DELETE", path, { status: 202, headers: { Location: downgraded } });
    const initial = await config().delete();
    const error = thrown(() => getLongRunningPoller(client, initial));
    expect(isPollingError(error, "untrustedUrl")).toBe(true);
    expect(mock.requests).toHaveLength(1);
  });

  it("refuses a moved Location on another origin mid-poll, without requesting it", async () => {
    const path = `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.Security/securityConnectors/${name}/devops/default`;
    const statusUrl = mock.operationResultUrl("op-moved");
    mock.script("DELETE", path, { status: 202, headers: { Location: statusUrl, "Retry-After": "0" } });
    mock.script("GET", statusUrl, { status: 202, headers: { Location: "https://evil.example/next" } });
    const initial = await config().delete();
    const error = await getLongRunningPoller(client, initial).pollUntilDone().catch((e: unknown) => e);
    expect(isPollingError(error, "untrustedUrl")).toBe(true);
    expect(trail()).toEqual(["GET status"]);
  });

  it("refuses a 202 that names nothing to poll", async () => {
    const path = `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.Security/securityConnectors/${name}/devops/default`;
    mock.script("DELETE", path, { status: 202 });
    const initial = await config().delete();
    const error = thrown(() => getLongRunningPoller(client, initial));
    expect(isPollingError(error, "noPollingUrl")).toBe(true);
  });
});
