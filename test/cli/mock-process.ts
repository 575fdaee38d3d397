// The mock as another tool meets it: `arm-security-devops mock` (the BUILT dist/cli.js) in a process of its own,
// reached only through what it prints. Nothing here imports the mock's source.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { baseEnv, cli, requireBuiltCli, root } from "./built.js";

/** What `mock --json` prints on its first line. */
export interface Ready {
  endpoint: string;
  certificateFile: string;
  token: string;
  apiVersion: string;
  scope: { subscriptionId: string; resourceGroupName: string; securityConnectorName: string };
  connectorUrl: string;
  scenarioFile: string | null;
  env: Record<string, string>;
  cliArgs: string[];
  pid: number;
}

export interface MockProcess {
  child: ChildProcessWithoutNullStreams;
  ready: Ready;
  stderr(): string;
  /** Sends `signal` and resolves with how the process ended. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

/** The mock's process ended before it was ready: its exit code and what it said. */
export interface Refusal {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `node dist/cli.js mock --json ...args`, resolved once its ready line is out; a hard limit ends it in any case. */
export function startMockProcess(args: string[] = [], env: NodeJS.ProcessEnv = {}, lifetimeMs = 120_000): Promise<MockProcess> {
  requireBuiltCli();
  const child = spawn(process.execPath, [cli, "mock", "--json", ...args], {
    cwd: root,
    env: { ...baseEnv(), ...env },
    timeout: lifetimeMs,
  });
  let stdout = "";
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("close", (code, signal) => resolve({ code, signal })),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`the mock was not ready within 15 s; stderr: ${stderr}`));
    }, 15_000);
    child.stdout.setEncoding("utf8").on("data", (d: string) => {
      stdout += d;
      const newline = stdout.indexOf("\n");
      if (newline < 0) return;
      clearTimeout(timer);
      const ready = JSON.parse(stdout.slice(0, newline)) as Ready;
      resolve({
        child,
        ready,
        stderr: () => stderr,
        stop: async (signal = "SIGTERM") => {
          if (child.exitCode === null && child.signalCode === null) child.kill(signal);
          return { ...(await exited), stderr };
        },
      });
    });
    void exited.then(({ code }) => {
      clearTimeout(timer);
      reject(Object.assign(new Error(`the mock exited with ${code} before it was ready: ${stderr}`), { code, stdout, stderr } satisfies Refusal));
    });
  });
}

/** Whether a process id is still alive (signal 0 tests for existence without sending anything). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
