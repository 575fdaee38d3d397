// Starts the real workerd binary (not the Node wrapper in node_modules/.bin, which can outlive a kill) on the
// suite's config, waits until every socket answers, and talks to the workers over 127.0.0.1. Its output is kept
// for failure messages: inside a Worker a network failure reads only "internal error; reference = …".
import { execFileSync } from "node:child_process";
import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { startChild, type RunningChild } from "../runtime-runner/child.js";
import { MODE_NAMES, writeConfig, type ModeName } from "./config.js";

const STARTUP_TIMEOUT_MS = 20_000;
const CASE_TIMEOUT_MS = 30_000;
const WORKERD_LIFETIME_MS = 5 * 60_000;

export interface WorkerdServer {
  compatibilityDate: string;
  get(mode: ModeName, path: string): Promise<unknown>;
  runCase(mode: ModeName, index: number): Promise<{ ok: boolean; error?: string }>;
  /** workerd's stdout and stderr so far. */
  log(): string;
  stop(): Promise<void>;
}

/** "workerd 2026-11-17" -> "2026-11-17": the newest compatibility date this binary accepts. */
export function binaryDate(workerd: string): string {
  const version = execFileSync(workerd, ["--version"], { encoding: "utf8", timeout: 10_000 }).trim();
  const date = /\b(\d{4}-\d{2}-\d{2})\b/.exec(version)?.[1];
  if (!date) throw new Error(`cannot read a date from \`workerd --version\`: ${version}`);
  return date;
}

export async function startWorkerd(
  workerd: string,
  dir: string,
  bindings: Record<string, string>,
): Promise<WorkerdServer> {
  const compatibilityDate = binaryDate(workerd);
  const ports = { nodejs_compat: await freePort(), no_nodejs_compat: await freePort() };
  const config = writeConfig({ dir, compatibilityDate, ports, bindings });
  const child = startChild(workerd, ["serve", config], {
    cwd: dir,
    env: { ...process.env },
    timeoutMs: WORKERD_LIFETIME_MS,
    output: "pipe",
  });
  const url = (mode: ModeName, path: string) => `http://127.0.0.1:${ports[mode]}${path}`;
  try {
    for (const mode of MODE_NAMES) await waitUntilServing(child, url(mode, "/cases"));
  } catch (error) {
    await child.stop();
    throw new Error(`${(error as Error).message}\n--- workerd output ---\n${child.output()}`);
  }
  return {
    compatibilityDate,
    async get(mode, path) {
      const response = await fetch(url(mode, path), { signal: AbortSignal.timeout(CASE_TIMEOUT_MS) });
      return response.json();
    },
    async runCase(mode, index) {
      const response = await fetch(url(mode, `/run?case=${index}`), {
        method: "POST",
        signal: AbortSignal.timeout(CASE_TIMEOUT_MS),
      });
      const text = await response.text();
      try {
        return JSON.parse(text) as { ok: boolean; error?: string };
      } catch {
        return { ok: false, error: `HTTP ${response.status}: ${text}` };
      }
    },
    log: child.output,
    async stop() {
      await child.stop();
    },
  };
}

/** Polls until the socket answers (bounded), failing at once if workerd exits, e.g. on a config error. */
async function waitUntilServing(child: RunningChild, url: string): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  let exited = false;
  void child.exited.then(() => (exited = true));
  while (Date.now() < deadline) {
    if (exited) throw new Error(`workerd exited before serving ${url}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await response.body?.cancel();
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`workerd did not serve ${url} within ${STARTUP_TIMEOUT_MS} ms`);
}

/** A port that was free a moment ago; workerd binds it by address from the config. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
