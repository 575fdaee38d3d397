import type { AbortSignalLike } from "@azure/abort-controller";
import type { OperationStatus } from "@azure/core-lro";
import type { DevOpsOperationError } from "../errors/devOpsOperationError.js";
import type { ResumeToken } from "./resumeToken.js";
import type { OperationStatusResult } from "./status.js";

/** What one read of the operation's status told us. */
export type PollOutcome =
  | {
      readonly type: "status";
      readonly status: Exclude<OperationStatus, "notStarted">;
      readonly operationResult?: OperationStatusResult | undefined;
      readonly percentComplete?: number | undefined;
      /** Set for failed/canceled. */
      readonly error?: DevOpsOperationError | undefined;
      /** The server's Retry-After, when it sent a usable one. */
      readonly retryAfterMs?: number | undefined;
    }
  /** The status could not be read this time (transport, 408, 429, 5xx); the operation's fate is unknown. */
  | { readonly type: "transient"; readonly error: unknown; readonly url: string; readonly retryAfterMs?: number | undefined };

/**
 * The one contract every polling strategy (azureAsyncOperation, location, operationResult, done) fulfils.
 * Strategies know HTTP; the engine knows only this.
 */
export interface PollingStrategy<TResult> {
  /** Outcome known without a request (the `done` strategy), else undefined. */
  readonly initial?: (PollOutcome & { type: "status" }) | undefined;
  /** The result when already in hand (a 200 that carried the resource), so a done poller needs no request. */
  readonly initialResult?: { readonly value: TResult } | undefined;
  /** Reads the status once (one request). Throws for errors that end polling (404, 401, untrusted URL, ...). */
  poll(signal: AbortSignalLike): Promise<PollOutcome>;
  /**
   * The value to resolve with once the operation is terminal: for a success at most one request (the final GET of
   * a PUT/PATCH); for a failure (only asked with resolveOnUnsuccessful) never a request.
   */
  result(final: PollOutcome & { type: "status" }, signal: AbortSignalLike): Promise<TResult>;
  /** The strategy's state for serialize(): only URLs on the client's origin and status, never headers or bodies. */
  token(): ResumeToken;
}
