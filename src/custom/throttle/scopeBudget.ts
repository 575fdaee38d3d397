import type { AbortSignalLike } from "@azure/abort-controller";
import type { PipelineResponse } from "@azure/core-rest-pipeline";
import type { ReadScopeState } from "./budgetState.js";
import { OtherSpenders } from "./otherSpenders.js";
import { remainingReads, type ReadScope } from "./readScope.js";
import { requestedDelay } from "../retry-after.js";
import { TokenBucket } from "./tokenBucket.js";
import { TimedWaitQueue } from "./waitQueue.js";

// The read budget of one scope (a subscription, or the tenant, at one origin), shared by every read of the client
// in it: a local copy of ARM's token bucket that the reads wait on in order, corrected by what ARM says.
//
// - Every read sent takes a token; the reads of pollers and paginate (or every GET, with allReads) wait for theirs,
//   other reads take theirs without waiting (they still spend the subscription's budget).
// - `x-ms-ratelimit-remaining-*-reads` lowers the local level to what ARM reports, less the reads sent after the
//   answered one (ARM counted those after it, or will) and less a small reserve, so that the reads in flight and the
//   error of the estimate between two answers do not reach ARM's last token.
// - Until ARM has answered one read of the scope, only one goes at a time: the budget may already be spent by
//   others, and one read (a round trip) finds out before a burst of hundreds meets a 429 each. For a second at
//   most, so that a first read that hangs does not hold the others with it.
// - A 429 pauses the scope until its Retry-After for every reader at once; 429s of reads sent before that pause
//   began (the same burst) extend it to the latest end, never add up, and count as the same pause. The pause ends
//   with one token (Retry-After is the wait for it) and the bucket refills at its rate from there, so waiting
//   readers leave one token apart.
// - The rate adapts: others' spending, estimated from the headers (otherSpenders.ts), is taken off the refill; an
//   answer that finds the bucket full forgets the estimate, since nobody is short of reads then.

export interface ScopeBudgetOptions {
  size: number;
  refillPerSecond: number;
}

/** A read let through: its place in the scope's sequence, to match its answer with what was sent after it. */
export interface ReadTicket {
  readonly sequence: number;
}

/** What a scope's budget looks like now (the public type, with the fields explained, is in budgetState.ts). */
export type ScopeBudgetSnapshot = Omit<ReadScopeState, "origin" | "subscriptionId">;

/** When a 429 names no wait (ARM always does; a proxy might not): 1 s, ARM's shortest Retry-After. */
const DEFAULT_PAUSE_MS = 1_000;

/** How long the reads of a scope wait for the answer to its first read before they go without it. */
const FIRST_ANSWER_WAIT_MS = 1_000;

/** The reserve kept below ARM's reported level: 5% of the bucket, at least one read. */
function reserveOf(size: number): number {
  return Math.max(1, Math.round(size / 20));
}

export class ScopeBudget {
  private readonly bucket: TokenBucket;
  private readonly queue: TimedWaitQueue;
  private readonly others: OtherSpenders;
  private readonly reserve: number;
  private sent = 0;
  private inFlight = 0;
  private answered = false;
  /** When the read that is waited for as the scope's first answer was sent. */
  private firstSentAt = 0;
  /** The last read sent when the current pause began: a 429 of a read up to it belongs to that pause. */
  private pauseCoversUpTo = 0;
  private reported: number | undefined;
  private throttledCount = 0;
  private pauseCount = 0;

  constructor(
    readonly scope: ReadScope,
    private readonly options: ScopeBudgetOptions,
  ) {
    this.bucket = new TokenBucket({ capacity: options.size, refillPerSecond: options.refillPerSecond });
    this.others = new OtherSpenders(options.size, options.refillPerSecond);
    this.reserve = reserveOf(options.size);
    const what = scope.subscriptionId === undefined ? "the tenant's read budget" : `the read budget of subscription ${scope.subscriptionId}`;
    this.queue = new TimedWaitQueue(
      {
        tryTake: () => !this.probing() && this.bucket.tryTake(),
        msUntilOpen: () => (this.probing() ? this.firstSentAt + FIRST_ANSWER_WAIT_MS - Date.now() : this.bucket.msUntilToken()),
      },
      what,
    );
  }

  /** Waits for a token, behind the reads already waiting; rejects at once if `signal` aborts. */
  async acquire(signal: AbortSignalLike | undefined): Promise<ReadTicket> {
    await this.queue.enter(signal);
    return this.dispatch();
  }

  /** A read that goes now, waiting or not: its token is taken all the same. */
  charge(): ReadTicket {
    this.bucket.charge();
    return this.dispatch();
  }

  /** Learns from the answer to `ticket`'s read (`undefined`: it failed without one), then lets the next ones go. */
  settle(ticket: ReadTicket, response: PipelineResponse | undefined): void {
    this.inFlight -= 1;
    if (response === undefined) this.others.restart();
    else {
      this.answered = true;
      const now = Date.now();
      const remaining = remainingReads(this.scope, response.headers);
      if (remaining !== undefined) this.reported = remaining;
      if (response.status === 429) this.throttle(ticket, response, now);
      else if (remaining !== undefined) this.learn(ticket, remaining, now);
    }
    this.queue.wake();
  }

  snapshot(): ScopeBudgetSnapshot {
    const { tokens } = this.bucket.state();
    const pausedUntil = this.bucket.pausedUntil;
    return {
      remaining: Math.floor(tokens),
      waiting: this.queue.size,
      inFlight: this.inFlight,
      pausedUntil,
      nextReadInMs: this.queue.size === 0 || this.probing() ? undefined : Math.ceil(this.bucket.msUntilToken()),
      refillPerSecond: this.bucket.refillPerSecond,
      reportedRemaining: this.reported,
      othersPerSecond: this.others.perSecond,
      reads: this.sent,
      throttled: this.throttledCount,
      pauses: this.pauseCount,
    };
  }

  /** Whether reads wait for the scope's first answer now. */
  private probing(): boolean {
    return !this.answered && this.inFlight > 0 && Date.now() < this.firstSentAt + FIRST_ANSWER_WAIT_MS;
  }

  private dispatch(): ReadTicket {
    if (!this.answered && this.inFlight === 0) this.firstSentAt = Date.now();
    this.sent += 1;
    this.inFlight += 1;
    return { sequence: this.sent };
  }

  /** An answer (not a 429) reported `remaining` reads left. */
  private learn(ticket: ReadTicket, remaining: number, now: number): void {
    const sentAfter = this.sent - ticket.sequence;
    this.bucket.lowerTo(remaining - sentAfter - this.reserve);
    if (this.others.observe({ remaining, sequence: ticket.sequence, at: now })) {
      // Never below a twentieth of the configured rate: a wrong estimate must slow reads down, not stop them.
      const left = this.options.refillPerSecond - (this.others.perSecond ?? 0);
      this.bucket.setRefillPerSecond(Math.max(this.options.refillPerSecond / 20, left));
    }
  }

  private throttle(ticket: ReadTicket, response: PipelineResponse, now: number): void {
    this.throttledCount += 1;
    this.others.restart();
    const waitMs = requestedDelay((name) => response.headers.get(name), now) ?? DEFAULT_PAUSE_MS;
    if (ticket.sequence > this.pauseCoversUpTo) {
      this.pauseCount += 1;
      this.pauseCoversUpTo = this.sent;
    }
    this.bucket.pause(now + waitMs);
  }
}
