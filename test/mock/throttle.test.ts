import { describe, expect, it } from "vitest";
import { DEFAULT_SCOPE, startMockArm, type MockArm, type MockThrottleOptions } from "../../src/testing/index.js";
import { useMockArm } from "../helpers/mock.js";
import { call, destroyAgent } from "./http.js";
import { connector, devops } from "./paths.js";

// The mock's throttling (src/testing/throttle), over real HTTPS on 127.0.0.1. Time is the test's own clock (the
// `now` option), so refill arithmetic is exact on a loaded machine; one test checks the default clock with wide bounds.

const SUB = DEFAULT_SCOPE.subscriptionId;
const OTHER_SUB = "0b1e9f4c-7d2a-4e8b-a3c6-5f9d8e7a6b10";
const READS = "x-ms-ratelimit-remaining-subscription-reads";
const OWNERS = devops("gitHubOwners");
const TENANT_PATH = "/providers/Microsoft.Security/operations";

let clockMs = 0;
const now = () => clockMs;
const advance = (ms: number) => void (clockMs += ms);
/** Small buckets on the test's clock: subscription reads 3 + 2/s, tenant reads 2 + 1/s, the rest ARM's. */
const LIMITS: MockThrottleOptions = {
  now,
  subscription: { reads: { size: 3, refillPerSecond: 2 } },
  tenant: { reads: { size: 2, refillPerSecond: 1 } },
};

/** `count` GETs of `path` one after another; their statuses and remaining-reads headers. */
async function reads(mock: MockArm, count: number, path = OWNERS, header = READS) {
  const replies = [];
  for (let i = 0; i < count; i++) replies.push(await call(mock, path));
  return { statuses: replies.map((r) => r.status), remaining: replies.map((r) => r.headers[header]), replies };
}

describe("throttling off (the default)", () => {
  let mock: MockArm;
  useMockArm((m) => (mock = m), { beforeClose: destroyAgent });

  it("sends no x-ms-ratelimit headers and no 429, even past ARM's 250-read bucket", async () => {
    const replies = await Promise.all(Array.from({ length: 300 }, () => call(mock, OWNERS)));
    expect(replies.every((r) => r.status === 200)).toBe(true);
    expect(replies.some((r) => Object.keys(r.headers).some((h) => h.startsWith("x-ms-ratelimit")))).toBe(false);
    expect(mock.throttle.enabled).toBe(false);
    expect(mock.throttle.counters().reads).toEqual({ requests: 0, throttled: 0, spentByOthers: 0 });
  });

  it("refuses the controls that need buckets, saying how to turn throttling on", () => {
    expect(() => mock.throttle.spend(SUB, "reads", 1)).toThrow(
      /throttle\.spend: throttling is off; start the mock with \{ throttle \}/,
    );
    expect(() => mock.throttle.simulateOtherClient({ subscriptionId: SUB, reads: 1 })).toThrow(/throttling is off/);
  });

  it("can be turned on at run time with ARM's limits, and reset() turns it off again", async () => {
    mock.throttle.configure(true);
    const first = await call(mock, OWNERS);
    expect(first.headers[READS]).toBe("249");
    expect(
      (await call(mock, OWNERS, { method: "DELETE" })).headers["x-ms-ratelimit-remaining-subscription-deletes"],
    ).toBe("199");
    mock.reset();
    expect(mock.throttle.enabled).toBe(false);
    expect((await call(mock, OWNERS)).headers[READS]).toBeUndefined();
  });
});

describe("throttling on", () => {
  let mock: MockArm;
  useMockArm((m) => (mock = m), { beforeClose: destroyAgent, throttle: LIMITS });

  it("puts the remaining tokens of the request's class on every answer, counting down from the bucket size", async () => {
    const { statuses, remaining } = await reads(mock, 3);
    expect(statuses).toEqual([200, 200, 200]);
    expect(remaining).toEqual(["2", "1", "0"]);
    // Writes (PUT, PATCH, POST) and deletes have buckets of their own, ARM's 200 here.
    const put = await call(mock, devops("azureDevOpsOrgs", "contoso-ado"), {
      method: "PUT",
      body: { properties: {} },
    });
    expect(put.status).toBe(201);
    expect(put.headers["x-ms-ratelimit-remaining-subscription-writes"]).toBe("199");
    expect(put.headers[READS]).toBeUndefined();
    const post = await call(mock, devops("listAvailableGitHubOwners"), { method: "POST" });
    expect(post.headers["x-ms-ratelimit-remaining-subscription-writes"]).toBe("198");
    const del = await call(mock, `${connector()}/devops/default`, { method: "DELETE" });
    expect(del.headers["x-ms-ratelimit-remaining-subscription-deletes"]).toBe("199");
    // Error answers the mock gives after authentication are charged too: ARM counts every request it handles.
    const missing = await call(mock, `${connector()}/devops/nope`, { method: "DELETE" });
    expect(missing.status).toBe(404);
    expect(missing.headers["x-ms-ratelimit-remaining-subscription-deletes"]).toBe("198");
    // Browsers may read them: they are exposed to CORS.
    expect(put.headers["access-control-expose-headers"]).toContain("x-ms-ratelimit-remaining-subscription-writes");
    expect(mock.throttle.counters()).toEqual({
      reads: { requests: 3, throttled: 0, spentByOthers: 0 },
      writes: { requests: 2, throttled: 0, spentByOthers: 0 },
      deletes: { requests: 2, throttled: 0, spentByOthers: 0 },
    });
  });

  it("answers 429 SubscriptionRequestsThrottled with Retry-After in whole seconds once the bucket is empty", async () => {
    await reads(mock, 3);
    const throttled = await call(mock, OWNERS);
    expect(throttled.status).toBe(429);
    expect(throttled.headers["retry-after"]).toBe("1"); // one token back in 500 ms at 2/s, rounded up to a second
    expect(throttled.headers["retry-after-ms"]).toBeUndefined(); // ARM sends seconds only unless asked
    expect(throttled.headers[READS]).toBe("0");
    expect(throttled.headers["x-ms-error-code"]).toBe("SubscriptionRequestsThrottled");
    expect(throttled.json.error.code).toBe("SubscriptionRequestsThrottled");
    expect(throttled.json.error.message).toMatch(
      new RegExp(`'read' requests for subscription '${SUB}'.*after '1' seconds`),
    );
    expect(mock.throttle.counters(SUB).reads).toEqual({ requests: 4, throttled: 1, spentByOthers: 0 });
  });

  it("takes no token for a 429, so retrying before the token is back earns another 429", async () => {
    await reads(mock, 3);
    expect((await call(mock, OWNERS)).status).toBe(429);
    advance(400); // 0.8 of a token
    const early = await call(mock, OWNERS);
    expect(early.status).toBe(429);
    expect(early.headers["retry-after"]).toBe("1");
    advance(100); // exactly one token: 500 ms at 2/s, though two 429s came in between
    const served = await call(mock, OWNERS);
    expect(served.status).toBe(200);
    expect(served.headers[READS]).toBe("0");
    expect(mock.throttle.counters().reads).toMatchObject({ requests: 6, throttled: 2 });
  });

  it("rounds a longer wait up to whole seconds, and adds the exact retry-after-ms when asked to", async () => {
    mock.throttle.configure({ now, retryAfterMs: true, subscription: { reads: { size: 1, refillPerSecond: 0.4 } } });
    expect((await call(mock, OWNERS)).status).toBe(200);
    const throttled = await call(mock, OWNERS);
    expect(throttled.status).toBe(429);
    expect(throttled.headers["retry-after"]).toBe("3"); // 2.5 s for one token at 0.4/s
    expect(throttled.headers["retry-after-ms"]).toBe("2500");
    advance(1000);
    const later = await call(mock, OWNERS);
    expect(later.headers["retry-after"]).toBe("2");
    expect(later.headers["retry-after-ms"]).toBe("1500");
  });

  it("refills at the configured rate, fractions included, and never above the bucket size", async () => {
    await reads(mock, 3);
    advance(1_250); // 2.5 tokens
    expect((await reads(mock, 3)).statuses).toEqual([200, 200, 429]);
    advance(3_600_000); // an hour: full again, not 7,200 tokens
    expect(mock.throttle.remaining(SUB, "reads")).toBe(3);
    expect((await reads(mock, 4)).remaining).toEqual(["2", "1", "0", "0"]);
  });

  it("keeps each subscription's buckets apart, and matches subscription ids without regard to case", async () => {
    await reads(mock, 3);
    expect((await call(mock, OWNERS)).status).toBe(429);
    const other = connector({ ...DEFAULT_SCOPE, subscriptionId: OTHER_SUB });
    const { statuses, remaining } = await reads(mock, 3, `${other}/devops/default/gitHubOwners`);
    expect(statuses.every((s) => s !== 429)).toBe(true);
    expect(remaining).toEqual(["2", "1", "0"]);
    const upper = connector({ ...DEFAULT_SCOPE, subscriptionId: SUB.toUpperCase() });
    expect((await call(mock, `${upper}/devops/default/gitHubOwners`)).status).toBe(429);
    expect(mock.throttle.counters(OTHER_SUB.toUpperCase()).reads).toMatchObject({ requests: 3, throttled: 0 });
    expect(mock.throttle.counters(SUB).reads).toMatchObject({ requests: 5, throttled: 2 });
    expect(mock.throttle.counters().reads).toMatchObject({ requests: 8, throttled: 2 });
  });

  it("charges requests outside /subscriptions to the tenant buckets, with the -tenant- headers and code", async () => {
    const header = "x-ms-ratelimit-remaining-tenant-reads";
    const { statuses, remaining, replies } = await reads(mock, 3, TENANT_PATH, header);
    expect(statuses).toEqual([404, 404, 429]); // the mock serves no tenant-level operation: 404 NotFound, charged
    expect(remaining).toEqual(["1", "0", "0"]);
    expect(replies[0]?.headers[READS]).toBeUndefined();
    expect(replies[2]?.json.error.code).toBe("TenantRequestsThrottled");
    expect(replies[2]?.json.error.message).toContain("for the tenant");
    // The subscription's own bucket is untouched.
    expect((await call(mock, OWNERS)).headers[READS]).toBe("2");
    expect(mock.throttle.counters(null).reads).toEqual({ requests: 3, throttled: 1, spentByOthers: 0 });
  });

  it("spend() takes whole tokens at once, as another tool's requests would, and never more than are left", async () => {
    expect(mock.throttle.spend(SUB, "reads", 2)).toBe(2);
    expect((await call(mock, OWNERS)).headers[READS]).toBe("0");
    expect(mock.throttle.spend(SUB, "reads", 5)).toBe(0);
    expect((await call(mock, OWNERS)).status).toBe(429);
    expect(mock.throttle.spend(null, "reads", 5)).toBe(2); // the tenant's bucket holds 2
    expect(mock.throttle.counters(SUB).reads).toEqual({ requests: 2, throttled: 1, spentByOthers: 2 });
  });

  it("a simulated other client spends at its rate, so this client sees the bucket drain and then throttles", async () => {
    mock.throttle.configure({ now, subscription: { reads: { size: 10, refillPerSecond: 2 } } });
    const stop = mock.throttle.simulateOtherClient({ subscriptionId: SUB, reads: 6 });
    advance(1_000); // 10 + 2 refilled - 6 spent
    const first = await call(mock, OWNERS);
    expect(first.headers[READS]).toBe("5");
    advance(2_000); // 5 + 4 - 12: the other tool empties the bucket and takes each token as it comes back
    const throttled = await call(mock, OWNERS);
    expect(throttled.status).toBe(429);
    expect(mock.throttle.counters(SUB).reads).toEqual({ requests: 2, throttled: 1, spentByOthers: 15 });
    stop();
    advance(1_000); // refill is this client's alone again
    expect((await call(mock, OWNERS)).headers[READS]).toBe("1");
    stop(); // a second stop is harmless
    expect(mock.throttle.counters(SUB).reads.spentByOthers).toBe(15);
  });

  it("a simulated other client spending half the refill halves this client's sustained rate", async () => {
    mock.throttle.configure({ now, subscription: { reads: { size: 4, refillPerSecond: 10 } } });
    mock.throttle.simulateOtherClient({ subscriptionId: SUB, reads: 5 });
    await reads(mock, 4); // the burst is this client's
    let served = 0;
    for (let step = 0; step < 100; step++) {
      advance(20); // 2 s in all: 20 tokens refilled, 10 left by the other tool
      if ((await call(mock, OWNERS)).status === 200) served += 1;
    }
    expect(served).toBe(10);
  });

  it("stops simulated clients after forMs, and on reset()", async () => {
    mock.throttle.configure({ now, subscription: { reads: { size: 10, refillPerSecond: 1 } } });
    mock.throttle.simulateOtherClient({ subscriptionId: SUB, reads: 4, forMs: 500 });
    advance(2_000); // 0.5 s of 4/s against 2 s of 1/s refill, capped at 10
    expect(mock.throttle.remaining(SUB, "reads")).toBe(10);
    expect(mock.throttle.counters().reads.spentByOthers).toBe(2);
    const forever = mock.throttle.simulateOtherClient({ subscriptionId: OTHER_SUB, reads: 100 });
    mock.reset(); // back to LIMITS: buckets full, counters zero, the simulated client gone
    advance(10_000);
    expect(mock.throttle.remaining(OTHER_SUB, "reads")).toBe(3);
    expect(mock.throttle.counters().reads).toEqual({ requests: 0, throttled: 0, spentByOthers: 0 });
    forever(); // stopping a client reset() already ended does nothing
  });

  it("does not charge what is answered before authentication, preflights or scripted answers", async () => {
    const unauthenticated = await call(mock, OWNERS, { auth: false });
    expect(unauthenticated.status).toBe(401);
    expect(unauthenticated.headers[READS]).toBeUndefined();
    const preflight = await call(mock, OWNERS, {
      method: "OPTIONS",
      auth: false,
      headers: { origin: "https://a.example" },
    });
    expect(preflight.status).toBe(204);
    mock.script("GET", OWNERS, { status: 200, body: { value: [] } });
    const scripted = await call(mock, OWNERS);
    expect(scripted.headers[READS]).toBeUndefined();
    expect(mock.throttle.counters().reads.requests).toBe(0);
    expect((await call(mock, OWNERS)).headers[READS]).toBe("2");
  });

  it("refuses bad limits and control arguments with the option's name and the rule", async () => {
    expect(() => mock.throttle.configure({ subscription: { reads: { size: 0 } } })).toThrow(
      new RangeError("throttle.subscription.reads.size must be an integer between 1 and 1000000000, got 0"),
    );
    expect(() => mock.throttle.configure({ tenant: { writes: { refillPerSecond: 0 } } })).toThrow(
      /throttle\.tenant\.writes\.refillPerSecond must be a number above 0/,
    );
    expect(() => mock.throttle.configure({ subscription: { read: {} } } as MockThrottleOptions)).toThrow(
      new TypeError("throttle.subscription.read is not an option (reads, writes, deletes)"),
    );
    expect(() => mock.throttle.configure({ retryAfterMs: "yes" } as unknown as MockThrottleOptions)).toThrow(
      /throttle\.retryAfterMs must be a boolean/,
    );
    await expect(startMockArm({ throttle: { subscription: { deletes: { size: 1.5 } } } })).rejects.toThrow(
      /throttle\.subscription\.deletes\.size must be an integer/,
    );
    expect(() => mock.throttle.spend(SUB, "reads", -1)).toThrow(/throttle\.spend: count must be an integer between 0/);
    expect(() => mock.throttle.spend("", "reads", 1)).toThrow(/subscriptionId must be a subscription id or null/);
    expect(() => mock.throttle.spend(SUB, "read" as "reads", 1)).toThrow(
      /requestClass must be one of reads, writes, deletes/,
    );
    expect(() => mock.throttle.simulateOtherClient({ subscriptionId: SUB, reads: -5 })).toThrow(
      /options\.reads must be a number from 0/,
    );
    expect(() => mock.throttle.simulateOtherClient({ subscriptionId: SUB, read: 5 } as never)).toThrow(
      /options\.read is not an option/,
    );
    // A refused configure() leaves the limits as they were.
    expect((await call(mock, OWNERS)).headers[READS]).toBe("2");
  });
});

describe("throttling on the default clock", () => {
  let mock: MockArm;
  useMockArm((m) => (mock = m), {
    beforeClose: destroyAgent,
    throttle: { subscription: { reads: { size: 1, refillPerSecond: 20 } } },
  });

  it("refills in real time: a request after the Retry-After wait is served", async () => {
    expect((await call(mock, OWNERS)).status).toBe(200);
    const deadline = Date.now() + 5_000; // one token takes 50 ms; the bound is for a loaded machine
    let status = (await call(mock, OWNERS)).status;
    let throttled = status === 429 ? 1 : 0;
    while (status === 429 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      status = (await call(mock, OWNERS)).status;
      if (status === 429) throttled += 1;
    }
    expect(status).toBe(200);
    expect(mock.throttle.counters().reads.throttled).toBe(throttled);
  });
});
