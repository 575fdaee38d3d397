// The progress bar is drawn only on a terminal, so this suite gives the CLI one: util-linux `script` runs the
// command in a pseudo-terminal and copies what it wrote (stdout and stderr alike) to our pipe.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli } from "./built.js";
import { hasScript, idFlags, runCommand, scriptArgs, startCliHarness, startCommand, type CliHarness } from "./harness.js";

let h: CliHarness;
beforeAll(async () => (h = await startCliHarness()));
afterAll(() => h?.close());

describe.skipIf(!hasScript)("arm-security-devops wait on a terminal", () => {
  it("redraws one progress bar line with \\r and rising percentages, then ends the line", async () => {
    h.mock.addOperationResult("op-tty", { steps: [0, 25, 50, 75], retryAfter: null });
    const command = [process.execPath, cli, "wait", "op-tty", ...idFlags(h.mock), "--interval", "100ms"];
    const r = await runCommand("script", scriptArgs(command), h.env);
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
    const command = [process.execPath, cli, "wait", "op-tty-fail", ...idFlags(h.mock), "--interval", "100ms"];
    const r = await runCommand("script", scriptArgs(command), h.env);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/\r\[#{18}\.{12}\]\s+60%  Failed/);
    expect(r.stdout).toMatch(/TokenExchangeFailed/);
  });

  it("stops on Ctrl+C with exit 130, ending the bar's line before saying where it stopped", async () => {
    h.mock.addOperationResult("op-tty-int", { steps: Array.from({ length: 200 }, (_, i) => i / 2), retryAfter: null });
    const command = [process.execPath, cli, "wait", "op-tty-int", ...idFlags(h.mock), "--interval", "100ms"];
    const running = startCommand("script", scriptArgs(command), h.env);
    await running.waitFor(/\]\s+1%  InProgress/);
    running.child.stdin.write("\x03"); // what the Ctrl+C key sends; the terminal turns it into SIGINT
    const r = await running.exit;
    expect(r.code).toBe(130);
    // The terminal echoes the key as "^C" after the bar; the CLI's newline then ends the bar's line.
    expect(r.stdout).toMatch(/\x1b\[K(\^C)?\r?\n(\r?\n)*Interrupted \(last status: InProgress at [\d.]+%\)\. The operation continues on the service\./);
  });

  it("replaces the bar with each retry line, then ends with the message when --max-transient-errors polls in a row failed", async () => {
    h.mock.addOperationResult("op-tty-503", { steps: [30] });
    const good = { status: 200, headers: { "retry-after": "0" }, body: { name: "op-tty-503", status: "InProgress", percentComplete: 30 } };
    const unavailable = { status: 503, headers: { "retry-after": "0" }, body: { error: { code: "ServiceUnavailable", message: "Busy." } } };
    h.mock.script("GET", /\/operationResults\/op-tty-503$/, good, ...Array.from({ length: 8 }, () => unavailable));
    const command = [process.execPath, cli, "wait", "op-tty-503", ...idFlags(h.mock), "--max-transient-errors", "1"];
    const r = await runCommand("script", scriptArgs(command), h.env);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(
      /\]\s+30%  InProgress  [\d.]+s\x1b\[K\rretrying \(1\/1\): HTTP 503: ServiceUnavailable: Busy\.\x1b\[K\r?\n(\r?\n)*error: could not read the operation status: 2 polls in a row failed \(--max-transient-errors 1\); last status: InProgress at 30%\r?\n/,
    );
    expect(r.stdout).toMatch(/raise --max-transient-errors to keep trying longer/);
  });
});
