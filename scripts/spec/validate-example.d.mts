import type { RefResolver } from "./refs.mjs";
export declare function validateValue(
  refs: RefResolver,
  value: unknown,
  schema: object,
  file: string,
  direction: "request" | "response",
  path?: string,
): string[];
export declare function validateExample(
  specFile: string,
  operation: object,
  example: object,
  refs?: RefResolver,
): string[];
