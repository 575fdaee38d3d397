// Python's Azure SDK core against `arm-security-devops mock`: the pollers the mock's default timing is chosen for.
// azure-core reads Retry-After first and takes 0 for "not given", waiting its own 30 s instead; the mock's default
// (Retry-After: 1, retry-after-ms: 10) keeps it at 1 s a poll, and a scenario's defaultPlan without Retry-After at
// 10 ms. Needs a python3 with azure-core and azure-mgmt-core (Debian: python3-azure); skipped, saying so, without.
import { execFile, execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli, root } from "./built.js";
import { startMockProcess } from "./mock-process.js";

const SCRIPT = join(root, "test", "mock", "fixtures", "azure_core_lro.py");
/** The README's Python snippet (`<!-- snippet: mock-python -->`, byte-identical, checked by test/readme). */
const README_SNIPPET = join(root, "examples", "readme", "mock_python.py");

/** The first python3 that imports azure-core and azure-mgmt-core. */
function findPython(): string | undefined {
  for (const candidate of ["python3", "/usr/bin/python3"]) {
    try {
      execFileSync(candidate, ["-c", "import azure.core, azure.mgmt.core"], { stdio: "ignore", timeout: 10_000 });
      return candidate;
    } catch {
      // not this one
    }
  }
  return undefined;
}

const python = findPython();
if (!python) console.warn("test/cli/mock-python: skipped: no python3 with azure-core and azure-mgmt-core (apt-get install python3-azure)");

interface Onboarded {
  provisioningState: string;
  seconds: number;
}

/** Runs the Python flows against a mock started with `scenario`; what the script printed. */
async function runPython(scenario: unknown, flows: string[]): Promise<Record<string, any>> {
  const file = join(dir, `scenario-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(scenario));
  const mock = await startMockProcess(["--scenario", file]);
  try {
    const { stdout } = await new Promise<{ stdout: string }>((resolve, reject) =>
      execFile(
        python!,
        [SCRIPT, JSON.stringify(mock.ready), flows.join(",")],
        { env: { PATH: process.env["PATH"], HOME: process.env["HOME"], REQUESTS_CA_BUNDLE: mock.ready.env["REQUESTS_CA_BUNDLE"] }, timeout: 150_000, encoding: "utf8" },
        (error, out, err) => (error ? reject(new Error(`python failed: ${err || error.message}`)) : resolve({ stdout: out })),
      ),
    );
    return JSON.parse(stdout) as Record<string, any>;
  } finally {
    await mock.stop();
  }
}

let dir: string;
beforeAll(() => void (dir = mkdtempSync(join(tmpdir(), "arm-mock-python-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!python)("arm-security-devops mock with Python's azure-core", () => {
  it("finishes a default-plan onboarding and a Location one in about a second a poll, not azure-core's 30 s", async () => {
    const r = await runPython({ plans: [{}, { header: "Location" }] }, ["contoso-ado", "fabrikam-ado", "missing"]);
    const [asyncOperation, location] = [r["contoso-ado"] as Onboarded, r["fabrikam-ado"] as Onboarded];
    expect([asyncOperation.provisioningState, location.provisioningState]).toEqual(["Succeeded", "Succeeded"]);
    // Two in-progress polls at Retry-After: 1 each; with the former Retry-After: 0 this took 60 s.
    expect(asyncOperation.seconds).toBeGreaterThanOrEqual(1.9);
    expect(asyncOperation.seconds).toBeLessThan(15);
    expect(location.seconds).toBeLessThan(15);
    // ARM's error body, read by azure-mgmt-core's ARMErrorFormat.
    expect(r["missing"]).toEqual({ status: 404, code: "ResourceNotFound" });
  });

  it("polls at 10 ms when a scenario's defaultPlan sends only retry-after-ms", async () => {
    const r = await runPython({ defaultPlan: { retryAfter: null, retryAfterMs: "10" } }, ["northwind-ado"]);
    const onboarded = r["northwind-ado"] as Onboarded;
    expect(onboarded.provisioningState).toBe("Succeeded");
    expect(onboarded.seconds).toBeLessThan(1.5);
  });
});

describe.skipIf(!python)("the README's Python snippet", () => {
  it("starts the mock with npx, onboards through azure-core's ARMPolling, prints Succeeded, and leaves nothing behind", async () => {
    // A Python project with the package installed as npm would link its bin; TMPDIR shows where the mock writes.
    const project = join(dir, "python-project");
    const scratch = join(project, "tmp");
    mkdirSync(join(project, "node_modules", ".bin"), { recursive: true });
    mkdirSync(scratch);
    writeFileSync(join(project, "package.json"), JSON.stringify({ name: "python-project", private: true }));
    symlinkSync(cli, join(project, "node_modules", ".bin", "arm-security-devops"));
    const stdout = await new Promise<string>((resolve, reject) =>
      execFile(
        python!,
        [README_SNIPPET],
        { cwd: project, env: { PATH: process.env["PATH"], HOME: process.env["HOME"], TMPDIR: scratch }, timeout: 60_000, encoding: "utf8" },
        (error, out, err) => (error ? reject(new Error(`the snippet failed: ${err || error.message}`)) : resolve(out)),
      ),
    );
    expect(stdout).toBe("Succeeded\n");
    // npx exits on SIGTERM without passing it on; the mock notices its parent is gone and cleans up.
    const deadline = Date.now() + 10_000;
    while (readdirSync(scratch).some((name) => name.startsWith("arm-security-devops-mock-")) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(readdirSync(scratch).filter((name) => name.startsWith("arm-security-devops-mock-"))).toEqual([]);
  });
});
