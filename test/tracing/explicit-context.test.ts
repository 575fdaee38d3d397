// The same parent/child links with an instrumenter that keeps no active context (OpenTelemetry in a browser without
// a context manager, or any bridge that does not follow async calls): here a request's HTTP span finds its parent
// only through the tracingOptions the poller and paginate pass with each request.
import { describe, expect, it } from "vitest";
import { paginate } from "../../src/custom/paginate.js";
import { getLongRunningPoller } from "../../src/custom/poller/getLongRunningPoller.js";
import { pollOperationResult } from "../../src/custom/poller/pollOperationResult.js";
import { DEFAULT_SCOPE, type MockArm } from "../../src/testing/index.js";
import { mockClient } from "../helpers/client.js";
import { useMockArm } from "../helpers/mock.js";
import { paths } from "../types/paths.js";
import { app, onlySpan, senders, useRecorder } from "./spans.js";

const recorder = useRecorder({ activeContext: false });
let mock: MockArm;
let client: ReturnType<typeof mockClient>;
useMockArm((m) => {
  mock = m;
  client = mockClient(m, { retryOptions: { maxRetries: 0 } });
});

const { subscriptionId: sub, resourceGroupName: rg, securityConnectorName: name } = DEFAULT_SCOPE;
const CONFIG = paths.configuration;

describe("without an active context", () => {
  it("still parents every poll request of a wait on the wait's span, and the wait on the caller's tracingOptions", async () => {
    const url = mock.addOperationResult("explicit-1", { steps: [0, 50] });
    const { span, updatedOptions } = app.startSpan("Contoso.onboard");
    await pollOperationResult(client, url, { intervalInMs: 10, tracingOptions: updatedOptions.tracingOptions });
    span.end();
    const wait = onlySpan(recorder(), "DevOpsOperationResults.wait");
    expect(wait.parentId).toBe(onlySpan(recorder(), "Contoso.onboard").spanId);
    const sent = senders(recorder(), mock.requests);
    expect(sent).toHaveLength(3);
    expect(sent.every((http) => http?.parentId === wait.spanId)).toBe(true);
  });

  it("still parents the final GET of a getLongRunningPoller wait on the wait's span", async () => {
    mock.planOperations({ steps: [0] });
    const initial = await client.path(CONFIG, sub, rg, name).put({ body: { properties: { autoDiscovery: "Enabled" } } });
    recorder().clear();
    const before = mock.requests.length;
    await getLongRunningPoller(client, initial, { intervalInMs: 10 });
    const wait = onlySpan(recorder(), "DevOpsConfigurations_CreateOrUpdate.wait");
    const sent = senders(recorder(), mock.requests.slice(before));
    expect(sent.map((http) => http?.parentId)).toEqual([wait.spanId, wait.spanId, wait.spanId]);
  });

  it("still parents each page request on the walk's span", async () => {
    const first = await client.path(`${CONFIG}/gitHubOwners`, sub, rg, name).get();
    recorder().clear();
    const before = mock.requests.length;
    for await (const _ of paginate(client, first));
    const walk = onlySpan(recorder(), "GitHubOwners_List.paginate");
    const sent = senders(recorder(), mock.requests.slice(before));
    expect(sent).toHaveLength(2);
    expect(sent.every((http) => http?.parentId === walk.spanId)).toBe(true);
  });

  it("sends an HTTP span without a parent when the caller gives no tracingOptions to a lone poll()", async () => {
    const url = mock.addOperationResult("explicit-2", { steps: [0] });
    await pollOperationResult(client, url).poll();
    const [http] = senders(recorder(), mock.requests);
    expect(http).toMatchObject({ name: "HTTP GET", parentId: undefined });
  });
});
