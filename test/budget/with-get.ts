// The host app (./host.ts) plus this package for one GET: createClient, a checked path, isUnexpected and toRestError.
import type { TokenCredential } from "@azure/core-auth";
import { createClient, isUnexpected, toRestError } from "../../src/index.js";
import type { AppInput } from "./input.js";

export { runHostApp } from "./host.js";

export async function runOurGet(credential: TokenCredential, input: AppInput): Promise<string | undefined> {
  const client = createClient(credential, { endpoint: input.endpoint });
  const response = await client
    .path(
      "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Security/securityConnectors/{securityConnectorName}/devops/default/operationResults/{operationResultId}",
      input.subscriptionId,
      input.resourceGroupName,
      input.securityConnectorName,
      input.operationResultId,
    )
    .get({ abortSignal: input.abortSignal });
  if (isUnexpected(response)) throw toRestError(response);
  return response.body.status;
}
