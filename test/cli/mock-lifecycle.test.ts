// `arm-security-devops mock` as a process: what it prints, how it stops (and what it leaves behind: nothing), and
// the usage errors that stop it from starting, each exit code as the README's table documents it.
import { execFile } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ExitCode } from "../../src/cli/exitCodes.js";
import { cli, root } from "./built.js";
import { curl } from "./curl.js";
import { closedPort, runCommand, runNode } from "./harness.js";
import { alive, startMockProcess } from "./mock-process.js";

let dir: string;
beforeAll(() => void (dir = mkdtempSync(join(tmpdir(), "arm-mock-lifecycle-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cleanEnv = { PATH: process.env["PATH"], HOME: process.env["HOME"] };

describe("arm-security-devops mock stops cleanly", () => {
  it.each(["SIGTERM", "SIGINT", "SIGHUP"] as const)(
    "on %s: exits 0, closes its port, removes the certificate's folder and leaves no process behind",
    async (signal) => {
      const mock = await startMockProcess();
      const { certificateFile, pid } = mock.ready;
      expect(existsSync(certificateFile)).toBe(true);
      expect((await curl(mock.ready, `${mock.ready.connectorUrl}/devops/default/gitHubOwners?api-version=2024-04-01`)).status).toBe(200);

      const end = await mock.stop(signal);
      expect([end.code, end.signal]).toEqual([ExitCode.ok, null]);
      expect(end.stderr).toContain(`removing ${dirname(certificateFile)}`);
      expect(existsSync(dirname(certificateFile))).toBe(false);
      expect(alive(pid)).toBe(false);
      // curl's exit code 7: the connection was refused, nothing listens there any more.
      await expect(curl(mock.ready, mock.ready.endpoint)).rejects.toMatchObject({ exitCode: 7 });
    },
  );

  it("stops when the process that started it ends without passing a signal on, as npx does on SIGTERM", async () => {
    // A parent that starts the mock, passes its ready line on, and exits leaving it running.
    const parent = `
      const { spawn } = require("node:child_process");
      const child = spawn(process.execPath, [${JSON.stringify(cli)}, "mock", "--json"], { stdio: ["ignore", "pipe", "inherit"] });
      child.stdout.once("data", (line) => { process.stdout.write(line); process.exit(0); });`;
    // The mock writes to the parent's stderr, so this resolves once the mock has closed it too: when it has ended.
    const r = await runNode(["-e", parent], cleanEnv);
    const ready = JSON.parse(r.stdout.split("\n")[0] ?? "") as { pid: number; certificateFile: string };
    expect(r.stderr).toMatch(/^arm-security-devops mock: the process that started it \(\d+\) has ended: stopping, and removing /m);
    const deadline = Date.now() + 10_000;
    while (alive(ready.pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(alive(ready.pid)).toBe(false);
    expect(existsSync(dirname(ready.certificateFile))).toBe(false);
  });

  it("stops while a request is stalled in it, without waiting for that request", async () => {
    const scenario = join(dir, "stall.json");
    writeFileSync(scenario, JSON.stringify({ scripts: [{ method: "GET", pathPattern: "/gitHubOwners$", responses: [{ status: 200, fault: "stall" }] }] }));
    const mock = await startMockProcess(["--scenario", scenario]);
    const stalled = curl(mock.ready, `${mock.ready.connectorUrl}/devops/default/gitHubOwners?api-version=2024-04-01`).catch((e: Error) => e);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const started = Date.now();
    const end = await mock.stop("SIGTERM");
    expect(end.code).toBe(ExitCode.ok);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await stalled).toBeInstanceOf(Error); // the stalled request ends with the connection, unanswered
  });
});

describe("arm-security-devops mock --port", () => {
  it("listens on the port it is given", async () => {
    const port = await closedPort();
    const mock = await startMockProcess(["--port", String(port)]);
    try {
      expect(mock.ready.endpoint).toBe(`https://127.0.0.1:${port}`);
    } finally {
      await mock.stop();
    }
  });
});

describe("arm-security-devops mock for a person at a terminal", () => {
  it("prints the endpoint, certificate, token and ready-to-paste lines for Node, Python, this CLI, curl and az rest", async () => {
    const mock = await startMockProcess();
    await mock.stop();
    // The same command without --json, read to its end.
    const child = execFile(process.execPath, [cli, "mock"], { cwd: root, env: cleanEnv, encoding: "utf8", timeout: 15_000 });
    let out = "";
    child.stdout?.on("data", (d: string) => {
      out += d;
      if (out.includes("Ctrl+C or SIGTERM stops the mock")) child.kill("SIGTERM");
    });
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(code).toBe(ExitCode.ok);
    const pem = /certificate {2}(\S+\.pem)/.exec(out)?.[1] ?? "";
    const token = /token {8}(\S+)/.exec(out)?.[1] ?? "";
    const endpoint = /endpoint {5}(https:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1] ?? "";
    expect([pem, token, endpoint].every((v) => v !== "")).toBe(true);
    for (const line of [
      `export NODE_EXTRA_CA_CERTS='${pem}'`,
      `export ARM_SECURITY_DEVOPS_TOKEN='${token}'`,
      `export REQUESTS_CA_BUNDLE='${pem}'`,
      `export SSL_CERT_FILE='${pem}'`,
      `arm-security-devops wait <operation-result-url> --endpoint ${endpoint}`,
      `curl --cacert '${pem}' -H 'Authorization: Bearer ${token}'`,
      `az rest --url '${endpoint}/subscriptions/`,
    ]) {
      expect(out).toContain(line);
    }
    expect(existsSync(dirname(pem))).toBe(false);
  });

  it("serves this CLI with the environment it printed: wait follows an operation result to Succeeded", async () => {
    const scenario = join(dir, "op.json");
    writeFileSync(scenario, JSON.stringify({ operationResults: [{ id: "op-cli", plan: { steps: [0, 50] } }] }));
    const mock = await startMockProcess(["--scenario", scenario]);
    try {
      const url = `${mock.ready.connectorUrl}/devops/default/operationResults/op-cli?api-version=2024-04-01`;
      const r = await runNode([cli, "wait", url, ...mock.ready.cliArgs, "--json"], { ...cleanEnv, ...mock.ready.env });
      expect(r.code).toBe(ExitCode.ok);
      expect(JSON.parse(r.stdout)).toMatchObject({ name: "op-cli", status: "Succeeded", percentComplete: 100 });
    } finally {
      await mock.stop();
    }
  });

  it("is listed in --help with its options and the exit codes it uses", async () => {
    const r = await runNode([cli, "--help"], cleanEnv);
    expect(r.code).toBe(0);
    for (const word of ["arm-security-devops mock", "--port <n>", "--scenario <file>", "REQUESTS_CA_BUNDLE", "SSL_CERT_FILE", "selfsigned"]) {
      expect(r.stdout).toContain(word);
    }
    expect(r.stdout).toMatch(/^ {2}0 .*mock: stopped by a signal, cleanly$/m);
    expect(r.stdout).toMatch(/mock: --port in use, an unreadable or invalid --scenario, selfsigned not installed/);
  });
});

describe("arm-security-devops mock refuses to start, exit 2, naming what to change", () => {
  async function refused(args: string[], env: NodeJS.ProcessEnv = cleanEnv) {
    const r = await runNode([cli, "mock", ...args], env);
    expect(r.code).toBe(ExitCode.usage);
    expect(r.stdout).toBe(""); // nothing was served, so no endpoint was printed
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    return r.stderr;
  }

  it("refuses mock's options on get and wait, which read an operation", async () => {
    for (const args of [["get", "op-1", "--port", "8443"], ["wait", "op-1", "--scenario", "s.json"]]) {
      const r = await runNode([cli, ...args], cleanEnv);
      expect(r.code).toBe(ExitCode.usage);
      expect(r.stderr).toMatch(/^error: --(port|scenario) applies to mock only$/m);
    }
  });

  it("when --port is taken", async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as { port: number };
      expect(await refused(["--port", String(port)])).toContain(`--port ${port} is in use on 127.0.0.1: choose another, or 0 for a free one`);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it.each([
    ["a port above 65535", ["--port", "70000"], /^error: --port must be a port number from 0 to 65535 \(0: a free one\), such as 8443 \(got "70000"\)$/m],
    ["a negative port", ["--port", "-1"], /--port must be a port number from 0 to 65535 .*\(got "-1"\)/],
    ["an argument", ["scenario.json"], /mock takes no arguments, got: scenario\.json \(a scenario file is given with --scenario\)/],
    ["an option of get and wait", ["--endpoint", "https://127.0.0.1:1"], /--endpoint applies to get and wait only/],
    ["a missing scenario file", ["--scenario", "/nonexistent/scenario.json"], /--scenario: \/nonexistent\/scenario\.json is not a valid mock scenario:\n {2}the file cannot be read: ENOENT/],
  ])("for %s", async (_name, args, message) => {
    expect(await refused(args)).toMatch(message);
  });

  it("for a scenario file that breaks the format, listing every problem with its JSON path", async () => {
    const file = join(dir, "bad.json");
    writeFileSync(file, JSON.stringify({ plans: [{ outcome: "Done" }], scripts: [{ method: "GET", path: "/x", responses: [{ statusCode: 500 }] }], extra: 1 }));
    const stderr = await refused(["--scenario", file]);
    expect(stderr).toContain(`${file} is not a valid mock scenario:`);
    expect(stderr).toContain(`$: unknown field "extra"`);
    expect(stderr).toContain(`$.plans[0].outcome: must be one of "Succeeded", "Failed", "Canceled" (got the string "Done")`);
    expect(stderr).toContain(`$.scripts[0].responses[0]: unknown field "statusCode"`);
    expect(stderr).toContain(`$.scripts[0].responses[0].status: must be an HTTP status code`);
  });

  it("for a scenario file that is not JSON, naming the line and column", async () => {
    const file = join(dir, "syntax.json");
    writeFileSync(file, '{\n  "plans": [\n    { "outcome": "Failed", }\n  ]\n}\n');
    expect(await refused(["--scenario", file])).toMatch(/\$: is not JSON: line 3, column \d+: /);
  });

  it("when selfsigned is not installed, naming the package and how to add it", async () => {
    // A project holding the built CLI and every installed package but selfsigned, as an installer's may be.
    const project = join(dir, "no-selfsigned");
    mkdirSync(join(project, "dist"), { recursive: true });
    mkdirSync(join(project, "node_modules"));
    writeFileSync(join(project, "package.json"), JSON.stringify({ type: "module" }));
    copyFileSync(cli, join(project, "dist", "cli.js"));
    for (const entry of readdirSync(join(root, "node_modules"))) {
      if (entry !== "selfsigned" && !entry.startsWith(".")) symlinkSync(join(root, "node_modules", entry), join(project, "node_modules", entry));
    }
    const r = await runCommand(process.execPath, [join(project, "dist", "cli.js"), "mock"], cleanEnv);
    expect(r.code).toBe(ExitCode.usage);
    expect(r.stderr).toContain(
      "error: the mock makes its HTTPS certificate with the selfsigned package, which is not installed: add it next to arm-security-devops (npm install --save-dev selfsigned)",
    );
  });
});
