import { isInvalidParameterError, type InvalidParameterError } from "../../src/index.js";

/**
 * The InvalidParameterError `f` throws synchronously (bad input is refused before any request); fails when it
 * throws anything else or nothing.
 */
export function refusal(f: () => unknown): InvalidParameterError {
  try {
    f();
  } catch (e) {
    if (isInvalidParameterError(e)) return e;
    throw e;
  }
  throw new Error("expected an InvalidParameterError");
}
