// Bun's replacement for test/behaviour/api.ts: the suite's types name the installed package (Bun strips them
// without checking; the root type check covers the same cases against the source).
import type * as Package from "arm-security-devops";

export type Api = typeof Package;
export type { MockArm, MockResponse, MockScope, OperationPlan, RecordedRequest } from "arm-security-devops/testing";
