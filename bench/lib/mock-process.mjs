// Parent side of the mock process: starts bench/lib/mock-child.mjs, waits for it to listen, and sends it
// commands (add operations, count requests and connections, throttle, reset) with a bounded wait for each answer.
import { fork } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const CHILD = fileURLToPath(new URL("./mock-child.mjs", import.meta.url));
const START_TIMEOUT_MS = 30_000;
const CALL_TIMEOUT_MS = 60_000;
const SETTLE_TIMEOUT_MS = 5_000;

/**
 * @param {string} snap the run's snapshot (bench/lib/build.mjs); the mock comes from its dist/testing.cjs
 * @param {string} workDir where the certificate is written for NODE_EXTRA_CA_CERTS
 */
export async function startMockProcess(snap, workDir) {
  const child = fork(CHILD, [`${snap}/dist/testing.cjs`], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const ready = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("mock process did not start within 30 s")), START_TIMEOUT_MS);
    child.once("message", (msg) => (clearTimeout(timer), resolve(msg)));
    child.once("exit", (code) => (clearTimeout(timer), reject(new Error(`mock process exited with ${code}`))));
  });
  mkdirSync(workDir, { recursive: true });
  const caFile = `${workDir}/mock-ca.pem`;
  writeFileSync(caFile, ready.certificate);

  let nextId = 1;
  const pending = new Map();
  child.on("message", (msg) => {
    const p = pending.get(msg.id);
    if (!p) return;
    pending.delete(msg.id);
    clearTimeout(p.timer);
    if (msg.error) p.reject(new Error(`mock: ${msg.error}`));
    else p.resolve(msg.result);
  });

  function call(op, args) {
    const id = nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => (pending.delete(id), reject(new Error(`mock: ${op} timed out`))), CALL_TIMEOUT_MS);
      pending.set(id, { resolve, reject, timer });
      child.send({ id, op, args });
    });
  }

  return {
    endpoint: ready.endpoint,
    token: ready.token,
    scope: ready.scope,
    caFile,
    pid: child.pid,
    add: (id, plan, scope) => call("add", { id, plan, scope }),
    plan: (...plans) => call("plan", { plans }),
    addMany: (prefix, count, plan, scope) => call("addMany", { prefix, count, plan, scope }),
    count: (match) => call("count", { match }),
    reset: () => call("reset"),
    cpuMs: async () => (await call("cpu")).ms,
    /** { open, peak, opened } TCP connections since the last reset. */
    connections: () => call("connections"),
    /**
     * Waits until the mock sees no open connection (at most SETTLE_TIMEOUT_MS): the sockets of a child that just
     * exited close a moment later, and a reset() before that would count them in the next run's peak.
     */
    async settle() {
      const deadline = Date.now() + SETTLE_TIMEOUT_MS;
      let stats = await call("connections");
      while (stats.open > 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        stats = await call("connections");
      }
      return stats;
    },
    /** true (ARM's limits), false (off) or MockThrottleOptions without `now`; reset() turns it off again. */
    throttle: (options) => call("throttle", { options }),
    /** { reads, writes, deletes } × { requests, throttled, spentByOthers }; null: the tenant; undefined: summed. */
    throttleCounters: (subscriptionId) => call("throttleCounters", { subscriptionId }),
    spend: async (subscriptionId, requestClass, count) => (await call("spend", { subscriptionId, requestClass, count })).spent,
    /** Starts a simulated tool spending the same budget; resolves the function that stops it. */
    async simulateOtherClient(options) {
      const { id } = await call("simulateOtherClient", { options });
      return () => call("stopOtherClient", { id });
    },
    close() {
      if (child.exitCode !== null) return Promise.resolve();
      return new Promise((resolve) => {
        const timer = setTimeout(() => (child.kill("SIGKILL"), resolve()), 5_000);
        child.once("exit", () => (clearTimeout(timer), resolve()));
        child.disconnect();
      });
    },
  };
}
