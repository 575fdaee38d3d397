import type { Client } from "@azure-rest/core-client";
import { getResource, needsFinalGet } from "./http.js";
import { pollOperationStatus } from "./operationResult.js";
import type { PollingStrategy } from "./strategy.js";

// Strategy "azure-async-operation": the 201/202 of a PUT, PATCH or DELETE named a status URL in the
// Azure-AsyncOperation header. Poll it until the status is terminal; then, as the spec's final-state-via says, a
// PUT/PATCH ends with one GET of the original URL (the status document carries no resource) and a DELETE with
// nothing. The status URL does not change between polls (ARM does not move it), so no header is re-read.

export interface AsyncOperationInit {
  /** Checked status URL. */
  url: string;
  /** Upper-case method of the initial request. */
  method: string;
  /** Checked URL of the initial request. */
  resourceUrl: string;
}

export function azureAsyncOperationStrategy<TResult>(client: Client, init: AsyncOperationInit): PollingStrategy<TResult> {
  return {
    poll: (signal) => pollOperationStatus(client, init.url, signal),
    result: async (final, signal) =>
      (final.status === "succeeded" && needsFinalGet(init.method)
        ? await getResource(client, init.resourceUrl, signal)
        : undefined) as TResult,
    token: () => ({ v: 1, kind: "azure-async-operation", ...init }),
  };
}
