// The README's Deno snippet (readme-snippet.ts, copied next to this file by the runner), unchanged.
import { waitForOperation } from "./readme-snippet.ts";

const info = JSON.parse(Deno.env.get("ARM_MOCK_INFO") ?? "null");
const controlUrl = Deno.env.get("ARM_MOCK_CONTROL");
const mode = Deno.env.get("ARM_DENO_MODE");

Deno.test(`[${mode}] runs the README's Deno snippet to a Succeeded operation`, async () => {
  for (const [op, args] of [["reset", []], ["addOperationResult", ["op-readme", { steps: [0], retryAfter: "0" }]]]) {
    const answer = await fetch(`${controlUrl}/${op}`, { method: "POST", body: JSON.stringify(args) });
    if (!answer.ok) throw new Error(`mock control ${op} failed: ${answer.status} ${await answer.text()}`);
    await answer.body?.cancel();
  }
  const credential = { getToken: async () => ({ token: info.token, expiresOnTimestamp: Date.now() + 60_000 }) };
  // Only the "web" mode trusts the mock through --cert; the snippet passes no TLS options, like a user's code.
  const status = await waitForOperation(credential, { ...info.scope, operationResultId: "op-readme" }, info.endpoint);
  if (status !== "Succeeded") throw new Error(`expected Succeeded, got ${status}`);
});
