import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect } from "vitest";
import { createTestCertificate } from "../../src/testing/certificate.js";
import { startMockArm, type MockArm } from "../../src/testing/index.js";

export const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What a rejected promise rejected with; fails the test if it resolved. */
export async function rejection(promise: PromiseLike<unknown>): Promise<unknown> {
  let value: unknown;
  try {
    value = await promise;
  } catch (e) {
    return e;
  }
  throw new Error(`expected a rejection, got ${JSON.stringify(value)}`);
}

/**
 * "Nothing continues after it settles": waits a while after a poller settled and checks that the server saw no
 * further request. 300 ms is several poll intervals of the tests (which poll every 0–10 ms).
 */
export async function expectNoLaterRequests(mock: MockArm, ms = 300): Promise<void> {
  const before = mock.requests.length;
  await settle(ms);
  expect(mock.requests.length, "requests sent after the poller settled").toBe(before);
}

/** Registers a process-wide unhandledRejection listener for the suite and fails afterAll if it ever fired. */
export function failOnUnhandledRejections(): void {
  const seen: unknown[] = [];
  const listener = (reason: unknown) => void seen.push(reason);
  beforeAll(() => void process.on("unhandledRejection", listener));
  afterAll(async () => {
    await settle(50); // a rejection left unhandled is reported after the microtask queue drains
    process.off("unhandledRejection", listener);
    expect(seen, "unhandled rejections").toEqual([]);
  });
}

/**
 * Two https mocks on different 127.0.0.1 ports with one certificate, so a client trusting the first also
 * completes TLS with the second: what the second records is what a client would really have sent another origin
 * (a TLS failure would hide a leak). The second accepts requests without a token and records every header.
 */
export async function startTwoOrigins(): Promise<{ home: MockArm; other: MockArm }> {
  const tls = await createTestCertificate();
  const [home, other] = await Promise.all([
    startMockArm({ https: tls }),
    startMockArm({ https: tls, requireAuth: false }),
  ]);
  return { home, other };
}

export interface RecordingServer {
  /** http://127.0.0.1:PORT */
  readonly origin: string;
  readonly seen: Array<{ method: string; url: string; authorization: string | undefined }>;
  close(): Promise<void>;
}

/** A plain http server on another 127.0.0.1 port that answers every request 200 `{"status":"Succeeded"}`. */
export async function startPlainHttpServer(): Promise<RecordingServer> {
  const seen: RecordingServer["seen"] = [];
  const server = http.createServer((req, res) => {
    seen.push({ method: req.method ?? "", url: req.url ?? "", authorization: req.headers.authorization });
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ status: "Succeeded", value: [] }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
