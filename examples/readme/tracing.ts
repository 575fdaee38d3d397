// snippet-start
import { trace } from "@opentelemetry/api";
import { pollOperationResult } from "../../src/index.js";
// snippet-end
import type { ReadmeContext } from "./context.js";

export async function example({ client, subscriptionId, resourceGroupName, securityConnectorName }: ReadmeContext) {
  const operationResultId = "onboarding-1";
  // snippet-start
  const tracer = trace.getTracer("onboarding-app");
  await tracer.startActiveSpan("onboard contoso", async (span) => {
    try {
      // DevOpsOperationResults.wait becomes a child of "onboard contoso", and each poll's HTTP GET a child of it.
      // A span that is not the active one is passed as { tracingOptions: { tracingContext: trace.setSpan(context.active(), span) } }.
      const ids = { subscriptionId, resourceGroupName, securityConnectorName, operationResultId };
      const result = await pollOperationResult(client, ids);
      console.log(result.status);
    } finally {
      span.end();
    }
  });
  // snippet-end
}
