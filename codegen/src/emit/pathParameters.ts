// pathParameters.ts: the swagger's string rules of the path parameters, by name (what runtime validation reads)
// and per path template in order (for tooling and tests).
import type { PathParameter, RouteInfo } from "../model/api.js";

function ruleOf(p: PathParameter, withName: boolean): string {
  const rule: Record<string, string | number> = withName ? { name: p.name } : {};
  if (p.minLength !== undefined) rule.minLength = p.minLength;
  if (p.maxLength !== undefined) rule.maxLength = p.maxLength;
  if (p.pattern !== undefined) rule.pattern = p.pattern;
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
  /** An ECMAScript-compatible regular expression source, as written in the swagger. */
  readonly pattern?: string;
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
