import { UsageError } from "./exitCodes.js";

// Durations on the command line read as people write them: 90s, 1.5m, 2h, 500ms; a bare number is seconds.
// A sign is read so that "-5s" gets "must be positive" rather than "not a duration".
const DURATION = /^([+-]?\d+(?:\.\d+)?)(ms|s|m|h)?$/;
const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 } as const;
// The poller's timers cannot wait longer than 2^31-1 ms (~24.8 days).
const MAX_MS = 2_147_483_647;

/** Milliseconds for `text` (at least 1), or a UsageError naming `option` and the rule it breaks. */
export function parseDuration(text: string, option: string): number {
  const match = DURATION.exec(text.trim());
  if (!match) {
    throw new UsageError(`${option} must be a duration such as 90s, 10m, 1h or 500ms (got ${JSON.stringify(text)})`);
  }
  const unit = (match[2] ?? "s") as keyof typeof UNIT_MS;
  const ms = Math.round(Number(match[1]) * UNIT_MS[unit]);
  // Zero is refused too: a zero --timeout gives up at once, and a zero --interval polls as fast as the network allows.
  if (!(ms >= 1)) {
    throw new UsageError(`${option} must be a positive duration, such as 90s or 500ms (got ${JSON.stringify(text)})`);
  }
  if (ms > MAX_MS) throw new UsageError(`${option} must be at most 24 days (got ${JSON.stringify(text)})`);
  return ms;
}
