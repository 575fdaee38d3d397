import { equal, ok, rejects } from "./assert.js";
import { clientFor, credentialFor, type Case, type CaseContext } from "./context.js";
import type { Api, RecordedRequest } from "./api.js";

// ARM's async-operation flows through getLongRunningPoller, in every runtime (Node, Chromium, Deno): the rows of the
// README's "ARM flow → what the poller sends and returns" table that must hold wherever the package runs.

const CONFIG =
  "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Security/securityConnectors/{securityConnectorName}/devops/default";
const ORG = `${CONFIG}/azureDevOpsOrgs/{orgName}`;
const body = { properties: { actionableRemediation: { state: "Disabled" as const } } };

function paths(ctx: CaseContext) {
  const { subscriptionId: s, resourceGroupName: g, securityConnectorName: c } = ctx.scope;
  const config = `/subscriptions/${s}/resourceGroups/${g}/providers/Microsoft.Security/securityConnectors/${c}/devops/default`;
  return { config, org: `${config}/azureDevOpsOrgs/contoso-ado` };
}
const org = (ctx: CaseContext) =>
  clientFor(ctx).path(
    ORG,
    ctx.scope.subscriptionId,
    ctx.scope.resourceGroupName,
    ctx.scope.securityConnectorName,
    "contoso-ado",
  );
const config = (ctx: CaseContext) =>
  clientFor(ctx).path(CONFIG, ctx.scope.subscriptionId, ctx.scope.resourceGroupName, ctx.scope.securityConnectorName);

/** The requests after the last non-GET (the initial one), preflights left out. */
async function after(ctx: CaseContext): Promise<RecordedRequest[]> {
  const all = (await ctx.mock.requests()).filter((r) => r.method !== "OPTIONS");
  let i = all.length - 1;
  while (i >= 0 && all[i]!.method === "GET") i -= 1;
  return all.slice(i + 1);
}

export const flowCases: Case[] = [
  {
    name: "a PUT answering 201 with a non-terminal provisioningState and no header ends succeeded after GETs of the resource URL only",
    async run(ctx) {
      await ctx.mock.planOperations({ header: "none", steps: [0, 50] });
      const initial = await org(ctx).put({ body });
      equal(initial.status, "201", "initial status");
      const poller = ctx.api.getLongRunningPoller(clientFor(ctx), initial, { intervalInMs: 0 });
      const result = await poller.pollUntilDone();
      equal(poller.operationState.status, "succeeded", "final status");
      equal(result?.properties?.provisioningState, "Succeeded", "provisioningState of the result");
      const polls = await after(ctx);
      equal(polls.length, 3, "GETs after the PUT");
      ok(
        polls.every((r) => r.path === paths(ctx).org),
        `only the resource URL was polled: ${polls.map((r) => r.path).join(", ")}`,
      );
    },
  },
  {
    name: "a DELETE answering 204 resolves with undefined and sends nothing after it",
    async run(ctx) {
      const initial = await config(ctx).delete();
      equal(initial.status, "204", "initial status (nothing to delete)");
      const result = await ctx.api.getLongRunningPoller(clientFor(ctx), initial).pollUntilDone();
      equal(result, undefined, "result");
      equal((await after(ctx)).length, 0, "requests after the DELETE");
    },
  },
  {
    name: "a DELETE answering 200 is done at once and sends nothing after it",
    async run(ctx) {
      await ctx.mock.planOperations({ sync: true }, { sync: true });
      await config(ctx).put({ body: { properties: {} } });
      const initial = await config(ctx).delete();
      equal(initial.status, "200", "initial status");
      const poller = ctx.api.getLongRunningPoller(clientFor(ctx), initial);
      equal(poller.isDone, true, "done before any poll");
      equal(await poller.pollUntilDone(), undefined, "result");
      equal((await after(ctx)).length, 0, "requests after the DELETE");
    },
  },
  {
    name: "a terminal 200 is done without a request, whatever monitor headers it carries",
    async run(ctx) {
      await ctx.mock.script("PUT", paths(ctx).org, {
        status: 200,
        headers: { "Azure-AsyncOperation": "https://elsewhere.example/op", Location: "https://elsewhere.example/op" },
        body: { name: "contoso-ado", properties: { provisioningState: "DeletionFailure" } },
      });
      const poller = ctx.api.getLongRunningPoller(clientFor(ctx), await org(ctx).put({ body }), {
        resolveOnUnsuccessful: true,
      });
      equal(poller.isDone, true, "done before any poll");
      equal(poller.operationState.status, "failed", "DeletionFailure is terminal: failed");
      equal((await after(ctx)).length, 0, "requests after the PUT");
    },
  },
  {
    name: "retry-after-ms on a monitor's answer sets the wait before the next poll",
    async run(ctx) {
      await ctx.mock.planOperations({ steps: [0], retryAfter: "0", retryAfterMs: "400" });
      const started = Date.now();
      await ctx.api
        .getLongRunningPoller(clientFor(ctx), await org(ctx).put({ body }), { intervalInMs: 0 })
        .pollUntilDone();
      const elapsed = Date.now() - started;
      // Two waits of 400 ms (the 201's and the in-progress answer's); Retry-After 0 beside them is not used.
      ok(elapsed >= 790 && elapsed < 10_000, `expected about 800 ms, took ${elapsed} ms`);
    },
  },
  {
    name: "a second pollUntilDone() after an outage starts with a fresh maxTransientErrors budget",
    async run(ctx) {
      const client = ctx.api.createClient(credentialFor(ctx), {
        endpoint: ctx.endpoint,
        ...ctx.clientOptions,
        retryOptions: { maxRetries: 0 },
      });
      const url = await ctx.mock.addOperationResult("op-outage");
      const down = { status: 503, headers: { "Retry-After": "0" } };
      await ctx.mock.script("GET", url, down, down);
      const poller = ctx.api.pollOperationResult(client, url, { intervalInMs: 0, maxTransientErrors: 1 });
      const first = await rejects(poller.pollUntilDone(), "the first wait, through the outage");
      ok(
        ctx.api.isPollingError(first, "transientErrorsExhausted"),
        `expected transientErrorsExhausted, got ${String(first)}`,
      );
      equal(first.statusCode, 503, "statusCode of the last failed read");
      await ctx.mock.script("GET", url, down);
      equal((await poller.pollUntilDone()).status, "Succeeded", "the second wait's result");
      equal(poller.operationState.transientFailures, 0, "transientFailures after a good read");
    },
  },
  {
    name: "a status document saying Cancelled ends the operation as canceled",
    async run(ctx) {
      await ctx.mock.planOperations({
        steps: [0],
        outcome: "Canceled",
        terminalStatus: "Cancelled",
        inProgressStatus: "inprogress",
      });
      const poller = ctx.api.getLongRunningPoller(clientFor(ctx), await org(ctx).put({ body }), { intervalInMs: 0 });
      const error = await rejects(poller.pollUntilDone(), "polling a canceled operation");
      ok(
        ctx.api.isDevOpsOperationError(error, "OperationCanceled"),
        `expected OperationCanceled, got ${String(error)}`,
      );
      equal(error.canceled, true, "canceled");
      equal(poller.operationState.status, "canceled", "poller status");
    },
  },
  {
    name: "a Location monitor is followed through 202s to the resource its final 200 carries, with no final GET",
    async run(ctx) {
      await ctx.mock.planOperations({ header: "Location", steps: [0, 50] });
      const result = await ctx.api
        .getLongRunningPoller(clientFor(ctx), await org(ctx).put({ body }), { intervalInMs: 0 })
        .pollUntilDone();
      equal(result?.name, "contoso-ado", "name of the result");
      equal(result?.properties?.provisioningState, "Succeeded", "provisioningState of the result");
      const polls = await after(ctx);
      ok(
        polls.length === 3 && polls.every((r) => r.path.includes("/locations/")),
        `polls: ${polls.map((r) => r.path).join(", ")}`,
      );
    },
  },
  {
    name: "a Location monitor's ARM error response rejects with the operation's code and the HTTP status",
    async run(ctx) {
      await ctx.mock.planOperations({ header: "Location", steps: [], outcome: "Failed" });
      const poller = ctx.api.getLongRunningPoller(clientFor(ctx), await org(ctx).put({ body }), { intervalInMs: 0 });
      const error = await rejects(poller.pollUntilDone(), "polling a failed Location operation");
      ok(
        ctx.api.isDevOpsOperationError(error, "TokenExchangeFailed"),
        `expected TokenExchangeFailed, got ${String(error)}`,
      );
      equal(error.statusCode, 400, "statusCode");
    },
  },
  {
    name: "Operation-Location is followed like Azure-AsyncOperation, and a 202-empty monitor counts as running",
    async run(ctx) {
      await ctx.mock.planOperations({ header: "Operation-Location", steps: [0, 50], emptyWhileRunning: true });
      const poller = ctx.api.getLongRunningPoller(clientFor(ctx), await org(ctx).put({ body }), { intervalInMs: 0 });
      const seen: string[] = [];
      poller.onProgress((s) => seen.push(s.status));
      const result = await poller.pollUntilDone();
      equal(seen.join(","), "running,running,succeeded", "statuses seen");
      equal(result?.properties?.provisioningState, "Succeeded", "provisioningState of the result");
    },
  },
  {
    name: "a DELETE's 202 with a Location monitor resolves with undefined once the monitor answers 200",
    async run(ctx) {
      await ctx.mock.planOperations({ sync: true }, { header: "Location", steps: [20] });
      await config(ctx).put({ body: { properties: {} } });
      const initial = await config(ctx).delete();
      equal(initial.status, "202", "initial status");
      const result = await ctx.api.getLongRunningPoller(clientFor(ctx), initial, { intervalInMs: 0 }).pollUntilDone();
      equal(result, undefined, "result");
      equal((await config(ctx).get()).status, "404", "the configuration after the DELETE");
    },
  },
  {
    name: "a POST's 202 + Location resolves with what the Location finally answers",
    async run(ctx) {
      const post = `${paths(ctx).config}/listAvailableGitHubOwners`;
      const location = `${ctx.endpoint}/subscriptions/${ctx.scope.subscriptionId}/providers/Microsoft.Security/locations/westeurope/operationResults/post-op?api-version=2024-04-01`;
      await ctx.mock.script("POST", post, { status: 202, headers: { Location: location, "Retry-After": "0" } });
      await ctx.mock.script(
        "GET",
        location,
        { status: 202, headers: { "Retry-After": "0" } },
        { status: 200, body: { value: [{ name: "contoso" }] } },
      );
      // No POST of this API is long-running, so the poller's types admit none; this is a caller outside the typed API.
      const initial = (await clientFor(ctx).pathUnchecked(post).post()) as unknown as Parameters<
        Api["getLongRunningPoller"]
      >[1];
      const result = (await ctx.api
        .getLongRunningPoller(clientFor(ctx), initial, { intervalInMs: 0 })
        .pollUntilDone()) as { value: Array<{ name: string }> };
      equal(result.value[0]?.name, "contoso", "the action's result");
    },
  },
  {
    name: "an HTTP error from the status monitor is a PollingError carrying that status, not a failed operation",
    async run(ctx) {
      const url = await ctx.mock.addOperationResult("op-403");
      await ctx.mock.script("GET", url, {
        status: 403,
        body: { error: { code: "AuthorizationFailed", message: "no" } },
      });
      const error = await rejects(
        ctx.api.pollOperationResult(clientFor(ctx), url).pollUntilDone(),
        "polling a forbidden status URL",
      );
      ok(ctx.api.isPollingError(error, "statusReadFailed"), `expected statusReadFailed, got ${String(error)}`);
      equal(error.statusCode, 403, "statusCode");
    },
  },
  {
    name: "a monitor answering Running with Retry-After 0 forever gets the burst, then one read a second",
    async run(ctx) {
      const url = await ctx.mock.addOperationResult("op-forever", { steps: [5], neverFinishes: true, retryAfter: "0" });
      const poller = ctx.api.pollOperationResult(clientFor(ctx), url, { timeoutInMs: 1_500 });
      const error = await rejects(poller.pollUntilDone(), "polling an operation that never ends");
      ok(ctx.api.isAbortError(error), `expected the timeout's AbortError, got ${String(error)}`);
      const reads = (await ctx.mock.requests()).filter((r) => r.method === "GET").length;
      // Within 1.5 s: 5 at once, at most one more after a second (a loaded machine may send fewer, never more).
      ok(reads >= 2 && reads <= 6, `expected 2..6 reads, got ${reads}`);
    },
  },
  {
    name: "client.path accepts resource group names in any script and sends them percent-encoded",
    async run(ctx) {
      const client = clientFor(ctx);
      for (const name of ["Instruktører", "東京-rg"]) {
        await client.path(CONFIG, ctx.scope.subscriptionId, name, ctx.scope.securityConnectorName).get();
        const sent = (await ctx.mock.requests()).filter((r) => r.method === "GET").at(-1);
        ok(sent?.path.includes(`/resourceGroups/${encodeURIComponent(name)}/`), `sent ${sent?.path}`);
      }
      for (const bad of ["bad/rg", "rg.", "..", "r".repeat(91)]) {
        let thrown: unknown;
        try {
          client.path(CONFIG, ctx.scope.subscriptionId, bad, ctx.scope.securityConnectorName);
        } catch (e) {
          thrown = e;
        }
        ok(
          ctx.api.isInvalidParameterError(thrown) && thrown.parameter === "resourceGroupName",
          `${bad}: ${String(thrown)}`,
        );
      }
      equal((await ctx.mock.requests()).filter((r) => r.method === "GET").length, 2, "requests sent");
    },
  },
];
