import { equal, ok, rejects } from "./assert.js";
import { clientFor, type Case, type CaseContext } from "./context.js";

const ids = (ctx: CaseContext, operationResultId: string) => ({ ...ctx.scope, operationResultId });

export const pollerCases: Case[] = [
  {
    name: "pollOperationResult follows an operation through its in-progress steps to Succeeded",
    async run(ctx) {
      await ctx.mock.addOperationResult("op-poll", { steps: [0, 50], retryAfter: "0" });
      const progress: (number | undefined)[] = [];
      const poller = ctx.api.pollOperationResult(clientFor(ctx), ids(ctx, "op-poll"), { intervalInMs: 0 });
      poller.onProgress((state) => progress.push(state.percentComplete));
      const result = await poller.pollUntilDone();
      equal(result.status, "Succeeded", "final status");
      equal(progress.join(","), "0,50,100", "percentComplete seen by onProgress");
      equal((await ctx.mock.requests()).filter((r) => r.method === "GET").length, 3, "GETs of the status URL");
    },
  },
  {
    name: "a failed operation rejects with a DevOpsOperationError that narrows to its ARM code, target and details",
    async run(ctx) {
      await ctx.mock.addOperationResult("op-fail", { steps: [10], outcome: "Failed", retryAfter: "0" });
      const poller = ctx.api.pollOperationResult(clientFor(ctx), ids(ctx, "op-fail"), { intervalInMs: 0 });
      const error = await rejects(poller.pollUntilDone(), "polling a failed operation");
      ok(ctx.api.isDevOpsOperationError(error, "TokenExchangeFailed"), `expected TokenExchangeFailed, got ${String(error)}`);
      equal(error.code, "TokenExchangeFailed", "code");
      equal(error.target, "properties.authorization.code", "target");
      equal(error.details[0]?.code, "AuthorizationCodeExpired", "details[0].code");
    },
  },
  {
    name: "getLongRunningPoller follows a PUT through Azure-AsyncOperation and resolves with the resource",
    async run(ctx) {
      await ctx.mock.planOperations({ steps: [25], retryAfter: "0" });
      const { subscriptionId, resourceGroupName, securityConnectorName } = ctx.scope;
      const client = clientFor(ctx);
      const initial = await client
        .path(
          "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Security/securityConnectors/{securityConnectorName}/devops/default",
          subscriptionId,
          resourceGroupName,
          securityConnectorName,
        )
        .put({ body: { properties: { autoDiscovery: "Enabled", authorization: { code: "one-time-code" } } } });
      const configuration = await ctx.api.getLongRunningPoller(client, initial, { intervalInMs: 0 });
      equal(configuration?.properties?.autoDiscovery, "Enabled", "autoDiscovery of the final resource");
      equal(configuration?.properties?.provisioningState, "Succeeded", "provisioningState of the final resource");
    },
  },
];
