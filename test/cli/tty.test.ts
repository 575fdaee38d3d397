// The progress bar is drawn only on a terminal, so this suite gives the CLI one: util-linux `script` runs the
// command in a pseudo-terminal and copies what it wrote (stdout and stderr alike) to our pipe.
import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli, idFlags, runCommand, startCliHarness, type CliHarness } from "./harness.js";

const hasScript = (() => {
  try {
    execFileSync("script", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

let h: CliHarness;
beforeAll(async () => (h = await startCliHarness()));
afterAll(() => h?.close());

const quote = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;

describe.skipIf(!hasScript)("arm-security-devops wait on a terminal", () => {
  it("redraws one progress bar line with \\r and rising percentages, then ends the line", async () => {
    h.mock.addOperationResult("op-tty", { steps: [0, 25, 50, 75], retryAfter: null });
    const command = [process.execPath, cli, "wait", "op-tty", ...idFlags(h.mock), "--interval", "100ms"].map(quote).join(" ");
    const r = await runCommand("script", ["-qec", command, "/dev/null"], h.env);
    expect(r.code).toBe(0);
    const draws = [...r.stdout.matchAll(/\r\[([#.]{10,30})\]\s+(\d+)%  (\w+)  [\d.]+s\x1b\[K/g)];
    const percents = draws.map((m) => Number(m[2]));
    expect(percents).toEqual([0, 25, 50, 75, 100]);
    expect(draws.at(-1)?.[1]).toMatch(/^#+$/);
    expect(draws.at(-1)?.[3]).toBe("Succeeded");
    // Progress and result do not share a line: the bar's line is ended before the result is printed.
    expect(r.stdout).toMatch(/\x1b\[K\r?\n(\r?\n)*Operation\s+op-tty/);
  });

  it("exits 1 on a terminal too, with the bar stopped where the operation failed", async () => {
    h.mock.addOperationResult("op-tty-fail", { steps: [0, 60], outcome: "Failed", retryAfter: null });
    const command = [process.execPath, cli, "wait", "op-tty-fail", ...idFlags(h.mock), "--interval", "100ms"].map(quote).join(" ");
    const r = await runCommand("script", ["-qec", command, "/dev/null"], h.env);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/\r\[#{18}\.{12}\]\s+60%  Failed/);
    expect(r.stdout).toMatch(/TokenExchangeFailed/);
  });
});
