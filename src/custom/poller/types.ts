import type { AbortSignalLike } from "@azure/abort-controller";
import type { OperationState, OperationStatus, PollerLike } from "@azure/core-lro";
import type { OperationTracingOptions } from "@azure/core-tracing";
import type { RestError } from "@azure/core-rest-pipeline";
import type { DevOpsOperationError } from "../errors/devOpsOperationError.js";
import type { OperationStatusResult } from "./status.js";

// The public shapes follow @azure/core-lro v3 (PollerLike, OperationState) so Azure users feel at home; only its
// TYPES are imported (why its runtime is not used: engine.ts).

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
  /**
   * Status reads in a row that failed (transport error, 408, 429, 5xx — after the pipeline's own retries); 0 after
   * a successful read, and at the start of each pollUntilDone(). The poller gives up once it exceeds
   * `maxTransientErrors`, so a UI can show `retrying (${transientFailures}/${maxTransientErrors})`: onProgress is
   * called after a failed read too.
   */
  transientFailures: number;
  /** The error of the latest failed read while `transientFailures` > 0; removed by the next successful read. */
  lastTransientError?: RestError;
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
   * poller gives up with PollingError "transientErrorsExhausted". Counted per pollUntilDone call. Default 5;
   * 0 = the first failure ends it.
   */
  maxTransientErrors?: number;
  /**
   * Hard bound on polls per pollUntilDone call, so a server that never finishes cannot keep us forever. Default
   * 1,800 (an hour at the 2 s interval); with `timeoutInMs`, as many as the read budget allows within it, so the
   * timeout decides.
   */
  maxPolls?: number;
  /**
   * Read budget: reads the poller may send at once — after a quiet period — even when the server asks for no wait
   * (`Retry-After: 0`) or `intervalInMs` is 0. Each poll takes a token (the one GET of the result right after the
   * last poll does not; a retried one does). Default 5.
   */
  readBurst?: number;
  /** Read budget: tokens refilled per second once the burst is spent, i.e. the most reads per second sustained. Default 1. */
  readsPerSecond?: number;
  /**
   * Origins besides the client's endpoint where status monitors and result URLs may be (regional or private
   * endpoints), such as `"https://westeurope.management.azure.com"`. Requests there carry the client's bearer
   * token, so list only origins you would give it to; any other origin is refused before a request is sent.
   */
  allowedOrigins?: readonly string[];
  /**
   * The origin polling URLs must be on, when the client was not made by `createClient` (which records it).
   * Without either, URLs from headers and tokens cannot be checked and are refused.
   */
  endpoint?: string;
  /**
   * The parent of the span each wait (pollUntilDone, or awaiting the poller) runs in — e.g. your own span's
   * context — and of the request a lone `poll()` sends. Default: the instrumenter's active context.
   */
  tracingOptions?: OperationTracingOptions;
}
