// The one check of a numeric option, shared by the poller's options (poller/options.ts) and the client's throttling
// options (throttle/options.ts), so that every message has the same shape: it names the option and the rule, and
// shows the value given. A value of the wrong type — a string, NaN, ±Infinity, a fraction where an integer is asked —
// is a TypeError, one out of range a RangeError, as the built-in APIs tell them apart.

/** What a numeric option accepts. */
export interface NumberRule {
  readonly min: number;
  readonly max: number;
  /** Whole numbers only. */
  readonly integer?: boolean;
  /** `min` itself is refused: any number above it (a rate, which cannot be 0). */
  readonly aboveMin?: boolean;
  /** Infinity is accepted too, meaning "no bound". */
  readonly orInfinity?: boolean;
}

/** `value` when it keeps `rule`; otherwise throws, naming the option `name` ("options.readBurst"). */
export function checkNumberOption(name: string, value: unknown, rule: NumberRule): number {
  if (rule.orInfinity && value === Number.POSITIVE_INFINITY) return value;
  const range = rule.aboveMin ? `above ${rule.min} and at most ${rule.max}` : `from ${rule.min} to ${rule.max}`;
  const message =
    `${name} must be ${rule.integer ? "an integer" : "a number"} ${range}` +
    `${rule.orInfinity ? ", or Infinity for no bound" : ""}, got ${describeValue(value)}`;
  if (typeof value !== "number" || !Number.isFinite(value) || (rule.integer && !Number.isInteger(value))) {
    throw new TypeError(message);
  }
  if (value < rule.min || value > rule.max || (rule.aboveMin && value === rule.min)) throw new RangeError(message);
  return value;
}

/** A value as an option's error message shows it: a string quoted, an array or an object named, else String(value). */
export function describeValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" && value !== null ? "an object" : String(value);
}
