// The host app (./host.ts) plus this package for one GET and one long-running PUT waited for with
// getLongRunningPoller.
import type { TokenCredential } from "@azure/core-auth";
import { createClient, getLongRunningPoller, isUnexpected, toRestError } from "../../src/index.js";
import type { AppInput } from "./input.js";

export { runHostApp } from "./host.js";

export async function runOurLro(credential: TokenCredential, input: AppInput): Promise<string | undefined> {
  const client = createClient(credential, { endpoint: input.endpoint });
  const configuration = client.path(
    "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Security/securityConnectors/{securityConnectorName}/devops/default",
    input.subscriptionId,
    input.resourceGroupName,
    input.securityConnectorName,
  );
  const current = await configuration.get({ abortSignal: input.abortSignal });
  if (isUnexpected(current)) throw toRestError(current);
  const initial = await configuration.put({ body: { properties: { autoDiscovery: "Enabled" } } });
  if (isUnexpected(initial)) throw toRestError(initial);
  const result = await getLongRunningPoller(client, initial, { abortSignal: input.abortSignal });
  return result.properties?.provisioningState;
}
