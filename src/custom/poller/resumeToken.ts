// The resume token is this package's own JSON, versioned and tagged with the strategy that wrote it, so that a
// token is checked on restore instead of trusted: another kind or version is refused naming both, and each field
// is type-checked. URLs in it are checked against the trusted origins when it is restored: by dispatch.ts for
// getLongRunningPoller, by pollOperationResult.ts for an "operation-result" token.

const TOKEN_VERSION = 1;

export type ResumeTokenKind = "azure-async-operation" | "operation-location" | "location" | "body" | "done" | "operation-result";

/** The methods of a long-running operation's initial request, upper-case: the ones a poller starts from. */
export const LRO_METHODS = ["PUT", "PATCH", "DELETE", "POST"] as const;
export type LroMethod = (typeof LRO_METHODS)[number];

export type ResumeToken =
  | { v: 1; kind: "operation-result"; url: string }
  // resultUrl: a POST's Location, where its result is read once the status monitor says Succeeded.
  | { v: 1; kind: "azure-async-operation" | "operation-location"; url: string; method: LroMethod; resourceUrl: string; resultUrl?: string }
  | { v: 1; kind: "location"; url: string; method: LroMethod; resourceUrl: string }
  | { v: 1; kind: "body"; method: LroMethod; resourceUrl: string }
  | { v: 1; kind: "done"; method: LroMethod; resourceUrl: string; status: "succeeded" | "failed" | "canceled" };

// The string fields each kind must carry, the ones it may carry, and the values the closed ones may take.
const REQUIRED: Record<ResumeTokenKind, readonly string[]> = {
  "operation-result": ["url"],
  "azure-async-operation": ["url", "method", "resourceUrl"],
  "operation-location": ["url", "method", "resourceUrl"],
  location: ["url", "method", "resourceUrl"],
  body: ["method", "resourceUrl"],
  done: ["method", "resourceUrl", "status"],
};
const OPTIONAL: Partial<Record<ResumeTokenKind, readonly string[]>> = {
  "azure-async-operation": ["resultUrl"],
  "operation-location": ["resultUrl"],
};
const VALUES: Record<string, readonly string[]> = {
  method: LRO_METHODS,
  status: ["succeeded", "failed", "canceled"],
};

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
  const fail = (rule: string): never => {
    throw new TypeError(`options.restoreFrom ${rule}`);
  };
  let t: Record<string, unknown> | null;
  try {
    t = JSON.parse(text) as Record<string, unknown> | null;
  } catch {
    return fail("is not a resume token (not JSON); pass the string returned by poller.serialize()");
  }
  if (t?.["v"] !== TOKEN_VERSION) {
    return fail(`has version ${JSON.stringify(t?.["v"])}; this package reads version ${TOKEN_VERSION} tokens`);
  }
  const kind = t["kind"] as K;
  if (!accepted.includes(kind)) {
    return fail(`holds a ${JSON.stringify(kind)} token, but ${consumer} resumes only ${accepted.map((k) => `"${k}"`).join(" or ")} tokens`);
  }
  const token: Record<string, unknown> = { v: TOKEN_VERSION, kind };
  const read = (field: string, required: boolean): void => {
    const value = t[field];
    if (value === undefined && !required) return;
    if (typeof value !== "string" || value === "") return fail(`("${kind}") lacks a string "${field}"`);
    token[field] = field === "method" ? value.toUpperCase() : value;
    const allowed = VALUES[field];
    if (allowed && !allowed.includes(token[field] as string)) {
      return fail(`has ${field} ${JSON.stringify(value)}; expected ${allowed.join(", ")}`);
    }
  };
  for (const field of REQUIRED[kind]) read(field, true);
  for (const field of OPTIONAL[kind] ?? []) read(field, false);
  // Safe: the kind passed the `accepted` check and every field of that kind was checked above.
  return token as Extract<ResumeToken, { kind: K }>;
}
