// What the shared read budget adds to the reservation bucket of issue 11 (test/poller/tokenBucket.test.ts has the
// rest): taking without reserving, the time until a token, a pause after a 429, lowering to what ARM reports,
// spending without asking, and a new rate. A clock moved by hand; no timers.
import { describe, expect, it } from "vitest";
import { TokenBucket } from "../../src/custom/throttle/tokenBucket.js";

function bucketAt(start: number, capacity: number, refillPerSecond: number) {
  const clock = { now: start };
  const bucket = new TokenBucket({ capacity, refillPerSecond, now: () => clock.now });
  return { bucket, clock };
}

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
