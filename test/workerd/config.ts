// The workerd configuration of the suite: one worker per mode (with and without nodejs_compat), each on its own
// HTTP socket on 127.0.0.1, all sending their fetch() calls through one network service that may reach local
// addresses only and trusts exactly the mock's self-signed certificate. Facts: ../shared/notes/runtimes.md.
import { writeFileSync } from "node:fs";
import { join } from "node:path";

// From this compatibility date on, nodejs_compat is on by default; before it, it is off. Each mode asks for
// what it needs relative to the date, so workerd has no redundant flag to warn about.
const NODEJS_COMPAT_DEFAULT_FROM = "2026-08-04";

export type ModeName = "nodejs_compat" | "no_nodejs_compat";
export const MODE_NAMES: ModeName[] = ["nodejs_compat", "no_nodejs_compat"];

export function compatibilityFlags(mode: ModeName, compatibilityDate: string): string[] {
  const defaultOn = compatibilityDate >= NODEJS_COMPAT_DEFAULT_FROM;
  if (mode === "nodejs_compat") return defaultOn ? [] : ["nodejs_compat"];
  // no_nodejs_compat alone still defines `process`: nodejs_compat_v2 has its own switch.
  return defaultOn ? ["no_nodejs_compat", "no_nodejs_compat_v2"] : [];
}

export interface WorkerdSetup {
  /** Holds worker.js and mock-ca.pem; config.capnp is written there. */
  dir: string;
  compatibilityDate: string;
  /** The HTTP port of each mode's socket on 127.0.0.1. */
  ports: Record<ModeName, number>;
  /** Text bindings of every worker (the worker's `env`). */
  bindings: Record<string, string>;
}

export function writeConfig(setup: WorkerdSetup): string {
  const worker = (mode: ModeName) => `(
      modules = [(name = "worker.js", esModule = embed "worker.js")],
      compatibilityDate = ${text(setup.compatibilityDate)},
      compatibilityFlags = [${compatibilityFlags(mode, setup.compatibilityDate).map(text).join(", ")}],
      bindings = [${Object.entries(setup.bindings)
        .map(([name, value]) => `(name = ${text(name)}, text = ${text(value)})`)
        .join(", ")}],
      globalOutbound = "loopback",
    )`;
  const config = `using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [
${MODE_NAMES.map((mode) => `    (name = ${text(mode)}, worker = ${worker(mode)}),`).join("\n")}
    # The default "internet" service refuses loopback ("public" only) and knows no self-signed certificate.
    (name = "loopback", network = (allow = ["local"], tlsOptions = (trustedCertificates = [embed "mock-ca.pem"]))),
  ],
  sockets = [
${MODE_NAMES.map((mode) => `    (name = ${text(mode)}, address = ${text(`127.0.0.1:${setup.ports[mode]}`)}, http = (), service = ${text(mode)}),`).join("\n")}
  ],
);
`;
  const path = join(setup.dir, "config.capnp");
  writeFileSync(path, config);
  return path;
}

/** A Cap'n Proto text literal. Our values are printable ASCII; anything else is refused rather than mis-escaped. */
function text(value: string): string {
  if (!/^[\x20-\x7e]*$/.test(value)) throw new Error(`config value is not printable ASCII: ${JSON.stringify(value)}`);
  return `"${value.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`;
}
