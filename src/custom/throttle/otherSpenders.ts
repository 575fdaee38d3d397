// How fast other clients spend the same ARM read bucket (another tool, another process, the portal), estimated from
// the `x-ms-ratelimit-remaining-*-reads` headers: between two answers the service's bucket gained its refill and
// lost our reads and everyone else's, so
//
//   others = remaining(start) − remaining(end) + refill × elapsed − our reads sent in between.
//
// The sum telescopes, so only a window's two ends count: the whole-token rounding of the header costs one token per
// window, not per answer. Two things would fake spending, and restart the window: a bucket that may have been full
// between two answers (refill beyond the size is lost), and our own 429s (a refused read spends nothing, yet counts
// among ours). Others' refused reads need no care: the formula measures what was spent, not what was asked. Elapsed
// time is the client's, between the answers' arrivals, standing in for the service's; windows of at least a second
// keep that error small. Samples are smoothed (half old, half new) and may be negative: noise around zero must
// average out, not pile up on one side.

/** One answer that carried the header. */
export interface Observation {
  /** Reads the service said were left after this request. */
  remaining: number;
  /** The request's place among the reads this client sent in the scope (1, 2, …). */
  sequence: number;
  /** When the answer arrived (ms). */
  at: number;
}

const MIN_WINDOW_MS = 1_000;

export class OtherSpenders {
  private start: Observation | undefined;
  private last: Observation | undefined;
  private estimate: number | undefined;

  constructor(
    private readonly size: number,
    /** The service's refill: the configured one, not the rate the client paces itself at. */
    private readonly refillPerSecond: number,
  ) {}

  /** Reads per second others spend, once a window has been measured; never below 0. */
  get perSecond(): number | undefined {
    return this.estimate === undefined ? undefined : Math.max(0, this.estimate);
  }

  /** After a 429 or a failed read of ours: what was charged is unknown, so the window starts again. */
  restart(): void {
    this.start = undefined;
    this.last = undefined;
  }

  /** Takes one answer into account; true when the estimate changed. */
  observe(o: Observation): boolean {
    const last = this.last;
    // An answer that overtook an earlier request's says nothing about the time between them.
    if (last !== undefined && (o.sequence <= last.sequence || o.at < last.at)) return false;
    this.last = o;
    const full = o.remaining >= this.size - 1;
    // A full bucket: whatever others spent, it was less than the refill, so there is no share of theirs to leave.
    // Forgotten rather than kept, so that a rate learnt while a tool was busy does not outlive it.
    if (full && this.estimate !== undefined) {
      this.estimate = undefined;
      this.start = o;
      return true;
    }
    const mayHaveFilled = last !== undefined && last.remaining + (this.refillPerSecond * (o.at - last.at)) / 1000 >= this.size - 1;
    if (this.start === undefined || mayHaveFilled || full) {
      this.start = o;
      return false;
    }
    const elapsedMs = o.at - this.start.at;
    if (elapsedMs < MIN_WINDOW_MS) return false;
    const ours = o.sequence - this.start.sequence;
    const spent = this.start.remaining - o.remaining + (this.refillPerSecond * elapsedMs) / 1000 - ours;
    const sample = (spent * 1000) / elapsedMs;
    this.estimate = this.estimate === undefined ? sample : (this.estimate + sample) / 2;
    this.start = o;
    return true;
  }
}
