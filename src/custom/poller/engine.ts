import { AbortError, type AbortSignalLike } from "@azure/abort-controller";
import type { OperationTracingOptions } from "@azure/core-tracing";
import { createAbortablePromise, delay } from "@azure/core-util";
import { PollingError } from "../errors/pollingError.js";
import { readBudgetOf, type NormalizedPollerOptions } from "./options.js";
import { encodeResumeToken } from "./resumeToken.js";
import type { PollingStrategy, PollRequestOptions, SettledOutcome, StatusOutcome, TransientOutcome } from "./strategy.js";
import type { DevOpsOperationState, DevOpsPoller } from "./types.js";
import { linkedController } from "./wait.js";
import { traceWait } from "./waitSpan.js";

// The poll loop: waiting, the read budget, abort, timeout, progress, serialize, the transient-error budget and the
// span of each wait (waitSpan.ts). It knows nothing of HTTP — strategies turn responses into outcomes, and get from
// the engine only what each request carries (PollRequestOptions).
//
// Why by hand rather than on @azure/core-lro's createPoller (the one place this is said; types.ts and
// retry-after.ts link here): its loop (v3.3) skips a Retry-After of 0 (`if (intervalInMs)`) and the initial
// response's Retry-After, rejects on the first 503 or connection reset mid-poll, has no overall timeout and no
// bound on reads, matches status words by substring ("FailedOver" fails an operation), and serializes its own
// untyped state. Only its types are used (types.ts), so its runtime stays out of the bundle.

export interface EngineInit<TResult> {
  strategy: PollingStrategy<TResult>;
  options: NormalizedPollerOptions;
  /** Wait before the first poll: the initial response's Retry-After, else the interval; 0 when resuming. */
  firstDelayMs: number;
  /** The name of each wait's span (waitSpan.ts). */
  spanName: string;
}

export function createPoller<TResult>({ strategy, options, firstDelayMs, spanName }: EngineInit<TResult>): DevOpsPoller<TResult> {
  // Paces this poller's own status reads (options.ts: readBurst, readsPerSecond). The client's shared read budget
  // per subscription (throttle/) is a pipeline policy, applied to these reads as they are sent.
  const readBudget = readBudgetOf(options);
  const state: DevOpsOperationState<TResult> = { status: "running", transientFailures: 0 };
  const handlers = new Map<symbol, (s: DevOpsOperationState<TResult>) => void>();
  let nextDelayMs = firstDelayMs;
  // Success seen but the final value not yet fetched (the final GET failed, or a restored "done" token).
  let pendingSuccess: SettledOutcome | undefined;
  let inFlight: Promise<void> | undefined;
  let untilDone: Promise<TResult> | undefined;
  // Status reads sent so far, for the polls a wait's span reports.
  let pollsSent = 0;

  const isDone = (): boolean => state.status === "succeeded" || state.status === "failed" || state.status === "canceled";
  // Each callback gets its own frozen copy, so a list of progress states shows every step, not the last one N times.
  const snapshot = (): DevOpsOperationState<TResult> => Object.freeze({ ...state });
  const emit = (): void => {
    const s = snapshot();
    for (const handler of [...handlers.values()]) handler(s);
  };

  function record(outcome: StatusOutcome): void {
    nextDelayMs = outcome.retryAfterMs ?? options.intervalInMs;
    if (outcome.operationResult !== undefined) state.operationResult = outcome.operationResult;
    const percent = outcome.operationResult?.percentComplete;
    if (percent !== undefined) state.percentComplete = percent;
  }

  async function succeed(outcome: SettledOutcome, request: PollRequestOptions): Promise<void> {
    pendingSuccess = outcome;
    state.result = await strategy.result(outcome, request);
    pendingSuccess = undefined;
    state.status = "succeeded";
    emit();
  }

  // ARM: a failed status read is not a failed operation. Keep polling, but only so many times in a row.
  function recordTransient(outcome: TransientOutcome): void {
    nextDelayMs = outcome.retryAfterMs ?? options.intervalInMs;
    state.transientFailures += 1;
    state.lastTransientError = outcome.error;
    if (state.transientFailures > options.maxTransientErrors) {
      throw new PollingError(
        `Could not read the operation status at ${outcome.url}: ${state.transientFailures} polls in a row failed ` +
          `(options.maxTransientErrors is ${options.maxTransientErrors}); last error: ${outcome.error.message}`,
        {
          reason: "transientErrorsExhausted",
          url: outcome.url,
          statusCode: outcome.error.statusCode,
          attempts: state.transientFailures,
          cause: outcome.error,
        },
      );
    }
    emit(); // so a UI can say "retrying (2/5)"
  }

  async function step(request: PollRequestOptions): Promise<void> {
    await takeReadToken(request.abortSignal);
    if (pendingSuccess) return succeed(pendingSuccess, request);
    pollsSent += 1;
    const outcome = await strategy.poll(request);
    if (outcome.type === "transient") return recordTransient(outcome);
    state.transientFailures = 0;
    delete state.lastTransientError;
    record(outcome);
    if (outcome.status === "running") return emit();
    const settled = outcome as SettledOutcome;
    if (settled.status === "succeeded") return succeed(settled, request);
    state.error = settled.error;
    if (options.resolveOnUnsuccessful) state.result = await strategy.result(settled, request);
    state.status = settled.status;
    emit();
  }

  // The read budget: a Retry-After of 0 (or intervalInMs 0) may use the burst, never more than the sustained rate.
  async function takeReadToken(signal: AbortSignalLike): Promise<void> {
    const reservation = readBudget.reserve();
    if (reservation.delayMs <= 0) return;
    try {
      await delay(reservation.delayMs, { abortSignal: signal });
    } catch (e) {
      reservation.cancel();
      throw e;
    }
  }

  // One step at a time, even when poll() and pollUntilDone() are called together.
  const runStep = (request: PollRequestOptions): Promise<void> => (inFlight ??= step(request).finally(() => (inFlight = undefined)));

  /** Runs `work` under the creation-time signal, `extra` and (for pollUntilDone) the timeout; cleans up after. */
  async function guarded<T>(extra: AbortSignalLike | undefined, withTimeout: boolean, work: (s: AbortSignal) => Promise<T>): Promise<T> {
    const ms = options.timeoutInMs;
    const link = linkedController(
      [options.abortSignal, extra],
      withTimeout && ms !== undefined ? { ms, reason: () => new AbortError(`Polling timed out after ${ms} ms (options.timeoutInMs)`) } : undefined,
      () => new AbortError("Polling was aborted by the abortSignal"),
    );
    // Rejects when the signal aborts; settled (which removes its listener) once the race is over.
    let settle = (): void => {};
    const aborted = createAbortablePromise<never>((resolve) => (settle = resolve as () => void), { abortSignal: link.signal });
    try {
      // The race makes abort prompt even if a request is slow to notice its signal.
      return await Promise.race([work(link.signal), aborted]);
    } catch (e) {
      // Report our AbortError (which names the cause) rather than the pipeline's or core-util's generic one.
      throw link.signal.aborted ? link.signal.reason : e;
    } finally {
      settle();
      link.dispose();
    }
  }

  /** One pollUntilDone(): polls until done, within maxPolls; its requests carry `tracingOptions`. */
  function wait(extra: AbortSignalLike | undefined, tracingOptions: OperationTracingOptions | undefined): Promise<TResult> {
    return guarded(extra, true, async (abortSignal) => {
      // Each wait has its own transient-error budget: a second pollUntilDone() after an outage starts afresh.
      state.transientFailures = 0;
      for (let polls = 0; !isDone(); polls++) {
        if (polls >= options.maxPolls) {
          throw new PollingError(`The operation did not finish within ${options.maxPolls} polls (options.maxPolls)`, {
            reason: "pollLimitReached",
          });
        }
        await delay(nextDelayMs, { abortSignal });
        await runStep({ abortSignal, tracingOptions });
      }
      return outcomeOrThrow();
    });
  }

  /** A wait in a span of its own (waitSpan.ts), unless the poller is done and there is nothing to wait for. */
  function tracedWait(extra: AbortSignalLike | undefined): Promise<TResult> {
    if (isDone()) return wait(extra, options.tracingOptions);
    const pollsBefore = pollsSent;
    const inSpan = (tracingOptions: OperationTracingOptions) => wait(extra, tracingOptions);
    const summary = () => ({ token: strategy.token(), state, polls: pollsSent - pollsBefore });
    return traceWait(spanName, strategy.token().kind, options.tracingOptions, inSpan, summary);
  }

  function outcomeOrThrow(): TResult {
    if (state.status !== "succeeded" && !options.resolveOnUnsuccessful && state.error) throw state.error;
    return state.result as TResult;
  }

  if (strategy.initial) {
    record(strategy.initial);
    if (strategy.initial.status === "succeeded") {
      if (strategy.initialResult) {
        state.result = strategy.initialResult.value;
        state.status = "succeeded";
      } else pendingSuccess = strategy.initial;
    } else {
      state.error = strategy.initial.error;
      state.status = strategy.initial.status;
    }
  }

  const poller: DevOpsPoller<TResult> = {
    get isDone() {
      return isDone();
    },
    get operationState() {
      return snapshot();
    },
    get result() {
      return state.result;
    },
    async poll(pollOptions) {
      const tracingOptions = options.tracingOptions; // no span of its own: see waitSpan.ts
      if (!isDone()) await guarded(pollOptions?.abortSignal, false, (abortSignal) => runStep({ abortSignal, tracingOptions }));
      outcomeOrThrow();
      return snapshot();
    },
    pollUntilDone(pollOptions) {
      untilDone ??= tracedWait(pollOptions?.abortSignal).finally(() => (untilDone = undefined));
      return untilDone;
    },
    onProgress(callback) {
      const key = Symbol();
      handlers.set(key, callback);
      return () => void handlers.delete(key);
    },
    serialize: async () => encodeResumeToken(strategy.token()),
    submitted: async () => {},
    then: (onFulfilled, onRejected) => poller.pollUntilDone().then(onFulfilled, onRejected),
    catch: (onRejected) => poller.pollUntilDone().catch(onRejected),
    finally: (onFinally) => poller.pollUntilDone().finally(onFinally),
    [Symbol.toStringTag]: "Poller",
  };
  return poller;
}
