// Deno's replacement for test/behaviour/api.ts: the suite's types come from the installed package by name, so
// Deno type-checks every case against the published declarations (found through the package's "types").
import type * as Package from "npm:arm-security-devops";

export type Api = typeof Package;
export type {
  MockArm,
  MockResponse,
  MockScope,
  OperationPlan,
  RecordedRequest,
} from "npm:arm-security-devops/testing";
