// The token bucket (src/custom/throttle/tokenBucket.ts) in both its uses: the reservations of a poller's own read
// budget (issue 11), and what the shared read budget adds — taking without reserving, the time until a token, a
// pause after a 429, lowering to what ARM reports, spending without asking, and a new rate. A clock moved by hand;
// no timers.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TokenBucket } from "../../src/custom/throttle/tokenBucket.js";

/** A bucket on a clock the test moves by hand. */
function bucketAt(start: number, capacity: number, refillPerSecond: number) {
  const clock = { now: start };
  const bucket = new TokenBucket({ capacity, refillPerSecond, now: () => clock.now });
  return { bucket, clock };
}

describe("TokenBucket", () => {
  it("lets the burst go at once, then spaces reservations 1/rate apart", () => {
    const { bucket } = bucketAt(1_000, 5, 1);
    const delays = Array.from({ length: 8 }, () => bucket.reserve().delayMs);
    expect(delays).toEqual([0, 0, 0, 0, 0, 1_000, 2_000, 3_000]);
    expect(bucket.state()).toEqual({ tokens: 0, waiting: 3 });
  });

  it("refills at the sustained rate, never above the capacity", () => {
    const { bucket, clock } = bucketAt(0, 3, 2);
    for (let i = 0; i < 3; i++) bucket.reserve();
    clock.now = 250;
    expect(bucket.state().tokens).toBeCloseTo(0.5);
    clock.now = 60_000;
    expect(bucket.state().tokens).toBe(3);
  });

  it("makes a reservation wait only for the part of a token still missing", () => {
    const { bucket, clock } = bucketAt(0, 1, 4);
    bucket.reserve();
    clock.now = 100; // 0.4 of a token refilled; 0.6 × 250 ms to go
    expect(bucket.reserve().delayMs).toBeCloseTo(150);
  });

  it("counts a waiting reservation until its time comes", () => {
    const { bucket, clock } = bucketAt(0, 1, 1);
    bucket.reserve();
    const waiting = bucket.reserve();
    expect(waiting.readyAt).toBe(1_000);
    expect(bucket.state().waiting).toBe(1);
    clock.now = 1_000;
    expect(bucket.state()).toEqual({ tokens: 0, waiting: 0 });
  });

  it("gives a cancelled reservation's token back to the next reserver", () => {
    const { bucket, clock } = bucketAt(0, 1, 1);
    bucket.reserve();
    const cancelled = bucket.reserve(); // due at 1 s
    cancelled.cancel();
    expect(bucket.state().waiting).toBe(0);
    clock.now = 200;
    expect(bucket.reserve().readyAt).toBe(1_000); // the freed slot, not 2 s
    expect(bucket.reserve().readyAt).toBe(2_000);
  });

  it("hands a slot freed mid-queue to one reserver only, leaving later reservations where they were", () => {
    const { bucket } = bucketAt(0, 1, 1);
    bucket.reserve();
    const a = bucket.reserve(); // 1 s
    const b = bucket.reserve(); // 2 s
    a.cancel();
    const c = bucket.reserve();
    const d = bucket.reserve();
    expect([b.readyAt, c.readyAt, d.readyAt]).toEqual([2_000, 1_000, 3_000]);
  });

  it("turns a freed slot nobody took into a token once the queue is empty", () => {
    const { bucket, clock } = bucketAt(0, 2, 1);
    bucket.reserve();
    bucket.reserve();
    const late = bucket.reserve(); // 1 s
    late.cancel();
    clock.now = 1_500; // 1.5 tokens refilled since the burst, none taken: the cancelled one's is among them
    expect(bucket.state()).toEqual({ tokens: 1.5, waiting: 0 });
    clock.now = 5_000;
    expect(bucket.state().tokens).toBe(2); // full, and no more
    expect(bucket.reserve().delayMs).toBe(0);
  });

  it("keeps a token spent once its reservation came due, even if cancelled afterwards", () => {
    const { bucket, clock } = bucketAt(0, 1, 1);
    const spent = bucket.reserve();
    clock.now = 10;
    spent.cancel();
    spent.cancel();
    expect(bucket.state().tokens).toBeCloseTo(0.01);
  });

  it("refuses a capacity or rate it cannot honour, naming it", () => {
    expect(() => new TokenBucket({ capacity: 0, refillPerSecond: 1 })).toThrow(/capacity must be an integer of at least 1, got 0/);
    expect(() => new TokenBucket({ capacity: 1.5, refillPerSecond: 1 })).toThrow(/capacity/);
    expect(() => new TokenBucket({ capacity: 1, refillPerSecond: 0 })).toThrow(/refillPerSecond must be a finite number above 0/);
    expect(() => new TokenBucket({ capacity: 1, refillPerSecond: Number.POSITIVE_INFINITY })).toThrow(/refillPerSecond/);
  });

  it("never lets more reads go in any window than the burst plus the refill over it, whatever reserves and cancels", () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant("reserve" as const) }),
      fc.record({ kind: fc.constant("cancel" as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant("wait" as const), ms: fc.integer({ min: 0, max: 3_000 }) }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 5 }), fc.array(step, { maxLength: 80 }), (capacity, rate, steps) => {
        const { bucket, clock } = bucketAt(0, capacity, rate);
        const live: Array<{ readyAt: number; cancel(): void; cancelled: boolean }> = [];
        for (const s of steps) {
          if (s.kind === "reserve") live.push({ ...bucket.reserve(), cancelled: false });
          else if (s.kind === "wait") clock.now += s.ms;
          else if (live.length > 0) {
            const r = live[s.pick % live.length]!;
            // Only a reservation not yet due can still be abandoned; one that came due was used.
            if (!r.cancelled && clock.now < r.readyAt) {
              r.cancel();
              r.cancelled = true;
            }
          }
        }
        const used = live.filter((r) => !r.cancelled).map((r) => r.readyAt).sort((a, b) => a - b);
        // Every window that starts at a read: reads in [t, t + w] ≤ capacity + rate × w.
        for (let i = 0; i < used.length; i++) {
          for (let j = i; j < used.length; j++) {
            const window = used[j]! - used[i]!;
            expect(j - i + 1).toBeLessThanOrEqual(capacity + (rate * window) / 1000 + 1e-9);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("TokenBucket, as a mirror of ARM's bucket", () => {
  it("takes a token only when one is there, and says how long until the next", () => {
    const { bucket, clock } = bucketAt(0, 2, 4);
    expect([bucket.tryTake(), bucket.tryTake(), bucket.tryTake()]).toEqual([true, true, false]);
    expect(bucket.msUntilToken()).toBe(250);
    clock.now = 100;
    expect(bucket.msUntilToken()).toBeCloseTo(150);
    expect(bucket.tryTake()).toBe(false);
    clock.now = 250;
    expect(bucket.tryTake()).toBe(true);
  });

  it("gives no token during a pause, one as it ends (what Retry-After promises), then one a refill apart", () => {
    const { bucket, clock } = bucketAt(0, 10, 10);
    bucket.pause(2_000);
    expect(bucket.pausedUntil).toBe(2_000);
    expect(bucket.tryTake()).toBe(false);
    expect(bucket.msUntilToken()).toBe(2_000);
    clock.now = 1_999;
    expect(bucket.tryTake()).toBe(false);
    clock.now = 2_000;
    expect(bucket.pausedUntil).toBeUndefined();
    expect(bucket.tryTake()).toBe(true);
    expect(bucket.tryTake()).toBe(false);
    expect(bucket.msUntilToken()).toBeCloseTo(100);
  });

  it("extends a pause to the later end and never adds pauses up", () => {
    const { bucket, clock } = bucketAt(0, 10, 10);
    bucket.pause(1_000);
    clock.now = 10;
    bucket.pause(900); // a second 429 of the same burst, asking for less
    expect(bucket.pausedUntil).toBe(1_000);
    bucket.pause(1_200);
    expect(bucket.pausedUntil).toBe(1_200);
    expect(bucket.msUntilToken()).toBe(1_200 - 10);
  });

  it("schedules reservations from the end of a pause, one refill apart", () => {
    const { bucket } = bucketAt(0, 5, 2);
    bucket.pause(1_000);
    expect([bucket.reserve().readyAt, bucket.reserve().readyAt, bucket.reserve().readyAt]).toEqual([1_000, 1_500, 2_000]);
  });

  it("lowers the level to what the service reports, never raises it", () => {
    const { bucket } = bucketAt(0, 10, 1);
    bucket.lowerTo(3);
    expect(bucket.state().tokens).toBe(3);
    bucket.lowerTo(8);
    expect(bucket.state().tokens).toBe(3);
    bucket.lowerTo(-2); // two reads in flight that the service has not counted yet
    expect(bucket.msUntilToken()).toBe(3_000);
  });

  it("counts reads that go without asking, down to one bucket of debt at most", () => {
    const { bucket } = bucketAt(0, 2, 1);
    for (let i = 0; i < 10; i++) bucket.charge();
    expect(bucket.tryTake()).toBe(false);
    expect(bucket.msUntilToken()).toBe(3_000); // from −2 back to 1
  });

  it("refills at a new rate from the moment it is set, keeping what was refilled before", () => {
    const { bucket, clock } = bucketAt(0, 10, 10);
    bucket.lowerTo(0);
    clock.now = 500; // 5 tokens at 10/s
    bucket.setRefillPerSecond(2);
    clock.now = 1_000; // + 1 token at 2/s
    expect(bucket.state().tokens).toBeCloseTo(6);
    expect(bucket.refillPerSecond).toBe(2);
    expect(() => bucket.setRefillPerSecond(0)).toThrow(/refillPerSecond must be a finite number above 0, got 0/);
  });
});
