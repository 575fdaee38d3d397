// snippet-start
import { pollOperationResult } from "../../src/index.js";
// snippet-end
import type { ReadmeContext } from "./context.js";

export async function example({ client, subscriptionId, resourceGroupName, securityConnectorName }: ReadmeContext) {
  const operationResultId = "onboarding-1";
  // snippet-start
  const poller = pollOperationResult(
    client,
    { subscriptionId, resourceGroupName, securityConnectorName, operationResultId },
    { timeoutInMs: 10 * 60_000 }, // give up (AbortError) after 10 minutes
  );
  poller.onProgress((state) => console.log(`${state.operationResult?.status} ${state.percentComplete ?? "?"}%`));
  const result = await poller; // awaiting the poller starts polling; Retry-After is honoured
  console.log(result.status, result.endTime); // the final OperationStatusResult
  // snippet-end
}
