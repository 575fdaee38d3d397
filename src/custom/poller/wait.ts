import type { AbortSignalLike } from "@azure/abort-controller";

// Timer and signal helpers for the engine. Only globals every runtime has (setTimeout, AbortController): the
// engine runs in Node, browsers and Deno alike. The wait between polls and the abort race use @azure/core-util's
// delay and createAbortablePromise, which core-rest-pipeline already puts in every bundle; they reject with their
// own AbortError, which the engine replaces by the linked signal's reason (the one that names the cause).
//
// The wait timer is NOT unref'd: while a caller awaits the poller, that timer is the only thing keeping a script
// alive, and unref would let `node script.js` exit mid-operation with an unsettled promise. Instead every timer
// and listener is removed the moment polling settles, succeeds, fails or is aborted, so nothing outlives it.

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
