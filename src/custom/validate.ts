import { pathParameterRules, type PathParameterRule } from "../generated/pathParameters.js";
import { routePrefix, routes } from "../generated/routes.js";
import { InvalidParameterError } from "./errors/invalidParameterError.js";

// Checks the arguments of `client.path(template, ...values)` before core-client builds the URL. core-client
// percent-encodes each value, which keeps `/`, `?`, `#` and `%` inside their segment, but some values still change
// the request the server sees, and the swagger's own rules (resourceGroupName 1..90, pattern) are not enforced by
// anything else on the client:
// - a missing value leaves `{name}` in the URL and an extra one is silently ignored;
// - `.` and `..` survive encoding and are then removed by URL normalisation, moving the request to another path;
// - a lone surrogate makes encodeURIComponent throw a URIError that names nothing.
// The rules come from the generated tables (routes.ts, pathParameters.ts), so they follow the swagger — with its
// `\w` made Unicode-aware by the generator, as ARM's is — plus the few rules ARM applies that common-types does not
// state (ARM_RULES).

function describe(value: unknown): string {
  return typeof value === "string" ? JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value) : value === null ? "null" : typeof value;
}

/**
 * Rules ARM applies to a parameter beyond what its swagger states, by the common-types parameter name (every ARM
 * API names the resource group so). Each returns the broken rule, or undefined.
 */
const ARM_RULES: Readonly<Record<string, (value: string) => string | undefined>> = {
  // ARM's naming rules for resource groups: letters and digits of any script, "-", "_", ".", "(" and ")", 1-90
  // characters, and no period at the end — the one part common-types v2's pattern leaves out.
  resourceGroupName: (value) => (value.endsWith(".") ? "must not end with a period" : undefined),
};

/** Throws InvalidParameterError when `value` breaks `rule`; returns quietly otherwise. */
export function checkPathParameter(rule: PathParameterRule, value: unknown): void {
  const { name } = rule;
  if (typeof value !== "string" || value === "") {
    throw new InvalidParameterError(name, "must be a non-empty string", `got ${describe(value)}`);
  }
  if (rule.minLength !== undefined && value.length < rule.minLength) {
    throw new InvalidParameterError(name, `must be at least ${rule.minLength} characters long`, `got ${value.length}`);
  }
  if (rule.maxLength !== undefined && value.length > rule.maxLength) {
    throw new InvalidParameterError(name, `must be at most ${rule.maxLength} characters long`, `got ${value.length}`);
  }
  // Engines cache compiled expressions by source, so building it per call costs a lookup, not a compile.
  if (rule.pattern !== undefined && !new RegExp(rule.pattern, rule.flags).test(value)) {
    const pattern = rule.flags ? `/${rule.pattern}/${rule.flags}` : rule.pattern;
    throw new InvalidParameterError(name, `must match the pattern ${pattern}`, `got ${describe(value)}`);
  }
  if (value === "." || value === "..") {
    throw new InvalidParameterError(name, 'must not be "." or ".."', "URL normalisation would change the request path");
  }
  // The rule's name may carry a prefix ("target.resourceGroupName"); ARM's rules go by the parameter's own name.
  const own = name.slice(name.lastIndexOf(".") + 1);
  const armRule = Object.hasOwn(ARM_RULES, own) ? ARM_RULES[own]!(value) : undefined;
  if (armRule !== undefined) throw new InvalidParameterError(name, armRule, `got ${describe(value)}`);
  try {
    // Throws on a lone surrogate, which has no UTF-8 form (String.prototype.isWellFormed is ES2024, newer than
    // some supported browsers).
    encodeURIComponent(value);
  } catch {
    throw new InvalidParameterError(name, "must be well-formed Unicode", "it contains a lone surrogate");
  }
}

// The rules of each template's parameters, in template order, built on the template's first use: client.path runs
// once per request, so parsing the template every time would cost every call. Only the API's templates (at most
// 21) are ever stored.
const rulesByTemplate = new Map<string, PathParameterRule[]>();

/** The rules of `template`'s parameters, or undefined when it is not one of the API's path templates. */
function rulesOf(template: string): PathParameterRule[] | undefined {
  let rules = rulesByTemplate.get(template);
  if (rules === undefined && isApiTemplate(template)) {
    // The parameter names are those in the template; each name has one set of rules across the API.
    rules = [...template.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({ ...pathParameterRules[name!], name: name! }));
    rulesByTemplate.set(template, rules);
  }
  return rules;
}

// routes.ts stores the templates relative to their shared prefix.
function isApiTemplate(template: string): boolean {
  return template.startsWith(routePrefix) && Object.hasOwn(routes, template.slice(routePrefix.length));
}

/**
 * Checks every value given to `client.path(template, ...values)` against the template's rules. `prefix` goes before
 * each parameter's name in errors (pollOperationResult passes "target.").
 */
export function checkPathArguments(template: string, values: readonly unknown[], prefix = ""): void {
  if (typeof template !== "string") throw new InvalidParameterError("path", "must be a string", `got ${describe(template)}`);
  const rules = rulesOf(template);
  if (rules === undefined) {
    throw new InvalidParameterError(
      "path",
      "must be one of the API's path templates",
      `got ${describe(template)}; use client.pathUnchecked for other URLs`,
    );
  }
  if (values.length !== rules.length) {
    const names = rules.map((r) => r.name).join(", ");
    throw new InvalidParameterError("path", `takes ${rules.length} path parameters (${names})`, `got ${values.length}`);
  }
  rules.forEach((rule, i) => checkPathParameter(prefix ? { ...rule, name: prefix + rule.name } : rule, values[i]));
}

/**
 * Checks the per-request options of a `client.path(...)` verb. An `api-version` query override must be a non-empty
 * string: core-client's api-version policy adds the client's own only when the URL's value is empty, so an empty
 * override would send `?api-version=&api-version=2024-04-01`, which ARM refuses or reads as the empty one.
 */
export function checkRequestOptions(options: unknown): void {
  // Object.entries of a non-object is [] (or a string's characters, none named api-version).
  const query = (options as { queryParameters?: object } | null | undefined)?.queryParameters;
  for (const [name, value] of Object.entries(query ?? {})) {
    if (name.toLowerCase() !== "api-version") continue;
    if (typeof value !== "string" || value.trim() === "") {
      throw new InvalidParameterError(`queryParameters["${name}"]`, "must be a non-empty string when given", `got ${describe(value)}`);
    }
  }
}
