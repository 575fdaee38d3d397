// Ctrl+C (SIGINT) stops the command at once with exit 130, whatever it is waiting for, and says where it stopped.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startCliHarness, type CliHarness } from "./harness.js";

let h: CliHarness;
beforeAll(async () => (h = await startCliHarness()));
afterAll(() => h?.close());
beforeEach(() => h.mock.reset());

describe("arm-security-devops and Ctrl+C", () => {
  it("wait: exits 130 with the last status read, and polls no more", async () => {
    const url = h.mock.addOperationResult("op-long", {
      steps: Array.from({ length: 200 }, (_, i) => i / 2),
      retryAfter: null,
    });
    const running = h.start(["wait", url, "--endpoint", h.mock.endpoint, "--interval", "100ms"]);
    await running.waitFor("InProgress 1%");
    running.child.kill("SIGINT");
    const r = await running.exit;
    expect(r.code).toBe(130);
    expect(r.stderr).toMatch(
      /^Interrupted \(last status: InProgress at [\d.]+%\)\. The operation continues on the service\.$/m,
    );
    expect(r.stdout).toBe("");
    const polls = h.mock.pollCount("op-long");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(h.mock.pollCount("op-long")).toBe(polls);
  });

  it("get: exits 130 at once while the service is slow to answer", async () => {
    const url = h.mock.operationResultUrl("op-slow");
    h.mock.script("GET", /\/operationResults\/op-slow$/, {
      status: 200,
      delayMs: 60_000,
      body: { status: "InProgress" },
    });
    const running = h.start(["get", url, "--endpoint", h.mock.endpoint]);
    for (let i = 0; i < 250 && h.mock.requests.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(h.mock.requests).toHaveLength(1);
    const started = Date.now();
    running.child.kill("SIGINT");
    const r = await running.exit;
    expect(r.code).toBe(130);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(r.stderr.trim()).toBe("Interrupted before the service answered. The operation itself is not affected.");
  });
});
