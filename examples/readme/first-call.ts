// snippet-start
import { isUnexpected, toRestError } from "../../src/index.js";
// snippet-end
import type { ReadmeContext } from "./context.js";

export async function example({ client, subscriptionId, resourceGroupName, securityConnectorName }: ReadmeContext) {
  // snippet-start
  const response = await client
    .path(
      "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Security/securityConnectors/{securityConnectorName}/devops/default/gitHubOwners/{ownerName}",
      subscriptionId,
      resourceGroupName,
      securityConnectorName,
      "contoso",
    )
    .get();
  if (isUnexpected(response)) throw toRestError(response); // 4xx/5xx as data, narrowed away here
  console.log(response.body.name, response.body.properties?.ownerUrl); // typed: GitHubOwnerOutput
  // snippet-end
}
