// The budget's yardstick: the same app as ./ours.ts written against bare @azure-rest/core-client, the way a
// user without this package would — unchecked path, status checks by hand, a hand poll loop with Retry-After.
import { getClient } from "@azure-rest/core-client";
import type { TokenCredential } from "@azure/core-auth";
import type { AppInput } from "./input.js";

const OPERATION_RESULT =
  "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Security/securityConnectors/{securityConnectorName}/devops/default/operationResults/{operationResultId}";
const TERMINAL = ["succeeded", "failed", "canceled"];

export async function runApp(credential: TokenCredential, input: AppInput): Promise<string> {
  const client = getClient(input.endpoint, credential, {
    apiVersion: "2024-04-01",
    credentials: { scopes: ["https://management.azure.com/.default"] },
  });
  const { subscriptionId, resourceGroupName, securityConnectorName, operationResultId } = input;
  const get = () =>
    client
      .pathUnchecked(OPERATION_RESULT, subscriptionId, resourceGroupName, securityConnectorName, operationResultId)
      .get({ abortSignal: input.abortSignal });

  let response = await get();
  for (let attempt = 0; attempt <= input.maxPolls; attempt++) {
    if (response.status !== "200" && response.status !== "202") throw new Error(`unexpected status ${response.status}`);
    const status = String(response.body?.status ?? "");
    if (TERMINAL.includes(status.toLowerCase())) return status;
    const seconds = Number(response.headers["retry-after"] ?? "1");
    await new Promise((resolve) => setTimeout(resolve, Number.isFinite(seconds) ? seconds * 1000 : 1000));
    response = await get();
  }
  throw new Error(`not finished after ${input.maxPolls} polls`);
}
