import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { idFlags, startCliHarness, type CliHarness } from "./harness.js";

let h: CliHarness;
beforeAll(async () => (h = await startCliHarness()));
afterAll(() => h?.close());
beforeEach(() => h.mock.reset());

describe("arm-security-devops get", () => {
  it("prints a running operation's status, percentage and steps, and exits 0", async () => {
    const url = h.mock.addOperationResult("op-running", { steps: [40, 60] });
    const r = await h.run(["get", url, "--endpoint", h.mock.endpoint]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Operation\s+op-running$/m);
    expect(r.stdout).toMatch(/^Status\s+InProgress \(40%\)$/m);
    expect(r.stdout).toMatch(/Apply: InProgress 40%/);
    expect(h.mock.pollCount("op-running")).toBe(1);
  });

  it("addresses the operation by its ids with --subscription, --resource-group and --connector", async () => {
    h.mock.addOperationResult("op-ids", { steps: [] });
    const r = await h.run(["get", "op-ids", ...idFlags(h.mock)]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Status\s+Succeeded \(100%\)$/m);
    const request = h.mock.requests.find((q) => q.path.endsWith("/operationResults/op-ids"));
    expect(request?.query["api-version"]).toBe("2024-04-01");
    expect(request?.headers["authorization"]).toBe(`Bearer ${h.mock.token}`);
  });

  it("takes the ids from AZURE_SUBSCRIPTION_ID, AZURE_RESOURCE_GROUP and SECURITY_CONNECTOR", async () => {
    h.mock.addOperationResult("op-env", { steps: [] });
    const env = { AZURE_SUBSCRIPTION_ID: "5d3c1b7e-2f4a-4c8e-9b61-0a7f3e2d9c15", AZURE_RESOURCE_GROUP: "contoso-rg", SECURITY_CONNECTOR: "contoso-connector" };
    const r = await h.run(["get", "op-env", "--endpoint", h.mock.endpoint], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Succeeded/);
  });

  it("prints the OperationStatusResult as JSON with --json", async () => {
    const url = h.mock.addOperationResult("op-json", { steps: [25] });
    const r = await h.run(["get", url, "--endpoint", h.mock.endpoint, "--json"]);
    expect(r.code).toBe(0);
    const body = JSON.parse(r.stdout);
    expect(body).toMatchObject({ name: "op-json", status: "InProgress", percentComplete: 25 });
    expect(body.operations).toHaveLength(2);
  });

  it("exits 1 and prints the error code, target and message of a failed operation", async () => {
    h.mock.addOperationResult("op-failed", { steps: [], outcome: "Failed" });
    const r = await h.run(["get", "op-failed", ...idFlags(h.mock)]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^Error\s+TokenExchangeFailed \(target: properties\.authorization\.code\)$/m);
    expect(r.stdout).toMatch(/the authorization code has expired/);
  });

  it("exits 3 with the ARM error code when the operation result does not exist", async () => {
    const r = await h.run(["get", "no-such-operation", ...idFlags(h.mock)]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/HTTP 404: ResourceNotFound/);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});
