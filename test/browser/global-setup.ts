import type { TestProject } from "vitest/node";
import { DEFAULT_SCOPE, startMockArm } from "../../src/testing/index.js";
import { mockRegistry } from "./commands.js";

/** Starts the loopback mock with the certificate the config pinned in Chromium; the browser learns it via inject. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const tls = JSON.parse(process.env["ARM_MOCK_BROWSER_TLS"] ?? "null") as { key: string; cert: string } | null;
  if (!tls) throw new Error("ARM_MOCK_BROWSER_TLS is not set: run this suite through test/browser/vitest.config.ts");
  const mock = await startMockArm({ https: tls });
  mockRegistry().set(project.name, mock);
  project.provide("mockInfo", { endpoint: mock.endpoint, token: mock.token, scope: { ...DEFAULT_SCOPE } });
  return async () => {
    mockRegistry().delete(project.name);
    await mock.close();
  };
}
