// A few assertions that run unchanged in Node, Deno and browsers (node:assert exists only in the first two, and
// vitest's expect only under vitest). Messages say what was expected so a failure reads without the source.

export class AssertionError extends Error {
  override name = "AssertionError" as const;
}

function show(value: unknown): string {
  try {
    return typeof value === "string" ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  } catch {
    return String(value);
  }
}

export function ok(condition: unknown, message: string): asserts condition {
  if (!condition) throw new AssertionError(message);
}

export function equal<T>(actual: T, expected: T, what: string): void {
  if (!Object.is(actual, expected)) throw new AssertionError(`${what}: expected ${show(expected)}, got ${show(actual)}`);
}

/** Structural equality through JSON, enough for response bodies and header maps. */
export function deepEqual(actual: unknown, expected: unknown, what: string): void {
  const a = show(actual);
  const e = show(expected);
  if (a !== e) throw new AssertionError(`${what}: expected ${e}, got ${a}`);
}

/** Awaits `promise`, which must reject; returns the rejection for further checks. */
export async function rejects(promise: Promise<unknown>, what: string): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new AssertionError(`${what}: expected a rejection, but it resolved`);
}
