// The `arm-security-devops` command (package.json "bin"). Node only; built to dist/cli.js by tsup.
import { processIo } from "./io.js";
import { run } from "./run.js";

const interrupt = new AbortController();
// The first Ctrl+C stops the command cleanly — polling or a request in flight — and it exits 130 (the bar's line
// is ended, the last status printed); a second one kills at once.
process.once("SIGINT", () => interrupt.abort());

process.exitCode = await run(process.argv.slice(2), process.env, processIo(), interrupt.signal);
