/**
 * Whether `e` is an error of this package's class `type`: by `instanceof`, or — for an error thrown by another copy
 * of the package (a second bundle, Deno beside Node), whose class is a different object — by its `name` and a
 * string `field` that only that class carries. One rule for every guard of the package.
 */
export function isNamedError(e: unknown, type: abstract new (...args: never[]) => Error, name: string, field: string): boolean {
  return e instanceof type || (e instanceof Error && e.name === name && typeof (e as unknown as Record<string, unknown>)[field] === "string");
}
