import type { OperationStatus } from "@azure/core-lro";

// The resume token is this package's own JSON, versioned and tagged with the strategy that wrote it, so that a
// token is checked on restore instead of trusted: another kind or version is refused naming both, and each field
// is type-checked. URLs in it are checked against the client's origin by the strategy that restores it.

export const TOKEN_VERSION = 1;

export type ResumeTokenKind = "azure-async-operation" | "location" | "operation-result" | "done";

export type ResumeToken =
  | { v: 1; kind: "operation-result"; url: string }
  | { v: 1; kind: "azure-async-operation" | "location"; url: string; method: string; resourceUrl: string }
  | { v: 1; kind: "done"; method: string; resourceUrl: string; status: "succeeded" | "failed" | "canceled" };

const KINDS: readonly ResumeTokenKind[] = ["azure-async-operation", "location", "operation-result", "done"];

export function encodeResumeToken(token: ResumeToken): string {
  return JSON.stringify(token);
}

/**
 * Parses `options.restoreFrom` and checks it is a version-1 token of one of `accepted` kinds, for `consumer`
 * (named in messages). Throws a TypeError naming the option and the rule.
 */
export function decodeResumeToken<K extends ResumeTokenKind>(
  text: string,
  accepted: readonly K[],
  consumer: string,
): Extract<ResumeToken, { kind: K }> {
  // Safe: parse() returns only tokens whose kind passed the `accepted` check.
  return parse(text, accepted, consumer) as Extract<ResumeToken, { kind: K }>;
}

function parse(text: string, accepted: readonly ResumeTokenKind[], consumer: string): ResumeToken {
  const fail = (rule: string): never => {
    throw new TypeError(`options.restoreFrom ${rule}`);
  };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return fail("is not a resume token (not JSON); pass the string returned by poller.serialize()");
  }
  if (typeof raw !== "object" || raw === null) return fail("is not a resume token (not a JSON object)");
  const t = raw as Record<string, unknown>;
  if (t["v"] !== TOKEN_VERSION) {
    return fail(`has version ${JSON.stringify(t["v"])}; this package reads version ${TOKEN_VERSION} tokens`);
  }
  const kind = t["kind"];
  if (typeof kind !== "string" || !KINDS.includes(kind as ResumeTokenKind)) {
    return fail(`has unknown kind ${JSON.stringify(kind)}; expected one of ${KINDS.join(", ")}`);
  }
  if (!accepted.includes(kind as ResumeTokenKind)) {
    return fail(`holds a "${kind}" token, but ${consumer} resumes only ${accepted.map((k) => `"${k}"`).join(" or ")} tokens`);
  }
  const str = (field: string): string =>
    typeof t[field] === "string" && t[field] !== "" ? (t[field] as string) : fail(`("${kind}") lacks a string "${field}"`);
  switch (kind as ResumeTokenKind) {
    case "operation-result":
      return { v: 1, kind: "operation-result", url: str("url") };
    case "azure-async-operation":
    case "location":
      return { v: 1, kind: kind as "location", url: str("url"), method: method(str("method"), fail), resourceUrl: str("resourceUrl") };
    case "done": {
      const status = t["status"] as OperationStatus;
      if (status !== "succeeded" && status !== "failed" && status !== "canceled") {
        return fail(`("done") has status ${JSON.stringify(status)}; expected succeeded, failed or canceled`);
      }
      return { v: 1, kind: "done", method: method(str("method"), fail), resourceUrl: str("resourceUrl"), status };
    }
  }
}

function method(value: string, fail: (rule: string) => never): string {
  const m = value.toUpperCase();
  return ["PUT", "PATCH", "DELETE", "POST"].includes(m) ? m : fail(`has method ${JSON.stringify(value)}; expected PUT, PATCH, DELETE or POST`);
}
