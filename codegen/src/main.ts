// Entry point run by AutoRest core (package.json scripts.start). Talks JSON-RPC
// on stdout, so nothing here may print to stdout; use session.info or stderr.
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { AutoRestExtension, startSession } from "@autorest/extension-base";
import { codeModelSchema, type CodeModel } from "@autorest/codemodel";
import { generateFiles } from "./files.js";
import { formatFile } from "./format.js";

/** Must equal the last segment of the pipeline stage in ../README.md. */
const PLUGIN_NAME = "arm-rlc";

interface PluginOptions {
  "client-name"?: string;
  /** package.json whose name and version go into the user agent, relative to codegen/. */
  "package-json"?: string;
}

async function packageDetails(path: string): Promise<{ name: string; version: string }> {
  const json = JSON.parse(await readFile(path, "utf8")) as { name?: unknown; version?: unknown };
  if (typeof json.name !== "string" || typeof json.version !== "string") {
    throw new Error(`${path}: package.json needs a string "name" and "version"`);
  }
  return { name: json.name, version: json.version };
}

const extension = new AutoRestExtension();
extension.add(PLUGIN_NAME, async (host) => {
  const session = await startSession<CodeModel>(host, codeModelSchema, "code-model-v4");
  const options = await session.getValue<PluginOptions>(PLUGIN_NAME, {});
  const clientName = options["client-name"] ?? "SecurityDevOpsClient";
  // Relative to this extension's folder (the process's working directory is not promised).
  const extensionDir = new URL("../", import.meta.url);
  const pkg = await packageDetails(fileURLToPath(new URL(options["package-json"] ?? "../package.json", extensionDir)));
  const inputs = await session.getValue<string[]>("input-file", []);
  const specName = (Array.isArray(inputs) ? inputs[0] : String(inputs))?.split(/[\\/]/).pop() ?? "swagger";
  const files = generateFiles(session.model, { clientName, packageName: pkg.name, packageVersion: pkg.version });
  for (const [name, body] of files) {
    session.writeFile({
      filename: `${name}.ts`,
      content: await formatFile(`swagger/${specName}`, body),
      artifactType: "source-file-typescript",
    });
  }
  session.info(`${PLUGIN_NAME}: ${files.size} files`);
});
await extension.run();
