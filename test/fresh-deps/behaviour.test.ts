// The behaviour suite against the fresh consumer install that run.ts made (ARM_FRESH_CONSUMER): the package
// loaded by name from that project, as ESM and as CommonJS, so it runs on the dependency versions npm resolved
// there, never the repository's. Run: tsx test/fresh-deps/run.ts
import { createRequire } from "node:module";
import { join, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import type { Api } from "../behaviour/api.js";
import { describeBehaviour } from "../behaviour/node-suite.js";

const consumer = process.env["ARM_FRESH_CONSUMER"];
if (!consumer) throw new Error("ARM_FRESH_CONSUMER is not set: run test/fresh-deps/run.ts, which makes the install");
// Resolution by name from inside the consumer project, with Node's conditions for each module system.
const fromConsumer = createRequire(join(consumer, "package.json"));
const cjsEntry = fromConsumer.resolve("arm-security-devops");
const installed = join(consumer, "node_modules", "arm-security-devops") + sep;

// A module inside the consumer project that imports the package by name, so Node resolves it from there with
// the "import" condition (a bare import from this file would find the repository's own package).
const esmEntry = pathToFileURL(join(consumer, "fresh-entry.mjs")).href;

describe("the fresh install", () => {
  it("is the packed package, whose Azure core libraries resolve inside the consumer project", async () => {
    expect(cjsEntry.startsWith(installed)).toBe(true);
    const { resolvedTo } = (await import(/* @vite-ignore */ esmEntry)) as { resolvedTo: string };
    expect(resolvedTo.startsWith(pathToFileURL(installed).href)).toBe(true);
    const fromPackage = createRequire(cjsEntry);
    for (const name of ["@azure-rest/core-client", "@azure/core-rest-pipeline", "@azure/core-lro"]) {
      expect(fromPackage.resolve(name).startsWith(join(consumer, "node_modules") + sep), name).toBe(true);
    }
  });
});

describeBehaviour(
  "behaviour against the fresh install, loaded by import",
  async () => (await import(/* @vite-ignore */ esmEntry)) as Api,
);

describeBehaviour(
  "behaviour against the fresh install, loaded by require",
  async () => fromConsumer("arm-security-devops") as Api,
);
