// The Worker module the workerd suite runs: the behaviour cases and the package, bundled into one ES module by
// bundle.ts (which answers the import below with the installed tarball, resolved with the Workers' export
// conditions). The test drives it over workerd's HTTP socket on 127.0.0.1:
//   GET /cases        -> the case names, in order
//   POST /run?case=i  -> runs case i; 200 {"ok":true} or {"ok":false,"error":"<stack>"}
//   GET /globals      -> typeof process and Buffer, so the test can see which mode it is talking to
// The mock is reached through the worker's globalOutbound, a workerd network service limited to local addresses
// that trusts exactly the mock's certificate (config.ts); the cases therefore pass no TLS options.
import * as api from "../../src/index.js";
import { cases } from "../behaviour/cases.js";
import type { CaseContext, MockInfo } from "../behaviour/context.js";
import { remoteControl } from "../behaviour/control.js";

/** The worker's text bindings, set in config.ts. */
interface Env {
  ARM_MOCK_INFO: string;
  ARM_MOCK_CONTROL: string;
}

function contextFor(env: Env): CaseContext {
  const info = JSON.parse(env.ARM_MOCK_INFO) as MockInfo;
  const mock = remoteControl(async (op, args) => {
    const response = await fetch(`${env.ARM_MOCK_CONTROL}/${op}`, { method: "POST", body: JSON.stringify(args) });
    const text = await response.text();
    if (!response.ok) throw new Error(`mock control ${op} failed: ${response.status} ${text}`);
    return JSON.parse(text) as unknown;
  });
  return { ...info, api, mock, clientOptions: {} };
}

async function runCase(index: number, env: Env): Promise<Response> {
  const c = cases[index];
  if (!c) return Response.json({ ok: false, error: `no case ${index}` }, { status: 404 });
  try {
    const ctx = contextFor(env);
    await ctx.mock.reset();
    await c.run(ctx);
    return Response.json({ ok: true });
  } catch (error) {
    return Response.json({ ok: false, error: error instanceof Error ? (error.stack ?? String(error)) : String(error) });
  }
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const url = new URL(request.url);
    if (request.method === "GET" && url.pathname === "/cases") return Response.json(cases.map((c) => c.name));
    if (request.method === "GET" && url.pathname === "/globals") {
      const globals = globalThis as { process?: unknown; Buffer?: unknown };
      return Response.json({ process: typeof globals.process, Buffer: typeof globals.Buffer });
    }
    if (request.method === "POST" && url.pathname === "/run") return runCase(Number(url.searchParams.get("case")), env);
    return new Response("not found", { status: 404 });
  },
};
