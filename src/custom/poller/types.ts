import type { AbortSignalLike } from "@azure/abort-controller";
import type { OperationState, OperationStatus, PollerLike } from "@azure/core-lro";
import type { DevOpsOperationError } from "../errors/devOpsOperationError.js";
import type { OperationStatusResult } from "./status.js";

// The public shapes follow @azure/core-lro v3 (PollerLike, OperationState) so Azure users feel at home, but only
// its TYPES are imported: its runtime would add to the browser bundle and does not do what this poller must
// (it drops `Retry-After: 0` and the initial response's Retry-After, fails on one 503 mid-poll, has no overall
// timeout, no progress percentage, and flattens errors). See engine.ts.

export type { OperationStatus };

/** The poller's view of the operation after the latest poll. */
export interface DevOpsOperationState<TResult> extends OperationState<TResult> {
  /** notStarted | running | succeeded | failed | canceled. */
  status: OperationStatus;
  /** 0..100 from the latest OperationStatusResult, when the service sent one. */
  percentComplete?: number;
  /** The latest OperationStatusResult as received, nested `operations` included. */
  operationResult?: OperationStatusResult;
  /** Set when the operation ended Failed or Canceled. */
  error?: DevOpsOperationError;
  result?: TResult;
}

/**
 * A poller shaped like core-lro v3's PollerLike. Note: it is a thenable — `await poller` (or `.then`) STARTS
 * polling until done; nothing is sent before that or before `poll()`.
 */
export interface DevOpsPoller<TResult> extends PollerLike<DevOpsOperationState<TResult>, TResult> {
  /** Never undefined here: every poller is created already submitted (a snapshot; it does not change later). */
  readonly operationState: DevOpsOperationState<TResult>;
}

export interface PollerOptions {
  /** Wait between polls when the server sends no usable Retry-After. Default 2000 ms (DEFAULT_POLL_INTERVAL_MS). */
  intervalInMs?: number;
  /** Stops polling and rejects with an AbortError; combined with pollUntilDone's own abortSignal. */
  abortSignal?: AbortSignalLike;
  /** Overall bound for one pollUntilDone call (waits and requests); rejects with an AbortError. Default: none. */
  timeoutInMs?: number;
  /** Resolve instead of rejecting when the operation ends Failed/Canceled (state.error still holds the error). */
  resolveOnUnsuccessful?: boolean;
  /** A string from `serialize()` of an earlier poller, possibly in another process or runtime. */
  restoreFrom?: string;
  /**
   * Polls in a row that may fail (transport error, 408, 429, 5xx — after the pipeline's own retries) before the
   * poller gives up with PollingError "transientErrorsExhausted". Default 5; 0 = the first failure ends it.
   */
  maxTransientErrors?: number;
  /** Hard bound on polls per pollUntilDone call, so a server that never finishes cannot keep us forever. Default 10000. */
  maxPolls?: number;
  /**
   * The origin polling URLs must be on, when the client was not made by `createClient` (which records it).
   * Without either, URLs from headers and tokens cannot be checked and are refused.
   */
  endpoint?: string;
}
