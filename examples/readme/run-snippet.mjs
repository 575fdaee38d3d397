// Runs a README snippet in a child Node process against the mock (ARM_SNIPPET: JSON of endpoint, token, ca, ids).
// argv[2]: "esm" or "cjs". Prints the operation's final status.
import { createRequire } from "node:module";

const { endpoint, token, ca, ids } = JSON.parse(process.env.ARM_SNIPPET);
const credential = { getToken: async () => ({ token, expiresOnTimestamp: Date.now() + 60_000 }) };
const { waitForOperation } =
  process.argv[2] === "cjs" ? createRequire(import.meta.url)("./node-cjs.cjs") : await import("./node-esm.mjs");
console.log(await waitForOperation(credential, ids, { endpoint, tlsOptions: { ca } }));
