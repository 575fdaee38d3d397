// The throttling options of createClient and the state functions, at the type level, from the package root.
import type { TokenCredential } from "@azure/core-auth";
import { describe, expectTypeOf, it } from "vitest";
import {
  createClient,
  readBudgetState,
  requestLimitState,
  type ReadBudgetState,
  type RequestLimitState,
  sharedReadBudget,
  type SecurityDevOpsClientOptions,
} from "../../src/index.js";

declare const credential: TokenCredential;

describe("createClient's throttling options", () => {
  it("takes readBudget as a boolean or { size, refillPerSecond, allReads }, and maxConcurrentRequests as a number", () => {
    createClient(credential, { readBudget: { size: 250, refillPerSecond: 25, allReads: false }, maxConcurrentRequests: 32 });
    createClient(credential, { readBudget: false, maxConcurrentRequests: Number.POSITIVE_INFINITY });
    createClient(credential, { readBudget: sharedReadBudget({ size: 250, allReads: true }) });
    // @ts-expect-error -- sharedReadBudget takes the options of readBudget
    sharedReadBudget({ burst: 5 });
    // @ts-expect-error -- not an option of the read budget
    createClient(credential, { readBudget: { burst: 5 } });
    // @ts-expect-error -- a number, not a string
    createClient(credential, { maxConcurrentRequests: "32" });
    expectTypeOf<SecurityDevOpsClientOptions["readBudget"]>().toEqualTypeOf<
      boolean | { size?: number; refillPerSecond?: number; allReads?: boolean } | undefined
    >();
  });

  it("reports the state of a client, or undefined", () => {
    const client = createClient(credential);
    expectTypeOf(readBudgetState(client)).toEqualTypeOf<ReadBudgetState | undefined>();
    expectTypeOf(requestLimitState(client)).toEqualTypeOf<RequestLimitState | undefined>();
    expectTypeOf<ReadBudgetState["scopes"][number]["pausedUntil"]>().toEqualTypeOf<number | undefined>();
  });
});
