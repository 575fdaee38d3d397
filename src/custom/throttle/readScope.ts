// Which of ARM's read buckets a request is charged to: reads are counted per subscription (and principal), taken
// from the request path; any other path (providers, tenants, locations at the root) goes to the tenant's bucket.
// Buckets are regional, so the same subscription through another endpoint (a sovereign cloud, a regional or private
// endpoint in allowedOrigins) is another budget: the key holds the origin too.

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

/** The header in which ARM reports the reads left in that scope's bucket after a request. */
export function remainingReadsHeader(scope: ReadScope): string {
  return scope.subscriptionId === undefined
    ? "x-ms-ratelimit-remaining-tenant-reads"
    : "x-ms-ratelimit-remaining-subscription-reads";
}
