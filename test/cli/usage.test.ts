import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ExitCode } from "../../src/cli/exitCodes.js";
import { root } from "./built.js";
import { idFlags, startCliHarness, type CliHarness } from "./harness.js";

let h: CliHarness;
beforeAll(async () => (h = await startCliHarness()));
afterAll(() => h?.close());

describe("arm-security-devops usage", () => {
  it("--help documents every command, option, environment variable and exit code, and exits 0", async () => {
    const r = await h.run(["--help"]);
    expect(r.code).toBe(0);
    for (const word of ["get", "wait", "--subscription", "--resource-group", "--connector", "--endpoint", "--json", "--timeout", "--interval", "--max-transient-errors", "--version", "ARM_SECURITY_DEVOPS_TOKEN", "NODE_EXTRA_CA_CERTS", "DefaultAzureCredential"]) {
      expect(r.stdout).toContain(word);
    }
    for (const code of Object.values(ExitCode)) expect(r.stdout).toMatch(new RegExp(`^  ${code} +\\S`, "m"));
    expect(r.stdout).toMatch(/^  130 +interrupted by Ctrl\+C/m);
  });

  it("lists the same exit codes in the README's table as the CLI has", () => {
    const readme = readFileSync(join(root, "README.md"), "utf8");
    const start = readme.indexOf("## The command-line tool");
    expect(start).toBeGreaterThan(-1);
    const section = readme.slice(start, readme.indexOf("\n## ", start + 1));
    const codes = [...section.matchAll(/^\| (\d+) \|/gm)].map((m) => Number(m[1]));
    expect(codes).toEqual(Object.values(ExitCode));
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
    ["an unknown option", ["get", "x", "--frobnicate"], /^error: unknown option --frobnicate$/m],
    ["no operation", ["wait"], /wait needs an operation/],
    ["an id without --subscription", ["get", "op-1", "--resource-group", "rg", "--connector", "c"], /--subscription is required/],
    ["a bad --timeout", ["wait", "op-1", "--timeout", "soon"], /--timeout must be a duration such as 90s, 10m, 1h or 500ms \(got "soon"\)/],
    ["a negative --timeout", ["wait", "op-1", "--timeout", "-5s"], /^error: --timeout must be a positive duration, such as 90s or 500ms \(got "-5s"\)$/m],
    ["a negative --timeout written with =", ["wait", "op-1", "--timeout=-5s"], /--timeout must be a positive duration.*\(got "-5s"\)/],
    ["a zero --timeout", ["wait", "op-1", "--timeout", "0"], /--timeout must be a positive duration.*\(got "0"\)/],
    ["a zero --interval", ["wait", "op-1", "--interval", "0ms"], /--interval must be a positive duration.*\(got "0ms"\)/],
    ["a negative --interval", ["wait", "op-1", "--interval", "-1"], /--interval must be a positive duration.*\(got "-1"\)/],
    ["an --interval of more than 24 days", ["wait", "op-1", "--interval", "600h"], /--interval must be at most 24 days \(got "600h"\)/],
    ["--timeout without a value", ["wait", "op-1", "--timeout"], /^error: --timeout needs a value$/m],
    ["an option where a value belongs", ["wait", "op-1", "--endpoint", "--json"], /--endpoint needs a value \(for a value that starts with "-", write --endpoint=<value>\)/],
    ["a value given to a switch", ["get", "op-1", "--json=yes"], /^error: --json takes no value$/m],
    ["a negative --max-transient-errors", ["wait", "op-1", "--max-transient-errors", "-1"], /^error: --max-transient-errors must be a whole number from 0 to 1000, such as 5 \(got "-1"\)$/m],
    ["a fractional --max-transient-errors", ["wait", "op-1", "--max-transient-errors", "2.5"], /--max-transient-errors must be a whole number .*\(got "2\.5"\)/],
    ["a --max-transient-errors above 1000", ["wait", "op-1", "--max-transient-errors", "1001"], /--max-transient-errors must be a whole number from 0 to 1000/],
    ["a word for --max-transient-errors", ["wait", "op-1", "--max-transient-errors", "many"], /--max-transient-errors must be a whole number .*\(got "many"\)/],
    ["--timeout on get", ["get", "op-1", "--timeout", "5s"], /--timeout applies to wait only \(get reads the operation once\)/],
    ["--interval on get", ["get", "op-1", "--interval", "1s"], /--interval applies to wait only/],
    ["--max-transient-errors on get", ["get", "op-1", "--max-transient-errors", "3"], /--max-transient-errors applies to wait only/],
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
    expect(r.stderr).not.toMatch(/ERR_PARSE_ARGS|To specify|\n\s+at /); // Node's own wording and stacks stay out
    expect(h.mock.requests.length).toBe(before);
  });

  it("refuses an operation URL on another origin than --endpoint, so the token is not sent there", async () => {
    const url = h.mock.operationResultUrl("op-1");
    const r = await h.run(["wait", url]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`the operation URL is on ${h.mock.endpoint}, not on the endpoint https://management.azure.com`);
  });

  it("refuses ARM_SECURITY_DEVOPS_TOKEN for an endpoint that is not on loopback", async () => {
    const r = await h.run(["get", h.mock.operationResultUrl("op-1").replace(h.mock.endpoint, "https://management.azure.com")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/ARM_SECURITY_DEVOPS_TOKEN is for a local mock only/);
  });

  it("accepts the mock's URL when --endpoint names its origin", async () => {
    const url = h.mock.addOperationResult("op-ok", { steps: [] });
    const r = await h.run(["get", url, ...idFlags(h.mock).slice(0, 2)]);
    expect(r.code).toBe(0);
  });
});
