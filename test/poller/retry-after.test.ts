import { describe, expect, it } from "vitest";
import { DEFAULT_POLL_INTERVAL_MS, MAX_RETRY_AFTER_MS, parseRetryAfter, parseRetryAfterMs } from "../../src/custom/retry-after.js";
import { requestedDelayMs } from "../../src/custom/poller/status.js";

const NOW = Date.UTC(2024, 4, 1, 8, 0, 0); // Wed, 01 May 2024 08:00:00 GMT

describe("parseRetryAfter", () => {
  it("reads delay-seconds, including 0", () => {
    expect(parseRetryAfter("0", NOW)).toBe(0);
    expect(parseRetryAfter("1", NOW)).toBe(1000);
    expect(parseRetryAfter(" 30 ", NOW)).toBe(30_000);
  });

  it("reads an IMF-fixdate relative to now", () => {
    expect(parseRetryAfter("Wed, 01 May 2024 08:00:05 GMT", NOW)).toBe(5000);
  });

  it("reads the obsolete RFC 850 and asctime date forms a recipient must accept", () => {
    expect(parseRetryAfter("Wednesday, 01-May-24 08:00:07 GMT", NOW)).toBe(7000);
    expect(parseRetryAfter("Wed May  1 08:00:09 2024", NOW)).toBe(9000);
  });

  it("treats a date in the past and a negative number as 'now'", () => {
    expect(parseRetryAfter("Tue, 30 Apr 2024 08:00:00 GMT", NOW)).toBe(0);
    expect(parseRetryAfter("-5", NOW)).toBe(0);
  });

  it("clamps absurd delays to the documented maximum", () => {
    expect(MAX_RETRY_AFTER_MS).toBe(600_000);
    expect(parseRetryAfter("999999999", NOW)).toBe(MAX_RETRY_AFTER_MS);
    expect(parseRetryAfter("Fri, 01 May 2099 08:00:00 GMT", NOW)).toBe(MAX_RETRY_AFTER_MS);
  });

  it.each([
    ["absent", undefined],
    ["null", null],
    ["empty", ""],
    ["a fraction", "1.5"],
    ["words", "soon"],
    ["NaN", "NaN"],
    ["Infinity", "Infinity"],
    ["hex", "0x10"],
    ["exponent", "1e3"],
    ["a date without GMT", "Wed, 01 May 2024 08:00:05"],
    ["an impossible date", "Fri, 31 Feb 2024 08:00:00 GMT"],
    ["an hour out of range", "Wed, 01 May 2024 25:00:00 GMT"],
    ["an ISO date", "2024-05-01T08:00:05Z"],
  ])("returns undefined for %s, so the caller falls back to its interval", (_, value) => {
    expect(parseRetryAfter(value, NOW)).toBeUndefined();
  });

  it("documents a 2 s default interval", () => {
    expect(DEFAULT_POLL_INTERVAL_MS).toBe(2000);
  });
});

describe("parseRetryAfterMs", () => {
  it("reads whole milliseconds, 0 included, clamped to the maximum", () => {
    expect(parseRetryAfterMs("0")).toBe(0);
    expect(parseRetryAfterMs(" 250 ")).toBe(250);
    expect(parseRetryAfterMs("99999999999")).toBe(MAX_RETRY_AFTER_MS);
  });

  it.each([undefined, null, "", "-5", "1.5", "1e3", "soon", "Wed, 01 May 2024 08:00:05 GMT"])(
    "returns undefined for %j",
    (value) => {
      expect(parseRetryAfterMs(value)).toBeUndefined();
    },
  );
});

describe("the delay a response asks for", () => {
  it("prefers retry-after-ms, then x-ms-retry-after-ms, then Retry-After, as core-rest-pipeline does", () => {
    expect(requestedDelayMs({ "retry-after-ms": "120", "x-ms-retry-after-ms": "340", "retry-after": "5" })).toBe(120);
    expect(requestedDelayMs({ "x-ms-retry-after-ms": "340", "retry-after": "5" })).toBe(340);
    expect(requestedDelayMs({ "Retry-After": "5" })).toBe(5_000);
    expect(requestedDelayMs({})).toBeUndefined();
  });

  it("falls through a malformed millisecond header to the next one", () => {
    expect(requestedDelayMs({ "retry-after-ms": "soon", "retry-after": "0" })).toBe(0);
  });
});
