import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { join } from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { createConsumer, installedSize } from "./consumer.js";

// What `npm install arm-security-devops` alone gives a user: the packed tarball installed into an empty project,
// nothing beside it. @azure/identity (the CLI's sign-in) and selfsigned (the mock's certificate) are optional peer
// dependencies, so they are not there, and the two entries that need them say which package to add.

const MAX_PACKAGES = 20;
const MAX_MEGABYTES = 15; // disk space of node_modules as `du` counts it; 1 MB = 2^20 bytes

let consumer: string;
beforeAll(() => {
  consumer = createConsumer("lean-consumer", inject("packed").tarball);
}, 240_000);

/** Whether `name` resolves from the consumer project, as Node would look it up from there (parents included). */
function resolvable(name: string): boolean {
  try {
    createRequire(join(consumer, "package.json")).resolve(name);
    return true;
  } catch {
    return false;
  }
}

function run(args: string[], env: Record<string, string | undefined> = {}) {
  const childEnv = { ...process.env, ...env };
  // The CLI's fixed-token variable would bypass @azure/identity; a user's shell has none.
  delete childEnv["ARM_SECURITY_DEVOPS_TOKEN"];
  return spawnSync(process.execPath, args, { cwd: consumer, encoding: "utf8", timeout: 60_000, env: childEnv });
}

describe("a lean install of the packed package", () => {
  it(`brings at most ${MAX_PACKAGES} packages and ${MAX_MEGABYTES} MB`, () => {
    const { packages, diskBytes, fileBytes } = installedSize(consumer);
    const megabytes = diskBytes / 2 ** 20;
    console.log(
      `lean install: ${packages.length} packages, node_modules ${megabytes.toFixed(1)} MB on disk ` +
        `(${(fileBytes / 2 ** 20).toFixed(1)} MB of files): ${packages.join(", ")}`,
    );
    expect(packages.length).toBeLessThanOrEqual(MAX_PACKAGES);
    expect(megabytes).toBeLessThanOrEqual(MAX_MEGABYTES);
  });

  it("leaves out the optional peers @azure/identity and selfsigned", () => {
    expect(resolvable("arm-security-devops")).toBe(true);
    expect(resolvable("@azure/identity")).toBe(false);
    expect(resolvable("selfsigned")).toBe(false);
  });

  it("has a CLI that exits 2 without @azure/identity, naming the package to install, before sending anything", () => {
    // Never run the CLI where it could sign in for real (DefaultAzureCredential would probe the network).
    expect(resolvable("@azure/identity")).toBe(false);
    // An endpoint in the .invalid domain, which never resolves: nothing can be sent even in a failure of this test,
    // and it is not a loopback one (for those the CLI asks for a fixed token and never loads @azure/identity).
    const cli = join(consumer, "node_modules/arm-security-devops/dist/cli.js");
    const target = ["op-1", "--subscription", "s", "--resource-group", "r", "--connector", "c"];
    const result = run([cli, "get", ...target, "--endpoint", "https://management.arm.invalid"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("@azure/identity, which is not installed");
    expect(result.stderr).toContain("npm install @azure/identity");
  });

  for (const [kind, load] of [
    ["ESM", "await import('arm-security-devops/testing')"],
    ["CommonJS", "require('arm-security-devops/testing')"],
  ] as const) {
    it(`has a /testing entry (${kind}) whose HTTPS mock throws without selfsigned, naming it, and starts without TLS`, () => {
      expect(resolvable("selfsigned")).toBe(false);
      // Every path of the script ends by closing what it started, so the child exits by itself.
      const script = `(async () => {
        const { startMockArm } = ${load};
        try { await (await startMockArm()).close(); console.log("started"); } catch (error) { console.log(error.constructor.name + ": " + error.message); }
        const plain = await startMockArm({ https: false });
        console.log(plain.endpoint.startsWith("http://127.0.0.1:") ? "plain ok" : plain.endpoint);
        await plain.close();
      })()`;
      const result = run(kind === "ESM" ? ["--input-type=module", "-e", script] : ["-e", script]);
      expect(result.stderr).toBe("");
      const [first, second] = result.stdout.trim().split("\n");
      expect(first).toMatch(/^Error: .*selfsigned package, which is not installed/);
      expect(first).toContain("npm install --save-dev selfsigned");
      expect(second).toBe("plain ok");
    });
  }
});
