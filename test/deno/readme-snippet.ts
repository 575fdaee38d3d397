import { createClient, isUnexpected, type OperationResultTarget, pollOperationResult, toRestError } from "npm:arm-security-devops";

type Credential = Parameters<typeof createClient>[0]; // any TokenCredential

// Reads a DevOps operation result, then waits until the operation ends.
export async function waitForOperation(credential: Credential, ids: OperationResultTarget, endpoint?: string) {
  const client = createClient(credential, { endpoint });
  const response = await client
    .path(
      "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Security/securityConnectors/{securityConnectorName}/devops/default/operationResults/{operationResultId}",
      ids.subscriptionId,
      ids.resourceGroupName,
      ids.securityConnectorName,
      ids.operationResultId,
    )
    .get();
  if (isUnexpected(response)) throw toRestError(response);
  const result = await pollOperationResult(client, ids).pollUntilDone();
  return result.status; // "Succeeded"; Failed/Canceled reject with a DevOpsOperationError
}
