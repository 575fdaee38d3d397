// Runs one measured Node process and collects the JSON object it prints as its last stdout line. Every child is
// bounded in time: past `timeoutMs` it is killed (by its own pid) and the run counts as failed.
import { spawn } from "node:child_process";
import { performance } from "node:perf_hooks";

/**
 * @returns {Promise<{ result: any, wallMs: number, firstOutputMs: number }>} wallMs: spawn to exit;
 *   firstOutputMs: spawn to the first byte on stdout (the child prints only once it has its answer).
 */
export function runNode(script, args, { env, timeoutMs, nodeArgs = [] }) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    let firstOutputMs;
    let stdout = "";
    let stderr = "";
    const child = spawn(process.execPath, [...nodeArgs, script, ...args], {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.stdout.on("data", (chunk) => {
      firstOutputMs ??= performance.now() - t0;
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", (e) => (clearTimeout(timer), reject(e)));
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      const wallMs = performance.now() - t0;
      const last = stdout.trim().split("\n").at(-1) ?? "";
      if (code !== 0) {
        const why = signal === "SIGKILL" ? `killed after ${timeoutMs} ms` : `exit ${code ?? signal}`;
        return reject(new Error(`${script} ${args.join(" ")}: ${why}\n${stderr.slice(-2000)}`));
      }
      try {
        resolve({ result: JSON.parse(last), wallMs, firstOutputMs });
      } catch {
        reject(new Error(`${script} ${args.join(" ")}: no JSON result line\n${stdout.slice(-500)}${stderr.slice(-1000)}`));
      }
    });
  });
}

/** Environment of a measured client: where the mock is, its token, and trust in its certificate from the start. */
export function clientEnv(mock, extra = {}) {
  return {
    // Set at process start, so undici (fetch) and node:https (core-client) both trust the mock's self-signed
    // certificate, and every variant pays the same cost for loading it.
    NODE_EXTRA_CA_CERTS: mock.caFile,
    BENCH_ENDPOINT: mock.endpoint,
    BENCH_TOKEN: mock.token,
    BENCH_SCOPE: JSON.stringify(mock.scope),
    ...extra,
  };
}
