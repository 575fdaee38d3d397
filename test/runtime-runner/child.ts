// Starts a runtime's process for a suite: bounded in time, killed when the suite ends, whatever happened.
import { spawn, type ChildProcess } from "node:child_process";

export interface ChildOptions {
  cwd: string;
  env: Record<string, string | undefined>;
  /** SIGKILL after this long. */
  timeoutMs: number;
  /** "inherit" streams the output; "pipe" keeps it (stdout and stderr) for the caller to show on failure. */
  output: "inherit" | "pipe";
}

export interface ChildResult {
  code: number;
  timedOut: boolean;
  /** The output, when ChildOptions.output is "pipe". */
  output: string;
}

const living = new Set<ChildProcess>();
const killLiving = () => {
  for (const child of living) child.kill("SIGKILL");
};
// A runner that throws, exits early or is stopped must not leave a runtime behind (workerd keeps its sockets
// open). On a signal the children go first, then the signal takes its usual course.
process.on("exit", killLiving);
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.once(signal, () => {
    killLiving();
    process.kill(process.pid, signal);
  });
}

/** Runs a command to its end (or its time limit). */
export function runChild(command: string, args: string[], options: ChildOptions): Promise<ChildResult> {
  const child = startChild(command, args, options);
  return child.exited;
}

export interface RunningChild {
  process: ChildProcess;
  /** What it printed so far (when piped). */
  output(): string;
  exited: Promise<ChildResult>;
  /** Kills it (SIGKILL) and waits for it to be gone. */
  stop(): Promise<ChildResult>;
}

/** Starts a long-running command (a server); call stop() when done. */
export function startChild(command: string, args: string[], options: ChildOptions): RunningChild {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ["ignore", options.output, options.output],
  });
  living.add(child);
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill("SIGKILL");
  }, options.timeoutMs);
  const exited = new Promise<ChildResult>((resolve) => {
    const finish = (code: number) => {
      clearTimeout(timer);
      living.delete(child);
      resolve({ code, timedOut, output });
    };
    child.on("error", (error) => {
      output += `could not start ${command}: ${error.message}\n`;
      finish(127);
    });
    child.on("close", (code, signal) => finish(code ?? (signal ? 128 : 1)));
  });
  return {
    process: child,
    output: () => output,
    exited,
    stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      return exited;
    },
  };
}
