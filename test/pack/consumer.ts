// A throwaway consumer project with the packed tarball installed by name, as a user's `npm install` would leave
// it. Used by the packed-artefact tests and by the Deno suite, so both run against what npm would publish.
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
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
 * Creates `.tmp/<name>` with a package.json and installs the tarball into it, resolving its dependencies from the
 * registry as a user's `npm install` does (`npm ci` stores no registry metadata, so a cache-only install fails on a
 * fresh machine; npm_config_cache is honoured). `extraPackages` are installed beside it (e.g. @types/node for a
 * Node consumer).
 */
export function createConsumer(name: string, tarball: string, extraPackages: string[] = []): string {
  const dir = join(root, ".tmp", name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name, private: true }, null, 2));
  execFileSync(npm, ["install", tarball, ...extraPackages, "--no-audit", "--no-fund", "--ignore-scripts"], {
    cwd: dir,
    stdio: ["ignore", "ignore", "inherit"],
    timeout: 180_000,
  });
  return dir;
}
