import { isMissingModule } from "./missingModule.js";

/**
 * A fresh self-signed certificate for 127.0.0.1 and localhost. Clients trust it by passing the PEM as `ca`
 * (Node's TLS accepts a self-signed leaf given as its own trust anchor), so no test ever disables verification.
 * `selfsigned` is loaded only here, so a mock started with `https: false` or a given key pair never needs it.
 */
export async function createTestCertificate(): Promise<{ key: string; cert: string }> {
  const { generate } = await importSelfsigned();
  const pems = await generate([{ name: "commonName", value: "127.0.0.1" }], {
    keySize: 2048,
    algorithm: "sha256",
    extensions: [
      { name: "basicConstraints", cA: false },
      { name: "keyUsage", digitalSignature: true, keyEncipherment: true },
      { name: "extKeyUsage", serverAuth: true },
      {
        name: "subjectAltName",
        altNames: [
          { type: 7, ip: "127.0.0.1" },
          { type: 2, value: "localhost" },
        ],
      },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}

// selfsigned is an optional peer dependency (~9 MB with its crypto libraries, needed by the mock only): when it is
// not installed, say which package to add instead of printing the runtime's resolution error.
async function importSelfsigned(): Promise<typeof import("selfsigned")> {
  try {
    return await import("selfsigned");
  } catch (error) {
    if (!isMissingModule(error, "selfsigned")) throw error;
    // A plain Error, as Node marks its own (`code`), so callers — the CLI's mock command — can word it themselves.
    const message =
      "arm-security-devops/testing makes the mock's HTTPS certificate with the selfsigned package, which is not " +
      "installed: add it as a dev dependency (npm install --save-dev selfsigned), or start the mock with " +
      "`https: { key, cert }` or `https: false`";
    throw Object.assign(new Error(message, { cause: error }), { code: MISSING_PEER_DEPENDENCY, packageName: "selfsigned" });
  }
}

/** The `code` of the error thrown when an optional peer dependency the mock needs is not installed. */
export const MISSING_PEER_DEPENDENCY = "ERR_MISSING_PEER_DEPENDENCY";
