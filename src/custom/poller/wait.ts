import type { AbortSignalLike } from "@azure/abort-controller";

// Timer and signal helpers for the engine. Only globals every runtime has (setTimeout, AbortController): the
// engine runs in Node, browsers and Deno alike.
//
// The wait timer is NOT unref'd: while a caller awaits the poller, that timer is the only thing keeping a script
// alive, and unref would let `node script.js` exit mid-operation with an unsettled promise. Instead every timer
// and listener is removed the moment polling settles, succeeds, fails or is aborted, so nothing outlives it.

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts; leaves no timer or listener behind. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

/** An AbortController that aborts when any input signal does or after `timeoutMs`; `dispose` unhooks everything. */
export function linkedController(
  signals: ReadonlyArray<AbortSignalLike | undefined>,
  timeout: { ms: number; reason: () => Error } | undefined,
  reasonOf: (signal: AbortSignalLike) => Error,
): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const cleanups: Array<() => void> = [];
  for (const s of signals) {
    if (!s || controller.signal.aborted) continue;
    if (s.aborted) {
      controller.abort(reasonOf(s));
      continue;
    }
    const onAbort = (): void => controller.abort(reasonOf(s));
    s.addEventListener("abort", onAbort, { once: true });
    cleanups.push(() => s.removeEventListener("abort", onAbort));
  }
  if (timeout && !controller.signal.aborted) {
    const timer = setTimeout(() => controller.abort(timeout.reason()), timeout.ms);
    cleanups.push(() => clearTimeout(timer));
  }
  return { signal: controller.signal, dispose: () => cleanups.splice(0).forEach((c) => c()) };
}

/** Rejects with the signal's reason when it aborts; `dispose` removes the listener. Never resolves. */
export function whenAborted(signal: AbortSignal): { promise: Promise<never>; dispose: () => void } {
  let onAbort: () => void = () => {};
  const promise = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason);
    if (signal.aborted) onAbort();
    else signal.addEventListener("abort", onAbort, { once: true });
  });
  // The race that uses this promise may already be settled when the signal fires; nobody else awaits it.
  promise.catch(() => {});
  return { promise, dispose: () => signal.removeEventListener("abort", onAbort) };
}
