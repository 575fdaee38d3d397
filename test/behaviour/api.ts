// Where the suite's types come from. Node and the browser check the cases against the source; the Deno runner
// replaces this one file with a version that imports the installed package by name, so Deno checks the cases
// against the published declarations instead.
import type * as Package from "../../src/index.js";

export type Api = typeof Package;
export type { MockResponse, OperationPlan, RecordedRequest, MockScope } from "../../src/testing/types.js";
export type { MockArm } from "../../src/testing/types.js";
