import type { SpecDifference } from "./compare.mjs";
export declare function formatPath(segments: Array<string | number>): string;
export declare function deepDiff(
  ours: unknown,
  upstream: unknown,
  segments: Array<string | number>,
  out: SpecDifference[],
): SpecDifference[];
export declare function describeDifference(d: SpecDifference): string;
