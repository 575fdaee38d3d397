import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { MISSING_PEER_DEPENDENCY } from "../../testing/certificate.js";
import { DEFAULT_TIMING } from "../../testing/plans.js";
import { startMockArm } from "../../testing/server.js";
import { API_VERSION, connectorPath, DEFAULT_SCOPE } from "../../testing/scope.js";
import type { MockArm, ScenarioFileEvent } from "../../testing/types.js";
import type { MockCommand } from "../args.js";
import { TOKEN_VARIABLE } from "../credential.js";
import { ExitCode, UsageError } from "../exitCodes.js";
import type { Io } from "../io.js";

// `arm-security-devops mock`: the embedded mock of ARM for any tool or language. It serves until Ctrl+C, SIGTERM or
// SIGHUP (a closed terminal), then closes every connection, removes the folder it wrote the certificate to, and
// exits 0: being stopped is how this command ends, not a failure.

/** What the mock prints when it is ready: everything another process needs to reach and trust it. */
export interface MockReady {
  endpoint: string;
  /** The PEM of the mock's self-signed certificate: the CA to trust. */
  certificateFile: string;
  token: string;
  apiVersion: string;
  /** The seeded connector, and its URL on the mock (append `/devops/default/...?api-version=2024-04-01`). */
  scope: typeof DEFAULT_SCOPE;
  connectorUrl: string;
  scenarioFile: string | null;
  env: Record<string, string>;
  /** The arguments this CLI takes to use the mock (with ARM_SECURITY_DEVOPS_TOKEN and NODE_EXTRA_CA_CERTS set). */
  cliArgs: string[];
  pid: number;
}

const STOP_SIGNALS = ["SIGTERM", "SIGHUP"] as const;

/** Serves the mock until `interrupt` (Ctrl+C, from main.ts), SIGTERM or SIGHUP; returns 0 once it is cleanly stopped. */
export async function runMock(cmd: MockCommand, io: Io, interrupt?: AbortSignal): Promise<ExitCode> {
  const mock = await start(cmd, io);
  let dir: string | undefined;
  try {
    dir = mkdtempSync(join(tmpdir(), "arm-security-devops-mock-"));
    const certificateFile = join(dir, "ca.pem");
    writeFileSync(certificateFile, mock.certificate ?? "");
    // Listening for the signals before saying ready: a process that reads the ready line and at once sends
    // SIGTERM must find the handler in place, not Node's default (which would end the process and leave the file).
    const stopped = stopRequested(interrupt);
    const ready = describeReady(mock, certificateFile, cmd.scenarioFile);
    if (cmd.json) io.out(JSON.stringify(ready));
    else for (const line of readyText(ready)) io.out(line);
    const reason = await stopped;
    io.err(`arm-security-devops mock: ${reason}: stopping, and removing ${dir}`);
  } finally {
    await mock.close();
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  }
  return ExitCode.ok;
}

async function start(cmd: MockCommand, io: Io): Promise<MockArm> {
  try {
    return await startMockArm({
      port: cmd.port,
      scenarioFile: cmd.scenarioFile,
      onScenarioFile: (event) => io.err(scenarioLine(event)),
      // Nobody reads `requests` from another process: a mock serving a long test run must not grow with it.
      recordRequests: false,
    });
  } catch (error) {
    throw startFailure(error, cmd);
  }
}

/** Why the mock could not start, as a usage error (exit 2) naming what to change. */
function startFailure(error: unknown, cmd: MockCommand): unknown {
  const e = error as { name?: string; code?: string; message?: string; packageName?: string };
  if (e.code === MISSING_PEER_DEPENDENCY) {
    return new UsageError(
      `the mock makes its HTTPS certificate with the ${e.packageName} package, which is not installed: ` +
        `add it next to arm-security-devops (npm install --save-dev ${e.packageName})`,
      { cause: error },
    );
  }
  if (e.code === "EADDRINUSE") return new UsageError(`--port ${cmd.port} is in use on 127.0.0.1: choose another, or 0 for a free one`, { cause: error });
  if (e.code === "EACCES") return new UsageError(`--port ${cmd.port} cannot be opened (ports below 1024 need privileges): choose another, or 0 for a free one`, { cause: error });
  if (e.name === "MockScenarioError") return new UsageError(`--scenario: ${e.message}`, { cause: error });
  return error;
}

/** How often the mock checks that the process which started it is still there. */
const PARENT_CHECK_MS = 500;

/**
 * Resolves with the reason to stop: Ctrl+C, SIGTERM, SIGHUP — or the process that started the mock having ended.
 * That last one matters because a wrapper may exit on SIGTERM without passing it on (`npx` does), which would
 * leave the mock running with nobody to stop it; an orphan is re-parented, so a changed parent id says so (on Linux
 * and macOS; Windows does not re-parent, and there the check never fires).
 */
function stopRequested(interrupt: AbortSignal | undefined): Promise<string> {
  return new Promise((resolve) => {
    const listeners = STOP_SIGNALS.map((signal) => [signal, () => done(`${signal} received`)] as const);
    const onInterrupt = () => done("interrupted (Ctrl+C)");
    const parent = process.ppid;
    const watch = setInterval(() => {
      if (process.ppid !== parent) done(`the process that started it (${parent}) has ended`);
    }, PARENT_CHECK_MS);
    watch.unref(); // the server keeps the process alive; this check must not
    function done(reason: string): void {
      clearInterval(watch);
      for (const [signal, listener] of listeners) process.off(signal, listener);
      interrupt?.removeEventListener("abort", onInterrupt);
      resolve(reason);
    }
    for (const [signal, listener] of listeners) process.once(signal, listener);
    if (interrupt?.aborted) return onInterrupt();
    interrupt?.addEventListener("abort", onInterrupt, { once: true });
  });
}

function describeReady(mock: MockArm, certificateFile: string, scenarioFile: string | undefined): MockReady {
  return {
    endpoint: mock.endpoint,
    certificateFile,
    token: mock.token,
    apiVersion: API_VERSION,
    scope: { ...DEFAULT_SCOPE },
    connectorUrl: mock.endpoint + connectorPath(DEFAULT_SCOPE),
    scenarioFile: scenarioFile === undefined ? null : resolve(scenarioFile),
    env: {
      NODE_EXTRA_CA_CERTS: certificateFile,
      [TOKEN_VARIABLE]: mock.token,
      REQUESTS_CA_BUNDLE: certificateFile,
      SSL_CERT_FILE: certificateFile,
    },
    cliArgs: ["--endpoint", mock.endpoint],
    pid: process.pid,
  };
}

/** What each variable is read by (printed beside it). */
const ENV_NOTES: Record<string, string> = {
  NODE_EXTRA_CA_CERTS: "Node: this CLI, @azure/* SDKs, any https client",
  [TOKEN_VARIABLE]: "the bearer token this CLI sends to a local --endpoint",
  REQUESTS_CA_BUNDLE: "Python requests: azure-core's default transport, az rest",
  SSL_CERT_FILE: "Python ssl (aiohttp, httpx), Go on Linux; replaces the system CAs",
};

function readyText(r: MockReady): string[] {
  const powershell = process.platform === "win32";
  // Single quotes take everything literally in both shells; only the quote itself needs escaping.
  const quote = (text: string) => (powershell ? `'${text.replaceAll("'", "''")}'` : `'${text.replaceAll("'", `'\\''`)}'`);
  const owners = `${r.connectorUrl}/devops/default/gitHubOwners?api-version=${r.apiVersion}`;
  return [
    `The embedded ARM mock (Microsoft.Security DevOps, api-version ${r.apiVersion}) is listening on 127.0.0.1.`,
    "",
    `  endpoint     ${r.endpoint}`,
    `  certificate  ${r.certificateFile}  (self-signed: trust it; never turn TLS verification off)`,
    `  token        ${r.token}  (send "Authorization: Bearer <token>"; anything else gets ARM's 401)`,
    `  connector    ${r.connectorUrl}`,
    `  scenario     ${r.scenarioFile === null ? "none (--scenario <file>: read again before a request whenever it changes)" : `${r.scenarioFile} (read again before a request whenever it changes)`}`,
    `  timing       Retry-After: ${DEFAULT_TIMING.retryAfter} and retry-after-ms: ${DEFAULT_TIMING.retryAfterMs} on every in-progress answer (a scenario's defaultPlan changes it)`,
    "",
    powershell ? "Environment (PowerShell):" : "Environment (POSIX shell):",
    ...Object.entries(r.env).flatMap(([name, value]) => [
      `  # ${ENV_NOTES[name] ?? name}`,
      powershell ? `  $env:${name} = ${quote(value)}` : `  export ${name}=${quote(value)}`,
    ]),
    "",
    "Then, for example:",
    `  arm-security-devops wait <operation-result-url> ${r.cliArgs.join(" ")}`,
    `  curl --cacert ${quote(r.certificateFile)} -H ${quote(`Authorization: Bearer ${r.token}`)} ${quote(owners)}`,
    `  az rest --url ${quote(owners)} --headers ${quote(`Authorization=Bearer ${r.token}`)}`,
    "    (with REQUESTS_CA_BUNDLE set; no az login is needed when Authorization is given; az rest does not poll operations)",
    "",
    `Ctrl+C or SIGTERM stops the mock and removes ${dirname(r.certificateFile)}.`,
  ];
}

function scenarioLine(event: ScenarioFileEvent): string {
  if (event.kind === "invalid") {
    return `arm-security-devops mock: the scenario cannot be used; every request is answered 400 InvalidMockScenario until it is fixed:\n${event.message}`;
  }
  const s = event.scenario;
  const count = (n: number | undefined, word: string) => `${n ?? 0} ${word}${n === 1 ? "" : "s"}`;
  return (
    `arm-security-devops mock: applied ${event.path}: ${count(s.plans?.length, "plan")}, ${count(s.scripts?.length, "script")}, ` +
    `${count(s.connectors?.length, "connector")}, ${count(s.operationResults?.length, "operation result")}` +
    (s.defaultPlan ? ", a default plan" : "")
  );
}
