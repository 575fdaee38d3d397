// snippet-start
import { isUnexpected, paginate, toRestError } from "../../src/index.js";
// snippet-end
import type { ReadmeContext } from "./context.js";

export async function example({ client, subscriptionId, resourceGroupName, securityConnectorName }: ReadmeContext) {
  // snippet-start
  const first = await client
    .path(
      "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Security/securityConnectors/{securityConnectorName}/devops/default/gitHubOwners",
      subscriptionId,
      resourceGroupName,
      securityConnectorName,
    )
    .get();
  if (isUnexpected(first)) throw toRestError(first);

  for await (const owner of paginate(client, first)) console.log(owner.name); // item by item, across pages
  for await (const page of paginate(client, first).byPage()) console.log(page.length); // or page by page
  // snippet-end
}
