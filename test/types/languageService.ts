// TypeScript's language service (the engine behind VS Code) over one probe module compiled beside the type tests,
// for what a type test cannot see: what an editor offers at a position, and where and how an error is reported.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const root = fileURLToPath(new URL("../..", import.meta.url));
const probeFile = join(root, "test", "types", "__probe__.ts");

const options: ts.CompilerOptions = {
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  target: ts.ScriptTarget.ES2022,
  strict: true,
  lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
  types: ["node"],
  skipLibCheck: true,
  noEmit: true,
};

// One service for every probe: a new probe text is a new version of the same script, so the program of the package's
// sources and the libraries is built once per test file rather than once per probe.
let probeText = "";
let probeVersion = 0;
const host: ts.LanguageServiceHost = {
  getCompilationSettings: () => options,
  getScriptFileNames: () => [probeFile],
  getScriptVersion: (file) => (file === probeFile ? String(probeVersion) : "1"),
  getScriptSnapshot: (file) => ts.ScriptSnapshot.fromString(file === probeFile ? probeText : readFileSync(file, "utf8")),
  getCurrentDirectory: () => root,
  getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
  fileExists: (file) => file === probeFile || ts.sys.fileExists(file),
  readFile: (file) => (file === probeFile ? probeText : ts.sys.readFile(file)),
};
const service = ts.createLanguageService(host);

/** Runs `use` with `text` as the probe module, test/types/__probe__.ts (never written to disk). */
function withProbe<T>(text: string, use: (service: ts.LanguageService, file: string) => T): T {
  probeText = text;
  probeVersion += 1;
  return use(service, probeFile);
}

/** Completion names at the `|` in `source`. */
export function completionsAt(source: string): string[] {
  const offset = source.indexOf("|");
  return withProbe(source.replace("|", ""), (service, file) =>
    (service.getCompletionsAtPosition(file, offset, {})?.entries ?? []).map((entry) => entry.name),
  );
}

export interface Reported {
  code: number;
  /** The source text the error is reported on. */
  at: string;
  /** The message with its chain, one line per level, and related information after it. */
  message: string;
}

/** The type errors of `source`, with the text each is reported on. */
export function typeErrors(source: string): Reported[] {
  return withProbe(source, (service, file) =>
    service.getSemanticDiagnostics(file).map((d) => ({
      code: d.code,
      at: source.slice(d.start ?? 0, (d.start ?? 0) + (d.length ?? 0)),
      message: [
        ts.flattenDiagnosticMessageText(d.messageText, "\n"),
        ...(d.relatedInformation ?? []).map((r) => ts.flattenDiagnosticMessageText(r.messageText, "\n")),
      ].join("\n"),
    })),
  );
}
