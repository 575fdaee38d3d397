// The CLI's exit codes are part of its interface: scripts branch on them, so each has one meaning only.

export const ExitCode = {
  /**
   * The operation Succeeded (wait), or its result was read and it has not failed (get); `mock` was stopped by
   * Ctrl+C, SIGTERM or SIGHUP and removed its files (being stopped is how it ends, so not 130 or 143).
   */
  ok: 0,
  /** The operation ended Failed or Canceled; its error code and message were printed. */
  operationFailed: 1,
  /**
   * The command line was wrong (unknown option, missing id, bad URL, ...); nothing was sent. For `mock`: its port
   * cannot be opened, its scenario file is unreadable or invalid, or the selfsigned package is not installed.
   */
  usage: 2,
  /** The outcome could not be learnt: network, TLS, authentication, or an HTTP error from the service. */
  transport: 3,
  /** `wait --timeout` elapsed while the operation was still running. */
  timeout: 4,
  /** Stopped by Ctrl+C (SIGINT), as shells report a death by SIGINT (128 + 2); the operation goes on in Azure. */
  interrupted: 130,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** A mistake on the command line. The message names the option and the rule; main.ts exits with 2. */
export class UsageError extends Error {
  override readonly name = "UsageError" as const;
}
