// The behaviour suite in Bun, importing the installed package by name (Bun picks its Node build: the "import"
// condition, with Azure core's node:https pipeline). Started by test/bun-runner/run.ts, which passes the mock's
// address and its control server in the environment and chooses how the mock's certificate is trusted.
import { beforeEach, test } from "bun:test";
import * as api from "arm-security-devops";
import { cases } from "./behaviour/cases.ts";
import type { CaseContext, MockInfo } from "./behaviour/context.ts";
import { remoteControl } from "./behaviour/control.ts";

const info = JSON.parse(process.env.ARM_MOCK_INFO ?? "null") as MockInfo | null;
const controlUrl = process.env.ARM_MOCK_CONTROL;
const mode = process.env.ARM_BUN_MODE;
if (!info || !controlUrl) throw new Error("ARM_MOCK_INFO / ARM_MOCK_CONTROL are not set: run test/bun-runner/run.ts");

const mock = remoteControl(async (op, args) => {
  const response = await fetch(`${controlUrl}/${op}`, { method: "POST", body: JSON.stringify(args) });
  const text = await response.text();
  if (!response.ok) throw new Error(`mock control ${op} failed: ${response.status} ${text}`);
  return JSON.parse(text) as unknown;
});
// "tls-options": each client trusts the mock through `tlsOptions.ca` (NODE_EXTRA_CA_CERTS is unset);
// "extra-ca": the process trusts it through NODE_EXTRA_CA_CERTS and the clients pass no TLS options.
const clientOptions = mode === "tls-options" ? { tlsOptions: { ca: process.env.ARM_MOCK_CA } } : {};
const ctx: CaseContext = { ...info, api, mock, clientOptions };

beforeEach(() => mock.reset());
for (const c of cases) test(`[${mode}] ${c.name}`, () => c.run(ctx));
