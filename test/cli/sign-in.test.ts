// Which credential the CLI uses for which endpoint. A local endpoint never gets Azure sign-in: it would probe
// managed identity and start az/pwsh/azd before failing, so without ARM_SECURITY_DEVOPS_TOKEN it is a usage error.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCliHarness, type CliHarness } from "./harness.js";

let h: CliHarness;
beforeAll(async () => (h = await startCliHarness()));
afterAll(() => h?.close());

const noToken = { ARM_SECURITY_DEVOPS_TOKEN: "" };

describe("arm-security-devops sign-in", () => {
  it("exits 2 for the mock's endpoint without ARM_SECURITY_DEVOPS_TOKEN, says what to set, and sends nothing", async () => {
    h.mock.reset();
    const url = h.mock.addOperationResult("op-1", { steps: [] });
    const r = await h.run(["wait", url, "--endpoint", h.mock.endpoint], noToken);
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n")[0]).toBe(
      `error: --endpoint ${h.mock.endpoint} is a local server, where Azure sign-in does not apply: set ` +
        "ARM_SECURITY_DEVOPS_TOKEN to the bearer token it accepts (the embedded mock's is `mock.token` of " +
        "startMockArm() in arm-security-devops/testing)",
    );
    expect(r.stderr).toMatch(/Run with --help/);
    expect(r.stderr).not.toMatch(/AggregateAuthenticationError|ManagedIdentity|could not sign in/);
    expect(h.mock.pollCount("op-1")).toBe(0);
    expect(h.mock.requests).toEqual([]);
  });

  it.each(["http://localhost:9", "http://[::1]:9", "https://127.0.0.1"])("treats %s as local too", async (endpoint) => {
    const r = await h.run(
      ["get", "op-1", "--endpoint", endpoint, "--subscription", "s", "--resource-group", "rg", "--connector", "c"],
      noToken,
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--endpoint ${endpoint} is a local server`);
  });

  it("reads the operation once ARM_SECURITY_DEVOPS_TOKEN holds the mock's token", async () => {
    const url = h.mock.addOperationResult("op-signed", { steps: [] });
    const r = await h.run(["get", url, "--endpoint", h.mock.endpoint]);
    expect(r.code).toBe(0);
    expect(h.mock.requests.at(-1)?.headers["authorization"]).toBe(`Bearer ${h.mock.token}`);
  });
});
