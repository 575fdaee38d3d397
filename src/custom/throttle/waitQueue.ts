import { AbortError, type AbortSignalLike } from "@azure/abort-controller";

// Requests waiting for their turn, in the order they came, let through by a gate: the shared read budget's bucket
// (throttle/scopeBudget.ts) or the bound on requests in flight (throttle/requestSlots.ts). One timer per queue, armed
// for the moment the gate says it opens, rather than one per waiter: when the gate changes (a 429 pauses it, the
// service reports fewer reads left, a request ends) the queue is woken and re-arms once, whatever its length, and the
// waiters go one at a time in order — never all at the instant a pause ends.
//
// Written here because neither @azure/core-util nor @azure/core-rest-pipeline has an abortable FIFO gate.

/** What lets the queue's waiters through. */
export interface Gate {
  /** Takes the right for one request to go now; false (taking nothing) when it must wait. */
  tryTake(): boolean;
  /** Milliseconds until `tryTake` may succeed; Infinity when only an event (a wake() call) can open it. */
  msUntilOpen(): number;
}

interface Waiter {
  go(): void;
}

export class WaitQueue {
  private readonly waiters = new Set<Waiter>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** When the armed timer fires, so that a wake() asking for the same moment does not re-arm it. */
  private timerAt = Number.POSITIVE_INFINITY;

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
        if (this.waiters.size === 0) this.disarm();
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

  /** Lets through every waiter the gate admits now, then arms the timer for the next; call when the gate changed. */
  wake(): void {
    for (const waiter of this.waiters) {
      if (!this.gate.tryTake()) break;
      this.waiters.delete(waiter);
      waiter.go();
    }
    if (this.waiters.size === 0) return this.disarm();
    const ms = this.gate.msUntilOpen();
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
