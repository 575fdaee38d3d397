import { readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { armError } from "./respond.js";
import { MockScenarioError, parseScenarioText } from "./scenario.js";
import type { MockResponse, MockScenario, ScenarioFileEvent } from "./types.js";

/**
 * A scenario file, applied when the mock starts and again whenever it has changed. The file is looked at (one
 * stat) when each request arrives, before anything else is decided, rather than watched: a test that rewrites the
 * file and then sends its request is sure the request sees the new scenario — no watcher event to wait for, no race.
 * While the file is unreadable or invalid, every request is answered with a 400 saying why (the previous scenario
 * does not silently go on), so the test that wrote it fails with the reason.
 */
export class ScenarioFile {
  readonly path: string;
  /** The file's identity when last read: inode, size, and modification and change times in nanoseconds. */
  private stamp = "";
  /** Why the file cannot be used, while it cannot; and the answer every request gets meanwhile. */
  private problem: { message: string; answer: MockResponse } | undefined;

  constructor(
    path: string,
    private readonly apply: (scenario: MockScenario) => void,
    private readonly onEvent: (event: ScenarioFileEvent) => void = () => undefined,
  ) {
    this.path = resolve(path);
  }

  /** The first read, at start: any error is thrown, so a wrong file stops the mock from starting. */
  load(): void {
    let text: string;
    try {
      this.stamp = this.currentStamp();
      text = readFileSync(this.path, "utf8");
    } catch (error) {
      throw new MockScenarioError(this.path, [`the file cannot be read: ${(error as Error).message}`]);
    }
    this.apply(parseScenarioText(text, this.path));
  }

  /** The next refresh() reads and applies the file even if it has not changed (after the mock's reset()). */
  forget(): void {
    this.stamp = "";
  }

  /** Applies the file if it changed since it was last read; the answer to give while it is invalid, if it is. */
  refresh(): MockResponse | undefined {
    let stamp: string;
    try {
      stamp = this.currentStamp();
    } catch (error) {
      this.stamp = "";
      return this.fail(`cannot read the scenario file ${this.path}: ${(error as Error).message}`);
    }
    if (stamp === this.stamp) return this.problem?.answer;
    this.stamp = stamp;
    let scenario: MockScenario;
    try {
      scenario = parseScenarioText(readFileSync(this.path, "utf8"), this.path);
      this.apply(scenario);
    } catch (error) {
      return this.fail((error as Error).message);
    }
    this.problem = undefined;
    this.onEvent({ kind: "applied", path: this.path, scenario });
    return undefined;
  }

  private fail(message: string): MockResponse {
    // Said once for each new reason, not once per request.
    if (this.problem?.message !== message) this.onEvent({ kind: "invalid", path: this.path, message });
    this.problem = { message, answer: armError(400, "InvalidMockScenario", message) };
    return this.problem.answer;
  }

  private currentStamp(): string {
    const s = statSync(this.path, { bigint: true });
    return `${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
  }
}
