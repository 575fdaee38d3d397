import { REQUEST_CLASSES } from "./limits.js";
import type { RequestClass } from "./types.js";

// Which bucket a request is charged to: its class by method, and its scope by path, as ARM counts them.

/** GET and HEAD read; PUT, PATCH and POST (actions such as listAvailable*) write; DELETE deletes. */
export function requestClassOf(method: string): RequestClass {
  if (method === "DELETE") return "deletes";
  if (method === "PUT" || method === "PATCH" || method === "POST") return "writes";
  return "reads";
}

/**
 * The subscription id of a raw request path (`/subscriptions/{id}/...`, the literal matched case-insensitively as ARM
 * does), or null for a tenant-level request. Ids are compared without regard to case: ARM's are GUIDs.
 */
export function subscriptionOf(rawPath: string): string | null {
  const [, first, second] = rawPath.split("/");
  if (first?.toLowerCase() !== "subscriptions" || !second) return null;
  try {
    return decodeURIComponent(second).toLowerCase();
  } catch {
    return second.toLowerCase(); // a malformed escape: the pipeline answers 400, still charged to this subscription
  }
}

/** `x-ms-ratelimit-remaining-subscription-reads`, `...-tenant-writes` and the like. */
export function remainingHeader(subscriptionId: string | null, requestClass: RequestClass): string {
  return `x-ms-ratelimit-remaining-${subscriptionId === null ? "tenant" : "subscription"}-${requestClass}`;
}

/** Every header the throttle may add, for CORS `access-control-expose-headers`. */
export const THROTTLE_HEADERS: readonly string[] = [
  // Any subscription id stands for the subscription headers, null for the tenant's.
  ...["{subscriptionId}", null].flatMap((subscriptionId) =>
    REQUEST_CLASSES.map((requestClass) => remainingHeader(subscriptionId, requestClass)),
  ),
  "retry-after-ms",
];
