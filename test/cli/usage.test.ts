import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { idFlags, startCliHarness, type CliHarness } from "./harness.js";

let h: CliHarness;
beforeAll(async () => (h = await startCliHarness()));
afterAll(() => h?.close());

describe("arm-security-devops usage", () => {
  it("--help documents every command, option, environment variable and exit code, and exits 0", async () => {
    const r = await h.run(["--help"]);
    expect(r.code).toBe(0);
    for (const word of ["get", "wait", "--subscription", "--resource-group", "--connector", "--endpoint", "--json", "--timeout", "--interval", "--version", "ARM_SECURITY_DEVOPS_TOKEN", "NODE_EXTRA_CA_CERTS", "DefaultAzureCredential"]) {
      expect(r.stdout).toContain(word);
    }
    for (const code of [0, 1, 2, 3, 4]) expect(r.stdout).toMatch(new RegExp(`^  ${code}  `, "m"));
  });

  it("--version prints the package version", async () => {
    const r = await h.run(["--version"]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  // Each case: arguments, then a fragment of the message that names the option or rule.
  const cases: Array<[string, string[], RegExp]> = [
    ["no command", [], /a command is required/],
    ["an unknown command", ["watch", "x"], /unknown command "watch"/],
    ["an unknown option", ["get", "x", "--frobnicate"], /Unknown option '--frobnicate'/],
    ["no operation", ["wait"], /wait needs an operation/],
    ["an id without --subscription", ["get", "op-1", "--resource-group", "rg", "--connector", "c"], /--subscription is required/],
    ["a bad --timeout", ["wait", "op-1", "--timeout", "soon"], /--timeout must be a duration .* \(got "soon"\)/],
    ["--timeout on get", ["get", "op-1", "--timeout", "5s"], /--timeout and --interval apply to wait only/],
    ["an http endpoint off loopback", ["get", "op-1", "--endpoint", "http://management.azure.com"], /--endpoint must use https/],
    ["an endpoint with a path", ["get", "op-1", "--endpoint", "https://management.azure.com/x"], /--endpoint must be an origin/],
    ["a URL and id flags together", ["get", "https://management.azure.com/x", "--subscription", "s"], /either an operation URL or/],
    ["an invalid resource group", ["get", "op-1", "--endpoint", "https://127.0.0.1:1", "--subscription", "s", "--resource-group", "bad name!", "--connector", "c"], /resourceGroupName must match the pattern/],
  ];
  it.each(cases)("exits 2 without sending anything for %s", async (_name, args, message) => {
    const before = h.mock.requests.length;
    const r = await h.run(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/Run with --help/);
    expect(h.mock.requests.length).toBe(before);
  });

  it("refuses an operation URL on another origin than --endpoint, so the token is not sent there", async () => {
    const url = h.mock.operationResultUrl("op-1");
    const r = await h.run(["wait", url]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`the operation URL is on ${h.mock.endpoint}, not on the endpoint https://management.azure.com`);
  });

  it("refuses ARM_SECURITY_DEVOPS_TOKEN for an endpoint that is not on loopback", async () => {
    const r = await h.run(["get", "https://management.azure.com/x/operationResults/y"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/ARM_SECURITY_DEVOPS_TOKEN is for a local mock only/);
  });

  it("accepts the mock's URL when --endpoint names its origin", async () => {
    const url = h.mock.addOperationResult("op-ok", { steps: [] });
    const r = await h.run(["get", url, ...idFlags(h.mock).slice(0, 2)]);
    expect(r.code).toBe(0);
  });
});
