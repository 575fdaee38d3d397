import type { Client } from "@azure-rest/core-client";
import { DevOpsOperationError } from "../errors/devOpsOperationError.js";
import { readArmErrorResponse } from "../errors/armErrorDetail.js";
import { headerValue } from "../errors/toRestError.js";
import type { AsyncOperationInit } from "./azureAsyncOperation.js";
import { getResource, is2xx, needsFinalGet, readStatus } from "./http.js";
import { outcomeOf } from "./operationResult.js";
import { provisioningOutcome } from "./done.js";
import type { PollOutcome, PollingStrategy } from "./strategy.js";
import { readOperationStatusResult } from "./status.js";
import { checkUrl } from "../trustedUrl.js";

// Strategy "location": the 201/202 named only a Location header (the 2025 TypeSpec declares it for DELETE).
// ARM's Location contract: 202 = still running (with a possibly new Location), 2xx = done, and a 4xx with an error
// body = the operation failed. 401/403/404/408/429/5xx are not answers about the operation (readStatus sorts them).
// A PUT/PATCH still ends with one GET of the original URL; a DELETE with nothing.

// 4xx answers that describe the operation rather than our access to its status.
const isOperationFailure = (s: number): boolean => s >= 400 && s < 500 && ![401, 403, 404, 408, 429].includes(s);

export function locationStrategy<TResult>(client: Client, init: AsyncOperationInit, origin: string | undefined): PollingStrategy<TResult> {
  let url = init.url;
  return {
    async poll(signal): Promise<PollOutcome> {
      const read = await readStatus(client, url, signal, (s) => is2xx(s) || isOperationFailure(s));
      if (read.type === "transient") return read;
      const { response, retryAfterMs } = read;
      const status = Number(response.status);
      const doc = readOperationStatusResult(response.body);
      if (status === 202) {
        // The service may move the operation; the new URL is checked before it is ever requested.
        const next = headerValue(response.headers, "location");
        if (next) url = checkUrl(next, origin, "the Location header of a 202 poll response");
        return { type: "status", status: "running", operationResult: doc, percentComplete: doc?.percentComplete, retryAfterMs };
      }
      if (isOperationFailure(status)) {
        const error = new DevOpsOperationError({
          status: "Failed",
          error: readArmErrorResponse(response.body),
          operationResult: undefined,
          operationResultId: undefined,
          percentComplete: undefined,
        });
        return { type: "status", status: "failed", error, retryAfterMs };
      }
      // 200/201/204: done. The body, if any, says how: an OperationStatusResult or a resource's provisioningState.
      if (doc) return outcomeOf(doc, url, retryAfterMs);
      return provisioningOutcome(response.body, retryAfterMs);
    },
    result: async (final, signal) =>
      (final.status === "succeeded" && needsFinalGet(init.method)
        ? await getResource(client, init.resourceUrl, signal)
        : undefined) as TResult,
    token: () => ({ v: 1, kind: "location", url, method: init.method, resourceUrl: init.resourceUrl }),
  };
}
