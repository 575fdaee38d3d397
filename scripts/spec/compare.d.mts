export interface SpecDifference {
  /** JSON path of the difference, e.g. `$.paths["/…/devops/default"].put.responses["201"]`. */
  path: string;
  kind: "only-ours" | "only-upstream" | "changed";
  ours?: unknown;
  upstream?: unknown;
}
export interface SpecComparison {
  operations: number;
  schemas: { local: number; external: number };
  differences: SpecDifference[];
}
export declare function compareSpecs(oursPath: string, upstreamPath: string): SpecComparison;
