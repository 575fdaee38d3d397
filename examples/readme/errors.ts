// snippet-start
import { getLongRunningPoller, isDevOpsOperationError, isRestError, isUnexpected, toRestError } from "../../src/index.js";
// snippet-end
import type { ReadmeContext } from "./context.js";

export async function example({ client, subscriptionId, resourceGroupName, securityConnectorName }: ReadmeContext) {
  // snippet-start
  const org = client.path(
    "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Security/securityConnectors/{securityConnectorName}/devops/default/azureDevOpsOrgs/{orgName}",
    subscriptionId,
    resourceGroupName,
    securityConnectorName,
    "contoso-ado",
  );
  // 1. HTTP errors are data: isUnexpected narrows the response to the ARM error body.
  const missing = await client
    .path(
      "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Security/securityConnectors/{securityConnectorName}/devops/default/gitHubOwners/{ownerName}",
      subscriptionId,
      resourceGroupName,
      securityConnectorName,
      "no-such-owner",
    )
    .get();
  if (isUnexpected(missing)) console.log(missing.status, missing.body.error?.code); // 404 ResourceNotFound

  // 2. Throwing instead: toRestError gives the RestError every Azure SDK throws, with the ARM code.
  try {
    if (isUnexpected(missing)) throw toRestError(missing);
  } catch (error) {
    if (isRestError(error)) console.log(error.statusCode, error.code);
  }

  // 3. An operation that ends Failed or Canceled rejects with DevOpsOperationError, unflattened.
  try {
    const initial = await org.put({ body: { properties: { actionableRemediation: { state: "Enabled" } } } });
    if (isUnexpected(initial)) throw toRestError(initial);
    await getLongRunningPoller(client, initial);
  } catch (error) {
    if (isDevOpsOperationError(error, "TokenExchangeFailed")) {
      console.log(error.code, error.target, error.message); // branch on the code; details and additionalInfo too
    } else throw error;
  }
  // snippet-end
}
