// A throwaway consumer project with the packed tarball installed by name, as a user's `npm install` leaves it. Used
// by the packed-artefact and lean-install tests and by the Deno suite, so all of them run against what npm would
// publish, with the dependencies npm resolves for a user.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = fileURLToPath(new URL("../..", import.meta.url));
const npm = "npm";

/** Runs `npm pack` into `.tmp/pack` and returns the tarball's path and the list of files it holds. */
export function pack(): { tarball: string; files: string[] } {
  const dest = join(root, ".tmp/pack");
  rmSync(dest, { recursive: true, force: true });
  mkdirSync(dest, { recursive: true });
  // --ignore-scripts: pack what the build left in dist/, never rebuild behind the tests' back.
  const out = execFileSync(npm, ["pack", "--json", "--ignore-scripts", "--pack-destination", dest], {
    cwd: root,
    encoding: "utf8",
  });
  const [info] = JSON.parse(out) as [{ filename: string; files: { path: string }[] }];
  return { tarball: join(dest, info.filename), files: info.files.map((f) => f.path) };
}

/**
 * Creates a consumer project named `name` with a package.json, installs the tarball into it with `extraPackages`
 * beside it (e.g. @types/node for a Node consumer), and returns its directory. The project is outside the
 * repository (in the system's temporary directory, one per checkout and name, emptied first): inside it, Node and
 * Deno would find whatever the package lacks in the repository's own node_modules. npm resolves the dependencies from the registry as it does for a user: the
 * registry metadata is fetched (`npm ci` never stores it, so a cache-only install fails on a fresh machine), and the
 * tarballs come from the npm cache when they are there (`npm_config_cache` is honoured, like every npm setting).
 * Install scripts stay off, as npm 11 does for dependencies by default. `env` is merged into this process's
 * environment for the install (e.g. a PATH whose first npm runs on another Node).
 */
export function createConsumer(
  name: string,
  tarball: string,
  extraPackages: string[] = [],
  env: NodeJS.ProcessEnv = {},
): string {
  const checkout = createHash("sha256").update(root).digest("hex").slice(0, 12);
  const dir = join(tmpdir(), `arm-security-devops-${checkout}-${name}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name, private: true }, null, 2));
  execFileSync(npm, ["install", tarball, ...extraPackages, "--no-audit", "--no-fund", "--ignore-scripts"], {
    cwd: dir,
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "inherit"],
    timeout: 180_000,
  });
  return dir;
}

/**
 * What an install put in `dir/node_modules`: the packages npm recorded, the disk space it takes as `du` counts it
 * (allocated blocks, directories included: what a user sees), and the bytes of its files.
 */
export function installedSize(dir: string): { packages: string[]; diskBytes: number; fileBytes: number } {
  // npm's own record of the tree (node_modules/.package-lock.json): one entry per installed package.
  const lock = JSON.parse(readFileSync(join(dir, "node_modules/.package-lock.json"), "utf8")) as {
    packages: Record<string, { version?: string }>;
  };
  const packages = Object.entries(lock.packages).map(
    ([path, entry]) => `${path.replace(/^.*node_modules\//, "")}@${entry.version}`,
  );
  const total = { diskBytes: 0, fileBytes: 0 };
  const walk = (path: string): void => {
    const stat = lstatSync(path);
    total.diskBytes += stat.blocks * 512;
    if (stat.isDirectory()) for (const entry of readdirSync(path)) walk(join(path, entry));
    else total.fileBytes += stat.size;
  };
  walk(join(dir, "node_modules"));
  return { packages, ...total };
}
