// pathParameters.ts: per path template, the path parameters in order with the
// swagger's string rules, for hand-written runtime validation.
import type { RouteInfo } from "../model/api.js";

export function emitPathParameters(routes: RouteInfo[]): string {
  const entries = routes.map((route) => {
    const params = route.pathParameters.map((p) => {
      const rule: Record<string, string | number> = { name: p.name };
      if (p.minLength !== undefined) rule.minLength = p.minLength;
      if (p.maxLength !== undefined) rule.maxLength = p.maxLength;
      if (p.pattern !== undefined) rule.pattern = p.pattern;
      return JSON.stringify(rule);
    });
    return `${JSON.stringify(route.path)}: [${params.join(", ")}],`;
  });
  return `/** The rules the swagger states for one path parameter (all path parameters are strings). */
export interface PathParameterRule {
  readonly name: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  /** An ECMAScript-compatible regular expression source, as written in the swagger. */
  readonly pattern?: string;
}

/** Path parameters of every path template, in the order they appear in the template. */
export const pathParameters = {
${entries.join("\n")}
} as const satisfies Record<string, readonly PathParameterRule[]>;

/** Every path template of the API. */
export type PathTemplate = keyof typeof pathParameters;`;
}
