// The app whose bundle the budget measures (scripts/bundle-budget.mjs): create the client, get one operation
// result, run the poller. ./bare.ts is the same app on bare @azure-rest/core-client. Benchmarks reuse both.
import type { TokenCredential } from "@azure/core-auth";
import { createClient, isUnexpected, pollOperationResult, toRestError } from "../../src/index.js";
import type { AppInput } from "./input.js";

export async function runApp(credential: TokenCredential, input: AppInput): Promise<string> {
  const client = createClient(credential, { endpoint: input.endpoint });
  const { subscriptionId, resourceGroupName, securityConnectorName, operationResultId } = input;
  const first = await client
    .path(
      "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Security/securityConnectors/{securityConnectorName}/devops/default/operationResults/{operationResultId}",
      subscriptionId,
      resourceGroupName,
      securityConnectorName,
      operationResultId,
    )
    .get({ abortSignal: input.abortSignal });
  if (isUnexpected(first)) throw toRestError(first);
  const ids = { subscriptionId, resourceGroupName, securityConnectorName, operationResultId };
  const result = await pollOperationResult(client, ids, { abortSignal: input.abortSignal, maxPolls: input.maxPolls });
  return result.status ?? "";
}
