// N concurrent pollers in one process, each on its own operation (1 in-progress poll, then Succeeded,
// Retry-After 0). Reports wall time, the RSS before the pollers (after one warm-up poll) and the peak RSS, and the
// client's bound on requests in flight. The mock runs in another process, so its memory is not in these figures.
// argv: <n> <operation id prefix>
import { performance } from "node:perf_hooks";
import { createClient, pollOperationResult, requestLimitState } from "../../dist/index.js";
import { fromEnv } from "../apps/env.mjs";

const n = Number(process.argv[2]);
const prefix = process.argv[3];
const { credential, input } = fromEnv();
const { subscriptionId, resourceGroupName, securityConnectorName } = input;
const target = (operationResultId) => ({ subscriptionId, resourceGroupName, securityConnectorName, operationResultId });
// Default client options but one: the mock does not throttle here, so the client's shared read budget (ARM's
// 250 + 25/s by default, which would make 20,000 reads take 13 minutes) is off, as a user would turn it off for a
// service without ARM's limits. The bound on requests in flight is at its default: it decides how many sockets open.
const client = createClient(credential, { endpoint: input.endpoint, readBudget: false });

// Warm-up: modules, JIT, TLS session and one socket exist before the baseline, so the delta is the pollers'.
await pollOperationResult(client, target(`${prefix}warm`));
globalThis.gc?.();
const baselineRss = process.memoryUsage.rss();

// A timer samples RSS while the pollers run; resourceUsage().maxRSS (the kernel's own peak) backs it up.
let sampledPeak = baselineRss;
const sampler = setInterval(() => (sampledPeak = Math.max(sampledPeak, process.memoryUsage.rss())), 5);
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const results = await Promise.all(
  Array.from({ length: n }, (_, i) => pollOperationResult(client, target(`${prefix}${i}`), { timeoutInMs: 240_000 })),
);
const wallMs = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
clearInterval(sampler);
const peakRss = Math.max(sampledPeak, process.resourceUsage().maxRSS * 1024);
const succeeded = results.filter((r) => r.status === "Succeeded").length;
if (succeeded !== n) throw new Error(`${n - succeeded} of ${n} pollers did not succeed`);
const perPollerBytes = (peakRss - baselineRss) / n;
const cpuMs = (cpu.user + cpu.system) / 1000;
const { maxConcurrentRequests } = requestLimitState(client);
process.stdout.write(`${JSON.stringify({ n, wallMs, cpuMs, baselineRss, peakRss, perPollerBytes, maxConcurrentRequests })}\n`);
