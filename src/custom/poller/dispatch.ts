import type { Client, HttpResponse } from "@azure-rest/core-client";
import { isObject } from "../errors/armErrorDetail.js";
import { DevOpsOperationError } from "../errors/devOpsOperationError.js";
import { PollingError } from "../errors/pollingError.js";
import { toRestError } from "../errors/toRestError.js";
import { checkUrl, type Trust } from "../trustedUrl.js";
import { bodyStrategy } from "./body.js";
import { doneStrategy } from "./done.js";
import { is2xx } from "./http.js";
import { locationStrategy } from "./location.js";
import { LRO_METHODS, type LroMethod, type ResumeToken } from "./resumeToken.js";
import { classifyStatus, headerValue, outcomeOfResource, readProvisioningState } from "./status.js";
import { statusMonitorStrategy } from "./statusMonitor.js";
import type { PollingStrategy, SettledOutcome } from "./strategy.js";

/**
 * Chooses the strategy for the initial response of a long-running operation, in the order ARM's contract gives.
 * Every URL it hands on has been checked against `trust` before any request is sent to it; a header that will not
 * be used is not checked.
 */
export function strategyFromResponse<TResult>(client: Client, response: HttpResponse, trust: Trust): PollingStrategy<TResult> {
  const status = Number(response.status);
  // 1. A failed initial response has nothing to poll: it is the error.
  if (!is2xx(status)) throw toRestError(response);
  const method = response.request.method.toUpperCase();
  if (!(LRO_METHODS as readonly string[]).includes(method)) {
    throw new TypeError(`initialResponse must answer a PUT, PATCH, DELETE or POST; got the response of a ${method}`);
  }
  const m = method as LroMethod;
  const resourceUrl = response.request.url;
  const checkResource = () => checkUrl(resourceUrl, trust, "the initial request's URL");
  const header = (name: string) => headerValue(response.headers, name);
  const resourceAnswer = m === "PUT" || m === "PATCH";
  // A PUT/PATCH's result is the resource: in hand only when the body is one (a 204 costs one GET of it).
  const body = resourceAnswer && !isObject(response.body) ? undefined : { value: response.body };
  const done = (outcome: SettledOutcome) =>
    doneStrategy<TResult>(client, { method: m, resourceUrl, outcome, body, checkResourceUrl: checkResource });

  // 2. Done at once, whatever stray headers come along (none of them is read, or checked):
  //    - a DELETE's or POST's 200/201/204 (ARM: the operation finished synchronously);
  //    - a PUT/PATCH's 200/201 with a terminal provisioningState.
  //    A PUT/PATCH 200/201 WITHOUT one and with a monitor header is not done: older services sent 200 + header for
  //    operations still running, and ARM asks clients to poll the header then.
  const state = readProvisioningState(response.body);
  if (status !== 202 && !resourceAnswer) return done({ type: "status", status: "succeeded" });
  if (status !== 202 && state !== undefined && classifyStatus(state) !== "running") {
    return done(outcomeOfResource(response.body, undefined) as SettledOutcome);
  }

  // 3. A status monitor. Azure-AsyncOperation first: a response may carry it with Location, and ARM says the
  //    operation resource is then the one that reports the status. Operation-Location is the same kind of monitor,
  //    sent by newer services. A POST's result is read at its Location, which it must therefore send (ARM's rule).
  const location = header("location");
  if (m === "POST" && !location) {
    throw new PollingError(
      `The POST answered ${status} without a Location header: ARM returns an action's result at its Location, ` +
        `so there is nothing to read the result from`,
      { reason: "noPollingUrl", url: resourceUrl, statusCode: status },
    );
  }
  const resultUrl = () =>
    m === "POST" ? checkUrl(location!, trust, "the Location header") : m === "DELETE" ? undefined : checkResource();
  const asyncOperation = header("azure-asyncoperation");
  if (asyncOperation) {
    const url = checkUrl(asyncOperation, trust, "the Azure-AsyncOperation header");
    return statusMonitorStrategy(client, { kind: "azure-async-operation", url, method: m, resourceUrl, resultUrl: resultUrl() });
  }
  const operationLocation = header("operation-location");
  if (operationLocation) {
    const url = checkUrl(operationLocation, trust, "the Operation-Location header");
    return statusMonitorStrategy(client, { kind: "operation-location", url, method: m, resourceUrl, resultUrl: resultUrl() });
  }
  // 4. Location alone: status by HTTP code (the 2025 TypeSpec of this API declares it for DELETE 202).
  if (location) {
    const url = checkUrl(location, trust, "the Location header");
    // Only a PUT/PATCH may GET the original URL (when its Location ends without the resource).
    return locationStrategy(client, { url, method: m, resourceUrl: resourceAnswer ? checkResource() : resourceUrl, trust });
  }
  // 5. No header. A PUT/PATCH still running (202, or a non-terminal provisioningState) is polled at the resource
  //    URL, as ARM's template engine does; without any provisioningState it is done (ARM: absent = Succeeded).
  if (resourceAnswer) {
    if (status === 202 || state !== undefined) return bodyStrategy(client, { method: m, resourceUrl: checkResource() });
    return done({ type: "status", status: "succeeded" });
  }
  // A DELETE 202 without a monitor breaks ARM's contract: there is nothing to poll.
  throw new PollingError(`The DELETE answered 202 without Azure-AsyncOperation, Operation-Location or Location: there is nothing to poll`, {
    reason: "noPollingUrl",
    url: resourceUrl,
    statusCode: status,
  });
}

/** Rebuilds the strategy a resume token names; its URLs are re-checked, as the token is caller-supplied data. */
export function strategyFromToken<TResult>(client: Client, token: ResumeToken, trust: Trust): PollingStrategy<TResult> {
  const what = `options.restoreFrom ("${token.kind}" token)`;
  const check = (url: string) => checkUrl(url, trust, what);
  switch (token.kind) {
    case "azure-async-operation":
    case "operation-location": {
      if (token.method === "POST" && token.resultUrl === undefined) {
        throw new TypeError(`${what} of a POST lacks "resultUrl" (the Location where the action's result is read)`);
      }
      const resultUrl = token.method === "POST" ? check(token.resultUrl!) : token.method === "DELETE" ? undefined : check(token.resourceUrl);
      return statusMonitorStrategy(client, { kind: token.kind, url: check(token.url), method: token.method, resourceUrl: token.resourceUrl, resultUrl });
    }
    case "location": {
      const resourceUrl = token.method === "PUT" || token.method === "PATCH" ? check(token.resourceUrl) : token.resourceUrl;
      return locationStrategy(client, { url: check(token.url), method: token.method, resourceUrl, trust });
    }
    case "body":
      if (token.method !== "PUT" && token.method !== "PATCH") throw new TypeError(`${what} must be of a PUT or PATCH, not a ${token.method}`);
      return bodyStrategy(client, { method: token.method, resourceUrl: check(token.resourceUrl) });
    case "done": {
      // A finished POST's result was its response body, which tokens never hold: resolving without it would be a
      // silent undefined.
      if (token.method === "POST") {
        throw new TypeError(`${what} is a finished POST, whose result (the response body) is not in the token; keep the result instead`);
      }
      const resourceUrl = check(token.resourceUrl);
      // The token keeps only the status, so a failure is rebuilt without the service's error (as for a resource
      // that failed without provisioningStatusMessage).
      const outcome: SettledOutcome =
        token.status === "succeeded"
          ? { type: "status", status: "succeeded" }
          : { type: "status", status: token.status, error: new DevOpsOperationError({ status: token.status }) };
      return doneStrategy(client, { method: token.method, resourceUrl, outcome, checkResourceUrl: () => resourceUrl });
    }
    case "operation-result":
      // Refused by decodeResumeToken before we get here; kept so the switch is exhaustive.
      throw new TypeError(`${what} cannot be resumed by getLongRunningPoller`);
  }
}
