import type { MockResponse } from "./types.js";
import { checkMethod, checkPath, checkResponse, describe, type Problems, throwIfAny } from "./validate.js";

interface Entry {
  method: string;
  path: string | RegExp;
  answers: MockResponse[];
}

/** A path as scripts compare it: raw, without query; absolute URLs (e.g. operationResultUrl()) are accepted. */
function normalisePath(path: string): string {
  const withoutOrigin = /^https?:\/\//i.test(path) ? path.replace(/^https?:\/\/[^/]+/i, "") : path;
  const q = withoutOrigin.indexOf("?");
  return q < 0 ? withoutOrigin : withoutOrigin.slice(0, q);
}

/**
 * Scripted answers: successive answers for one method + path, consumed in order. Exact paths are checked
 * before RegExps; among RegExps the first registered with answers left wins.
 */
export class Scripts {
  private entries: Entry[] = [];

  add(method: string, path: string | RegExp, answers: MockResponse[]): void {
    const m = method.toUpperCase();
    const p = typeof path === "string" ? normalisePath(path) : path;
    const same = this.entries.find(
      (e) => e.method === m && (typeof p === "string" ? e.path === p : String(e.path) === String(p)),
    );
    if (same) same.answers.push(...answers);
    else this.entries.push({ method: m, path: p, answers: [...answers] });
  }

  /** The next scripted answer for this request, removing it; undefined when none is left. */
  take(method: string, rawPath: string): MockResponse | undefined {
    const m = method.toUpperCase();
    const live = this.entries.filter((e) => e.method === m && e.answers.length > 0);
    const entry =
      live.find((e) => e.path === rawPath) ??
      live.find((e) => {
        if (typeof e.path === "string") return false;
        e.path.lastIndex = 0; // a /g or /y RegExp keeps state between tests; matching must not depend on it
        return e.path.test(rawPath);
      });
    return entry?.answers.shift();
  }

  clear(): void {
    this.entries = [];
  }
}

/**
 * The arguments of `mock.script(method, path, ...responses)`, checked so that a mistake throws instead of being
 * ignored: an array of answers (which used to register nothing usable), no answer at all, a typo in a field.
 */
export function checkScriptCall(method: unknown, path: unknown, responses: readonly unknown[]): void {
  const problems: Problems = [];
  checkMethod(method, "method", problems);
  if (!(path instanceof RegExp)) checkPath(path, "path", problems);
  if (responses.length === 0) problems.push("responses: give at least one answer, e.g. { status: 503 }");
  if (responses.length === 1 && Array.isArray(responses[0])) {
    problems.push(
      `responses: got ${describe(responses[0])} as the only answer; give each answer as its own argument — ` +
        "script(method, path, first, second), or script(method, path, ...answers)",
    );
  } else responses.forEach((r, i) => checkResponse(r, `responses[${i}]`, problems));
  throwIfAny(problems, "script(method, path, ...responses)");
}
