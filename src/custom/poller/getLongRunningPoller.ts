import type { Client } from "@azure-rest/core-client";
import { installReadBudget } from "../throttle/install.js";
import { trustedOrigin } from "../trustedUrl.js";
import { strategyFromResponse, strategyFromToken } from "./dispatch.js";
import { createPoller } from "./engine.js";
import { normalizePollerOptions } from "./options.js";
import { decodeResumeToken } from "./resumeToken.js";
import { requestedDelayMs } from "./status.js";
import type { DevOpsPoller, PollerOptions } from "./types.js";
import type { LroInitialResponse, LroResult } from "./lroTypes.js";
import { longRunningSpanName } from "./waitSpan.js";

export type { LroResult };

/**
 * A poller for one of the 9 long-running operations, from its initial response:
 *
 *     const initial = await client.path(".../devops/default", sub, rg, name).put({ body });
 *     const poller = getLongRunningPoller(client, initial);   // no await: that would wait for the result
 *     poller.onProgress((s) => console.log(s.percentComplete));
 *     const config = await poller;
 *
 * Synchronous on purpose: the poller is thenable (as core-lro v3's PollerLike), and a Promise cannot resolve to a
 * thenable — `await getLongRunningPoller(...)` therefore yields the operation's result, never the poller.
 * Setup errors (non-2xx initial response → its RestError, a URL on another origin → PollingError "untrustedUrl",
 * a DELETE/POST 202 without the header ARM requires → PollingError "noPollingUrl", bad options or token →
 * TypeError) are thrown by the call, before any request.
 *
 * Every flow of ARM's async contract (README, "ARM flow → what the poller sends and returns"): a status monitor
 * named by Azure-AsyncOperation, Operation-Location or Location (in that order), else — for a PUT/PATCH still
 * running — the resource itself, polled until its provisioningState is terminal. The initial Retry-After is
 * honoured before the first poll; a terminal initial response is done without a request. On success a PUT/PATCH
 * resolves with the resource (one GET of the original URL, unless the last response was it), a POST with what its
 * Location answered, a DELETE with `undefined`. URLs are refused unless on the client's endpoint or in
 * `options.allowedOrigins`.
 *
 * To resume elsewhere: `getLongRunningPoller(client, undefined, { restoreFrom: await poller.serialize() })`.
 */
export function getLongRunningPoller<R extends LroInitialResponse>(
  client: Client,
  initialResponse: R | undefined,
  options?: PollerOptions,
): DevOpsPoller<LroResult<R>> {
  const normalized = normalizePollerOptions(options);
  const trust = {
    origin: trustedOrigin(client, normalized.endpoint, initialResponse?.request?.url),
    allowedOrigins: normalized.allowedOrigins,
  };
  if (normalized.restoreFrom !== undefined) {
    const kinds = ["azure-async-operation", "operation-location", "location", "body", "done"] as const;
    const token = decodeResumeToken(normalized.restoreFrom, kinds, "getLongRunningPoller");
    // A resumed poller polls at once: how long ago the token was written is unknown.
    const strategy = strategyFromToken<LroResult<R>>(client, token, trust);
    // The client's shared read budget, if not yet in its pipeline: once the poller is sure to be made.
    installReadBudget(client);
    return createPoller({ strategy, options: normalized, firstDelayMs: 0, spanName: longRunningSpanName(token) });
  }
  if (typeof initialResponse !== "object" || initialResponse === null || typeof initialResponse.status !== "string") {
    throw new TypeError("initialResponse must be the response of the operation's request, unless options.restoreFrom is given");
  }
  const strategy = strategyFromResponse<LroResult<R>>(client, initialResponse, trust);
  // ARM asks clients to wait before the first poll; the initial Retry-After (0 included) says how long.
  const firstDelayMs = requestedDelayMs(initialResponse.headers) ?? normalized.intervalInMs;
  installReadBudget(client); // as above
  return createPoller({ strategy, options: normalized, firstDelayMs, spanName: longRunningSpanName(strategy.token()) });
}
