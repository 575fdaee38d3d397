import type { AbortSignalLike } from "@azure/abort-controller";
import type { Client, HttpResponse } from "@azure-rest/core-client";
import { isRestError } from "@azure/core-rest-pipeline";
import { PollingError } from "../errors/pollingError.js";
import { headerValue, toRestError } from "../errors/toRestError.js";
import { parseRetryAfter } from "../retry-after.js";

// The HTTP side shared by the strategies. Requests go through `client.pathUnchecked(url).get()` so the client's
// pipeline (auth, retries, logging, TLS options) applies. core-client sends an absolute URL as is, and its
// api-version policy adds the client's api-version only when the URL has none, so a status URL that already
// carries `?api-version=` is not given a second one.

export type StatusRead =
  | { type: "ok"; response: HttpResponse; retryAfterMs: number | undefined }
  | { type: "transient"; error: unknown; url: string; retryAfterMs: number | undefined };

/** Statuses ARM documents as "could not read the status, try again" rather than an answer about the operation. */
export function isTransientStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/** Sends one GET to a status URL and sorts the answer: a response to read, a transient failure, or a thrown error. */
export async function readStatus(client: Client, url: string, signal: AbortSignalLike, okStatuses?: (s: number) => boolean): Promise<StatusRead> {
  let response: HttpResponse;
  try {
    response = await client.pathUnchecked(url).get({ abortSignal: signal });
  } catch (error) {
    if (signal.aborted || (error instanceof Error && error.name === "AbortError")) throw error;
    // A RestError without a status code is a transport failure (reset, refused, TLS, timeout); PARSE_ERROR is an
    // unreadable body (a proxy's HTML page). Neither says anything about the operation.
    if (isRestError(error) && (error.statusCode === undefined || error.code === "PARSE_ERROR")) {
      return { type: "transient", error, url, retryAfterMs: undefined };
    }
    throw error;
  }
  const status = Number(response.status);
  const retryAfterMs = parseRetryAfter(headerValue(response.headers, "retry-after"));
  if ((okStatuses ?? is2xx)(status)) return { type: "ok", response, retryAfterMs };
  if (status === 404) {
    throw new PollingError(
      `The operation status at ${url} was not found (404): the operation is unknown or its record has expired`,
      { reason: "operationNotFound", url, statusCode: 404, cause: toRestError(response) },
    );
  }
  if (isTransientStatus(status)) return { type: "transient", error: toRestError(response), url, retryAfterMs };
  const redirect = crossOriginRedirect(response);
  if (redirect !== undefined) {
    // The pipeline follows same-origin GET redirects (without the bearer token) and hands cross-origin ones back.
    // The poller does not follow them either: the new origin is not the client's endpoint.
    throw new PollingError(
      `The operation status at ${url} answered ${status}, a redirect to another origin (${redirect}), which would ` +
        `take the bearer token off the client's endpoint`,
      { reason: "untrustedUrl", url, statusCode: status, cause: toRestError(response) },
    );
  }
  throw toRestError(response);
}

/** The origin a 3xx response redirects to, when it is not the request's own. */
function crossOriginRedirect(response: HttpResponse): string | undefined {
  const status = Number(response.status);
  const location = headerValue(response.headers, "location");
  if (status < 300 || status >= 400 || !location) return undefined;
  try {
    const target = new URL(location, response.request.url).origin;
    return target === new URL(response.request.url).origin ? undefined : target;
  } catch {
    return undefined;
  }
}

/** The final GET of a PUT/PATCH's original URL: the resource body, or a RestError for any non-2xx. */
export async function getResource(client: Client, url: string, signal: AbortSignalLike): Promise<unknown> {
  const response = await client.pathUnchecked(url).get({ abortSignal: signal });
  if (!is2xx(Number(response.status))) throw toRestError(response);
  return response.body;
}

export function is2xx(status: number): boolean {
  return status >= 200 && status < 300;
}

/** Whether the operation's final value is the resource at the original URL (PUT/PATCH) or nothing (DELETE, POST). */
export function needsFinalGet(method: string): boolean {
  return method === "PUT" || method === "PATCH";
}
