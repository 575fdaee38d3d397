import { describe, expect, it } from "vitest";
import { isPollingError } from "../../src/custom/errors/guards.js";
import { getLongRunningPoller } from "../../src/custom/poller/getLongRunningPoller.js";
import type { LroInitialResponse } from "../../src/custom/poller/lroTypes.js";
import { pollOperationResult } from "../../src/custom/poller/pollOperationResult.js";
import { DEFAULT_SCOPE, type MockArm } from "../../src/testing/index.js";
import { mockClient } from "../helpers/client.js";
import type { DevOpsConfigurationsCreateOrUpdate201Response as PutResponse } from "../../src/generated/responses.js";
import { useMockArm } from "../helpers/mock.js";

let mock: MockArm;
let client: ReturnType<typeof mockClient>;
useMockArm((m) => {
  mock = m;
  client = mockClient(m);
});

const { subscriptionId: sub, resourceGroupName: rg, securityConnectorName: name } = DEFAULT_SCOPE;
const CONFIG =
  "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Security/securityConnectors/{securityConnectorName}/devops/default";
const put = () => client.path(CONFIG, sub, rg, name).put({ body: { properties: { autoDiscovery: "Enabled" } } });
const methods = () =>
  mock.requests.map((r) => `${r.method} ${r.path.includes("/operationResults/") ? "status" : "resource"}`);

describe("serialize and restoreFrom", () => {
  it("finishes an LRO in a new poller (and a new client) from the first one's token, with no extra request", async () => {
    mock.planOperations({ steps: [0, 50] });
    const first = getLongRunningPoller(client, await put(), { intervalInMs: 10 });
    await first.poll();
    const token = await first.serialize();
    const parsed = JSON.parse(token) as Record<string, unknown>;
    expect(Object.keys(parsed).sort()).toEqual(["kind", "method", "resourceUrl", "url", "v"]);
    expect(parsed).toMatchObject({ v: 1, kind: "azure-async-operation", method: "PUT" });
    expect(token).not.toContain(mock.token);

    const second = getLongRunningPoller<PutResponse>(mockClient(mock), undefined, {
      restoreFrom: token,
      intervalInMs: 10,
    });
    const result = await second;
    expect(result?.properties?.autoDiscovery).toBe("Enabled");
    expect(methods()).toEqual(["PUT resource", "GET status", "GET status", "GET status", "GET resource"]);
  });

  it("resumes a by-id poller from a token holding only a path on the client's endpoint", async () => {
    mock.addOperationResult("op-r", { steps: [0] });
    const token = await pollOperationResult(client, { ...DEFAULT_SCOPE, operationResultId: "op-r" }).serialize();
    expect(JSON.parse(token)).toEqual({
      v: 1,
      kind: "operation-result",
      url: expect.stringMatching(/^\/subscriptions\/.*\/operationResults\/op-r$/),
    });
    const result = await pollOperationResult(client, undefined, { restoreFrom: token, intervalInMs: 10 });
    expect(result.status).toBe("Succeeded");
  });

  it("restores a finished 200 as done, needing only the final GET", async () => {
    mock.planOperations({ sync: true });
    const token = await getLongRunningPoller(client, await put()).serialize();
    expect(JSON.parse(token)).toMatchObject({ kind: "done", status: "succeeded", method: "PUT" });
    const result = await getLongRunningPoller<PutResponse>(client, undefined, { restoreFrom: token });
    expect(result?.properties?.provisioningState).toBe("Succeeded");
    expect(methods()).toEqual(["PUT resource", "GET resource"]);
  });

  it("resumes a body-polled PUT at the resource URL from its token", async () => {
    mock.planOperations({ header: "none", steps: [0, 50] });
    const first = getLongRunningPoller(client, await put(), { intervalInMs: 10 });
    await first.poll();
    const token = await first.serialize();
    expect(JSON.parse(token)).toEqual({
      v: 1,
      kind: "body",
      method: "PUT",
      resourceUrl: expect.stringMatching(/\/devops\/default\?api-version=2024-04-01$/),
    });
    const result = await getLongRunningPoller<PutResponse>(client, undefined, { restoreFrom: token, intervalInMs: 10 });
    expect(result?.properties?.provisioningState).toBe("Succeeded");
    expect(methods()).toEqual(["PUT resource", "GET resource", "GET resource", "GET resource"]);
  });

  it("resumes an Operation-Location poller under its own kind", async () => {
    mock.planOperations({ header: "Operation-Location", steps: [0] });
    const token = await getLongRunningPoller(client, await put()).serialize();
    expect(JSON.parse(token)).toMatchObject({ kind: "operation-location", method: "PUT" });
    await getLongRunningPoller(client, undefined, { restoreFrom: token, intervalInMs: 10 });
    expect(methods()).toEqual(["PUT resource", "GET status", "GET status", "GET resource"]);
  });

  it("refuses to restore a finished POST, whose result the token cannot hold", async () => {
    const listPath = `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.Security/securityConnectors/${name}/devops/default/listAvailableGitHubOwners`;
    // No POST of this API is long-running, so the types admit none: this is a caller outside the typed API.
    const untyped = (await client.pathUnchecked(listPath).post()) as unknown as LroInitialResponse;
    const token = await getLongRunningPoller(client, untyped).serialize();
    expect(JSON.parse(token)).toMatchObject({ kind: "done", method: "POST" });
    expect(() => getLongRunningPoller(client, undefined, { restoreFrom: token })).toThrow(
      /finished POST, whose result \(the response body\) is not in the token/,
    );
  });

  it("refuses a token whose URL points at another origin, before any request", async () => {
    mock.planOperations({ steps: [0] });
    const token = await getLongRunningPoller(client, await put()).serialize();
    const forged = JSON.stringify({ ...JSON.parse(token), url: "https://evil.example/x?api-version=2024-04-01" });
    mock.requests.length = 0;
    expect(() => getLongRunningPoller(client, undefined, { restoreFrom: forged })).toThrow(
      /not on the client's endpoint/,
    );
    const forgedResource = JSON.stringify({
      ...JSON.parse(token),
      resourceUrl: mock.endpoint.replace("https:", "http:") + "/x",
    });
    let error: unknown;
    try {
      getLongRunningPoller(client, undefined, { restoreFrom: forgedResource });
    } catch (e) {
      error = e;
    }
    expect(isPollingError(error, "untrustedUrl")).toBe(true);
    expect(mock.requests).toHaveLength(0);
  });

  it("refuses a token of the other poller's kind, naming both", async () => {
    const token = await pollOperationResult(client, mock.operationResultUrl("op")).serialize();
    expect(() => getLongRunningPoller(client, undefined, { restoreFrom: token })).toThrow(
      'options.restoreFrom holds a "operation-result" token, but getLongRunningPoller resumes only "azure-async-operation" or "operation-location" or "location" or "body" or "done" tokens',
    );
  });

  it("refuses a target that names another operation than the token", async () => {
    const token = await pollOperationResult(client, mock.operationResultUrl("op-a")).serialize();
    expect(() => pollOperationResult(client, mock.operationResultUrl("op-b"), { restoreFrom: token })).toThrow(
      /name different operations/,
    );
  });

  it("refuses absolute URLs when the client's endpoint is unknown and no options.endpoint is given", async () => {
    const { getClient } = await import("@azure-rest/core-client");
    const bare = getClient(mock.endpoint, mock.credential, { tlsOptions: { ca: mock.certificate } });
    expect(() => pollOperationResult(bare, mock.operationResultUrl("op"))).toThrow(/pass options.endpoint/);
    mock.addOperationResult("op-bare", { steps: [] });
    const result = await pollOperationResult(bare, mock.operationResultUrl("op-bare"), { endpoint: mock.endpoint });
    expect(result.status).toBe("Succeeded");
  });
});
