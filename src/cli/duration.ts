import { UsageError } from "./exitCodes.js";

// Durations on the command line read as people write them: 90s, 1.5m, 2h, 500ms; a bare number is seconds.
const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/;
const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 } as const;
// The poller's timers cannot wait longer than 2^31-1 ms (~24.8 days).
const MAX_MS = 2_147_483_647;

/** Milliseconds for `text`, or a UsageError naming `option` and the accepted forms. */
export function parseDuration(text: string, option: string, minMs: number): number {
  const match = DURATION.exec(text.trim());
  const unit = (match?.[2] ?? "s") as keyof typeof UNIT_MS;
  const ms = match ? Math.round(Number(match[1]) * UNIT_MS[unit]) : Number.NaN;
  if (!Number.isFinite(ms) || ms < minMs || ms > MAX_MS) {
    throw new UsageError(
      `${option} must be a duration between ${minMs} ms and 24 days, such as 90s, 10m, 1h or 500ms (got ${JSON.stringify(text)})`,
    );
  }
  return ms;
}
