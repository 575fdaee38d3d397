import { createClient } from "../custom/client.js";
import { packageVersion } from "../generated/packageInfo.js";
import { parseCommandLine } from "./args.js";
import { runGet } from "./commands/get.js";
import { runMock } from "./commands/mock.js";
import { runWait } from "./commands/wait.js";
import { resolveCredential } from "./credential.js";
import { ExitCode } from "./exitCodes.js";
import { describeFailure } from "./failure.js";
import { HELP } from "./help.js";
import type { Io } from "./io.js";

/** Runs one command line and returns the exit code; never throws (every error becomes a code and a message). */
export async function run(argv: readonly string[], env: NodeJS.ProcessEnv, io: Io, interrupt?: AbortSignal): Promise<ExitCode> {
  try {
    const line = parseCommandLine(argv, env);
    if (line.kind === "help") {
      io.out(HELP.trimEnd());
      return ExitCode.ok;
    }
    if (line.kind === "version") {
      io.out(packageVersion);
      return ExitCode.ok;
    }
    if (line.kind === "mock") return await runMock(line, io, interrupt);
    const credential = await resolveCredential(line.endpoint, env);
    // Retries stay at the pipeline's defaults; a poll that still fails is retried by the poller, within its bound.
    const client = createClient(credential, { endpoint: line.endpoint });
    return line.command === "get" ? await runGet(client, line.target, line.json, io, interrupt) : await runWait(client, line, io, interrupt);
  } catch (error) {
    if (interrupt?.aborted) {
      // Whatever the request failed with, it failed because of Ctrl+C.
      io.err("Interrupted before the service answered. The operation itself is not affected.");
      return ExitCode.interrupted;
    }
    const failure = describeFailure(error);
    for (const text of failure.lines) io.err(text);
    return failure.code;
  }
}
