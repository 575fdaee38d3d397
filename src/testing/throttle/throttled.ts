import { armError } from "../respond.js";
import type { MockResponse } from "../types.js";
import type { RequestClass } from "./types.js";

// The answer to a request that finds its bucket empty, shaped as ARM's: 429 with an ErrorResponse whose code says
// which scope ran out (SubscriptionRequestsThrottled / TenantRequestsThrottled, as ARM's gateway sends) and a message
// naming the class and the wait, plus Retry-After in whole seconds.

const VERB: Record<RequestClass, string> = { reads: "read", writes: "write", deletes: "delete" };

interface ThrottledAnswer {
  subscriptionId: string | null;
  requestClass: RequestClass;
  size: number;
  refillPerSecond: number;
  /** Exact time until the bucket holds one token again. */
  waitMs: number;
  /** Also send `retry-after-ms` (MockThrottleOptions.retryAfterMs). */
  withMs: boolean;
}

export function throttled({
  subscriptionId,
  requestClass,
  size,
  refillPerSecond,
  waitMs,
  withMs,
}: ThrottledAnswer): MockResponse {
  // Whole seconds, rounded up and at least 1: a client that waits what it is told finds a token back.
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  const headers: Record<string, string> = { "Retry-After": String(seconds) };
  if (withMs) headers["retry-after-ms"] = String(Math.max(1, Math.ceil(waitMs)));
  const scope = subscriptionId === null ? "the tenant" : `subscription '${subscriptionId}'`;
  return armError(
    429,
    subscriptionId === null ? "TenantRequestsThrottled" : "SubscriptionRequestsThrottled",
    `Number of '${VERB[requestClass]}' requests for ${scope} exceeded the limit: the bucket of ${size} is empty and ` +
      `refills ${refillPerSecond} per second. Please try again after '${seconds}' seconds.`,
    headers,
  );
}
