import type { Client } from "@azure-rest/core-client";
import { pollStatusDocument } from "./http.js";
import type { OperationStatusResult } from "./status.js";
import type { PollingStrategy } from "./strategy.js";

// Strategy "operation-result": polls a DevOpsOperationResults status URL and resolves with the final
// OperationStatusResult itself. Used by pollOperationResult (by ids or by URL).

/** `url` is already checked: an absolute URL on a trusted origin, or a path on the client's endpoint. */
export function operationResultStrategy(client: Client, url: string): PollingStrategy<OperationStatusResult> {
  return {
    poll: (options) => pollStatusDocument(client, url, options),
    // Failed or succeeded alike, the final document is the value (with resolveOnUnsuccessful it carries the error).
    result: async (final) => final.operationResult as OperationStatusResult,
    token: () => ({ v: 1, kind: "operation-result", url }),
  };
}
