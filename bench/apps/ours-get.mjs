// DevOpsOperationResults_Get with this package: checked path, typed response, isUnexpected.
import { createClient, isUnexpected } from "../../dist/index.js";

const OPERATION_RESULT =
  "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Security/securityConnectors/{securityConnectorName}/devops/default/operationResults/{operationResultId}";

export async function connect(credential, input) {
  const client = createClient(credential, { endpoint: input.endpoint });
  const { subscriptionId, resourceGroupName, securityConnectorName, operationResultId } = input;
  return {
    async get() {
      const response = await client
        .path(OPERATION_RESULT, subscriptionId, resourceGroupName, securityConnectorName, operationResultId)
        .get({ abortSignal: input.abortSignal });
      if (isUnexpected(response)) throw new Error(`unexpected status ${response.status}`);
      return { body: response.body, retryAfter: response.headers["retry-after"] };
    },
  };
}
