// Runs the behaviour suite in Deno against the packed package: the tarball installed into a throwaway Deno project
// (test/pack/consumer.ts: package.json + node_modules, outside the repository, as `deno install` / npm would leave it) with the cases beside
// it, the mock and its control server on the Node side (test/runtime-runner), and `deno test` with network access
// to 127.0.0.1 only. Run with tsx (npm test does). The Deno-side files are in test/deno.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { root } from "../pack/consumer.js";
import { runChild } from "../runtime-runner/child.js";
import { startHarness } from "../runtime-runner/harness.js";
import { junitCounts } from "../runtime-runner/junit.js";
import { prepareProject } from "../runtime-runner/project.js";
import { addCounts, noCounts, writeReport, type Counts } from "../runtime-runner/report.js";

const DENO_TIMEOUT_MS = 5 * 60_000;

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

function prepareDenoProject(): string {
  const dir = prepareProject("deno-consumer", {
    api: "test/deno/api.ts",
    files: ["test/deno/behaviour.test.ts", "test/deno/readme.test.ts", "test/deno/readme-snippet.ts"],
  });
  // The shared cases import each other as "./x.js" (Node's ESM rule for TypeScript sources); sloppy imports let
  // Deno map those to the .ts files. The package itself needs nothing of the kind.
  writeFileSync(join(dir, "deno.json"), JSON.stringify({ unstable: ["sloppy-imports"] }, null, 2));
  return dir;
}

async function runDeno(dir: string, mode: Mode, env: Record<string, string>): Promise<Counts & { code: number }> {
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
  const { code } = await runChild(join(root, "node_modules/.bin/deno"), args, {
    cwd: dir,
    env: { ...process.env, ...env, ...MODE_ENV[mode], ARM_DENO_MODE: mode, DENO_NO_UPDATE_CHECK: "1", NO_COLOR: "1" },
    timeoutMs: DENO_TIMEOUT_MS,
    output: "inherit",
  });
  return { ...junitCounts(existsSync(junit) ? readFileSync(junit, "utf8") : ""), code };
}

const dir = prepareDenoProject();
const harness = await startHarness();
writeFileSync(join(dir, "mock-ca.pem"), harness.mock.certificate ?? "");
const total = noCounts();
let code = 0;
try {
  for (const mode of Object.keys(MODES) as Mode[]) {
    const result = await runDeno(dir, mode, { ...harness.env, ARM_DENO_MODE: "" });
    addCounts(total, result);
    if (result.code !== 0) code = result.code;
  }
} finally {
  await harness.close();
}
writeReport("deno", total);
process.exit(code);
