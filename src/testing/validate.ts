// The mock's inputs checked before they are used: plans, scripted answers and connectors, whether given to a
// control (`script`, `planOperations`, ...) or read from a scenario file. Each problem names where it is
// (`responses[0]`, `$.plans[1].outcome`) and the rule, so a wrong argument is never silently ignored — an array
// passed to script() used to be, and a typo such as `statusCode` quietly kept a default.

import type { MockResponse, MockScope, OperationError, OperationPlan } from "./types.js";

/** Problems found so far, each "<where>: <rule> (got <what>)". */
export type Problems = string[];

const OUTCOMES = ["Succeeded", "Failed", "Canceled"];
const HEADERS = ["Azure-AsyncOperation", "Operation-Location", "Location", "both", "none"];
const FAULTS = ["reset", "stall", "truncate"];
// The fields of each public type, in the order messages list them; `satisfies` makes the compiler hold each list to
// its type, so a field added to one (or renamed) cannot be refused here as unknown.
const PLAN_KEYS = Object.keys({
  steps: true,
  outcome: true,
  error: true,
  retryAfter: true,
  retryAfterMs: true,
  header: true,
  inProgressStatus: true,
  terminalStatus: true,
  emptyWhileRunning: true,
  neverFinishes: true,
  sync: true,
} satisfies Record<keyof OperationPlan, true>);
const ERROR_KEYS = Object.keys({
  code: true,
  message: true,
  target: true,
  details: true,
  additionalInfo: true,
} satisfies Record<keyof OperationError, true>);
const RESPONSE_KEYS = Object.keys({
  status: true,
  headers: true,
  body: true,
  rawBody: true,
  delayMs: true,
  fault: true,
} satisfies Record<keyof MockResponse, true>);
const SCOPE_KEYS = Object.keys({
  subscriptionId: true,
  resourceGroupName: true,
  securityConnectorName: true,
} satisfies Record<keyof MockScope, true>);
/** A scripted delay longer than this is a unit mistake (seconds for milliseconds); `fault: "stall"` waits forever. */
const MAX_DELAY_MS = 3_600_000;
// RFC 9110 field names are tokens; values may not hold CR, LF or other control characters (Node would throw).
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;
const METHOD = /^[A-Za-z]+$/;

/** A short description of a wrong value, for messages: `an array`, `the string "x"`, `the number 5`. */
export function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (value instanceof RegExp) return `the RegExp ${String(value)}`;
  if (typeof value === "string") return `the string ${JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value)}`;
  if (typeof value === "number" || typeof value === "boolean") return `the ${typeof value} ${String(value)}`;
  if (typeof value === "object") return "an object";
  return typeof value === "undefined" ? "nothing" : `a ${typeof value}`;
}

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof RegExp) && !(v instanceof Uint8Array);

/** Keys outside `known` (an `undefined` value counts as absent, as the TypeScript types have it). */
export function unknownKeys(value: Record<string, unknown>, known: readonly string[], at: string, problems: Problems): void {
  for (const [key, v] of Object.entries(value)) {
    if (v !== undefined && !known.includes(key)) {
      problems.push(`${at}: unknown field ${JSON.stringify(key)} (known: ${known.join(", ")})`);
    }
  }
}

function oneOf(value: unknown, allowed: readonly string[], at: string, problems: Problems): void {
  if (typeof value !== "string" || !allowed.includes(value)) {
    problems.push(`${at}: must be one of ${allowed.map((a) => JSON.stringify(a)).join(", ")} (got ${describe(value)})`);
  }
}

function nonEmptyString(value: unknown, at: string, problems: Problems): void {
  if (typeof value !== "string" || value === "") problems.push(`${at}: must be a non-empty string (got ${describe(value)})`);
}

function headerValue(value: unknown, at: string, problems: Problems, nullable: boolean): void {
  if (value === null && nullable) return;
  if (typeof value !== "string" || !HEADER_VALUE.test(value)) {
    const what = nullable ? "a header value (a string without line breaks) or null for none" : "a string without line breaks";
    problems.push(`${at}: must be ${what} (got ${describe(value)})`);
  }
}

function boolean(value: unknown, at: string, problems: Problems): void {
  if (typeof value !== "boolean") problems.push(`${at}: must be true or false (got ${describe(value)})`);
}

/** An OperationPlan (see types.ts): every field optional, each of its own type. */
export function checkPlan(value: unknown, at: string, problems: Problems): void {
  if (!isRecord(value)) {
    problems.push(`${at}: must be an operation plan object such as { "outcome": "Failed" } (got ${describe(value)})`);
    return;
  }
  unknownKeys(value, PLAN_KEYS, at, problems);
  const p = value;
  if (p["steps"] !== undefined) {
    const steps = p["steps"];
    if (!Array.isArray(steps)) problems.push(`${at}.steps: must be an array of percentages 0 to 100 (got ${describe(steps)})`);
    else {
      steps.forEach((step, i) => {
        if (typeof step !== "number" || !Number.isFinite(step) || step < 0 || step > 100) {
          problems.push(`${at}.steps[${i}]: must be a number from 0 to 100 (got ${describe(step)})`);
        }
      });
    }
  }
  if (p["outcome"] !== undefined) oneOf(p["outcome"], OUTCOMES, `${at}.outcome`, problems);
  if (p["header"] !== undefined) oneOf(p["header"], HEADERS, `${at}.header`, problems);
  if (p["error"] !== undefined) checkOperationError(p["error"], `${at}.error`, problems);
  if (p["retryAfter"] !== undefined) headerValue(p["retryAfter"], `${at}.retryAfter`, problems, true);
  if (p["retryAfterMs"] !== undefined) headerValue(p["retryAfterMs"], `${at}.retryAfterMs`, problems, true);
  for (const key of ["inProgressStatus", "terminalStatus"]) {
    if (p[key] !== undefined) nonEmptyString(p[key], `${at}.${key}`, problems);
  }
  for (const key of ["emptyWhileRunning", "neverFinishes", "sync"]) {
    if (p[key] !== undefined) boolean(p[key], `${at}.${key}`, problems);
  }
}

/** The error of a Failed/Canceled plan: ARM's ErrorDetail. */
function checkOperationError(value: unknown, at: string, problems: Problems): void {
  if (!isRecord(value)) {
    problems.push(`${at}: must be an object with "code" and "message" (got ${describe(value)})`);
    return;
  }
  unknownKeys(value, ERROR_KEYS, at, problems);
  nonEmptyString(value["code"], `${at}.code`, problems);
  if (typeof value["message"] !== "string") problems.push(`${at}.message: must be a string (got ${describe(value["message"])})`);
  if (value["target"] !== undefined && typeof value["target"] !== "string") {
    problems.push(`${at}.target: must be a string (got ${describe(value["target"])})`);
  }
  for (const key of ["details", "additionalInfo"]) {
    if (value[key] !== undefined && !Array.isArray(value[key])) {
      problems.push(`${at}.${key}: must be an array (got ${describe(value[key])})`);
    }
  }
}

/** A MockResponse (see types.ts). `rawBody` may be bytes from code, a string from JSON. */
export function checkResponse(value: unknown, at: string, problems: Problems): void {
  if (!isRecord(value)) {
    const hint = Array.isArray(value) ? "; give each answer as its own argument (spread an array: ...answers)" : "";
    problems.push(`${at}: must be an answer object such as { "status": 503 } (got ${describe(value)})${hint}`);
    return;
  }
  unknownKeys(value, RESPONSE_KEYS, at, problems);
  const status = value["status"];
  if (typeof status !== "number" || !Number.isInteger(status) || status < 100 || status > 999) {
    problems.push(`${at}.status: must be an HTTP status code, an integer from 100 to 999 (got ${describe(status)})`);
  }
  const headers = value["headers"];
  if (headers !== undefined) {
    if (!isRecord(headers)) problems.push(`${at}.headers: must be an object of header names to string values (got ${describe(headers)})`);
    else {
      for (const [name, v] of Object.entries(headers)) {
        if (!HEADER_NAME.test(name)) problems.push(`${at}.headers: ${JSON.stringify(name)} is not a valid header name`);
        headerValue(v, `${at}.headers[${JSON.stringify(name)}]`, problems, false);
      }
    }
  }
  const raw = value["rawBody"];
  if (raw !== undefined && typeof raw !== "string" && !(raw instanceof Uint8Array)) {
    problems.push(`${at}.rawBody: must be a string or a Uint8Array (got ${describe(raw)})`);
  }
  const delay = value["delayMs"];
  if (delay !== undefined && (typeof delay !== "number" || !Number.isFinite(delay) || delay < 0 || delay > MAX_DELAY_MS)) {
    problems.push(`${at}.delayMs: must be milliseconds from 0 to ${MAX_DELAY_MS} (got ${describe(delay)}); fault "stall" never answers`);
  }
  if (value["fault"] !== undefined) oneOf(value["fault"], FAULTS, `${at}.fault`, problems);
}

/** A MockScope: the three names of a security connector. */
export function checkScope(value: unknown, at: string, problems: Problems): void {
  if (!isRecord(value)) {
    problems.push(`${at}: must be an object with subscriptionId, resourceGroupName and securityConnectorName (got ${describe(value)})`);
    return;
  }
  unknownKeys(value, SCOPE_KEYS, at, problems);
  for (const key of SCOPE_KEYS) nonEmptyString(value[key], `${at}.${key}`, problems);
}

/** The method of a script: an HTTP method name such as GET. */
export function checkMethod(value: unknown, at: string, problems: Problems): void {
  if (typeof value !== "string" || !METHOD.test(value)) {
    problems.push(`${at}: must be an HTTP method such as "GET" (got ${describe(value)})`);
  }
}

/** The path of a script: a raw path starting with "/", or an absolute http(s) URL on the mock. */
export function checkPath(value: unknown, at: string, problems: Problems): void {
  if (typeof value !== "string" || !(value.startsWith("/") || /^https?:\/\//i.test(value))) {
    problems.push(`${at}: must be a path starting with "/" or an absolute URL on the mock (got ${describe(value)})`);
  }
}

/** Throws one TypeError naming every problem, prefixed by the call they were found in. */
export function throwIfAny(problems: Problems, call: string): void {
  if (problems.length === 0) return;
  throw new TypeError(`${call}: ${problems.join("; ")}`);
}
