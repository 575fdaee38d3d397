import type { Client, HttpResponse } from "@azure-rest/core-client";
import { PollingError } from "../errors/pollingError.js";
import { headerValue, toRestError } from "../errors/toRestError.js";
import { azureAsyncOperationStrategy } from "./azureAsyncOperation.js";
import { doneStrategy, provisioningOutcome } from "./done.js";
import { is2xx } from "./http.js";
import { locationStrategy } from "./location.js";
import type { ResumeToken } from "./resumeToken.js";
import type { PollingStrategy } from "./strategy.js";
import { checkUrl } from "../trustedUrl.js";

/**
 * Chooses the strategy for the initial response of one of the 10 LRO operations. Every URL it hands on has been
 * checked against `origin` — before any request is sent to it.
 */
export function strategyFromResponse<TResult>(client: Client, response: HttpResponse, origin: string | undefined): PollingStrategy<TResult> {
  const status = Number(response.status);
  // 1. A failed initial response has nothing to poll: it is the error.
  if (!is2xx(status)) throw toRestError(response);
  const method = response.request.method.toUpperCase();
  const resourceUrl = checkUrl(response.request.url, origin, "the initial request's URL");
  // 2. Azure-AsyncOperation before Location: a response may carry both, and ARM says the async-operation URL is
  //    then the one that reports the status (Location would only be the final-result URL, which we GET anyway).
  const asyncOperation = headerValue(response.headers, "azure-asyncoperation");
  if (asyncOperation) {
    const url = checkUrl(asyncOperation, origin, "the Azure-AsyncOperation header");
    return azureAsyncOperationStrategy(client, { url, method, resourceUrl });
  }
  // 3. Location alone: the 2025 TypeSpec of this API declares it for DELETE 202.
  const location = headerValue(response.headers, "location");
  if (location) {
    const url = checkUrl(location, origin, "the Location header");
    return locationStrategy(client, { url, method, resourceUrl }, origin);
  }
  // 4. No header: done only if the body says so. A 202, or a body still "Accepted", has nothing we could poll.
  const outcome = provisioningOutcome(response.body);
  if (status === 202 || outcome.status === "running") {
    throw new PollingError(
      `The ${method} answered ${status} without Azure-AsyncOperation or Location, and the operation is not finished: there is nothing to poll`,
      { reason: "noPollingUrl", url: resourceUrl, statusCode: status },
    );
  }
  return doneStrategy(client, { method, resourceUrl, outcome: { ...outcome, status: outcome.status }, body: { value: response.body } });
}

/** Rebuilds the strategy a resume token names; its URLs are re-checked, as the token is caller-supplied data. */
export function strategyFromToken<TResult>(client: Client, token: ResumeToken, origin: string | undefined): PollingStrategy<TResult> {
  const what = `options.restoreFrom ("${token.kind}" token)`;
  switch (token.kind) {
    case "azure-async-operation":
    case "location": {
      const init = { url: checkUrl(token.url, origin, what), method: token.method, resourceUrl: checkUrl(token.resourceUrl, origin, what) };
      return token.kind === "location" ? locationStrategy(client, init, origin) : azureAsyncOperationStrategy(client, init);
    }
    case "done": {
      const resourceUrl = checkUrl(token.resourceUrl, origin, what);
      const outcome = token.status === "succeeded" ? { type: "status" as const, status: token.status } : provisioningOutcome({ properties: { provisioningState: token.status } });
      return doneStrategy(client, { method: token.method, resourceUrl, outcome: { ...outcome, status: token.status } });
    }
    case "operation-result":
      // Refused by decodeResumeToken before we get here; kept so the switch is exhaustive.
      throw new TypeError(`${what} cannot be resumed by getLongRunningPoller`);
  }
}
