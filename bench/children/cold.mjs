// One cold start: a fresh process imports one app, connects and reads one operation result, then prints the
// times. The mock runs in another process, already listening, so its start-up is not in the figure.
// argv: <app module path>
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { fromEnv } from "../apps/env.mjs";

const { credential, input } = fromEnv();
const t0 = performance.now();
const app = await import(pathToFileURL(process.argv[2]).href);
const { get } = await app.connect(credential, input);
const { body } = await get();
const t1 = performance.now();
if (typeof body?.status !== "string") throw new Error("no operation result");
// performance.now() counts from the process's time origin, so t1 is also "process start to first result".
process.stdout.write(`${JSON.stringify({ importToResultMs: t1 - t0, sinceStartMs: t1 })}\n`);
