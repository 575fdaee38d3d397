// The behaviour suite in workerd (Cloudflare Workers' runtime), against the packed tarball: the package and the
// cases bundled into one Worker module (bundle.ts), served by the real workerd binary with and without
// nodejs_compat (config.ts), each case run by one request over workerd's loopback socket (server.ts). npm test
// passes the binary as ARM_WORKERD. Run: vitest run --config test/workerd/vitest.config.ts
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cases } from "../behaviour/cases.js";
import { createConsumer, pack } from "../pack/consumer.js";
import { startHarness, type Harness } from "../runtime-runner/harness.js";
import { bundleWorker } from "./bundle.js";
import { MODE_NAMES } from "./config.js";
import { startWorkerd, type WorkerdServer } from "./server.js";

let harness: Harness | undefined;
let server: WorkerdServer | undefined;
let bundled: string[] = [];

beforeAll(async () => {
  const workerd = process.env["ARM_WORKERD"];
  if (!workerd) throw new Error("ARM_WORKERD is not set: run `node scripts/test.mjs workerd`, which finds the binary");
  const dir = createConsumer("workerd-consumer", pack().tarball);
  bundled = await bundleWorker(dir);
  harness = await startHarness();
  writeFileSync(join(dir, "mock-ca.pem"), harness.mock.certificate ?? "");
  server = await startWorkerd(workerd, dir, {
    ARM_MOCK_INFO: harness.env["ARM_MOCK_INFO"]!,
    ARM_MOCK_CONTROL: harness.controlUrl,
  });
}, 240_000);

afterAll(async () => {
  await server?.stop();
  await harness?.close();
});

function workerdServer(): WorkerdServer {
  if (!server) throw new Error("workerd did not start (see beforeAll)");
  return server;
}

it("bundles the package as installed from the tarball, with the Azure core libraries' browser builds", () => {
  const ours = bundled.filter((path) => path.includes("/node_modules/arm-security-devops/"));
  expect(ours.length).toBeGreaterThan(0);
  expect(bundled.filter((path) => path.startsWith("src/"))).toEqual([]);
  const pipeline = bundled.filter((path) => path.includes("/node_modules/@azure/core-rest-pipeline/"));
  expect(pipeline.length).toBeGreaterThan(0);
  expect(pipeline.filter((path) => !path.includes("/dist/browser/"))).toEqual([]);
});

describe.each(MODE_NAMES)("behaviour in workerd, %s", (mode) => {
  it("runs in the mode its configuration asks for (process and Buffer exist only with nodejs_compat)", async () => {
    const expected =
      mode === "nodejs_compat"
        ? { process: "object", Buffer: "function" }
        : { process: "undefined", Buffer: "undefined" };
    expect(await workerdServer().get(mode, "/globals")).toEqual(expected);
  });

  it("serves exactly the suite's cases, in order", async () => {
    expect(await workerdServer().get(mode, "/cases")).toEqual(cases.map((c) => c.name));
  });

  cases.forEach((c, index) => {
    it(c.name, async () => {
      const logBefore = workerdServer().log().length;
      const result = await workerdServer().runCase(mode, index);
      // workerd writes the cause of an "internal error; reference = …" to its own output, not to the Worker.
      const log =
        workerdServer().log().slice(logBefore) ||
        `(nothing new; the last of it:)\n${workerdServer().log().slice(-4_000)}`;
      if (!result.ok) throw new Error(`${result.error}\n--- workerd output during this case ---\n${log}`);
    });
  });
});
