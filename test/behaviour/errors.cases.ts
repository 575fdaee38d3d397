import { equal, ok } from "./assert.js";
import { clientFor, type Case } from "./context.js";

export const errorCases: Case[] = [
  {
    name: "an ARM error answer narrows through isUnexpected and becomes a RestError with the ARM code",
    async run(ctx) {
      const { subscriptionId, resourceGroupName, securityConnectorName } = ctx.scope;
      const client = clientFor(ctx);
      const url = await ctx.mock.addOperationResult("op-missing");
      await ctx.mock.script("GET", new URL(url).pathname, {
        status: 404,
        headers: { "x-ms-error-code": "ResourceNotFound", "x-ms-request-id": "req-404" },
        body: { error: { code: "ResourceNotFound", message: "The operation result was not found.", target: "id" } },
      });
      const response = await client
        .path(
          "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Security/securityConnectors/{securityConnectorName}/devops/default/operationResults/{operationResultId}",
          subscriptionId,
          resourceGroupName,
          securityConnectorName,
          "op-missing",
        )
        .get();
      ok(ctx.api.isUnexpected(response), "a 404 is unexpected");
      equal(response.body.error?.code, "ResourceNotFound", "body.error.code of the narrowed response");
      const error: unknown = ctx.api.toRestError(response);
      ok(ctx.api.isRestError(error), "toRestError gives a RestError");
      equal(error.statusCode, 404, "statusCode");
      equal(error.code, "ResourceNotFound", "code");
    },
  },
  {
    name: "a path argument that breaks the swagger's rules throws an InvalidParameterError before any request",
    async run(ctx) {
      const { subscriptionId, resourceGroupName } = ctx.scope;
      let thrown: unknown;
      try {
        clientFor(ctx).path(
          "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Security/securityConnectors/{securityConnectorName}/devops/default",
          subscriptionId,
          resourceGroupName,
          "",
        );
      } catch (error) {
        thrown = error;
      }
      ok(ctx.api.isInvalidParameterError(thrown), `expected an InvalidParameterError, got ${String(thrown)}`);
      equal((await ctx.mock.requests()).length, 0, "requests sent");
    },
  },
];
