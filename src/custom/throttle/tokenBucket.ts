// A token bucket that owns no timer and reads time only through its clock (injectable, for tests), used two ways.
//
// - Each poller has a bucket of its own (poller/options.ts: readBurst, readsPerSecond) and reserves one status read
//   at a time: `reserve()` hands out the moment the read may go, the poller waits `delayMs` (abortably) and cancels
//   the reservation if it gives up. Reservations come back spaced 1/rate apart once the burst is spent (the bucket
//   would hand out many at once so, though a poller holds one): the level may go below zero, each reservation
//   beyond the burst taking a token yet to be refilled, its `readyAt` the moment that token exists. A cancelled reservation's slot is handed
//   to the next reserver rather than subtracted from the debt: moving the debt would give the next reserver the slot
//   of the last waiting reservation, and two reads would share one token.
// - The client's shared read budget (throttle/scopeBudget.ts) has one bucket per scope, mirroring ARM's, and
//   reserves nothing: its reads wait in its own queue (waitQueue.ts, TimedWaitQueue) and ask `tryTake` and
//   `msUntilToken` at the moment of going, because the bucket also learns from ARM — `lowerTo` when ARM reports
//   fewer reads left, `pause` after a 429 that asked to wait, `setRefillPerSecond` when others spend the same
//   budget, `charge` for a read that went without waiting — and a reservation handed out earlier could not follow
//   those changes.

export interface TokenBucketOptions {
  /** Tokens the bucket holds when full: the reads that may go at once after a quiet period. An integer ≥ 1. */
  capacity: number;
  /** Tokens added per second, up to `capacity`: the sustained rate once the burst is spent. A number > 0. */
  refillPerSecond: number;
  /** The current time in milliseconds; `Date.now` unless injected (tests). */
  now?: () => number;
}

/** A claim on one token. */
export interface Reservation {
  /** When the caller may go, on the bucket's clock (ms). */
  readonly readyAt: number;
  /** How long the caller must wait from the moment it reserved: 0 when a token was there. */
  readonly delayMs: number;
  /** Gives the token back unless its time has already come (then it counts as spent). Safe to call twice. */
  cancel(): void;
}

/** What a bucket holds right now. */
export interface TokenBucketState {
  /** Tokens a reservation could take without waiting (0..capacity, fractional while refilling). */
  readonly tokens: number;
  /** Reservations whose time has not come yet and that were not cancelled. */
  readonly waiting: number;
}

export class TokenBucket {
  readonly capacity: number;
  private rate: number;
  private readonly now: () => number;
  /** No token before this time (ms): the service asked to wait. The refill resumes one token's time earlier. */
  private pausedUntilMs = Number.NEGATIVE_INFINITY;
  /** Tokens at `updatedAt`; negative while reservations wait for tokens still to be refilled. */
  private level: number;
  private updatedAt: number;
  /** Slots of cancelled reservations that had not come due, earliest first. */
  private readonly freed: number[] = [];
  /** `readyAt` of every reservation still waiting, earliest first (pruned as time passes). */
  private readonly waiting: number[] = [];

  constructor(options: TokenBucketOptions) {
    const { capacity, refillPerSecond, now = () => Date.now() } = options;
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`capacity must be an integer of at least 1, got ${String(capacity)}`);
    }
    checkRate(refillPerSecond);
    this.capacity = capacity;
    this.rate = refillPerSecond;
    this.now = now;
    this.level = capacity;
    this.updatedAt = now();
  }

  /** Tokens added per second now (see setRefillPerSecond). */
  get refillPerSecond(): number {
    return this.rate;
  }

  /** The end of the latest pause (ms on the bucket's clock), or undefined when it is over or there was none. */
  get pausedUntil(): number | undefined {
    return this.pausedUntilMs > this.now() ? this.pausedUntilMs : undefined;
  }

  /** Takes a token now or the next free one; the caller waits `delayMs` before it goes. */
  reserve(): Reservation {
    const now = this.advance();
    let readyAt = now;
    if (this.level >= 1) this.level -= 1;
    else if (this.freed.length > 0) readyAt = this.freedSlotAt(now, this.freed.shift()!);
    else {
      readyAt = this.refilledAt(now);
      this.level -= 1;
    }
    return this.track(readyAt, now);
  }

  /** Takes a token if one is there now (a freed slot that came due included); false, taking nothing, if not. */
  tryTake(): boolean {
    const now = this.advance();
    if (this.level >= 1) {
      this.level -= 1;
      return true;
    }
    if (this.freed.length > 0 && this.freedSlotAt(now, this.freed[0]!) <= now) {
      this.freed.shift();
      return true;
    }
    return false;
  }

  /** Milliseconds until `tryTake` can succeed, if nothing else is taken meanwhile: 0 when a token is there. */
  msUntilToken(): number {
    const now = this.advance();
    if (this.level >= 1) return 0;
    const freed = this.freed.length > 0 ? this.freedSlotAt(now, this.freed[0]!) : Number.POSITIVE_INFINITY;
    return Math.min(this.refilledAt(now), freed) - now;
  }

  /**
   * Counts a token spent without asking: a request that goes whether or not one is there. The level may go below
   * zero, so that the readers who do wait leave room for it, but by one bucket at most: a service answers what
   * exceeds its bucket with 429, which spends nothing.
   */
  charge(): void {
    this.advance();
    this.level = Math.max(-this.capacity, this.level - 1);
  }

  /** The service reports `tokens` left: the level goes down to that (never up, never below minus the capacity). */
  lowerTo(tokens: number): void {
    this.advance();
    this.level = Math.max(-this.capacity, Math.min(this.level, tokens));
  }

  /**
   * None left now and none until `untilMs`, then one: what a 429 with Retry-After says (the wait until the service's
   * bucket holds a token again). Pauses overlap rather than add up: a second one moves the end only if it ends
   * later. Reservations already handed out keep their times.
   */
  pause(untilMs: number): void {
    this.advance();
    this.pausedUntilMs = Math.max(this.pausedUntilMs, untilMs);
    this.level = Math.min(this.level, 0);
  }

  /** A new sustained rate from now on; what was refilled so far is kept. */
  setRefillPerSecond(refillPerSecond: number): void {
    checkRate(refillPerSecond);
    this.advance();
    this.rate = refillPerSecond;
  }

  /** The tokens available now and the reservations still waiting. */
  state(): TokenBucketState {
    const now = this.advance();
    const unusedSlots = this.freed.filter((slot) => slot <= now).length;
    return { tokens: Math.max(0, this.level) + unusedSlots, waiting: this.waiting.length };
  }

  private track(readyAt: number, now: number): Reservation {
    if (readyAt > now) insertSorted(this.waiting, readyAt);
    let settled = false;
    return {
      readyAt,
      delayMs: readyAt - now,
      cancel: () => {
        if (settled) return;
        settled = true;
        if (this.now() >= readyAt) return;
        const index = this.waiting.indexOf(readyAt);
        if (index >= 0) this.waiting.splice(index, 1);
        insertSorted(this.freed, readyAt);
      },
    };
  }

  /**
   * When refilling (re)starts after a pause: one token's time before its end, so that the level, at most 0 when the
   * pause began, reaches 1 as the pause ends and not before.
   */
  private refillStart(): number {
    return this.pausedUntilMs - 1000 / this.rate;
  }

  /** When the refill makes the level (below 1 at `now`) reach 1: the next whole token. */
  private refilledAt(now: number): number {
    return Math.max(now, this.refillStart()) + ((1 - this.level) / this.rate) * 1000;
  }

  /** When a freed slot can be used: not before its time, nor during a pause. */
  private freedSlotAt(now: number, slot: number): number {
    return Math.max(now, this.pausedUntilMs, slot);
  }

  /** Refills up to `now` and folds unused freed slots back into the level once no debt is left. */
  private advance(): number {
    const now = this.now();
    const elapsed = Math.max(0, now - Math.max(this.updatedAt, this.refillStart()));
    this.level = Math.min(this.capacity, this.level + (elapsed / 1000) * this.rate);
    this.updatedAt = now;
    // A freed slot in the past is a token nobody took. While reservations still wait (level < 0) it stays a slot,
    // taken whole by the next reserver; once the debt is paid it is an ordinary token in the bucket.
    while (this.level >= 0 && this.freed.length > 0 && this.freedSlotAt(now, this.freed[0]!) <= now) {
      this.freed.shift();
      this.level = Math.min(this.capacity, this.level + 1);
    }
    while (this.waiting.length > 0 && this.waiting[0]! <= now) this.waiting.shift();
    return now;
  }
}

function checkRate(refillPerSecond: number): void {
  if (typeof refillPerSecond !== "number" || !Number.isFinite(refillPerSecond) || refillPerSecond <= 0) {
    throw new RangeError(`refillPerSecond must be a finite number above 0, got ${String(refillPerSecond)}`);
  }
}

/** Inserts `value` into the ascending array `list`, after any equal values. */
function insertSorted(list: number[], value: number): void {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (list[mid]! <= value) low = mid + 1;
    else high = mid;
  }
  list.splice(low, 0, value);
}
