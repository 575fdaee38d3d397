import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { playwright } from "@vitest/browser-playwright";
import { defineConfig } from "vitest/config";
import { createTestCertificate } from "../../src/testing/certificate.js";
import { chromiumArgs, findChromium } from "./chromium.js";
import { mockCommands } from "./commands.js";

// The behaviour suite in Chromium (vitest browser mode, playwright provider, Debian's Chromium), against the
// built ESM bundle and the loopback mock started by global-setup.ts. Run: vitest run --config test/browser/vitest.config.ts

const root = fileURLToPath(new URL("../..", import.meta.url));
// What a browser bundler resolves the package to: its one ESM build (the Azure core libraries under it resolve to
// their own browser builds through their "browser" conditions, as in a user's bundler).
const dist = `${root}dist/index.js`;
const executablePath = findChromium();
if (!executablePath) throw new Error("No Chromium found (looked at $CHROMIUM_PATH, /usr/bin/chromium); install it with apt");
if (!existsSync(dist)) throw new Error("dist/index.js is missing: the browser suite runs against the build (npm run build)");

// One certificate for this run: the mock serves it and Chromium is told to trust exactly its public key.
const certificate = await createTestCertificate();
process.env["ARM_MOCK_BROWSER_TLS"] = JSON.stringify(certificate);

export default defineConfig({
  root,
  // Vite's dev server (which serves the test page) listens on loopback only, like every server in these tests.
  server: { host: "127.0.0.1" },
  plugins: [
    {
      // The adapter imports "../../src/index.js" so that the project type check covers it against the source;
      // in the browser that import is answered with the built bundle, which is what users' bundlers get.
      name: "package-under-test-is-dist",
      enforce: "pre",
      resolveId(source, importer) {
        if (source === "../../src/index.js" && importer?.includes("/test/browser/")) return dist;
        // The README's snippet imports the package by name, as an app would.
        if (source === "arm-security-devops" && importer?.includes("/examples/readme/")) return dist;
        return null;
      },
    },
  ],
  test: {
    name: "browser",
    include: ["test/browser/**/*.test.ts"],
    globalSetup: ["test/browser/global-setup.ts"],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    browser: {
      enabled: true,
      headless: true,
      provider: playwright({ launchOptions: { executablePath, args: chromiumArgs(certificate.cert) } }),
      instances: [{ browser: "chromium" }],
      api: { host: "127.0.0.1" },
      commands: mockCommands,
      // Failures are reported as text; screenshots of a blank test page would only litter the tree.
      screenshotFailures: false,
    },
  },
});
