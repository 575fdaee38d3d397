/**
 * A fresh self-signed certificate for 127.0.0.1 and localhost. Clients trust it by passing the PEM as `ca`
 * (Node's TLS accepts a self-signed leaf given as its own trust anchor), so no test ever disables verification.
 * `selfsigned` is loaded only here, so a mock started with `https: false` or a given key pair never needs it.
 */
export async function createTestCertificate(): Promise<{ key: string; cert: string }> {
  const { generate } = await import("selfsigned");
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
