// Where the runtime binaries of the Bun and workerd suites are. Both come from devDependencies: the `bun` and
// `workerd` packages are wrappers whose optional dependencies carry one binary per platform, so npm installs only
// this machine's. The runners get the path from npm test (ARM_BUN, ARM_WORKERD) rather than looking it up again.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

// Absolute: the runners start the binaries from their throwaway projects.
const modules = fileURLToPath(new URL("../../node_modules", import.meta.url));

/** Binaries at `node_modules/<scope>/<package>/<path>` for every installed package whose name starts with `prefix`. */
function platformBinaries(scope, prefix, path) {
  const dir = join(modules, scope);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.startsWith(prefix))
    .map((name) => join(dir, name, path));
}

/** True when the file runs and answers `--version`: placeholders left when install scripts are off do not. */
function runs(path) {
  if (!existsSync(path)) return false;
  const result = spawnSync(path, ["--version"], { stdio: "ignore", timeout: 10_000 });
  return result.status === 0;
}

/**
 * Bun: with install scripts off (npm 11's default), the binary stays in @oven/bun-<platform>/bin/bun and
 * node_modules/bun/bin/bun.exe is a text placeholder; with `bun`'s postinstall allowed, the binary is moved to
 * bun.exe instead. Either way the result is a real executable, never a Node wrapper.
 */
export function findBun() {
  const candidates = [...platformBinaries("@oven", "bun-", "bin/bun"), join(modules, "bun/bin/bun.exe")];
  return candidates.find(runs);
}

/** workerd: the platform package's binary, not node_modules/.bin/workerd (a Node wrapper that outlives a kill). */
export function findWorkerd() {
  return platformBinaries("@cloudflare", "workerd-", "bin/workerd").find(runs);
}
