// One long-running operation polled to the end by one app; prints the wall time from the first request to
// the terminal status. The parent counts the requests the mock received for the operation.
// argv: <app module path>
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { fromEnv } from "../apps/env.mjs";

const { credential, input } = fromEnv();
const app = await import(pathToFileURL(process.argv[2]).href);
// Bounds the run whatever the app does; 30 s is far above the slowest planned operation (5 × 1 s).
input.abortSignal = AbortSignal.timeout(30_000);
const t0 = performance.now();
const status = await app.runApp(credential, input);
const wallMs = performance.now() - t0;
process.stdout.write(`${JSON.stringify({ status, wallMs })}\n`);
