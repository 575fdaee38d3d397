import { UsageError } from "./exitCodes.js";

/** A whole number written as digits only (no sign, no exponent, no fraction), from 0 to `max`. */
export function parseCount(text: string, option: string, max: number): number {
  const value = /^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  if (!Number.isSafeInteger(value) || value > max) {
    throw new UsageError(`${option} must be a whole number from 0 to ${max}, such as 5 (got ${JSON.stringify(text)})`);
  }
  return value;
}
