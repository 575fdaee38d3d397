import { deepEqual, equal, ok } from "./assert.js";
import { clientFor, type Case } from "./context.js";

export const clientCases: Case[] = [
  {
    name: "gets an operation result by id with the bearer token and api-version 2024-04-01",
    async run(ctx) {
      await ctx.mock.addOperationResult("op-get", { steps: [] });
      const { subscriptionId, resourceGroupName, securityConnectorName } = ctx.scope;
      const response = await clientFor(ctx)
        .path(
          "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Security/securityConnectors/{securityConnectorName}/devops/default/operationResults/{operationResultId}",
          subscriptionId,
          resourceGroupName,
          securityConnectorName,
          "op-get",
        )
        .get();
      if (ctx.api.isUnexpected(response)) throw ctx.api.toRestError(response);
      equal(response.status, "200", "status");
      equal(response.body.status, "Succeeded", "body.status");
      const [sent] = (await ctx.mock.requests()).filter((r) => r.method === "GET");
      ok(sent, "the mock recorded the GET");
      equal(sent.headers["authorization"], `Bearer ${ctx.token}`, "authorization header");
      equal(sent.query["api-version"], "2024-04-01", "api-version query parameter");
    },
  },
  {
    name: "reads the Retry-After and x-ms-request-id headers of a response",
    async run(ctx) {
      const { subscriptionId, resourceGroupName, securityConnectorName } = ctx.scope;
      const template =
        "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Security/securityConnectors/{securityConnectorName}/devops/default/operationResults/{operationResultId}" as const;
      const client = clientFor(ctx);
      const path = client.path(template, subscriptionId, resourceGroupName, securityConnectorName, "op-headers");
      await ctx.mock.script("GET", new URL(await ctx.mock.addOperationResult("op-headers")).pathname, {
        status: 200,
        headers: { "Retry-After": "7", "x-ms-request-id": "req-123" },
        body: { status: "InProgress", percentComplete: 10 },
      });
      const response = await path.get();
      // In a browser these headers are readable only because the mock lists them in Access-Control-Expose-Headers.
      equal(response.headers["retry-after"], "7", "retry-after header");
      equal(response.headers["x-ms-request-id"], "req-123", "x-ms-request-id header");
    },
  },
  {
    name: "reads a seeded GitHub owner with its typed properties",
    async run(ctx) {
      const { subscriptionId, resourceGroupName, securityConnectorName } = ctx.scope;
      const response = await clientFor(ctx)
        .path(
          "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Security/securityConnectors/{securityConnectorName}/devops/default/gitHubOwners/{ownerName}",
          subscriptionId,
          resourceGroupName,
          securityConnectorName,
          "contoso",
        )
        .get();
      if (ctx.api.isUnexpected(response)) throw ctx.api.toRestError(response);
      equal(response.body.name, "contoso", "owner name");
      deepEqual(response.body.properties?.ownerUrl, "https://github.com/contoso", "ownerUrl");
    },
  },
];
