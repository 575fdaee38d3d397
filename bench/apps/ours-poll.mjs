// The same poll with this package: createClient + pollOperationResult, defaults only.
import { createClient, pollOperationResult } from "../../dist/index.js";

export async function runApp(credential, input) {
  const client = createClient(credential, { endpoint: input.endpoint });
  const { subscriptionId, resourceGroupName, securityConnectorName, operationResultId } = input;
  const result = await pollOperationResult(client, { subscriptionId, resourceGroupName, securityConnectorName, operationResultId }, {
    abortSignal: input.abortSignal,
    maxPolls: input.maxPolls,
  });
  return result.status;
}
