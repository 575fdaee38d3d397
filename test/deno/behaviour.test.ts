// The behaviour suite in Deno, importing the installed package the way a Deno user does. Started by run.ts,
// which passes the mock's address and its control server in the environment.
import * as api from "npm:arm-security-devops";
import { cases } from "./behaviour/cases.ts";
import type { CaseContext, MockInfo } from "./behaviour/context.ts";
import { remoteControl } from "./behaviour/control.ts";

const info = JSON.parse(Deno.env.get("ARM_MOCK_INFO") ?? "null") as MockInfo | null;
const controlUrl = Deno.env.get("ARM_MOCK_CONTROL");
const mode = Deno.env.get("ARM_DENO_MODE");
if (!info || !controlUrl) throw new Error("ARM_MOCK_INFO / ARM_MOCK_CONTROL are not set: run test/deno-runner/run.ts");

const mock = remoteControl(async (op, args) => {
  const response = await fetch(`${controlUrl}/${op}`, { method: "POST", body: JSON.stringify(args) });
  const text = await response.text();
  if (!response.ok) throw new Error(`mock control ${op} failed: ${response.status} ${text}`);
  return JSON.parse(text) as unknown;
});
// fetch (the "web" mode) trusts the mock's self-signed certificate through `deno test --cert`; Deno's node:https
// (the "node" mode) ignores --cert and is given the certificate as `tlsOptions.ca`, as in Node.
const ctx: CaseContext = { ...info, api, mock, clientOptions: { tlsOptions: { ca: Deno.env.get("ARM_MOCK_CA") } } };

for (const c of cases) {
  Deno.test(`[${mode}] ${c.name}`, async () => {
    await mock.reset();
    await c.run(ctx);
  });
}
