// createClient's readBudget and maxConcurrentRequests: checked when the client is made, naming the option and the
// rule; no request is needed to find a mistake.
import { createEmptyPipeline } from "@azure/core-rest-pipeline";
import { describe, expect, it } from "vitest";
import { createClient } from "../../src/custom/client.js";
import { pollOperationResult } from "../../src/custom/poller/pollOperationResult.js";
import { readBudgetState, requestLimitState, throttleOf } from "../../src/custom/throttle/budgetState.js";
import { sharedReadBudget } from "../../src/custom/throttle/install.js";
import { readScopeOf } from "../../src/custom/throttle/readScope.js";

const credential = { getToken: async () => ({ token: "t", expiresOnTimestamp: Date.now() + 60_000 }) };
const make = (options: object) => () => createClient(credential, { endpoint: "https://127.0.0.1:1", ...options });

describe("createClient's throttling options", () => {
  it.each([
    [{ readBudget: { size: 0 } }, RangeError, /options\.readBudget\.size must be an integer from 1 to 1000000, got 0/],
    [{ readBudget: { size: 2.5 } }, TypeError, /options\.readBudget\.size must be an integer/],
    [{ readBudget: { refillPerSecond: 0 } }, RangeError, /options\.readBudget\.refillPerSecond must be a number above 0/],
    [{ readBudget: { refillPerSecond: "25" } }, TypeError, /refillPerSecond must be a number above 0 and at most 1000000, got "25"/],
    [{ readBudget: { allReads: "yes" } }, TypeError, /options\.readBudget\.allReads must be a boolean, got "yes"/],
    [{ readBudget: { burst: 5 } }, TypeError, /options\.readBudget\.burst is not an option \(size, refillPerSecond, allReads\)/],
    [{ readBudget: 250 }, TypeError, /options\.readBudget must be a boolean or an object \{ size, refillPerSecond, allReads \}, got 250/],
    [{ readBudget: { allReads: true } }, TypeError, /options\.readBudget\.allReads needs the budget made with the client: pass readBudget: sharedReadBudget\(\{ allReads: true \}\)/],
    [{ readBudget: [250] }, TypeError, /options\.readBudget must be a boolean or an object .*, got an array/],
    [{ maxConcurrentRequests: "8" }, TypeError, /options\.maxConcurrentRequests must be an integer .*, got "8"/],
    [{ maxConcurrentRequests: 0 }, RangeError, /options\.maxConcurrentRequests must be an integer from 1 to 1000000, or Infinity/],
    [{ maxConcurrentRequests: 1.5 }, TypeError, /options\.maxConcurrentRequests must be an integer/],
  ])("refuses %j, naming the option and the rule", (options, type, message) => {
    expect(make(options)).toThrow(type);
    expect(make(options)).toThrow(message);
  });

  it("fills ARM's defaults: 250 reads, 25 a second, the pollers' and pagers' reads only", () => {
    for (const readBudget of [undefined, true, {}]) {
      expect(readBudgetState(make({ readBudget })())).toEqual({ size: 250, refillPerSecond: 25, allReads: false, scopes: [] });
    }
  });

  it("refuses both options beside a pipeline of the caller's own, which gets neither", () => {
    const pipeline = createEmptyPipeline();
    expect(make({ pipeline, readBudget: { size: 10 } })).toThrow(/options\.readBudget and options\.maxConcurrentRequests apply to the pipeline createClient builds/);
    expect(make({ pipeline, maxConcurrentRequests: 4 })).toThrow(TypeError);
    const own = make({ pipeline })();
    expect(readBudgetState(own)).toBeUndefined();
    expect(requestLimitState(own)).toBeUndefined();
    expect(pipeline.getOrderedPolicies()).toEqual([]);
  });

  it("puts the budget and the bound after the retry policy, the budget first, the log policy still last", () => {
    const names = make({})()
      .pipeline.getOrderedPolicies()
      .map((p) => p.name);
    const at = (name: string) => names.indexOf(name);
    expect(at("defaultRetryPolicy")).toBeLessThan(at("sharedReadBudgetPolicy"));
    expect(at("sharedReadBudgetPolicy")).toBeLessThan(at("requestLimitPolicy"));
    expect(names.at(-1)).toBe("logPolicy");
    expect(make({ readBudget: false })().pipeline.getOrderedPolicies().map((p) => p.name)).not.toContain("sharedReadBudgetPolicy");
  });

  it("makes the budget of sharedReadBudget() with the client, and checks its options where they are given", () => {
    const later = make({})();
    const now = make({ readBudget: sharedReadBudget({ size: 10 }) })();
    expect(throttleOf(later.pipeline)?.budget).toBeUndefined();
    expect(throttleOf(now.pipeline)?.budget?.options).toEqual({ size: 10, refillPerSecond: 25, allReads: false });
    pollOperationResult(later, "/subscriptions/s/x"); // made by the first poller (nothing is sent before it is awaited)
    expect(throttleOf(later.pipeline)?.budget).toBeDefined();
    expect(() => sharedReadBudget({ size: 0 })).toThrow(/options\.readBudget\.size must be an integer from 1 to 1000000, got 0/);
    expect(() => sharedReadBudget({ allReads: "yes" as unknown as boolean })).toThrow(TypeError);
  });
});

describe("which budget a read is charged to", () => {
  it("is the subscription of the path, compared without regard to case, at the URL's origin", () => {
    const a = readScopeOf("https://management.azure.com/SUBSCRIPTIONS/AbC%2Dd/resourceGroups/x?api-version=1");
    expect(a).toEqual({ key: "https://management.azure.com abc-d", origin: "https://management.azure.com", subscriptionId: "abc-d" });
    expect(readScopeOf("https://management.usgovcloudapi.net/subscriptions/abc-d/x").key).not.toBe(a.key);
  });

  it("is the tenant's for any other path", () => {
    expect(readScopeOf("https://management.azure.com/providers/Microsoft.Security/operations").subscriptionId).toBeUndefined();
    expect(readScopeOf("https://management.azure.com/subscriptions").subscriptionId).toBeUndefined();
    expect(readScopeOf("https://management.azure.com/tenants/t/x").key).toBe("https://management.azure.com tenant");
  });
});
