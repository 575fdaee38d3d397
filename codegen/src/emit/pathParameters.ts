// pathParameters.ts: the swagger's string rules of the path parameters, by name (what runtime validation reads)
// and per path template in order (for tooling and tests).
import type { PathParameter, RouteInfo } from "../model/api.js";

const UNICODE_WORD = String.raw`\p{L}\p{N}_`;

/**
 * A swagger pattern as ECMAScript should run it. Swagger patterns are written for the services, which run .NET,
 * where `\w` matches letters and digits of every script; in an ECMAScript RegExp `\w` is ASCII only, so a literal
 * copy would refuse names ARM accepts (a resource group "Instruktører" or "東京-rg"). Each `\w` becomes the
 * Unicode letters and digits plus "_" (`\p{L}\p{N}_`, inside or outside a class), run with the `u` flag. A
 * pattern without `\w` is kept as written.
 */
export function unicodePattern(pattern: string, parameter: string): { pattern: string; flags?: "u" } {
  let out = "";
  let inClass = false;
  let changed = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === "\\") {
      const next = pattern[i + 1] ?? "";
      i += 1;
      if (next === "w") {
        out += inClass ? UNICODE_WORD : `[${UNICODE_WORD}]`;
        changed = true;
      } else if (next === "W") {
        if (inClass) throw new Error(`path parameter ${parameter}: \\W inside a character class has no Unicode form (${pattern})`);
        out += `[^${UNICODE_WORD}]`;
        changed = true;
      } else out += c + next;
      continue;
    }
    if (c === "[" && !inClass) inClass = true;
    else if (c === "]" && inClass) inClass = false;
    out += c;
  }
  if (!changed) return { pattern };
  try {
    new RegExp(out, "u");
  } catch (e) {
    throw new Error(`path parameter ${parameter}: pattern ${pattern} is not valid with the u flag once \\w is Unicode-aware (${String(e)})`);
  }
  return { pattern: out, flags: "u" };
}

function ruleOf(p: PathParameter, withName: boolean): string {
  const rule: Record<string, string | number> = withName ? { name: p.name } : {};
  if (p.minLength !== undefined) rule.minLength = p.minLength;
  if (p.maxLength !== undefined) rule.maxLength = p.maxLength;
  if (p.pattern !== undefined) {
    const { pattern, flags } = unicodePattern(p.pattern, p.name);
    rule.pattern = pattern;
    if (flags) rule.flags = flags;
  }
  return JSON.stringify(rule);
}

/** One rule per parameter name; fails generation if a name has different rules on different paths. */
function rulesByName(routes: RouteInfo[]): Map<string, string> {
  const byName = new Map<string, string>();
  for (const p of routes.flatMap((r) => r.pathParameters)) {
    const rule = ruleOf(p, false);
    const seen = byName.get(p.name);
    if (seen !== undefined && seen !== rule) {
      throw new Error(`path parameter ${p.name} has different rules on different paths (${seen} vs ${rule})`);
    }
    byName.set(p.name, rule);
  }
  return byName;
}

export function emitPathParameters(routes: RouteInfo[]): string {
  const entries = routes.map((route) => {
    const params = route.pathParameters.map((p) => ruleOf(p, true));
    return `${JSON.stringify(route.path)}: [${params.join(", ")}],`;
  });
  const byName = [...rulesByName(routes)].map(([name, rule]) => `${JSON.stringify(name)}: ${rule},`);
  return `/** The rules the swagger states for one path parameter (all path parameters are strings). */
export interface PathParameterRule {
  readonly name: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  /**
   * An ECMAScript regular expression source: the swagger's, with \\w made Unicode-aware (as the services' .NET
   * \\w is), in which case \`flags\` is "u".
   */
  readonly pattern?: string;
  /** Flags to compile \`pattern\` with. */
  readonly flags?: string;
}

/**
 * The rules of every path parameter, by name: the API gives a name the same rules on every path (generation fails
 * otherwise), so a validator needs only this small table and the names in the template.
 */
export const pathParameterRules: Readonly<Record<string, Omit<PathParameterRule, "name">>> = {
${byName.join("\n")}
};

/** Path parameters of every path template, in the order they appear in the template. */
export const pathParameters = {
${entries.join("\n")}
} as const satisfies Record<string, readonly PathParameterRule[]>;

/** Every path template of the API. */
export type PathTemplate = keyof typeof pathParameters;`;
}
