import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// scripts/test.mjs, the runner of `npm test`: how a step that cannot run is reported.
const root = new URL("../..", import.meta.url).pathname;

describe("npm test's runner", () => {
  it("counts check:spec as skipped, with its reason, when the upstream spec is absent", () => {
    const missing = join(root, ".tmp/no-such-specs");
    const run = spawnSync(process.execPath, ["scripts/test.mjs", "check:spec"], {
      cwd: root,
      encoding: "utf8",
      timeout: 30_000,
      env: { ...process.env, AZURE_REST_API_SPECS: missing },
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`▸ check:spec: skipped — the upstream spec is absent (${missing}/specification/`);
    expect(run.stdout).not.toMatch(/check:spec: ok/);
    expect(run.stdout.trim().split("\n").at(-1)).toBe("0 passed, 0 failed, 1 skipped");
  });
});
