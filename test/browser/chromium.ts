import { existsSync } from "node:fs";
import { X509Certificate, createHash } from "node:crypto";

/** Debian's Chromium; playwright's own browser download cannot work on a closed network. CHROMIUM_PATH overrides. */
export function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  return candidates.find((path): path is string => !!path && existsSync(path));
}

/**
 * Chromium flags for a closed, headless test machine. Without the background-networking flags Chromium keeps
 * trying to reach Google services. The SPKI pin makes Chromium trust exactly the mock's self-signed certificate,
 * instead of switching certificate checks off for every host.
 */
export function chromiumArgs(certificatePem: string): string[] {
  const spki = new X509Certificate(certificatePem).publicKey.export({ type: "spki", format: "der" });
  const pin = createHash("sha256").update(spki).digest("base64");
  return [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    `--ignore-certificate-errors-spki-list=${pin}`,
  ];
}
