import type { Client } from "@azure-rest/core-client";
import { headerValue } from "../errors/toRestError.js";
import { parseRetryAfter } from "../retry-after.js";
import { strategyFromResponse, strategyFromToken } from "./dispatch.js";
import { createPoller } from "./engine.js";
import { normalizePollerOptions } from "./options.js";
import { decodeResumeToken } from "./resumeToken.js";
import { trustedOrigin } from "../trustedUrl.js";
import type { DevOpsPoller, PollerOptions } from "./types.js";
import type { LroInitialResponse, LroResult } from "./lroTypes.js";

export type { LroResult };

/**
 * A poller for one of the 10 long-running operations, from its initial response:
 *
 *     const initial = await client.path(".../devops/default", sub, rg, name).put({ body });
 *     const poller = getLongRunningPoller(client, initial);   // no await: that would wait for the result
 *     poller.onProgress((s) => console.log(s.percentComplete));
 *     const config = await poller;
 *
 * Synchronous on purpose: the poller is thenable (as core-lro v3's PollerLike), and a Promise cannot resolve to a
 * thenable — `await getLongRunningPoller(...)` therefore yields the operation's result, never the poller.
 * Setup errors (non-2xx initial response → its RestError, a URL on another origin → PollingError "untrustedUrl",
 * bad options or token → TypeError) are thrown by the call, before any request.
 *
 * Follows Azure-AsyncOperation (else Location) of a 201/202, honouring the initial Retry-After before the first
 * poll; a 200 with a terminal provisioningState is done without a request. On success a PUT/PATCH ends with one
 * GET of the original URL; a DELETE resolves with `undefined`. A non-2xx initial response rejects with its
 * RestError. URLs are refused unless on the client's endpoint (see PollerOptions.endpoint).
 *
 * To resume elsewhere: `getLongRunningPoller(client, undefined, { restoreFrom: await poller.serialize() })`.
 */
export function getLongRunningPoller<R extends LroInitialResponse>(
  client: Client,
  initialResponse: R | undefined,
  options?: PollerOptions,
): DevOpsPoller<LroResult<R>> {
  const normalized = normalizePollerOptions(options);
  const origin = trustedOrigin(client, normalized.endpoint, initialResponse?.request?.url);
  if (normalized.restoreFrom !== undefined) {
    const token = decodeResumeToken(normalized.restoreFrom, ["azure-async-operation", "location", "done"], "getLongRunningPoller");
    // A resumed poller polls at once: how long ago the token was written is unknown.
    return createPoller({ strategy: strategyFromToken(client, token, origin), options: normalized, firstDelayMs: 0 });
  }
  if (typeof initialResponse !== "object" || initialResponse === null || typeof initialResponse.status !== "string") {
    throw new TypeError("initialResponse must be the response of the operation's request, unless options.restoreFrom is given");
  }
  const strategy = strategyFromResponse<LroResult<R>>(client, initialResponse, origin);
  // ARM asks clients to wait before the first poll; the initial Retry-After (0 included) says how long.
  const firstDelayMs = parseRetryAfter(headerValue(initialResponse.headers, "retry-after")) ?? normalized.intervalInMs;
  return createPoller({ strategy, options: normalized, firstDelayMs });
}
