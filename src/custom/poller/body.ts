import type { Client } from "@azure-rest/core-client";
import { PollingError } from "../errors/pollingError.js";
import { toRestError } from "../errors/toRestError.js";
import { readStatus } from "./http.js";
import { outcomeOfResource } from "./status.js";
import type { PollingStrategy } from "./strategy.js";

// Strategy "body": a PUT/PATCH answered 200/201 with a non-terminal provisioningState (or 202) and named no status
// monitor — legal ARM, and what this API's own Swagger declares (PUT 200/201 without response headers). As ARM's
// template engine does, GET the resource URL until its provisioningState is terminal. The last GET is the
// resource, so success needs no further request.

export interface BodyInit {
  method: "PUT" | "PATCH";
  /** Checked URL of the resource (the initial request's). */
  resourceUrl: string;
}

export function bodyStrategy<TResult>(client: Client, init: BodyInit): PollingStrategy<TResult> {
  let resource: unknown;
  return {
    async poll(options) {
      const read = await readStatus(client, init.resourceUrl, options, (s) => s === 404);
      if (read.type === "transient") return read;
      if (read.status === 404) {
        throw new PollingError(
          `The resource at ${init.resourceUrl} answered 404 while its provisioningState was awaited: it was deleted meanwhile`,
          { reason: "operationNotFound", url: init.resourceUrl, statusCode: 404, cause: toRestError(read.response) },
        );
      }
      resource = read.response.body;
      return outcomeOfResource(resource, read.retryAfterMs);
    },
    // Only asked once a poll ended the operation, so the resource of that poll is in hand (failed ones too, for
    // resolveOnUnsuccessful: the resource with its Failed state is what there is to resolve with).
    result: async () => resource as TResult,
    token: () => ({ v: 1, kind: "body", method: init.method, resourceUrl: init.resourceUrl }),
  };
}
