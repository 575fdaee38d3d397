// One token bucket as ARM's regional throttling describes it: full at `size`, `refillPerSecond` tokens back every
// second (fractions accrue, so 25/s is one token every 40 ms), one token per request served.
//
// Other tools spending the same budget are modelled as drains — a steady rate taken from the bucket — applied
// exactly whenever the bucket is brought up to date, rather than as timed requests: no timer can outlive the mock,
// runs are deterministic under a test's clock, and thousands of simulated reads per second cost nothing.

/** Below this a token count is treated as whole: 25/s × 40 ms must make one token despite floating point. */
const EPSILON = 1e-9;

interface Drain {
  perSecond: number;
  untilMs: number;
}

export class TokenBucket {
  private tokens: number;
  private lastMs: number;
  private readonly drains = new Set<Drain>();
  /** Tokens taken by drains and spend(), fractions included. */
  private othersSpent = 0;

  constructor(
    readonly size: number,
    readonly refillPerSecond: number,
    nowMs: number,
  ) {
    this.tokens = size;
    this.lastMs = nowMs;
  }

  /** Whole tokens left at `nowMs`. */
  remaining(nowMs: number): number {
    this.advance(nowMs);
    return Math.floor(this.tokens + EPSILON);
  }

  /** Takes one token for a request; false (nothing taken) when the bucket holds less than one. */
  take(nowMs: number): boolean {
    this.advance(nowMs);
    if (this.tokens + EPSILON < 1) return false;
    this.tokens = Math.max(0, this.tokens - 1);
    return true;
  }

  /** Another tool's `count` requests now: each takes a whole token while there are any; returns how many did. */
  spend(count: number, nowMs: number): number {
    const taken = Math.min(count, this.remaining(nowMs));
    this.tokens = Math.max(0, this.tokens - taken);
    this.othersSpent += taken;
    return taken;
  }

  /**
   * Milliseconds until the bucket holds one token again at the refill rate. Other tools may take that token
   * first, as on ARM, whose Retry-After cannot know who asks next.
   */
  msUntilToken(nowMs: number): number {
    this.advance(nowMs);
    return (Math.max(0, 1 - this.tokens) / this.refillPerSecond) * 1000;
  }

  /** A steady spender from `nowMs` on; returns the function that stops it. */
  drain(perSecond: number, untilMs: number, nowMs: number): (nowMs: number) => void {
    this.advance(nowMs);
    const drain = { perSecond, untilMs };
    this.drains.add(drain);
    return (stopMs) => {
      this.advance(stopMs);
      this.drains.delete(drain);
    };
  }

  get spentByOthers(): number {
    return Math.floor(this.othersSpent + EPSILON);
  }

  /** Brings the bucket to `nowMs`, one stretch per drain that ends in between. */
  private advance(nowMs: number): void {
    while (this.lastMs < nowMs) {
      let end = nowMs;
      let drainPerSecond = 0;
      for (const d of this.drains) {
        if (d.untilMs <= this.lastMs) {
          this.drains.delete(d);
          continue;
        }
        end = Math.min(end, d.untilMs);
        drainPerSecond += d.perSecond;
      }
      this.flow((end - this.lastMs) / 1000, drainPerSecond);
      this.lastMs = end;
    }
  }

  /**
   * `seconds` of refill and drain. While the refill outpaces the drain, the other tools get every token they ask
   * for and the rest accrues up to `size`; otherwise they empty the bucket and then take each token as it comes.
   * Both cases: the others take min(wanted, tokens + refill).
   */
  private flow(seconds: number, drainPerSecond: number): void {
    const refill = this.refillPerSecond * seconds;
    const taken = Math.min(drainPerSecond * seconds, this.tokens + refill);
    this.othersSpent += taken;
    this.tokens = Math.min(this.size, Math.max(0, this.tokens + refill - taken));
  }
}
