import type { SecurityDevOpsClient } from "../../generated/clientDefinitions.js";
import { isAbortError, isPollingError } from "../../custom/errors/guards.js";
import { pollOperationResult } from "../../custom/poller/pollOperationResult.js";
import { classifyStatus } from "../../custom/poller/status.js";
import type { RunCommand } from "../args.js";
import { ExitCode } from "../exitCodes.js";
import { describeCause, describeExhaustedRetries } from "../failure.js";
import type { Io } from "../io.js";
import { formatJson, formatOperationResult } from "../output.js";
import { formatElapsed, ProgressReporter } from "../progressBar.js";

/**
 * `wait`: polls until the operation is terminal, drawing progress on stderr (none with --json), then prints the
 * final result. Failed/Canceled is an answer, not an exception here (resolveOnUnsuccessful), so the final
 * document — error included — is printed the same way as a success.
 */
export async function runWait(client: SecurityDevOpsClient, cmd: RunCommand, io: Io, interrupt?: AbortSignal): Promise<ExitCode> {
  const target = cmd.target.kind === "url" ? cmd.target.url : cmd.target;
  const poller = pollOperationResult(client, target, {
    resolveOnUnsuccessful: true,
    timeoutInMs: cmd.timeoutMs,
    intervalInMs: cmd.intervalMs,
    maxTransientErrors: cmd.maxTransientErrors,
    abortSignal: interrupt,
  });
  const progress = cmd.json ? undefined : new ProgressReporter(io.progress);
  let failuresShown = 0;
  poller.onProgress((state) => {
    // A failed status read is retried within --max-transient-errors; say so, so a slow wait is not a silent one.
    if (state.transientFailures > failuresShown) {
      const retry = `retrying (${state.transientFailures}/${cmd.maxTransientErrors}): ${describeCause(state.lastTransientError)}`;
      if (progress) progress.note(retry);
      else io.err(retry);
    }
    failuresShown = state.transientFailures;
    if (state.transientFailures > 0) return;
    progress?.update({ status: state.operationResult?.status ?? state.status, percentComplete: state.percentComplete });
  });
  let result;
  try {
    result = await poller.pollUntilDone();
  } catch (error) {
    progress?.finish();
    const state = poller.operationState;
    const percent = state?.percentComplete === undefined ? "" : ` at ${state.percentComplete}%`;
    const last = state?.operationResult ? `${state.operationResult.status}${percent}` : "not yet read";
    if (isPollingError(error, "transientErrorsExhausted")) {
      for (const line of describeExhaustedRetries(error, cmd.maxTransientErrors, last)) io.err(line);
      return ExitCode.transport;
    }
    if (!isAbortError(error)) throw error;
    if (interrupt?.aborted) {
      io.err(`Interrupted (last status: ${last}). The operation continues on the service.`);
      return ExitCode.interrupted;
    }
    io.err(`Timed out after ${formatElapsed(cmd.timeoutMs ?? 0)} (--timeout); last status: ${last}. The operation may still finish.`);
    return ExitCode.timeout;
  }
  progress?.finish();
  io.out(cmd.json ? formatJson(result) : formatOperationResult(result));
  const status = classifyStatus(result.status);
  return status === "succeeded" ? ExitCode.ok : ExitCode.operationFailed;
}
