import { expect, inject, it } from "vitest";
import { commands } from "vitest/browser";
import "./provided.js";

// The README's ESM snippet, unchanged, in a browser page: what a bundler-built app runs. Loaded by URL so that
// the Node type check never needs the built package it imports by name.
const snippet = new URL("../../examples/readme/node-esm.mjs", import.meta.url).href;

it("runs the README's ESM snippet in Chromium to a Succeeded operation", async () => {
  const { endpoint, token, scope } = inject("mockInfo");
  await commands.mockControl("reset", []);
  await commands.mockControl("addOperationResult", ["op-readme", { steps: [0], retryAfter: "0" }]);
  const { waitForOperation } = (await import(/* @vite-ignore */ snippet)) as {
    waitForOperation: (credential: unknown, ids: object, options: object) => Promise<string>;
  };
  const credential = { getToken: async () => ({ token, expiresOnTimestamp: Date.now() + 60_000 }) };
  expect(await waitForOperation(credential, { ...scope, operationResultId: "op-readme" }, { endpoint })).toBe("Succeeded");
});
