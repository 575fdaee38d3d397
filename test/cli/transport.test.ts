import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closedPort, idFlags, startCliHarness, type CliHarness } from "./harness.js";

let h: CliHarness;
beforeAll(async () => (h = await startCliHarness()));
afterAll(() => h?.close());

describe("arm-security-devops transport and authentication errors", () => {
  it("exits 3 and says authentication failed when the service answers 401", async () => {
    h.mock.addOperationResult("op-auth", { steps: [] });
    const r = await h.run(["get", "op-auth", ...idFlags(h.mock)], { ARM_SECURITY_DEVOPS_TOKEN: "not-the-token" });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/HTTP 401 \(authentication or authorization failed\): InvalidAuthenticationToken/);
  });

  it("exits 3 when wait meets a 401", async () => {
    h.mock.addOperationResult("op-auth-wait", { steps: [0] });
    const r = await h.run(["wait", "op-auth-wait", ...idFlags(h.mock)], { ARM_SECURITY_DEVOPS_TOKEN: "not-the-token" });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/HTTP 401/);
  });

  it("exits 3 and names the endpoint problem when nothing listens there", async () => {
    const port = await closedPort();
    const flags = idFlags(h.mock);
    flags[1] = `https://127.0.0.1:${port}`;
    const r = await h.run(["get", "op", ...flags]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/could not reach the endpoint/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }, 30_000);

  it("wait exits 3 after --max-transient-errors polls when nothing listens there, with the connection error", async () => {
    const port = await closedPort();
    const flags = idFlags(h.mock);
    flags[1] = `https://127.0.0.1:${port}`;
    const r = await h.run(["wait", "op", ...flags, "--max-transient-errors", "0"]);
    expect(r.code).toBe(3);
    expect(r.stderr.trimEnd().split("\n")).toEqual([
      "error: could not read the operation status: 1 poll failed (--max-transient-errors 0); last status: not yet read",
      `  last error: connect ECONNREFUSED 127.0.0.1:${port}`,
      "The operation may still be running: run wait again later, or raise --max-transient-errors to keep trying longer.",
    ]);
  }, 30_000);

  it("exits 3 when the endpoint's certificate is not trusted", async () => {
    h.mock.addOperationResult("op-tls", { steps: [] });
    const r = await h.run(["get", "op-tls", ...idFlags(h.mock)], { NODE_EXTRA_CA_CERTS: "" });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/certificate/i);
  }, 30_000);
});
