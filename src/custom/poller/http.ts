import type { Client, HttpResponse, RequestParameters } from "@azure-rest/core-client";
import { isRestError } from "@azure/core-rest-pipeline";
import { PollingError } from "../errors/pollingError.js";
import { toRestError } from "../errors/toRestError.js";
import { sharedRead } from "../throttle/readMark.js";
import { headerValue, outcomeOfStatusDocument, readOperationStatusResult, requestedDelayMs } from "./status.js";
import type { PollOutcome, PollRequestOptions } from "./strategy.js";

// The requests the strategies send, shared by all of them. Requests go through `client.pathUnchecked(url).get()`
// so the client's pipeline (auth, retries, logging, TLS options) applies. core-client sends an absolute URL as is,
// and its api-version policy adds the client's api-version only when the URL has none, so a status URL that
// already carries `?api-version=` is not given a second one.

/** The parameters of every GET the strategies send: the one place a per-request option is added. */
function requestParameters(options: PollRequestOptions): RequestParameters {
  // Every poller request is a read under the client's shared read budget (throttle/readMark.ts).
  return sharedRead({
    abortSignal: options.abortSignal,
    tracingOptions: options.tracingOptions, // parents the pipeline's HTTP span on the wait's span
  });
}

type StatusRead =
  | { type: "ok"; response: HttpResponse; status: number; retryAfterMs: number | undefined }
  | Extract<PollOutcome, { type: "transient" }>;

/**
 * Whether an HTTP error says "could not answer now, try again" rather than anything about the operation: ARM's
 * retry guidance names 408, 5xx and any response that carries Retry-After; 429 is throttling.
 */
function isTransient(status: number, retryAfterMs: number | undefined): boolean {
  return status === 408 || status === 429 || status >= 500 || retryAfterMs !== undefined;
}

/**
 * Sends one GET to a status URL and sorts the answer: a response to read (2xx, and the statuses `answers` names —
 * a Location monitor's failure statuses), a transient failure, or a thrown PollingError. A 4xx/5xx from a status
 * monitor is a failure to read the status, never a failed operation (ARM's contract).
 */
export async function readStatus(
  client: Client,
  url: string,
  options: PollRequestOptions,
  answers: (status: number) => boolean = () => false,
): Promise<StatusRead> {
  let response: HttpResponse;
  try {
    response = await client.pathUnchecked(url).get(requestParameters(options));
  } catch (error) {
    if (options.abortSignal.aborted || (error instanceof Error && error.name === "AbortError")) throw error;
    // A RestError without a status code is a transport failure (reset, refused, TLS, timeout); PARSE_ERROR is an
    // unreadable body (a proxy's HTML page). Neither says anything about the operation.
    if (isRestError(error) && (error.statusCode === undefined || error.code === "PARSE_ERROR")) {
      return { type: "transient", error, url, retryAfterMs: undefined };
    }
    throw error;
  }
  const status = Number(response.status);
  const retryAfterMs = requestedDelayMs(response.headers);
  if (is2xx(status)) return { type: "ok", response, status, retryAfterMs };
  if (isTransient(status, retryAfterMs)) return { type: "transient", error: toRestError(response), url, retryAfterMs };
  if (answers(status)) return { type: "ok", response, status, retryAfterMs };
  const cause = toRestError(response);
  if (status === 404) {
    throw new PollingError(
      `The operation status at ${url} was not found (404): the operation is unknown or its record has expired`,
      { reason: "operationNotFound", url, statusCode: 404, cause },
    );
  }
  const redirect = crossOriginRedirect(response);
  if (redirect !== undefined) {
    // The pipeline follows same-origin GET redirects (without the bearer token) and hands cross-origin ones back.
    // The poller does not follow them either: the new origin is not the client's endpoint.
    throw new PollingError(
      `The operation status at ${url} answered ${status}, a redirect to another origin (${redirect}), which would ` +
        `take the bearer token off the client's endpoint`,
      { reason: "untrustedUrl", url, statusCode: status, cause },
    );
  }
  const what = [cause.code, cause.message].filter((part) => part !== undefined && part !== "").join(": ");
  throw new PollingError(`Could not read the operation status at ${url}: HTTP ${status}: ${what}`, {
    reason: "statusReadFailed",
    url,
    statusCode: status,
    cause,
  });
}

/**
 * One poll of a status document (the Azure-AsyncOperation, Operation-Location or operationResults URL): 200 with a
 * string `status`, or 202 with any body (even none) while the operation runs.
 */
export async function pollStatusDocument(
  client: Client,
  url: string,
  options: PollRequestOptions,
): Promise<PollOutcome> {
  const read = await readStatus(client, url, options);
  if (read.type === "transient") return read;
  const doc = readOperationStatusResult(read.response.body);
  if (doc !== undefined) return outcomeOfStatusDocument(doc, url, read.retryAfterMs);
  if (read.status === 202) return { type: "status", status: "running", retryAfterMs: read.retryAfterMs };
  throw new PollingError(`The operation status at ${url} answered ${read.status} without a string "status"`, {
    reason: "invalidStatusResponse",
    url,
    statusCode: read.status,
  });
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

/** The final GET of a result URL (a PUT/PATCH's resource, a POST's Location): its body, or a RestError. */
export async function getResult(client: Client, url: string, options: PollRequestOptions): Promise<unknown> {
  const response = await client.pathUnchecked(url).get(requestParameters(options));
  if (!is2xx(Number(response.status))) throw toRestError(response);
  return response.body;
}

export function is2xx(status: number): boolean {
  return status >= 200 && status < 300;
}
