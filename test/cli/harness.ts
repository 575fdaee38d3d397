// Runs the BUILT command (dist/cli.js, as `npx arm-security-devops` would) against a mock ARM started in the
// test process. Children are spawned asynchronously: a synchronous spawn would block the event loop that serves
// the mock. HTTPS trust of the mock comes from NODE_EXTRA_CA_CERTS, as a user would set it.
import { execFile, execFileSync, spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startMockArm } from "../../src/testing/index.js";
import type { MockArm } from "../../src/testing/types.js";
import { baseEnv, cli, requireBuiltCli, root } from "./built.js";

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliHarness {
  mock: MockArm;
  /** Environment for a child: the mock's CA, its token, and none of the caller's Azure variables. */
  env: NodeJS.ProcessEnv;
  caFile: string;
  run(args: string[], env?: NodeJS.ProcessEnv): Promise<CliRun>;
  /** The command started but not awaited, to signal it (Ctrl+C) while it runs. */
  start(args: string[], env?: NodeJS.ProcessEnv): RunningCli;
  close(): Promise<void>;
}

export async function startCliHarness(): Promise<CliHarness> {
  requireBuiltCli();
  const mock = await startMockArm();
  const dir = mkdtempSync(join(tmpdir(), "arm-cli-"));
  const caFile = join(dir, "mock-ca.pem");
  writeFileSync(caFile, mock.certificate ?? "");
  const env: NodeJS.ProcessEnv = {
    ...baseEnv(),
    NODE_EXTRA_CA_CERTS: caFile,
    ARM_SECURITY_DEVOPS_TOKEN: mock.token,
  };
  return {
    mock,
    env,
    caFile,
    run: (args, extra) => runNode([cli, ...args], { ...env, ...extra }),
    start: (args, extra) => startCommand(process.execPath, [cli, ...args], { ...env, ...extra }),
    close: async () => {
      await mock.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** `node <args>` with a hard time limit, so a hung child fails the test instead of hanging it. */
export function runNode(args: string[], env: NodeJS.ProcessEnv, timeoutMs = 15_000): Promise<CliRun> {
  return runCommand(process.execPath, args, env, timeoutMs);
}

export function runCommand(file: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs = 15_000): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(file, args, { env, cwd: root, encoding: "utf8", timeout: timeoutMs }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : null) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** The mock's connector as CLI flags. */
export function idFlags(mock: MockArm): string[] {
  return ["--endpoint", mock.endpoint, "--subscription", "5d3c1b7e-2f4a-4c8e-9b61-0a7f3e2d9c15", "--resource-group", "contoso-rg", "--connector", "contoso-connector"];
}

/** A child still running: a wait for text in its output, and its exit (code, or the signal that ended it). */
export interface RunningCli {
  child: ChildProcessWithoutNullStreams;
  /** Resolves once `text` (string or pattern) has appeared on stdout or stderr; rejects after `timeoutMs`. */
  waitFor(text: string | RegExp, timeoutMs?: number): Promise<void>;
  exit: Promise<CliRun & { signal: NodeJS.Signals | null }>;
}

/** Starts `file args` without waiting for it, for tests that signal or type into a running command. */
export function startCommand(file: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs = 15_000): RunningCli {
  const child = spawn(file, args, { env, cwd: root, timeout: timeoutMs });
  let stdout = "";
  let stderr = "";
  const seen = new Set<() => void>();
  const onData = (): void => seen.forEach((check) => check());
  child.stdout.setEncoding("utf8").on("data", (d: string) => ((stdout += d), onData()));
  child.stderr.setEncoding("utf8").on("data", (d: string) => ((stderr += d), onData()));
  const exit = new Promise<CliRun & { signal: NodeJS.Signals | null }>((resolve) =>
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  const waitFor = (text: string | RegExp, waitMs = 10_000): Promise<void> =>
    new Promise((resolve, reject) => {
      const found = (): boolean => (typeof text === "string" ? (stdout + stderr).includes(text) : text.test(stdout + stderr));
      const timer = setTimeout(() => {
        seen.delete(check);
        reject(new Error(`${JSON.stringify(String(text))} did not appear within ${waitMs} ms; output so far: ${JSON.stringify(stdout + stderr)}`));
      }, waitMs);
      const check = (): void => {
        if (!found()) return;
        clearTimeout(timer);
        seen.delete(check);
        resolve();
      };
      seen.add(check);
      check();
    });
  return { child, waitFor, exit };
}

/** Whether util-linux `script` is installed: the suites that give the CLI a terminal skip without it. */
export const hasScript = (() => {
  try {
    execFileSync("script", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

/**
 * Arguments of `script` that run `words` in a pseudo-terminal and copy what it wrote (stdout and stderr alike) to
 * our pipe: `script -qec <words, each quoted for its shell> /dev/null`.
 */
export function scriptArgs(words: string[]): string[] {
  const quote = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;
  return ["-qec", words.map(quote).join(" "), "/dev/null"];
}

/** A loopback port nobody listens on: bound, then released. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
