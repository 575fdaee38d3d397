import { isInvalidParameterError } from "../custom/errors/invalidParameterError.js";
import { isAbortError, isDevOpsOperationError, isPollingError } from "../custom/errors/guards.js";
import type { PollingError } from "../custom/errors/pollingError.js";
import { isRestError } from "../custom/errors/toRestError.js";
import { ExitCode, UsageError } from "./exitCodes.js";
import { formatArmError } from "./output.js";

// Every error the CLI can meet, turned into an exit code and a few plain lines for stderr. No stack traces: the
// messages already name what went wrong and where.

export interface Failure {
  code: ExitCode;
  lines: string[];
}

export function describeFailure(error: unknown): Failure {
  if (error instanceof UsageError || isInvalidParameterError(error)) {
    return { code: ExitCode.usage, lines: [`error: ${error.message}`, "Run with --help for usage."] };
  }
  if (isDevOpsOperationError(error)) {
    const header = `The operation ${error.canceled ? "was canceled" : "failed"} (status ${error.status}).`;
    const detail = formatArmError({ code: error.code, target: error.target, message: error.message, details: error.details });
    return { code: ExitCode.operationFailed, lines: [header, ...detail] };
  }
  if (isAbortError(error)) {
    return { code: ExitCode.timeout, lines: [`Timed out: ${error.message}. The operation may still be running.`] };
  }
  if (isPollingError(error)) return { code: ExitCode.transport, lines: [`error: ${error.message}`] };
  if (isRestError(error)) {
    const status = error.statusCode;
    if (status === undefined) {
      return { code: ExitCode.transport, lines: [`error: could not reach the endpoint: ${error.message}${causeOf(error)}`] };
    }
    const hint = status === 401 || status === 403 ? " (authentication or authorization failed)" : "";
    const what = [error.code, error.message].filter((part) => part !== undefined && part !== "").join(": ");
    return { code: ExitCode.transport, lines: [`error: HTTP ${status}${hint}: ${what}`] };
  }
  const name = error instanceof Error ? error.name : "Error";
  const message = error instanceof Error ? error.message : String(error);
  // @azure/identity's CredentialUnavailableError, AuthenticationError and AggregateAuthenticationError.
  if (/Credential|Authentication/.test(name)) {
    return { code: ExitCode.transport, lines: [`error: could not sign in to Azure (${name}): ${message}`] };
  }
  return { code: ExitCode.transport, lines: [`error: ${name}: ${message}${causeOf(error)}`] };
}

/**
 * `wait` gave up reading the status (network down, 408/429/5xx): the library's message names its option
 * (options.maxTransientErrors), this one names the flag and says what to do. `last` is the last status read.
 */
export function describeExhaustedRetries(error: PollingError<"transientErrorsExhausted">, maxTransientErrors: number, last: string): string[] {
  const polls = error.attempts ?? maxTransientErrors + 1;
  return [
    `error: could not read the operation status: ${polls === 1 ? "1 poll" : `${polls} polls in a row`} failed ` +
      `(--max-transient-errors ${maxTransientErrors}); last status: ${last}`,
    `  last error: ${describeCause(error.cause)}`,
    "The operation may still be running: run wait again later, or raise --max-transient-errors to keep trying longer.",
  ];
}

/** One line for the error of a failed status read: `HTTP 503: ServiceUnavailable: …`, or the network error. */
export function describeCause(cause: unknown): string {
  if (isRestError(cause) && cause.statusCode !== undefined) {
    return [`HTTP ${cause.statusCode}`, cause.code, cause.message].filter((part) => part !== undefined && part !== "").join(": ");
  }
  return cause instanceof Error ? `${cause.message}${causeOf(cause)}` : String(cause);
}

function causeOf(error: unknown): string {
  const cause = error instanceof Error ? (error as { cause?: unknown }).cause : undefined;
  const code = (error as { code?: unknown }).code;
  if (cause instanceof Error) return ` (${cause.message})`;
  // Node's network errors already say their code ("connect ECONNREFUSED 127.0.0.1:443"): not twice.
  const said = error instanceof Error && typeof code === "string" && error.message.includes(code);
  return typeof code === "string" && code !== "" && !said ? ` (${code})` : "";
}
