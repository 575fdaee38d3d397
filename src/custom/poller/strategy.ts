import type { AbortSignalLike } from "@azure/abort-controller";
import type { OperationTracingOptions } from "@azure/core-tracing";
import type { RestError } from "@azure/core-rest-pipeline";
import type { DevOpsOperationError } from "../errors/devOpsOperationError.js";
import type { ResumeToken } from "./resumeToken.js";
import type { OperationStatusResult, PolledStatus } from "./status.js";

/** What one successful read of the operation's status said: still running, or how it ended. */
export interface StatusOutcome {
  readonly type: "status";
  readonly status: PolledStatus;
  /** The status document read, when there was one; its percentComplete is the progress. */
  readonly operationResult?: OperationStatusResult | undefined;
  /** Set for failed/canceled. */
  readonly error?: DevOpsOperationError | undefined;
  /** The delay the server asked for before the next request, when it sent a usable one. */
  readonly retryAfterMs?: number | undefined;
}

/** A status outcome that ended the operation. */
export type SettledOutcome = StatusOutcome & { readonly status: "succeeded" | "failed" | "canceled" };

/** The status could not be read this time (transport, 408, 429, 5xx); the operation's fate is unknown. */
export interface TransientOutcome {
  readonly type: "transient";
  readonly error: RestError;
  readonly url: string;
  readonly retryAfterMs?: number | undefined;
}

export type PollOutcome = StatusOutcome | TransientOutcome;

/**
 * What every request of one poll() or pollUntilDone() call carries, made by the engine and turned into request
 * parameters in one place (http.ts, `requestParameters`): the call's abort signal, and the tracing context the
 * pipeline parents the request's HTTP span on — the wait's span, or the caller's `tracingOptions`.
 */
export interface PollRequestOptions {
  readonly abortSignal: AbortSignalLike;
  readonly tracingOptions: OperationTracingOptions | undefined;
}

/**
 * The one contract every polling strategy fulfils (one file each: statusMonitor — Azure-AsyncOperation and
 * Operation-Location —, location, body, done, operationResult). Strategies know HTTP; the engine knows only this. No strategy imports
 * another: what they share is in status.ts (reading) and http.ts (requests).
 */
export interface PollingStrategy<TResult> {
  /** Outcome known without a request (the `done` strategy), else undefined. */
  readonly initial?: SettledOutcome | undefined;
  /** The result when already in hand (a 200 that carried the resource), so a done poller needs no request. */
  readonly initialResult?: { readonly value: TResult } | undefined;
  /** Reads the status once (one request). Throws for errors that end polling (404, 401, untrusted URL, ...). */
  poll(options: PollRequestOptions): Promise<PollOutcome>;
  /**
   * The value to resolve with once the operation is terminal: for a success at most one request (the final GET of
   * a PUT/PATCH or of a POST's Location, unless the last response already was the result); for a failure (only
   * asked with resolveOnUnsuccessful) never a request.
   */
  result(final: SettledOutcome, options: PollRequestOptions): Promise<TResult>;
  /** The strategy's state for serialize(): only URLs on trusted origins and the method, never headers or bodies. */
  token(): ResumeToken;
}
