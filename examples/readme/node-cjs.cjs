const { createClient, isUnexpected, pollOperationResult, toRestError } = require("arm-security-devops");

// Reads a DevOps operation result, then waits until the operation ends.
// credential: any TokenCredential, e.g. new DefaultAzureCredential() from @azure/identity.
async function waitForOperation(credential, ids, options = {}) {
  const client = createClient(credential, options);
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

module.exports = { waitForOperation };
