import { isNamedError } from "./isNamedError.js";

/**
 * A caller's argument breaks a rule the API states (or one the URL needs), found before any request is sent.
 * `parameter` names the argument (`resourceGroupName`, `options.endpoint`, …) and `rule` the broken rule, so code
 * can branch on them and people can read the message.
 */
export class InvalidParameterError extends TypeError {
  override readonly name = "InvalidParameterError" as const;
  readonly parameter: string;
  readonly rule: string;

  constructor(parameter: string, rule: string, detail?: string) {
    super(`${parameter} ${rule}${detail ? ` (${detail})` : ""}`);
    this.parameter = parameter;
    this.rule = rule;
  }
}

/** Whether `e` is an InvalidParameterError, from this or another copy of the package. */
export function isInvalidParameterError(e: unknown): e is InvalidParameterError {
  return isNamedError(e, InvalidParameterError, "InvalidParameterError", "parameter");
}
