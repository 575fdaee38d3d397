import type { HttpHeaders } from "@azure/core-rest-pipeline";

// Which of ARM's read buckets a request is charged to, and what ARM reports about it. Reads are counted per
// subscription (and principal), taken from the request path; any other path (providers, tenants, locations at the
// root) goes to the tenant's bucket. Buckets are regional, so the same subscription through another endpoint (a
// sovereign cloud, a regional or private endpoint in allowedOrigins) is another budget: the key holds the origin too.

/** One budget's address: the origin and the subscription id (lower-case), or `undefined` for the tenant. */
export interface ReadScope {
  key: string;
  origin: string;
  subscriptionId: string | undefined;
}

/** The scope of `url`: `/subscriptions/{id}/...` (the literal in any case, as ARM matches it), else the tenant. */
export function readScopeOf(url: string): ReadScope {
  const { origin, pathname } = new URL(url);
  const [, first, second] = pathname.split("/");
  let subscriptionId: string | undefined;
  if (first?.toLowerCase() === "subscriptions" && second) {
    try {
      subscriptionId = decodeURIComponent(second).toLowerCase();
    } catch {
      subscriptionId = second.toLowerCase();
    }
  }
  return { key: `${origin} ${subscriptionId ?? "tenant"}`, origin, subscriptionId };
}

/**
 * The whole reads ARM says are left in the scope's bucket after a request: `x-ms-ratelimit-remaining-subscription-reads`,
 * or `-tenant-reads` for the tenant; undefined when absent or malformed.
 */
export function remainingReads(scope: ReadScope, headers: HttpHeaders): number | undefined {
  const name =
    scope.subscriptionId === undefined
      ? "x-ms-ratelimit-remaining-tenant-reads"
      : "x-ms-ratelimit-remaining-subscription-reads";
  const text = headers.get(name)?.trim();
  return text !== undefined && /^\d{1,15}$/.test(text) ? Number(text) : undefined;
}
