import type { Client } from "@azure-rest/core-client";
import { endpointOf } from "./clientEndpoint.js";
import { PollingError } from "./errors/pollingError.js";

// Every poll, final GET and next page goes through the client's pipeline, which adds the bearer token. Those URLs
// come from response headers, list bodies or resume tokens — data an attacker may control — so they must be on the
// client's own origin (same scheme, host and port: an http:// URL for an https endpoint is refused too). The check
// runs when the URL is learnt, before any request is sent to it. Used by the pollers and by paginate.

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

/**
 * `url` made absolute (relative forms resolve against `origin`) after checking it is on `origin`; `what` names its
 * source in the error ("the Azure-AsyncOperation header", "options.restoreFrom", ...).
 */
export function checkUrl(url: string, origin: string | undefined, what: string): string {
  if (origin === undefined) {
    throw new PollingError(
      `Refusing ${what} (${url}): the client's endpoint is unknown, so the URL's origin cannot be checked; ` +
        `create the client with createClient, or pass options.endpoint`,
      { reason: "untrustedUrl", url },
    );
  }
  const parsed = parseUrl(url, origin);
  if (parsed === undefined) {
    throw new PollingError(`Refusing ${what}: ${JSON.stringify(url)} is not a URL`, { reason: "untrustedUrl", url });
  }
  if (parsed.origin !== origin) {
    throw new PollingError(
      `Refusing ${what} (${parsed.origin}): it is not on the client's endpoint ${origin}, where alone the bearer token may go`,
      { reason: "untrustedUrl", url },
    );
  }
  return parsed.href;
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
