/**
 * Why a poller gave up without learning the operation's outcome:
 * - `operationNotFound`: the status URL answered 404 — the operation is unknown or its record expired.
 * - `transientErrorsExhausted`: too many polls in a row failed in transport or with 408/429/5xx; `cause` is the last.
 * - `invalidStatusResponse`: a 2xx status response without a string `status`.
 * - `untrustedUrl`: a polling or resource URL (header or resume token) on another origin than the client's
 *   endpoint, or the origin could not be checked; refused before any request so the bearer token never leaves.
 * - `noPollingUrl`: a 201/202 with neither Azure-AsyncOperation nor Location, so there is nothing to poll.
 * - `pollLimitReached`: the hard cap on polls per pollUntilDone call was reached (the server never finished).
 */
export type PollingErrorReason =
  | "operationNotFound"
  | "transientErrorsExhausted"
  | "invalidStatusResponse"
  | "untrustedUrl"
  | "noPollingUrl"
  | "pollLimitReached";

export interface PollingErrorInit {
  reason: PollingErrorReason;
  /** The URL concerned (the status URL, or the refused one). */
  url?: string | undefined;
  statusCode?: number | undefined;
  /** Consecutive failed polls when the error was raised (transientErrorsExhausted). */
  attempts?: number | undefined;
  cause?: unknown;
}

/** The poller could not read the operation's status; the operation itself may still be running or done. */
export class PollingError<R extends PollingErrorReason = PollingErrorReason> extends Error {
  override readonly name = "PollingError" as const;
  readonly reason!: R;
  readonly url: string | undefined;
  readonly statusCode: number | undefined;
  readonly attempts: number | undefined;

  constructor(message: string, init: PollingErrorInit & { reason: R }) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    const { reason, url, statusCode, attempts } = init;
    // One assignment for the four fields (the definite-assignment `!` above): this class is in every bundle.
    Object.assign(this, { reason, url, statusCode, attempts });
  }
}
