// Where the BUILT command is, and what every child of these suites starts from. Its own module so the suites that
// meet the mock only as another tool does (mock-process.ts) can use it without importing the mock's source.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = fileURLToPath(new URL("../..", import.meta.url));
export const cli = join(root, "dist", "cli.js");

/** Fails with what to run when dist/cli.js has not been built. */
export function requireBuiltCli(): void {
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run \`npm run build\` first (npm test builds before this suite)`);
}

/** The environment a child starts from: the caller's PATH and HOME, and none of its Azure variables. */
export function baseEnv(): NodeJS.ProcessEnv {
  return { PATH: process.env["PATH"], HOME: process.env["HOME"] };
}
