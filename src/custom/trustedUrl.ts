import type { Client } from "@azure-rest/core-client";
import { endpointOf } from "./clientEndpoint.js";
import { PollingError } from "./errors/pollingError.js";

// Every poll, final GET and next page goes through the client's pipeline, which adds the bearer token. Those URLs
// come from response headers, list bodies or resume tokens — data an attacker may control — so they must be on the
// client's own origin (same scheme, host and port: an http:// URL for an https endpoint is refused too), or on an
// origin the caller listed in `allowedOrigins` (a regional or private endpoint it would give its token to). The
// check runs when the URL is learnt, before any request is sent to it. Used by the pollers and by paginate.

/** Where URLs learnt from the service may point. */
export interface Trust {
  /** The client's endpoint origin; relative URLs resolve against it. Undefined when it is not known. */
  readonly origin: string | undefined;
  /** Further origins the caller trusts with the client's token. */
  readonly allowedOrigins: readonly string[];
}

/**
 * The origin polling URLs must be on: the one `createClient` recorded, else `options.endpoint`, else the origin
 * of the initial request (getLongRunningPoller only). Undefined when none is known: then absolute URLs are refused.
 */
export function trustedOrigin(
  client: Client,
  optionEndpoint: string | undefined,
  requestUrl?: string,
): string | undefined {
  const recorded = endpointOf(client);
  if (recorded !== undefined && optionEndpoint !== undefined && recorded !== optionEndpoint) {
    throw new TypeError(`options.endpoint (${optionEndpoint}) must match the client's endpoint (${recorded})`);
  }
  if (recorded !== undefined) return recorded;
  if (optionEndpoint !== undefined) return optionEndpoint;
  if (requestUrl === undefined) return undefined;
  try {
    return new URL(requestUrl).origin;
  } catch {
    return undefined;
  }
}

/** Whether `url` is on the client's endpoint or on an origin the caller listed: where alone its token may go. */
export function isTrustedOrigin(url: URL, trust: Trust): boolean {
  return url.origin === trust.origin || trust.allowedOrigins.includes(url.origin);
}

/**
 * `url` made absolute (relative forms resolve against the client's origin) after checking it is on a trusted
 * origin; `what` names its source in the error ("the Azure-AsyncOperation header", "options.restoreFrom", ...).
 */
export function checkUrl(url: string, trust: Trust, what: string): string {
  const { origin, allowedOrigins } = trust;
  const parsed = parseUrl(url, origin);
  if (origin === undefined && (parsed === undefined || !isTrustedOrigin(parsed, trust))) {
    throw new PollingError(
      `Refusing ${what} (${url}): the client's endpoint is unknown, so the URL's origin cannot be checked; ` +
        `create the client with createClient, or pass options.endpoint`,
      { reason: "untrustedUrl", url },
    );
  }
  if (parsed === undefined) {
    throw new PollingError(`Refusing ${what}: ${JSON.stringify(url)} is not a URL`, { reason: "untrustedUrl", url });
  }
  if (!isTrustedOrigin(parsed, trust)) {
    const others = allowedOrigins.length > 0 ? ` or in options.allowedOrigins (${allowedOrigins.join(", ")})` : "";
    throw new PollingError(
      `Refusing ${what} (${parsed.origin}): it is not on the client's endpoint ${origin}${others}, where alone ` +
        `the bearer token may go`,
      { reason: "untrustedUrl", url },
    );
  }
  return parsed.href;
}

/**
 * `options.allowedOrigins` checked and reduced to origins: each an absolute https URL naming only an origin (http
 * is accepted for loopback hosts, as for the mock).
 */
export function readAllowedOrigins(value: unknown): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    throw new TypeError(`options.allowedOrigins must be an array of origins, got ${typeof value}`);
  }
  return value.map((entry: unknown, i) => {
    const url = typeof entry === "string" ? parseUrl(entry, undefined) : undefined;
    const loopback = url !== undefined && /^(127\.0\.0\.1|localhost|\[::1\])$/.test(url.hostname);
    const secure = url !== undefined && (url.protocol === "https:" || (url.protocol === "http:" && loopback));
    if (!url || !secure || url.pathname !== "/" || url.search !== "" || url.hash !== "" || url.username !== "") {
      throw new TypeError(
        `options.allowedOrigins[${i}] must be an https origin such as "https://westeurope.management.azure.com" ` +
          `(no path, query or credentials; http only for loopback), got ${JSON.stringify(entry)}`,
      );
    }
    return url.origin;
  });
}

/** `url` resolved against `origin` (relative forms land on it), or undefined when it is not a URL. */
export function parseUrl(url: string, origin: string | undefined): URL | undefined {
  try {
    return new URL(url, origin);
  } catch {
    return undefined;
  }
}

/** A path on the client's own endpoint (by-id polling): must start with one "/" so it cannot name another host. */
export function isOwnPath(url: string): boolean {
  return url.startsWith("/") && !url.startsWith("//") && !url.startsWith("/\\");
}
