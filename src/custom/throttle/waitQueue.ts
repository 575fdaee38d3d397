import type { AbortSignalLike } from "@azure/abort-controller";
import { createAbortablePromise } from "@azure/core-util";

// Requests waiting for their turn, in the order they came, let through by a gate: the bound on requests in flight
// (throttle/requestSlots.ts), which opens when a request ends, or the shared read budget's bucket
// (throttle/scopeBudget.ts), which also opens with time. The owner wakes the queue when its gate changed (a request
// ended, a 429 paused the bucket, the service reported fewer reads left), and the waiters go one at a time in order —
// never all at the instant a pause ends. A gate that opens with time gets a TimedWaitQueue: one timer per queue,
// armed for the moment the gate says it opens, rather than one per waiter; it re-arms once per change, whatever the
// queue's length.
//
// @azure/core-util's createAbortablePromise gives each waiter its abort (the AbortError, the listener added and
// removed); the FIFO gate is ours, because neither core-util nor core-rest-pipeline has one.

/** What lets the queue's waiters through. */
export interface Gate {
  /** Takes the right for one request to go now; false (taking nothing) when it must wait. */
  tryTake(): boolean;
}

/** A gate that also opens with time. */
export interface TimedGate extends Gate {
  /** Milliseconds until `tryTake` may succeed; Infinity when only an event (a wake() call) can open it. */
  msUntilOpen(): number;
}

export class WaitQueue {
  /** The waiters' resolve functions, in the order they came. */
  private readonly waiters = new Set<() => void>();

  constructor(
    private readonly gate: Gate,
    /** Says what was being waited for, in the AbortError of a waiter whose signal aborts. */
    private readonly what: string,
  ) {}

  /** Requests waiting now. */
  get size(): number {
    return this.waiters.size;
  }

  /**
   * Resolves when the gate lets this request through, after everyone who came before it. Rejects at once with an
   * AbortError when `signal` aborts first; its place goes to the next waiter.
   */
  enter(signal: AbortSignalLike | undefined): Promise<void> {
    if (!signal?.aborted && this.waiters.size === 0 && this.gate.tryTake()) return Promise.resolve();
    let go = (): void => {};
    const entered = createAbortablePromise<void>(
      (resolve) => {
        go = resolve;
        this.waiters.add(go);
      },
      {
        abortSignal: signal,
        abortErrorMsg: `The request was aborted while waiting for ${this.what}`,
        cleanupBeforeAbort: () => {
          this.waiters.delete(go);
          this.changed();
        },
      },
    );
    // Only now, with core-util's abort listener attached (after the callback above), may the waiter be let through:
    // letting it go removes that listener. Not when the signal had aborted already (nothing was queued).
    if (this.waiters.has(go)) this.wake();
    return entered;
  }

  /** Lets through every waiter the gate admits now; call when the gate changed. */
  wake(): void {
    for (const go of this.waiters) {
      if (!this.gate.tryTake()) break;
      this.waiters.delete(go);
      go();
    }
    this.changed();
  }

  /** Called whenever the waiters may have changed: after wake() and after an abort. */
  protected changed(): void {}
}

/** A WaitQueue whose gate also opens with time: it wakes itself when the gate says it opens. */
export class TimedWaitQueue extends WaitQueue {
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** When the armed timer fires, so that a change asking for the same moment does not re-arm it. */
  private timerAt = Number.POSITIVE_INFINITY;

  constructor(
    private readonly timedGate: TimedGate,
    what: string,
  ) {
    super(timedGate, what);
  }

  /** Arms the timer for the moment the gate opens while anyone waits; no timer outlives the last waiter. */
  protected override changed(): void {
    const ms = this.size === 0 ? Number.POSITIVE_INFINITY : this.timedGate.msUntilOpen();
    if (ms === Number.POSITIVE_INFINITY) return this.disarm();
    // At least 1 ms, so a gate that rounds differently from the timer cannot turn this into a busy loop.
    const at = Date.now() + Math.max(1, Math.ceil(ms));
    if (this.timerAt === at) return; // finite only while the timer is armed
    this.disarm();
    this.timerAt = at;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.timerAt = Number.POSITIVE_INFINITY;
      this.wake();
    }, at - Date.now());
  }

  private disarm(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.timerAt = Number.POSITIVE_INFINITY;
  }
}
