// An operation given as a URL must be an operation result on --endpoint: anything else is a usage error found
// before a request (and the token) is sent.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startCliHarness, type CliHarness } from "./harness.js";

let h: CliHarness;
beforeAll(async () => (h = await startCliHarness()));
afterAll(() => h?.close());
beforeEach(() => h.mock.reset());

const connector =
  "/subscriptions/5d3c1b7e-2f4a-4c8e-9b61-0a7f3e2d9c15/resourceGroups/contoso-rg/providers/Microsoft.Security/securityConnectors/contoso-connector";

describe("arm-security-devops with an operation URL", () => {
  const notOperations: Array<[string, string]> = [
    ["a GitHub owner", `${connector}/devops/default/gitHubOwners/contoso`],
    ["a list of GitHub owners", `${connector}/devops/default/gitHubOwners`],
    ["the DevOps configuration", `${connector}/devops/default`],
    ["an operation result with an extra segment", `${connector}/devops/default/operationResults/op-1/extra`],
    ["an operation result without its id", `${connector}/devops/default/operationResults/`],
    ["another provider's operation", "/subscriptions/s/providers/Microsoft.Compute/locations/westus/operations/op-1"],
    ["the endpoint's root", "/"],
  ];
  for (const command of ["get", "wait"]) {
    it.each(notOperations)(`${command}: exits 2 and sends nothing for the URL of %s`, async (_name, path) => {
      const r = await h.run([
        command,
        `${h.mock.endpoint}${path}?api-version=2024-04-01`,
        "--endpoint",
        h.mock.endpoint,
      ]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(
        /^error: the URL is not an operation result; give the Azure-AsyncOperation URL of a long-running request: .*\/devops\/default\/operationResults\/<id>$/m,
      );
      expect(r.stderr).toMatch(/Run with --help/);
      expect(h.mock.requests).toEqual([]);
    });
  }

  it("exits 2 and sends nothing when an id inside the URL breaks the API's rules", async () => {
    const url = h.mock.operationResultUrl("op-1").replace("contoso-rg", "bad%20group");
    const r = await h.run(["get", url, "--endpoint", h.mock.endpoint]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/the URL's resourceGroupName must match the pattern/);
    expect(h.mock.requests).toEqual([]);
  });

  it("reads an operation result URL whose fixed segments differ in case, as ARM paths are case-insensitive", async () => {
    h.mock.addOperationResult("op-case", { steps: [] });
    const url = h.mock
      .operationResultUrl("op-case")
      .replace("/providers/Microsoft.Security/", "/providers/microsoft.security/");
    const r = await h.run(["get", url, "--endpoint", h.mock.endpoint]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Status\s+Succeeded/m);
    expect(h.mock.requests.map((q) => q.path)).toEqual([new URL(url).pathname]);
  });

  it("sends the URL's own query (api-version and any other parameter) unchanged", async () => {
    h.mock.addOperationResult("op-query", { steps: [] });
    const url = `${h.mock.operationResultUrl("op-query")}&t=638&s=signed`;
    const r = await h.run(["get", url, "--endpoint", h.mock.endpoint]);
    expect(r.code).toBe(0);
    expect(h.mock.requests).toHaveLength(1);
    expect(h.mock.requests[0]?.query).toEqual({ "api-version": "2024-04-01", t: "638", s: "signed" });
  });
});
