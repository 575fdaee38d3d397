// N sequential DevOpsOperationResults_Get calls in one process, after a warm-up. Reports this process's CPU
// (user + system, from process.cpuUsage) and wall time per call; the mock's CPU is in its own process.
// argv: <app module path> <warm-up calls> <measured calls>
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { fromEnv } from "../apps/env.mjs";

const [, , appPath, warmupArg, nArg] = process.argv;
const warmup = Number(warmupArg);
const n = Number(nArg);
const { credential, input } = fromEnv();
const app = await import(pathToFileURL(appPath).href);
const { get } = await app.connect(credential, input);
// Warm-up: JIT, the TLS session and the keep-alive socket, so the loop measures steady-state calls.
for (let i = 0; i < warmup; i++) await get();

const cpu0 = process.cpuUsage();
const t0 = performance.now();
for (let i = 0; i < n; i++) await get();
const wallMs = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
process.stdout.write(`${JSON.stringify({ cpuUsPerCall: (cpu.user + cpu.system) / n, msPerCall: wallMs / n, n })}\n`);
