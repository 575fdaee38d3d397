import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const FIXTURE = fileURLToPath(new URL("./fixtures/exit-after-close.ts", import.meta.url));

/** Runs the fixture in a fresh Node process; resolves its exit code, output and the time from "closed" to exit. */
function runFixture(mode: "https" | "http"): Promise<{ code: number | null; out: string; afterClose: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", FIXTURE, mode], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let closedAt = 0;
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      if (!closedAt && out.includes("closed")) closedAt = Date.now();
    });
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    const killer = setTimeout(() => child.kill("SIGKILL"), 15_000);
    child.on("error", reject);
    child.on("exit", (code) => {
      clearTimeout(killer);
      resolve({ code, out, afterClose: closedAt ? Date.now() - closedAt : Infinity });
    });
  });
}

describe("close()", () => {
  it.each(["https", "http"] as const)(
    "leaves no handles over %s: the process exits on its own with keep-alive, stalled and delayed requests open",
    async (mode) => {
      const { code, out, afterClose } = await runFixture(mode);
      expect(out.trim()).toBe("closed 404,error,error");
      expect(code).toBe(0);
      expect(afterClose).toBeLessThan(3_000);
    },
  );
});
