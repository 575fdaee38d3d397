import type { Client } from "@azure-rest/core-client";
import { isObject, readArmErrorResponse } from "../errors/armErrorDetail.js";
import { DevOpsOperationError } from "../errors/devOpsOperationError.js";
import { checkUrl, type Trust } from "../trustedUrl.js";
import { getResult, readStatus } from "./http.js";
import type { LroMethod } from "./resumeToken.js";
import { headerValue, outcomeOfResource, outcomeOfStatusDocument, readOperationStatusResult } from "./status.js";
import type { PollingStrategy } from "./strategy.js";

// Strategy "location": the initial 202 named only a Location header. ARM's Location contract: the monitor answers
// 202 (maybe with a new Location and Retry-After) while the operation runs; when it is done it answers exactly
// what the operation would have answered synchronously — 200 with the resource for a PUT/PATCH, 200/204 for a
// DELETE, the action's result for a POST — and, when it failed, the ARM error response (a 4xx with an
// ErrorResponse body). That is why 4xx answers other than 401/403/404/408/429 are read as the operation's failure
// here, while for the other monitors every 4xx/5xx is a failure to read the status. Services that answer 200 with a
// status document on their Location are read by that document.
//
// The result: a PUT/PATCH's is the resource the final 200 carried (else one GET of the original URL); a POST's is
// the final answer's body (none for a 204); a DELETE has none. A DELETE whose Location is the resource itself
// ends when it answers 404: the resource is gone.

export interface LocationInit {
  /** Checked Location URL. */
  url: string;
  method: LroMethod;
  /** URL of the initial request. */
  resourceUrl: string;
  /** Where a moved Location may point. */
  trust: Trust;
}

// 4xx answers that describe the operation rather than our access to its status. 408 and 429 never get here:
// readStatus returns them as transient before asking.
const isOperationFailure = (s: number): boolean => s >= 400 && s < 500 && ![401, 403, 404].includes(s);
function samePath(a: string, b: string): boolean {
  try {
    return new URL(a).pathname.toLowerCase() === new URL(b).pathname.toLowerCase();
  } catch {
    return false;
  }
}

export function locationStrategy<TResult>(client: Client, init: LocationInit): PollingStrategy<TResult> {
  let url = init.url;
  // The final answer's body, when it is the result (a PUT/PATCH's resource, a POST's result).
  let finalBody: { value: unknown } | undefined;
  const resourceGone = (s: number): boolean => s === 404 && init.method === "DELETE" && samePath(url, init.resourceUrl);

  return {
    async poll(options) {
      const read = await readStatus(client, url, options, (s) => isOperationFailure(s) || resourceGone(s));
      if (read.type === "transient") return read;
      const { response, status, retryAfterMs } = read;
      const body: unknown = response.body;
      const doc = readOperationStatusResult(body);
      if (status === 202) {
        // The service may move the operation; the new URL is checked before it is ever requested.
        const next = headerValue(response.headers, "location");
        if (next) url = checkUrl(next, init.trust, "the Location header of a 202 poll response");
        return { type: "status", status: "running", operationResult: doc, retryAfterMs };
      }
      if (resourceGone(status)) return { type: "status", status: "succeeded", retryAfterMs };
      if (isOperationFailure(status)) {
        const error = new DevOpsOperationError({ status: "Failed", error: readArmErrorResponse(body), statusCode: status });
        return { type: "status", status: "failed", error, retryAfterMs };
      }
      if (init.method === "POST") finalBody = { value: body }; // an action's result: whatever its final answer carries
      if (doc) return outcomeOfStatusDocument(doc, url, retryAfterMs);
      if (init.method === "DELETE") return { type: "status", status: "succeeded", retryAfterMs };
      if (isObject(body)) finalBody = { value: body }; // a PUT/PATCH's: the resource
      return outcomeOfResource(body, retryAfterMs);
    },
    async result(final, options) {
      if (final.status !== "succeeded" || init.method === "DELETE") return undefined as TResult;
      if (finalBody !== undefined) return finalBody.value as TResult;
      // A PUT/PATCH whose Location ended without the resource (a 204, or a status document), or a restored poller.
      return (init.method === "POST" ? undefined : await getResult(client, init.resourceUrl, options)) as TResult;
    },
    token: () => ({ v: 1, kind: "location", url, method: init.method, resourceUrl: init.resourceUrl }),
  };
}
