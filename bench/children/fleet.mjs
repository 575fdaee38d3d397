// N pollers at once in one process, each on its own operation, against the (throttling) mock: this package's
// pollOperationResult, or core-lro's createHttpPoller over bare core-client (./fleet-core-lro.mjs). Reports the
// wall time from the first poller's start until the last one settled, how many succeeded, and why the others failed.
// The parent reads the requests and 429s at the mock.
// argv: <ours|core-lro> <n> <operation id prefix> <timeout ms per poller> <bucket size> <refill per second>
// The bucket is the mock's (scaled-down) read bucket: this package's client is given it as its readBudget, as a
// user would tell the client the limits of the ARM it talks to. core-lro has no such option.
import { performance } from "node:perf_hooks";
import { createClient, pollOperationResult, readBudgetState, requestLimitState } from "../../dist/index.js";
import { fromEnv } from "../apps/env.mjs";
import { createBareClient, pollWithCoreLro } from "./fleet-core-lro.mjs";

const [variant, count, prefix, timeout, size, refill] = process.argv.slice(2);
const n = Number(count);
const timeoutMs = Number(timeout);
let budgetOf = () => undefined;
const { credential, input } = fromEnv();
const { endpoint, subscriptionId, resourceGroupName, securityConnectorName } = input;

function starter() {
  if (variant === "ours") {
    // The read budget sized to the mock's bucket; every other option at its default. A timeout per poller, as anyone
    // waiting on a fleet would set.
    const client = createClient(credential, { endpoint, readBudget: { size: Number(size), refillPerSecond: Number(refill) } });
    budgetOf = () => ({ ...readBudgetState(client)?.scopes[0], requests: requestLimitState(client) });
    return (id) =>
      pollOperationResult(client, { subscriptionId, resourceGroupName, securityConnectorName, operationResultId: id }, { timeoutInMs: timeoutMs });
  }
  if (variant === "core-lro") {
    const client = createBareClient(endpoint, credential);
    const connector = `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroupName}/providers/Microsoft.Security/securityConnectors/${securityConnectorName}`;
    return (id) =>
      pollWithCoreLro(client, `${endpoint}${connector}/devops/default/operationResults/${id}?api-version=2024-04-01`, AbortSignal.timeout(timeoutMs));
  }
  throw new Error(`unknown variant ${variant}`);
}

const start = starter();
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const settled = await Promise.allSettled(Array.from({ length: n }, (_, i) => Promise.resolve().then(() => start(`${prefix}${i}`))));
const wallMs = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);

let succeeded = 0;
const failures = {};
for (const s of settled) {
  if (s.status === "fulfilled" && s.value?.status === "Succeeded") succeeded += 1;
  else {
    const kind = s.status === "rejected" ? kindOf(s.reason) : `ended ${s.value?.status}`;
    failures[kind] = (failures[kind] ?? 0) + 1;
  }
}
const budget = budgetOf();
process.stdout.write(`${JSON.stringify({ variant, n, succeeded, failures, wallMs, cpuMs: (cpu.user + cpu.system) / 1000, budget })}\n`);

/** A failure's kind, so 700 alike rejections are one entry: the error name and reason, or its message's start. */
function kindOf(e) {
  if (e?.reason && typeof e.reason === "string") return `${e.name} (${e.reason})`;
  // Two sentences say what failed and why (core-lro: "The long-running operation has failed. <ARM code>").
  const message = String(e?.message ?? e).replace(/https?:\/\/\S+/g, "<url>").split(". ").slice(0, 2).join(". ");
  return `${e?.name ?? "Error"}: ${message.slice(0, 100)}`;
}
