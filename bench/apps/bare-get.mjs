// DevOpsOperationResults_Get on bare @azure-rest/core-client, the way test/budget/bare.ts builds its client.
import { getClient } from "@azure-rest/core-client";

const OPERATION_RESULT =
  "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Security/securityConnectors/{securityConnectorName}/devops/default/operationResults/{operationResultId}";

export async function connect(credential, input) {
  const client = getClient(input.endpoint, credential, {
    apiVersion: "2024-04-01",
    credentials: { scopes: ["https://management.azure.com/.default"] },
  });
  const { subscriptionId, resourceGroupName, securityConnectorName, operationResultId } = input;
  return {
    async get() {
      const response = await client
        .pathUnchecked(OPERATION_RESULT, subscriptionId, resourceGroupName, securityConnectorName, operationResultId)
        .get({ abortSignal: input.abortSignal });
      if (response.status !== "200") throw new Error(`unexpected status ${response.status}`);
      return { body: response.body, retryAfter: response.headers["retry-after"] };
    },
  };
}
