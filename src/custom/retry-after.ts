// Retry-After (RFC 9110 §10.2.3) in its own module: `delay-seconds` or an HTTP-date, parsed strictly. A
// malformed value yields `undefined` so the caller falls back to its own interval instead of guessing (core-lro
// feeds anything to parseInt/new Date and then drops a 0 as "no value", which is why `Retry-After: 0` cost it
// a full default interval per poll).

/** The longest wait a server can ask for: 10 minutes. Longer values are clamped so a typo cannot park a caller for days. */
export const MAX_RETRY_AFTER_MS = 10 * 60_000;

/** The wait between polls when the server gives no usable Retry-After: 2 s, ARM's usual suggestion. */
export const DEFAULT_POLL_INTERVAL_MS = 2_000;

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

// The three date forms a recipient must accept (RFC 9110 §5.6.7). Parsed by hand rather than Date.parse, whose
// leniency differs between engines (it accepts "1", "tomorrow"-like strings in some).
const IMF_FIXDATE = /^(?:mon|tue|wed|thu|fri|sat|sun), (\d{2}) ([a-z]{3}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) gmt$/;
const RFC850_DATE = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday), (\d{2})-([a-z]{3})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) gmt$/;
const ASCTIME_DATE = /^(?:mon|tue|wed|thu|fri|sat|sun) ([a-z]{3}) ([ \d]\d) (\d{2}):(\d{2}):(\d{2}) (\d{4})$/;
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

function clamp(ms: number): number {
  if (!(ms > 0)) return 0; // negative, -0 and NaN alike
  return Math.min(ms, MAX_RETRY_AFTER_MS);
}

function parseHttpDate(text: string): number | undefined {
  let m = IMF_FIXDATE.exec(text);
  if (m) return utc(Number(m[3]), m[2]!, m[1]!, m[4]!, m[5]!, m[6]!);
  m = RFC850_DATE.exec(text);
  if (m) {
    // Two-digit years: RFC 9110 says a year that looks more than 50 years ahead is in the past.
    let year = 2000 + Number(m[3]);
    if (year > new Date().getUTCFullYear() + 50) year -= 100;
    return utc(year, m[2]!, m[1]!, m[4]!, m[5]!, m[6]!);
  }
  m = ASCTIME_DATE.exec(text);
  if (m) return utc(Number(m[6]), m[1]!, m[2]!.trim(), m[3]!, m[4]!, m[5]!);
  return undefined;
}

function utc(year: number, month: string, day: string, h: string, min: string, s: string): number | undefined {
  const monthIndex = MONTHS.indexOf(month);
  const [d, hh, mm, ss] = [Number(day), Number(h), Number(min), Number(s)];
  if (monthIndex < 0 || d < 1 || d > 31 || hh > 23 || mm > 59 || ss > 60) return undefined;
  const ms = Date.UTC(year, monthIndex, d, hh, mm, ss);
  // Rejects 31 Feb and the like, which Date.UTC would roll over into March.
  return new Date(ms).getUTCDate() === d ? ms : undefined;
}
