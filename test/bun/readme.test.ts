// The README's Node snippets (ESM and CommonJS, copied next to this file by the runner) run unchanged in Bun:
// both ways of loading the package by name, as a Bun user's code does.
import { expect, test } from "bun:test";
import { createRequire } from "node:module";

const info = JSON.parse(process.env.ARM_MOCK_INFO ?? "null");
const controlUrl = process.env.ARM_MOCK_CONTROL;
const mode = process.env.ARM_BUN_MODE;
const tlsOptions = mode === "tls-options" ? { tlsOptions: { ca: process.env.ARM_MOCK_CA } } : {};

async function control(op: string, args: unknown[]): Promise<void> {
  const answer = await fetch(`${controlUrl}/${op}`, { method: "POST", body: JSON.stringify(args) });
  if (!answer.ok) throw new Error(`mock control ${op} failed: ${answer.status} ${await answer.text()}`);
  await answer.text();
}

const snippets = {
  esm: async () => (await import("./node-esm.mjs")).waitForOperation,
  cjs: async () => createRequire(import.meta.url)("./node-cjs.cjs").waitForOperation,
};

for (const [kind, load] of Object.entries(snippets)) {
  test(`[${mode}] runs the README's Node ${kind.toUpperCase()} snippet to a Succeeded operation`, async () => {
    await control("reset", []);
    await control("addOperationResult", [`op-readme-${kind}`, { steps: [0], retryAfter: "0" }]);
    const credential = { getToken: async () => ({ token: info.token, expiresOnTimestamp: Date.now() + 60_000 }) };
    const waitForOperation = await load();
    const ids = { ...info.scope, operationResultId: `op-readme-${kind}` };
    expect(await waitForOperation(credential, ids, { endpoint: info.endpoint, ...tlsOptions })).toBe("Succeeded");
  });
}
