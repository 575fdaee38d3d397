// What an editor offers inside the quotes of an extensible enum property, asked of TypeScript's own language
// service (the engine behind VS Code's completions) over the generated models. `"A" | string` would offer nothing.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));

const probeFile = join(root, "test", "types", "__completion-probe__.ts");

/** Completion names at the `|` in `source`, a module compiled beside this test. */
function completionsAt(source: string): string[] {
  const offset = source.indexOf("|");
  const text = source.replace("|", "");
  const options: ts.CompilerOptions = {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    lib: ["lib.es2022.d.ts"],
    types: [],
    noEmit: true,
  };
  const host: ts.LanguageServiceHost = {
    getCompilationSettings: () => options,
    getScriptFileNames: () => [probeFile],
    getScriptVersion: () => "1",
    getScriptSnapshot: (file) => ts.ScriptSnapshot.fromString(file === probeFile ? text : readFileSync(file, "utf8")),
    getCurrentDirectory: () => root,
    getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
    fileExists: (file) => file === probeFile || ts.sys.fileExists(file),
    readFile: (file) => (file === probeFile ? text : ts.sys.readFile(file)),
  };
  const service = ts.createLanguageService(host);
  try {
    return (service.getCompletionsAtPosition(probeFile, offset, {})?.entries ?? []).map((entry) => entry.name);
  } finally {
    service.dispose();
  }
}

describe("editor completion of extensible enums", () => {
  it("offers the known values of autoDiscovery in a request body", () => {
    const names = completionsAt(`import type { DevOpsConfiguration } from "../../src/generated/models.js";
const body: DevOpsConfiguration = { properties: { autoDiscovery: "|" } };
void body;`);
    expect(names.sort()).toEqual(["Disabled", "Enabled", "NotApplicable"]);
  });

  it("offers the known values when comparing a response's state", () => {
    const names =
      completionsAt(`import type { ActionableRemediationStateOutput } from "../../src/generated/outputModels.js";
declare const state: ActionableRemediationStateOutput;
if (state === "|") void state;`);
    expect(names.sort()).toEqual(["Disabled", "Enabled", "None"]);
  });
});
