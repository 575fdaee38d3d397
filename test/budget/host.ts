// The host app of the size budget (scripts/bundle-budget.mjs): an Azure app that already uses
// @azure-rest/core-client and @azure/core-lro — one GET, and one long-running PUT polled by core-lro's
// createHttpPoller, the way generated REST-level clients wire it. ./with-get.ts and ./with-lro.ts add this package to
// it; the budget is the gzip bytes they add.
import { getClient, type HttpResponse } from "@azure-rest/core-client";
import type { TokenCredential } from "@azure/core-auth";
import { createHttpPoller, type OperationResponse } from "@azure/core-lro";
import type { AppInput } from "./input.js";

const CONFIGURATION =
  "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Security/securityConnectors/{securityConnectorName}/devops/default";

// core-lro's view of a core-client response.
function lroResponse(response: HttpResponse): OperationResponse {
  return {
    flatResponse: response,
    rawResponse: { ...response, statusCode: Number(response.status), body: response.body },
  };
}

export async function runHostApp(credential: TokenCredential, input: AppInput): Promise<unknown> {
  const client = getClient(input.endpoint, credential, {
    apiVersion: "2024-04-01",
    credentials: { scopes: ["https://management.azure.com/.default"] },
  });
  const resource = client.pathUnchecked(
    CONFIGURATION,
    input.subscriptionId,
    input.resourceGroupName,
    input.securityConnectorName,
  );
  const current = await resource.get({ abortSignal: input.abortSignal });
  if (current.status !== "200") throw new Error(`unexpected status ${current.status}`);

  const poller = createHttpPoller(
    {
      sendInitialRequest: async () =>
        lroResponse(await resource.put({ body: { properties: { autoDiscovery: "Enabled" } } })),
      sendPollRequest: async (path, options) =>
        lroResponse(await client.pathUnchecked(path).get({ abortSignal: options?.abortSignal })),
    },
    { resourceLocationConfig: "azure-async-operation" },
  );
  return poller.pollUntilDone({ abortSignal: input.abortSignal });
}
