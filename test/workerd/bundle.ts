// One ES-module bundle of worker.ts with the package as installed from the packed tarball, made the way Workers
// tooling makes it: esbuild, the "workerd", "worker" and "browser" export conditions, and `node:` built-ins left
// to the runtime (they load only with nodejs_compat; the suite without it proves the bundle needs none).
import { join } from "node:path";
import { build, type Plugin } from "esbuild";
import { root } from "../pack/consumer.js";

export const WORKER_CONDITIONS = ["workerd", "worker", "browser"];

/** Bundles into `<consumer>/worker.js`; returns the files the bundle holds (repository-relative or absolute). */
export async function bundleWorker(consumer: string): Promise<string[]> {
  const result = await build({
    absWorkingDir: root,
    entryPoints: ["test/workerd/worker.ts"],
    outfile: join(consumer, "worker.js"),
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    conditions: WORKER_CONDITIONS,
    external: ["node:*"],
    plugins: [installedPackage(consumer)],
    metafile: true,
    logLevel: "warning",
  });
  return Object.keys(result.metafile.inputs);
}

/** worker.ts imports the source (so the project's type check covers it); the bundle gets the installed package. */
function installedPackage(consumer: string): Plugin {
  return {
    name: "package-under-test-is-the-installed-tarball",
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /^\.\.\/\.\.\/src\/index\.js$/ }, (args) =>
        args.importer.endsWith(join("test", "workerd", "worker.ts"))
          ? pluginBuild.resolve("arm-security-devops", { kind: args.kind, resolveDir: consumer })
          : undefined,
      );
    },
  };
}
