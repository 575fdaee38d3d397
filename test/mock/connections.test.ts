import https from "node:https";
import { expect, it } from "vitest";
import type { MockArm } from "../../src/testing/index.js";
import { useMockArm } from "../helpers/mock.js";
import { devops } from "./paths.js";

// mock.connections(): the server's count of open TCP connections, which benchmarks report as "peak sockets".

let mock: MockArm;
useMockArm((m) => (mock = m));

/** `count` GETs at once through `agent`; resolves when every answer has been read (sockets stay open, keep-alive). */
function concurrentGets(agent: https.Agent, count: number): Promise<number[]> {
  const { port } = new URL(mock.endpoint);
  const one = () =>
    new Promise<number>((resolve, reject) => {
      const req = https.get(
        {
          host: "127.0.0.1",
          port,
          path: `${devops("gitHubOwners")}?api-version=2024-04-01`,
          headers: { authorization: `Bearer ${mock.token}` },
          agent,
        },
        (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode ?? 0));
        },
      );
      req.setTimeout(10_000, () => req.destroy(new Error("request timed out")));
      req.on("error", reject);
    });
  return Promise.all(Array.from({ length: count }, one));
}

/** Waits (bounded) until the server has seen every connection close. */
async function allClosed(): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (mock.connections().open > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
}

it("counts open connections, the most open at once and how many were opened, and reset() restarts the peak", async () => {
  const agent = new https.Agent({ keepAlive: true, ca: mock.certificate });
  try {
    expect(await concurrentGets(agent, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(mock.connections()).toEqual({ open: 5, peak: 5, opened: 5 });
    // Keep-alive: the next five reuse the idle sockets, so nothing new is opened.
    await concurrentGets(agent, 5);
    expect(mock.connections()).toEqual({ open: 5, peak: 5, opened: 5 });
  } finally {
    agent.destroy();
  }
  await allClosed();
  expect(mock.connections()).toEqual({ open: 0, peak: 5, opened: 5 });
  mock.reset();
  expect(mock.connections()).toEqual({ open: 0, peak: 0, opened: 0 });

  const bounded = new https.Agent({ keepAlive: true, maxSockets: 2, ca: mock.certificate });
  try {
    await concurrentGets(bounded, 6);
    expect(mock.connections()).toEqual({ open: 2, peak: 2, opened: 2 });
  } finally {
    bounded.destroy();
  }
  await allClosed();
});
