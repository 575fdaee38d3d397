// The behaviour suite, written once and run by every adapter: Node (source, dist ESM, dist CJS), Chromium and
// Deno. The suite covers the client calls, the pollers and ARM's async flows, error narrowing and paging. Each case gets the package as that runtime loads it and the mock's controls; see context.ts.
import { clientCases } from "./client.cases.js";
import type { Case } from "./context.js";
import { errorCases } from "./errors.cases.js";
import { flowCases } from "./flows.cases.js";
import { pagingCases } from "./paging.cases.js";
import { pollerCases } from "./poller.cases.js";

export const cases: Case[] = [...clientCases, ...pollerCases, ...flowCases, ...errorCases, ...pagingCases];
