import type { OperationTracingOptions } from "@azure/core-tracing";
import { longRunningOperationIds } from "../../generated/operationIds.js";
import { endSpan, operationIdOf, setAttributes, tracingClient } from "../tracing.js";
import type { ResumeToken, ResumeTokenKind } from "./resumeToken.js";
import { operationResultIdOf } from "./status.js";
import type { DevOpsOperationState } from "./types.js";

// One span per wait (pollUntilDone(), or awaiting the poller): a long-running operation is one thing to its user,
// so its polls and final GET are the children of one span instead of scattered HTTP spans. The span starts with the
// wait (the first delay included) and ends when it settles; its parent is the caller's `tracingOptions`, else the
// instrumenter's active context. A poller already done waits for nothing and makes no span; `poll()` makes none
// either — a caller driving poll() owns the loop, and its request is parented on the caller's context.
//
// The name: `DevOpsOperationResults.wait` for pollOperationResult; for getLongRunningPoller the operationId of the
// initial request's method and URL + `.wait` (`DevOpsConfigurations_CreateOrUpdate.wait`), read from the strategy's
// state so a resumed poller is named as the one that wrote the token, and `LongRunningOperation.wait` for a URL
// that is no long-running operation of the API. The name comes from the small generated table of the long-running
// operations (operationIds.ts), never the table of every operation; each entry point passes its name, so an app
// using only pollOperationResult bundles neither.

/** What the span reports once the wait has settled. */
interface WaitSummary {
  /** The strategy's state at the end (its status URL may have moved). */
  token: ResumeToken;
  state: DevOpsOperationState<unknown>;
  /** Status reads sent during the wait (the final GET is not one). */
  polls: number;
}

export const OPERATION_RESULT_SPAN = "DevOpsOperationResults.wait";

/** The span name of a getLongRunningPoller wait, from its strategy's state. */
export function longRunningSpanName(token: ResumeToken): string {
  const operationId =
    token.kind === "operation-result"
      ? undefined
      : operationIdOf(longRunningOperationIds, token.method, token.resourceUrl);
  return `${operationId ?? "LongRunningOperation"}.wait`;
}

/**
 * Runs `wait` inside the span of one wait, giving it the tracing options its requests carry, and ends the span with
 * what `summary` reports: error status when the wait rejects, and when it resolves with a failed or canceled
 * operation (resolveOnUnsuccessful), since the operation did not succeed.
 */
export async function traceWait<T>(
  name: string,
  kind: ResumeTokenKind,
  parent: OperationTracingOptions | undefined,
  wait: (tracingOptions: OperationTracingOptions) => Promise<T>,
  summary: () => WaitSummary,
): Promise<T> {
  const { span, updatedOptions } = tracingClient.startSpan(
    name,
    { tracingOptions: parent },
    { spanKind: "internal", spanAttributes: { "lro.kind": kind } },
  );
  const { tracingOptions } = updatedOptions;
  let failure: { error: unknown } | undefined;
  try {
    // The active context too, as core-tracing's withSpan does: what runs in the wait (onProgress) sees the span.
    return await tracingClient.withContext(tracingOptions.tracingContext, () => wait(tracingOptions));
  } catch (error) {
    failure = { error };
    throw error;
  } finally {
    const { token: last, state, polls } = summary();
    failure ??= state.error === undefined ? undefined : { error: state.error };
    setAttributes(span, {
      "lro.operation_result_id": "url" in last ? operationResultIdOf(last.url) : undefined,
      "lro.polls": polls,
      "lro.status": state.status,
      "lro.percent_complete": state.percentComplete,
      "lro.error_code": failure === undefined ? undefined : errorCodeOf(failure.error),
    });
    endSpan(span, failure);
  }
}

/**
 * The code of the failure: a DevOpsOperationError's ARM code, a RestError's (the ARM code of a failed final GET, or
 * the transport's), or that of the RestError behind a PollingError (a 403's AuthorizationFailed).
 */
function errorCodeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === "string" && code !== "") return code;
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  return typeof cause === "string" && cause !== "" ? cause : undefined;
}
