/**
 * Why a poller gave up without learning the operation's outcome:
 * - `operationNotFound`: the status URL (or, when the resource itself is polled, the resource) answered 404 — the
 *   operation is unknown or its record expired.
 * - `statusReadFailed`: the status URL answered an HTTP error that polling again would not fix (401, 403, 400, …);
 *   ARM's contract: a 4xx/5xx from a status monitor is a failure to read the status, not a failed operation.
 * - `transientErrorsExhausted`: too many polls in a row failed in transport or with 408/429/5xx; `cause` is the last.
 * - `invalidStatusResponse`: a 2xx status response without a string `status` (for the pollers, any 2xx but 202,
 *   which means still running).
 * - `untrustedUrl`: a polling or resource URL (header or resume token) on an origin the caller did not trust, or the
 *   origin could not be checked; refused before any request so the bearer token never leaves.
 * - `noPollingUrl`: a DELETE or POST answered 202 without the header ARM requires (a POST needs `Location`, where
 *   its result is read), so there is nothing to poll.
 * - `pollLimitReached`: the hard cap on polls per pollUntilDone call was reached (the server never finished).
 */
export type PollingErrorReason =
  | "operationNotFound"
  | "statusReadFailed"
  | "transientErrorsExhausted"
  | "invalidStatusResponse"
  | "untrustedUrl"
  | "noPollingUrl"
  | "pollLimitReached";

export interface PollingErrorInit {
  reason: PollingErrorReason;
  /** The URL concerned (the status URL, or the refused one). */
  url?: string | undefined;
  /** The HTTP status that caused the error, when one did. */
  statusCode?: number | undefined;
  /** Consecutive failed polls when the error was raised (transientErrorsExhausted). */
  attempts?: number | undefined;
  cause?: unknown;
}

/** The poller could not read the operation's status; the operation itself may still be running or done. */
export class PollingError<R extends PollingErrorReason = PollingErrorReason> extends Error {
  override readonly name = "PollingError" as const;
  readonly reason: R;
  readonly url: string | undefined;
  /** The HTTP status that caused the error (404, 403, the last 503, …); undefined for transport and setup errors. */
  readonly statusCode: number | undefined;
  readonly attempts: number | undefined;

  constructor(message: string, init: PollingErrorInit & { reason: R }) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.reason = init.reason;
    this.url = init.url;
    this.statusCode = init.statusCode;
    this.attempts = init.attempts;
  }
}
