// Runs the behaviour suite in Bun against the packed package: the tarball installed into a throwaway project
// (test/pack/consumer.ts) with the cases beside it, the mock and its control server on the Node side
// (test/runtime-runner), and `bun test` twice, once per way Bun can trust the mock's self-signed certificate.
// Run with tsx; npm test passes the Bun binary as ARM_BUN (scripts/test/runtimes.mjs finds it).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runChild } from "../runtime-runner/child.js";
import { startHarness } from "../runtime-runner/harness.js";
import { junitCounts } from "../runtime-runner/junit.js";
import { prepareProject } from "../runtime-runner/project.js";
import { addCounts, noCounts, writeReport } from "../runtime-runner/report.js";

const BUN_TIMEOUT_MS = 3 * 60_000;
const bun = process.env.ARM_BUN;
if (!bun || !existsSync(bun)) {
  console.error("ARM_BUN does not name a Bun binary: run `node scripts/test.mjs bun`, which finds it in node_modules");
  process.exit(1);
}

// Both set NODE_EXTRA_CA_CERTS themselves, because this machine's environment may already point it elsewhere:
// "tls-options" unsets it, so only the client's `tlsOptions.ca` can make the mock trusted; "extra-ca" points it
// at the mock's certificate and the clients pass no TLS options, as a user's unchanged code would.
const MODES = {
  "tls-options": { NODE_EXTRA_CA_CERTS: undefined },
  "extra-ca": { NODE_EXTRA_CA_CERTS: "mock-ca.pem" },
} as const;
type Mode = keyof typeof MODES;

const dir = prepareProject("bun-consumer", {
  api: "test/bun/api.ts",
  files: [
    "test/bun/behaviour.test.ts",
    "test/bun/readme.test.ts",
    "examples/readme/node-esm.mjs",
    "examples/readme/node-cjs.cjs",
  ],
});
const harness = await startHarness();
writeFileSync(join(dir, "mock-ca.pem"), harness.mock.certificate ?? "");
const total = noCounts();
let code = 0;
try {
  for (const mode of Object.keys(MODES) as Mode[]) {
    const junit = join(dir, `junit-${mode}.xml`);
    const args = [
      "test",
      "--timeout=20000",
      "--reporter=junit",
      `--reporter-outfile=${junit}`,
      "./behaviour.test.ts",
      "./readme.test.ts",
    ];
    console.log(`\n[bun ${mode}] bun ${args.join(" ")}`);
    const result = await runChild(bun, args, {
      cwd: dir,
      env: { ...process.env, ...harness.env, ...MODES[mode], ARM_BUN_MODE: mode, NO_COLOR: "1" },
      timeoutMs: BUN_TIMEOUT_MS,
      output: "inherit",
    });
    addCounts(total, junitCounts(existsSync(junit) ? readFileSync(junit, "utf8") : ""));
    if (result.code !== 0) code = result.code;
  }
} finally {
  await harness.close();
}
writeReport("bun", total);
process.exit(code);
