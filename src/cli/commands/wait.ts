import type { SecurityDevOpsClient } from "../../generated/clientDefinitions.js";
import { isAbortError, isPollingError } from "../../custom/errors/guards.js";
import { pollOperationResult } from "../../custom/poller/pollOperationResult.js";
import { classifyStatus } from "../../custom/poller/status.js";
import { readBudgetState, type ReadScopeState } from "../../custom/throttle/budgetState.js";
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
  // Beside the bar (or one line on a pipe) while reads are held back; with --json, one line on stderr per hold.
  const watch = watchThrottling(client, (hold, began) => {
    if (progress) progress.hold(progress.interactive ? hold?.beside : hold?.line);
    else if (began && hold !== undefined) io.err(hold.line);
  });
  let result;
  try {
    result = await poller.pollUntilDone();
  } catch (error) {
    watch.stop();
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
  watch.stop();
  progress?.finish();
  io.out(cmd.json ? formatJson(result) : formatOperationResult(result));
  const status = classifyStatus(result.status);
  return status === "succeeded" ? ExitCode.ok : ExitCode.operationFailed;
}

// Holding back for throttling: the client's read budget (readBudgetState) is checked a few times a second, and a
// hold long enough to notice is said — after a 429 (ARM paused the subscription's reads) or when the budget ARM
// reports is spent (other tools are reading from the same subscription). Shorter holds pass unsaid.
const WATCH_EVERY_MS = 250;
const WORTH_SAYING_MS = 500;

/** A hold, said two ways: a line of its own (pipes, --json), and short enough to sit beside the bar. */
interface Hold {
  line: string;
  beside: string;
}

/**
 * Calls `say` with the hold (its countdown updated) while reads are held back, `began` on the first call of each
 * hold, and once with undefined when the hold is over.
 */
function watchThrottling(client: SecurityDevOpsClient, say: (hold: Hold | undefined, began: boolean) => void): { stop(): void } {
  let holding = false;
  const timer = setInterval(() => {
    const now = Date.now();
    const hold = readBudgetState(client)?.scopes.map((scope) => describeHold(scope, now)).find((h) => h !== undefined);
    if (hold === undefined && !holding) return;
    const began = hold !== undefined && !holding;
    holding = hold !== undefined;
    say(hold, began);
  }, WATCH_EVERY_MS);
  return { stop: () => clearInterval(timer) };
}

/** What holds a scope's reads back now, if it is long enough to say. */
function describeHold(scope: ReadScopeState, now: number): Hold | undefined {
  const whose = scope.subscriptionId === undefined ? "the tenant" : `subscription ${scope.subscriptionId}`;
  const pausedMs = (scope.pausedUntil ?? now) - now;
  if (pausedMs >= WORTH_SAYING_MS) {
    const resume = `reads resume in ${formatElapsed(pausedMs)}`;
    return { line: `holding back: ARM throttled reads of ${whose} (429); ${resume}`, beside: `throttled (429): ${resume}` };
  }
  const nextMs = scope.nextReadInMs ?? 0;
  if (scope.waiting > 0 && nextMs >= WORTH_SAYING_MS) {
    const left = scope.reportedRemaining === undefined ? "" : ` (ARM reports ${scope.reportedRemaining} left)`;
    const next = `next read in ${formatElapsed(nextMs)}`;
    return { line: `holding back: the read budget of ${whose} is spent${left}; ${next}`, beside: `read budget spent: ${next}` };
  }
  return undefined;
}
