// The delay a server asks for, in its own module: Retry-After (RFC 9110 §10.2.3, `delay-seconds` or an HTTP-date)
// and the millisecond headers `retry-after-ms` / `x-ms-retry-after-ms` that Azure services also send, each parsed
// strictly. A malformed value yields `undefined` so the caller falls back to its own interval instead of guessing,
// and 0 is a value like any other (why that matters: see poller/engine.ts).

/** The longest wait a server can ask for: 10 minutes. Longer values are clamped so a typo cannot park a caller for days. */
export const MAX_RETRY_AFTER_MS = 10 * 60_000;

/** The wait between polls when the server gives no usable Retry-After: 2 s, ARM's usual suggestion. */
export const DEFAULT_POLL_INTERVAL_MS = 2_000;

const MONTHS = "janfebmaraprmayjunjulaugsepoctnovdec";

// The three date forms a recipient must accept (RFC 9110 §5.6.7), parsed by hand rather than with Date.parse, whose
// leniency differs between engines (it accepts "1", "tomorrow"-like strings in some):
// IMF-fixdate "sun, 06 nov 1994 08:49:37 gmt" and RFC 850 "sunday, 06-nov-94 08:49:37 gmt" (day, month, year, time)
const DATE = /^[a-z]{3,9}, (\d\d)([ -])([a-z]{3})\2(\d{4}|\d\d) (\d\d:\d\d:\d\d) gmt$/;
// asctime "sun nov  6 08:49:37 1994" (month, day, time, year)
const ASCTIME = /^[a-z]{3} ([a-z]{3}) ([ \d]\d) (\d\d:\d\d:\d\d) (\d{4})$/;
// Whole seconds per the RFC; a leading minus is tolerated only to be treated as "now" (0).
const SECONDS = /^-?\d{1,15}$/;

/**
 * The delay in milliseconds a `Retry-After` value asks for, clamped to [0, MAX_RETRY_AFTER_MS]; `undefined` when
 * the value is absent or malformed. A date in the past or a negative number means "now" (0).
 *
 * @param nowMs - the current time, for HTTP-dates; injectable so tests need no clock tricks.
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number = Date.now()): number | undefined {
  if (value === undefined || value === null) return undefined;
  const text = value.trim().toLowerCase();
  if (text === "") return undefined;
  if (SECONDS.test(text)) return clamp(Number(text) * 1000);
  const at = parseHttpDate(text);
  return at === undefined ? undefined : clamp(at - nowMs);
}

/**
 * The delay a `retry-after-ms` or `x-ms-retry-after-ms` value asks for: whole milliseconds, clamped to
 * [0, MAX_RETRY_AFTER_MS]; `undefined` when absent or malformed.
 */
export function parseRetryAfterMs(value: string | null | undefined): number | undefined {
  const text = value?.trim();
  return text !== undefined && /^\d{1,15}$/.test(text) ? clamp(Number(text)) : undefined;
}

/**
 * The delay a response asks for before the next request, its headers read with `header` (by lower-case name):
 * `retry-after-ms`, then `x-ms-retry-after-ms` (the order core-rest-pipeline's retry policy reads them in, so that
 * the pollers, the read budget and the pipeline's retries wait alike), then `Retry-After`; `undefined` when none is
 * usable.
 */
export function requestedDelay(
  header: (name: string) => string | null | undefined,
  nowMs: number = Date.now(),
): number | undefined {
  return (
    parseRetryAfterMs(header("retry-after-ms")) ??
    parseRetryAfterMs(header("x-ms-retry-after-ms")) ??
    parseRetryAfter(header("retry-after"), nowMs)
  );
}

function clamp(ms: number): number {
  if (!(ms > 0)) return 0; // negative, -0 and NaN alike
  return Math.min(ms, MAX_RETRY_AFTER_MS);
}

function parseHttpDate(text: string): number | undefined {
  const m = DATE.exec(text);
  if (m) {
    let year = Number(m[4]);
    // Two-digit years (RFC 850): RFC 9110 says a year that looks more than 50 years ahead is in the past.
    if (m[4]!.length === 2) {
      year += 2000;
      if (year > new Date().getUTCFullYear() + 50) year -= 100;
    }
    return utc(year, m[3]!, m[1]!, m[5]!);
  }
  const a = ASCTIME.exec(text);
  return a ? utc(Number(a[4]), a[1]!, a[2]!, a[3]!) : undefined;
}

function utc(year: number, month: string, day: string, time: string): number | undefined {
  const monthIndex = MONTHS.indexOf(month) / 3;
  const d = Number(day);
  const [hh = 0, mm = 0, ss = 0] = time.split(":").map(Number);
  if (!Number.isInteger(monthIndex) || hh > 23 || mm > 59 || ss > 60) return undefined;
  const ms = Date.UTC(year, monthIndex, d, hh, mm, ss);
  // Rejects day 0, 31 Feb and the like, which Date.UTC would roll over into the next month.
  return new Date(ms).getUTCDate() === d ? ms : undefined;
}
