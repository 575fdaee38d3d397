import type { ProgressStream } from "./progressBar.js";

/** Where the CLI writes: results to `out` (stdout), messages and progress to `err` (stderr). Injected for tests. */
export interface Io {
  out(line: string): void;
  err(line: string): void;
  /** The stream progress is drawn on; its isTTY chooses the bar or line-per-change output. */
  progress: ProgressStream;
}

export function processIo(): Io {
  return {
    out: (line) => void process.stdout.write(`${line}\n`),
    err: (line) => void process.stderr.write(`${line}\n`),
    progress: process.stderr,
  };
}
