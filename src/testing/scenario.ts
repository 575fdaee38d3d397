import type { MockScenario, ScenarioOperationResult, ScenarioScript } from "./types.js";
import {
  checkMethod,
  checkPath,
  checkPlan,
  checkResponse,
  checkScope,
  describe,
  isRecord,
  type Problems,
  unknownKeys,
} from "./validate.js";

// A scenario: the mock's controls as one JSON document (the format is MockScenario in types.ts and "Scenarios" in
// src/testing/README.md), so that a test in any language, or a file given to `arm-security-devops mock --scenario`,
// can say how the next operations behave. Checked whole before anything is applied: every problem is reported with
// its JSON path, and a scenario with any problem changes nothing.

/** A scenario that breaks the format's rules; `problems` lists each one as "$.path: rule (got …)". */
export class MockScenarioError extends TypeError {
  override readonly name = "MockScenarioError" as const;
  constructor(
    readonly source: string,
    readonly problems: readonly string[],
  ) {
    super(`${source} is not a valid mock scenario:\n${problems.map((p) => `  ${p}`).join("\n")}`);
  }
}

// The fields of each part of the format, held to its type by the compiler (as in validate.ts).
const SCENARIO_KEYS = Object.keys({
  $schema: true,
  description: true,
  defaultPlan: true,
  plans: true,
  scripts: true,
  connectors: true,
  operationResults: true,
} satisfies Record<keyof MockScenario, true>);
const SCRIPT_KEYS = Object.keys({
  method: true,
  path: true,
  pathPattern: true,
  responses: true,
} satisfies Record<keyof ScenarioScript, true>);
const OPERATION_KEYS = Object.keys({
  id: true,
  plan: true,
  scope: true,
} satisfies Record<keyof ScenarioOperationResult, true>);
/** More problems than this are cut, so a wrong file of 10,000 entries gives a readable message. */
const MAX_PROBLEMS = 20;

/** Checks `value` (parsed JSON) against the scenario format; `source` names it in the error (a file path). */
export function parseScenario(value: unknown, source = "the scenario"): MockScenario {
  const problems: Problems = [];
  if (!isRecord(value)) {
    throw new MockScenarioError(source, [`$: must be a JSON object such as { "plans": [{ "outcome": "Failed" }] } (got ${describe(value)})`]);
  }
  unknownKeys(value, SCENARIO_KEYS, "$", problems);
  for (const key of ["$schema", "description"]) {
    if (value[key] !== undefined && typeof value[key] !== "string") problems.push(`$.${key}: must be a string (got ${describe(value[key])})`);
  }
  if (value["defaultPlan"] !== undefined) checkPlan(value["defaultPlan"], "$.defaultPlan", problems);
  eachOf(value["plans"], "$.plans", problems, (plan, at) => checkPlan(plan, at, problems));
  eachOf(value["scripts"], "$.scripts", problems, (script, at) => checkScript(script, at, problems));
  eachOf(value["connectors"], "$.connectors", problems, (scope, at) => checkScope(scope, at, problems));
  eachOf(value["operationResults"], "$.operationResults", problems, (op, at) => checkOperationResult(op, at, problems));
  if (problems.length > MAX_PROBLEMS) {
    const more = problems.length - MAX_PROBLEMS;
    problems.splice(MAX_PROBLEMS, more, `... and ${more} more`);
  }
  if (problems.length > 0) throw new MockScenarioError(source, problems);
  return value as MockScenario;
}

/** Parses the text of a scenario file: JSON syntax errors name the file, the line and the column. */
export function parseScenarioText(text: string, source: string): MockScenario {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new MockScenarioError(source, [`$: is not JSON: ${jsonErrorWhere(text, error)}`]);
  }
  return parseScenario(value, source);
}

function eachOf(value: unknown, at: string, problems: Problems, check: (item: unknown, at: string) => void): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) {
    problems.push(`${at}: must be an array (got ${describe(value)})`);
    return;
  }
  value.forEach((item, i) => check(item, `${at}[${i}]`));
}

function checkScript(value: unknown, at: string, problems: Problems): void {
  if (!isRecord(value)) {
    problems.push(`${at}: must be an object with "method", "path" (or "pathPattern") and "responses" (got ${describe(value)})`);
    return;
  }
  unknownKeys(value, SCRIPT_KEYS, at, problems);
  checkMethod(value["method"], `${at}.method`, problems);
  const { path, pathPattern } = value;
  if ((path === undefined) === (pathPattern === undefined)) {
    problems.push(`${at}: give exactly one of "path" (the raw path, or a URL on the mock) and "pathPattern" (a regular expression)`);
  } else if (path !== undefined) checkPath(path, `${at}.path`, problems);
  else if (typeof pathPattern !== "string") problems.push(`${at}.pathPattern: must be a regular expression as a string (got ${describe(pathPattern)})`);
  else {
    try {
      new RegExp(pathPattern);
    } catch (error) {
      problems.push(`${at}.pathPattern: is not a valid regular expression: ${(error as Error).message}`);
    }
  }
  const responses = value["responses"];
  if (!Array.isArray(responses) || responses.length === 0) {
    problems.push(`${at}.responses: must be a non-empty array of answers such as [{ "status": 503 }] (got ${describe(responses)})`);
  } else {
    responses.forEach((r, i) => {
      checkResponse(r, `${at}.responses[${i}]`, problems);
      // Bytes cannot be written in JSON: a file's rawBody is text.
      if (isRecord(r) && r["rawBody"] !== undefined && typeof r["rawBody"] !== "string") {
        problems.push(`${at}.responses[${i}].rawBody: must be a string in a scenario`);
      }
    });
  }
}

function checkOperationResult(value: unknown, at: string, problems: Problems): void {
  if (!isRecord(value)) {
    problems.push(`${at}: must be an object with "id" and optionally "plan" and "scope" (got ${describe(value)})`);
    return;
  }
  unknownKeys(value, OPERATION_KEYS, at, problems);
  if (typeof value["id"] !== "string" || value["id"] === "") problems.push(`${at}.id: must be a non-empty string (got ${describe(value["id"])})`);
  if (value["plan"] !== undefined) checkPlan(value["plan"], `${at}.plan`, problems);
  if (value["scope"] !== undefined) checkScope(value["scope"], `${at}.scope`, problems);
}

/** "line 3, column 7: Unexpected token ..." from JSON.parse's message, whose position format differs by Node version. */
function jsonErrorWhere(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message)?.[1];
  if (position === undefined) return message;
  const before = text.slice(0, Number(position));
  const line = before.split("\n").length;
  const column = Number(position) - before.lastIndexOf("\n");
  return `line ${line}, column ${column}: ${message.replace(/ in JSON at position \d+.*$/s, "")}`;
}
