import { AbortError, type AbortSignalLike } from "@azure/abort-controller";

// Requests waiting for their turn, in the order they came, let through by a gate: the bound on requests in flight
// (throttle/requestSlots.ts), which opens when a request ends, or the shared read budget's bucket
// (throttle/scopeBudget.ts), which also opens with time. The owner wakes the queue when its gate changed (a request
// ended, a 429 paused the bucket, the service reported fewer reads left), and the waiters go one at a time in order —
// never all at the instant a pause ends. A gate that opens with time gets a TimedWaitQueue: one timer per queue,
// armed for the moment the gate says it opens, rather than one per waiter; it re-arms once per change, whatever the
// queue's length.
//
// Written here because neither @azure/core-util nor @azure/core-rest-pipeline has an abortable FIFO gate.

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

interface Waiter {
  go(): void;
}

export class WaitQueue {
  private readonly waiters = new Set<Waiter>();

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
    if (signal?.aborted) return Promise.reject(new AbortError(`The request was aborted while waiting for ${this.what}`));
    if (this.waiters.size === 0 && this.gate.tryTake()) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const onAbort = (): void => {
        this.waiters.delete(waiter);
        this.changed();
        reject(new AbortError(`The request was aborted while waiting for ${this.what}`));
      };
      const waiter: Waiter = {
        go: () => {
          signal?.removeEventListener("abort", onAbort);
          resolve();
        },
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      this.waiters.add(waiter);
      this.wake();
    });
  }

  /** Lets through every waiter the gate admits now; call when the gate changed. */
  wake(): void {
    for (const waiter of this.waiters) {
      if (!this.gate.tryTake()) break;
      this.waiters.delete(waiter);
      waiter.go();
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
    if (this.timer !== undefined && this.timerAt === at) return;
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
