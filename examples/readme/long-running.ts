// snippet-start
import { getLongRunningPoller, isUnexpected, toRestError } from "../../src/index.js";
// snippet-end
import type { ReadmeContext } from "./context.js";

export async function example({ client, subscriptionId, resourceGroupName, securityConnectorName }: ReadmeContext) {
  // snippet-start
  const initial = await client
    .path(
      "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Security/securityConnectors/{securityConnectorName}/devops/default",
      subscriptionId,
      resourceGroupName,
      securityConnectorName,
    )
    .put({ body: { properties: { autoDiscovery: "Enabled", authorization: { code: "<one-time OAuth code>" } } } });
  if (isUnexpected(initial)) throw toRestError(initial);

  const poller = getLongRunningPoller(client, initial); // no await here: awaiting a poller waits for the result
  poller.onProgress((state) => console.log(`${state.percentComplete ?? 0}%`));
  const configuration = await poller; // the DevOps configuration, read once the operation Succeeded
  console.log(configuration.properties?.provisioningState);
  // snippet-end
}
