// A throwaway project for a runtime suite: the packed tarball installed by name (test/pack/consumer.ts), the
// runtime-neutral behaviour cases copied into its behaviour/ folder, and the runtime's own files beside them.
import { copyFileSync, mkdirSync, readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { createConsumer, pack, root } from "../pack/consumer.js";

export interface RuntimeFiles {
  /** Replaces test/behaviour/api.ts, so the cases take their types from the installed package, by name. */
  api: string;
  /** Copied to the project's top level (the runtime's test files, snippets). Paths relative to the repository. */
  files: string[];
}

/** Packs the package, installs it into a consumer project (test/pack/consumer.ts) and lays out the suite; returns the project's directory. */
export function prepareProject(name: string, runtime: RuntimeFiles): string {
  const dir = createConsumer(name, pack().tarball);
  const behaviour = join(dir, "behaviour");
  mkdirSync(behaviour);
  for (const file of readdirSync(join(root, "test/behaviour"))) {
    // The Node adapters stay behind; api.ts is swapped for the runtime's version.
    if (file.endsWith(".test.ts") || file === "node-suite.ts" || file === "api.ts") continue;
    copyFileSync(join(root, "test/behaviour", file), join(behaviour, file));
  }
  copyFileSync(join(root, runtime.api), join(behaviour, "api.ts"));
  for (const file of runtime.files) copyFileSync(join(root, file), join(dir, basename(file)));
  return dir;
}
