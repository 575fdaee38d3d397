// `wait --max-transient-errors`: how many failed status reads in a row the poller accepts, and the message when
// they run out. The mock answers 503 with Retry-After: 0, so the pipeline's own retries (3 per poll, core's
// default) and the poller's happen at once and the counts are exact.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { MockResponse } from "../../src/testing/types.js";
import { startCliHarness, type CliHarness } from "./harness.js";

let h: CliHarness;
beforeAll(async () => (h = await startCliHarness()));
afterAll(() => h?.close());
beforeEach(() => h.mock.reset());

const ATTEMPTS_PER_POLL = 4; // the request and core-rest-pipeline's 3 retries
const unavailable: MockResponse = {
  status: 503,
  headers: { "retry-after": "0" },
  body: { error: { code: "ServiceUnavailable", message: "The service is busy." } },
};

/** An operation whose status reads fail `failures` times in a row after one good read at 40%. */
function failingOperation(id: string, failures: number): string {
  const url = h.mock.addOperationResult(id, { steps: [40, 60] });
  const good: MockResponse = {
    status: 200,
    headers: { "retry-after": "0" },
    body: { name: id, status: "InProgress", percentComplete: 40 },
  };
  h.mock.script(
    "GET",
    new RegExp(`/operationResults/${id}$`),
    good,
    ...Array.from({ length: failures }, () => unavailable),
  );
  return url;
}

const statusReads = (id: string): number =>
  h.mock.requests.filter((q) => q.path.endsWith(`/operationResults/${id}`)).length;

describe("arm-security-devops wait --max-transient-errors", () => {
  it.each([1, 2])("gives up after %i failed polls in a row plus one, and exits 3 naming the flag", async (max) => {
    const url = failingOperation(`op-max-${max}`, 50);
    const r = await h.run(["wait", url, "--endpoint", h.mock.endpoint, "--max-transient-errors", String(max)]);
    expect(r.code).toBe(3);
    expect(statusReads(`op-max-${max}`)).toBe(1 + (max + 1) * ATTEMPTS_PER_POLL);
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines.slice(-3)).toEqual([
      `error: could not read the operation status: ${max + 1} polls in a row failed (--max-transient-errors ${max}); last status: InProgress at 40%`,
      "  last error: HTTP 503: ServiceUnavailable: The service is busy.",
      "The operation may still be running: run wait again later, or raise --max-transient-errors to keep trying longer.",
    ]);
    expect(r.stderr).not.toContain("options.maxTransientErrors");
    // Each failed read within the bound is said as it happens, before the final message.
    const retries = lines.filter((line) => line.startsWith("retrying"));
    expect(retries).toEqual(
      Array.from({ length: max }, (_, i) => `retrying (${i + 1}/${max}): HTTP 503: ServiceUnavailable: The service is busy.`),
    );
  });

  it("gives up after 5 failed polls in a row by default", async () => {
    const url = failingOperation("op-default", 50);
    const r = await h.run(["wait", url, "--endpoint", h.mock.endpoint]);
    expect(r.code).toBe(3);
    expect(statusReads("op-default")).toBe(1 + 6 * ATTEMPTS_PER_POLL);
    expect(r.stderr).toContain("6 polls in a row failed (--max-transient-errors 5)");
  });

  it("rides out failed polls within the bound and exits 0 when the status can be read again", async () => {
    // Two polls fail (8 answers); the third poll reads the operation again and it runs to Succeeded.
    const url = failingOperation("op-recovers", 2 * ATTEMPTS_PER_POLL);
    const r = await h.run(["wait", url, "--endpoint", h.mock.endpoint, "--max-transient-errors", "2"]);
    expect(r.stderr).not.toMatch(/error:/);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Status\s+Succeeded \(100%\)$/m);
    expect(r.stderr.split("\n").filter((line) => line.startsWith("retrying"))).toEqual([
      "retrying (1/2): HTTP 503: ServiceUnavailable: The service is busy.",
      "retrying (2/2): HTTP 503: ServiceUnavailable: The service is busy.",
    ]);
  });

  it("prints the retries on stderr with --json too, keeping stdout the JSON document", async () => {
    const url = failingOperation("op-json", ATTEMPTS_PER_POLL);
    const r = await h.run(["wait", url, "--endpoint", h.mock.endpoint, "--json"]);
    expect(r.code).toBe(0);
    expect(r.stderr.trim()).toBe("retrying (1/5): HTTP 503: ServiceUnavailable: The service is busy.");
    expect(JSON.parse(r.stdout)).toMatchObject({ status: "Succeeded" });
  });

  it("says the status was never read when the first poll already fails", async () => {
    const url = h.mock.addOperationResult("op-never", { steps: [0] });
    h.mock.script(
      "GET",
      /\/operationResults\/op-never$/,
      ...Array.from({ length: ATTEMPTS_PER_POLL }, () => unavailable),
    );
    const r = await h.run(["wait", url, "--endpoint", h.mock.endpoint, "--max-transient-errors", "0"]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("1 poll failed (--max-transient-errors 0); last status: not yet read");
  });
});
