import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { pollOperationResult } from "../../src/custom/poller/pollOperationResult.js";
import type { MockArm } from "../../src/testing/index.js";
import { mockClient } from "../helpers/client.js";
import { useMockArm } from "../helpers/mock.js";

const CHILD = fileURLToPath(new URL("./fixtures/resume-child.ts", import.meta.url));

let mock: MockArm;
useMockArm((m) => (mock = m));

/** Runs the child; resolves its exit code, output and how long it lived after printing its outcome. */
function runChild(mode: string, token: string): Promise<{ code: number | null; out: string; lingered: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", CHILD, mode, mock.endpoint, token], {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, MOCK_TOKEN: mock.token, MOCK_CA: mock.certificate },
    });
    let out = "";
    let printedAt = 0;
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      printedAt ||= Date.now();
    });
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    const killer = setTimeout(() => child.kill("SIGKILL"), 20_000);
    child.on("error", reject);
    child.on("exit", (code) => {
      clearTimeout(killer);
      resolve({ code, out, lingered: printedAt ? Date.now() - printedAt : Number.NaN });
    });
  });
}

describe("a poller resumed in another process", () => {
  it("finishes the operation there, and the process exits on its own", async () => {
    mock.addOperationResult("op-resume", { steps: [0, 25, 50] });
    const poller = pollOperationResult(mockClient(mock), mock.operationResultUrl("op-resume"));
    expect((await poller.poll()).percentComplete).toBe(0);
    const token = await poller.serialize();
    const { code, out, lingered } = await runChild("finish", token);
    expect(out).toBe("done Succeeded 100\n");
    expect(code).toBe(0);
    expect(lingered).toBeLessThan(5_000);
    expect(mock.pollCount("op-resume")).toBe(4);
  });

  it("exits promptly after an abort mid-wait, although the server asked to wait 30 s", async () => {
    mock.addOperationResult("op-abort", { steps: [0, 10], retryAfter: "30" });
    const token = await pollOperationResult(mockClient(mock), mock.operationResultUrl("op-abort")).serialize();
    const { code, out, lingered } = await runChild("abort", token);
    expect(out).toBe("rejected AbortError\n");
    expect(code).toBe(0);
    expect(lingered).toBeLessThan(5_000);
    expect(mock.pollCount("op-abort")).toBe(1);
  });
});
