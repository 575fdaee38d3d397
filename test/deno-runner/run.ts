// Runs the behaviour suite in Deno against the packed package: packs it, installs the tarball into a throwaway
// Deno project (test/pack/consumer.ts: package.json + node_modules, as `deno install` / npm would leave it), copies
// the runtime-neutral cases there, starts the mock and a loopback control server on the Node side, and runs
// `deno test` with network access to 127.0.0.1 only. Run with tsx (npm test does). The Deno-side files are in test/deno.
import { spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { DEFAULT_SCOPE, startMockArm, type MockArm } from "../../src/testing/index.js";
import { dispatch } from "../behaviour/control.js";
import { createConsumer, pack, root } from "../pack/consumer.js";
import { junitCounts } from "./junit.js";

const DENO_TIMEOUT_MS = 5 * 60_000;
const report = join(root, ".tmp/reports/deno.json");

function prepareProject(): string {
  const dir = createConsumer("deno-consumer", pack().tarball);
  const behaviour = join(dir, "behaviour");
  mkdirSync(behaviour);
  for (const file of readdirSync(join(root, "test/behaviour"))) {
    // The Node adapters stay behind; api.ts is swapped for the Deno version that names the installed package.
    if (file.endsWith(".test.ts") || file === "node-suite.ts" || file === "api.ts") continue;
    copyFileSync(join(root, "test/behaviour", file), join(behaviour, file));
  }
  copyFileSync(join(root, "test/deno/api.ts"), join(behaviour, "api.ts"));
  for (const file of ["behaviour.test.ts", "readme.test.ts", "readme-snippet.ts"]) {
    copyFileSync(join(root, "test/deno", file), join(dir, file));
  }
  // The shared cases import each other as "./x.js" (Node's ESM rule for TypeScript sources); sloppy imports let
  // Deno map those to the .ts files. The package itself needs nothing of the kind.
  writeFileSync(join(dir, "deno.json"), JSON.stringify({ unstable: ["sloppy-imports"] }, null, 2));
  return dir;
}

/** POST /<op> with a JSON array of arguments -> the mock's answer as JSON. Loopback only. */
async function startControlServer(mock: MockArm): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const op = (req.url ?? "/").slice(1);
      Promise.resolve()
        .then(() => dispatch(mock, op, JSON.parse(Buffer.concat(chunks).toString("utf8") || "[]") as unknown[]))
        .then(
          (result) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(result ?? null)),
          (error: unknown) => res.writeHead(500).end(String(error)),
        );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

// Two ways to run the package in Deno, both tested:
// - "web": `--conditions=browser` makes the Azure core libraries take their fetch-based builds, so the only
//   permissions beyond the network are three log-level variables they read at load time;
// - "node": Deno's default conditions take their Node builds (node:https, proxy agents), which need all of
//   --allow-env (the `debug` package lists every variable) and --allow-sys (node:os, and the TLS polyfill's
//   "ca" check, which has no narrower flag), and TLS trust through `tlsOptions.ca` since node:https ignores --cert.
const LOG_LEVEL_VARIABLES = ["AZURE_LOG_LEVEL", "DEBUG", "TYPESPEC_RUNTIME_LOG_LEVEL"];
const MODES = {
  web: (vars: string[]) => ["--conditions=browser", `--allow-env=${[...LOG_LEVEL_VARIABLES, ...vars].join(",")}`],
  node: () => ["--allow-env", "--allow-sys"],
} as const;
type Mode = keyof typeof MODES;
// node:https in Deno reads NODE_EXTRA_CA_CERTS, as Node does; that is how the README snippet (which passes no
// TLS options, like a user's code) trusts the mock in the "node" mode.
const MODE_ENV: Record<Mode, Record<string, string>> = { web: {}, node: { NODE_EXTRA_CA_CERTS: "mock-ca.pem" } };
type Counts = ReturnType<typeof junitCounts>;

function runDeno(dir: string, mode: Mode, env: Record<string, string>): Promise<Counts & { code: number }> {
  const deno = join(root, "node_modules/.bin/deno");
  const junit = join(dir, `junit-${mode}.xml`);
  const args = [
    "test",
    "--no-prompt",
    "--allow-net=127.0.0.1",
    ...MODES[mode](Object.keys(env)),
    "--cert=mock-ca.pem",
    `--junit-path=${junit}`,
    "behaviour.test.ts",
    "readme.test.ts",
  ];
  console.log(`\n[deno ${mode}] deno ${args.join(" ")}`);
  return new Promise((resolve) => {
    const child = spawn(deno, args, {
      cwd: dir,
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, ...env, ...MODE_ENV[mode], ARM_DENO_MODE: mode, DENO_NO_UPDATE_CHECK: "1", NO_COLOR: "1" },
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), DENO_TIMEOUT_MS);
    child.on("close", (code) => {
      clearTimeout(timer);
      const xml = existsSync(junit) ? readFileSync(junit, "utf8") : "";
      resolve({ ...junitCounts(xml), code: code ?? 1 });
    });
  });
}

const dir = prepareProject();
const mock = await startMockArm();
writeFileSync(join(dir, "mock-ca.pem"), mock.certificate ?? "");
const control = await startControlServer(mock);
const env = {
  ARM_MOCK_INFO: JSON.stringify({ endpoint: mock.endpoint, token: mock.token, scope: DEFAULT_SCOPE }),
  ARM_MOCK_CONTROL: control.url,
  ARM_MOCK_CA: mock.certificate ?? "",
  ARM_DENO_MODE: "",
};
const total = { numPassedTests: 0, numFailedTests: 0, numPendingTests: 0 };
let code = 0;
try {
  for (const mode of Object.keys(MODES) as Mode[]) {
    const result = await runDeno(dir, mode, env);
    total.numPassedTests += result.numPassedTests;
    total.numFailedTests += result.numFailedTests;
    total.numPendingTests += result.numPendingTests;
    if (result.code !== 0) code = result.code;
  }
} finally {
  control.server.close();
  await mock.close();
}
mkdirSync(join(root, ".tmp/reports"), { recursive: true });
writeFileSync(report, JSON.stringify(total));
console.log(`\ndeno: ${total.numPassedTests} passed, ${total.numFailedTests} failed`);
process.exit(code);
