// snippet-start
import { pollOperationResult, readBudgetState } from "../../src/index.js";
// snippet-end
import type { ReadmeContext } from "./context.js";

export async function example({ client, subscriptionId, resourceGroupName, securityConnectorName }: ReadmeContext, operationResultIds: string[]) {
  // snippet-start
  // One client for the whole fleet: its pollers share the subscription's read budget and its connections.
  const results = await Promise.all(
    operationResultIds.map((operationResultId) =>
      pollOperationResult(client, { subscriptionId, resourceGroupName, securityConnectorName, operationResultId }, { timeoutInMs: 30 * 60_000 }),
    ),
  );
  console.log(results.filter((result) => result.status === "Succeeded").length, "succeeded");
  for (const scope of readBudgetState(client)?.scopes ?? []) {
    console.log(`${scope.subscriptionId}: ${scope.reads} reads, ${scope.throttled} answered 429, ${scope.pauses} pauses`);
  }
  // snippet-end
}
