import type { Client } from "@azure-rest/core-client";

// @azure-rest/core-client does not expose the endpoint a client was made for, yet the poller and the paging
// helper must know it: they refuse to send the client's bearer token to any other origin (a hostile
// Azure-AsyncOperation, Location or nextLink header). The factory records it here; a WeakMap keeps the
// client object untouched and lets it be garbage-collected.
const endpoints = new WeakMap<object, string>();

/** Records the endpoint `client` was created for. Called by `createClient`. */
export function rememberEndpoint(client: Client, endpoint: string): void {
  endpoints.set(client, new URL(endpoint).origin);
}

/** The origin (scheme://host:port) of the endpoint `client` was created for, if it was made by `createClient`. */
export function endpointOf(client: Client): string | undefined {
  return endpoints.get(client);
}
