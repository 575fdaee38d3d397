import { randomBytes } from "node:crypto";
import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { createTestCertificate } from "./certificate.js";
import { ConnectionCounter } from "./connections.js";
import type { MockState } from "./context.js";
import { Lifecycle } from "./lifecycle.js";
import { normalisePlan, OperationEngine } from "./operations.js";
import { handleRequest } from "./pipeline.js";
import { ResourceStore } from "./resources.js";
import { DEFAULT_SCOPE } from "./scope.js";
import { Scripts } from "./script.js";
import { seed } from "./seed.js";
import { Throttle } from "./throttle/throttle.js";
import type { MockArm, MockArmOptions, RecordedRequest } from "./types.js";

/** Starts the embedded mock of the ARM DevOps API on 127.0.0.1 (https with a fresh self-signed cert by default). */
export async function startMockArm(options: MockArmOptions = {}): Promise<MockArm> {
  const pageSize = options.pageSize ?? 2;
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new RangeError("pageSize must be a positive integer");
  const throttle = new Throttle(options.throttle); // checks the limits before anything starts
  const tls =
    options.https === false
      ? undefined
      : typeof options.https === "object"
        ? options.https
        : await createTestCertificate();
  const token = options.token ?? `mock-${randomBytes(18).toString("base64url")}`;
  const seeded = options.seed ?? true;

  const life = new Lifecycle();
  const store = new ResourceStore();
  const state: MockState = { store, engine: new OperationEngine(() => state.endpoint), endpoint: "", pageSize };
  const scripts = new Scripts();
  const requests: RecordedRequest[] = [];
  const connections = new ConnectionCounter();
  const deps = { state, scripts, life, requests, token, requireAuth: options.requireAuth ?? true, throttle };
  if (seeded) seed(store);

  const listener = (req: http.IncomingMessage, res: http.ServerResponse) => void handleRequest(req, res, deps);
  const server = tls ? https.createServer({ key: tls.key, cert: tls.cert }, listener) : http.createServer(listener);
  server.on("connection", (socket) => {
    life.track(socket);
    connections.track(socket);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  server.on("error", () => undefined); // after listening, a server error must not crash the test process
  const { port } = server.address() as AddressInfo;
  state.endpoint = `${tls ? "https" : "http"}://127.0.0.1:${port}`;

  let closing: Promise<void> | undefined;
  return {
    endpoint: state.endpoint,
    certificate: tls?.cert,
    token,
    credential: {
      getToken: async () => ({ token, expiresOnTimestamp: Date.now() + 60 * 60 * 1000, tokenType: "Bearer" }),
    },
    requests,
    script: (method, path, ...responses) => scripts.add(method, path, responses),
    planOperations: (...plans) => state.engine.queue(plans),
    addOperationResult: (id, plan, scope = DEFAULT_SCOPE) => state.engine.start(id, scope, normalisePlan(plan)),
    operationResultUrl: (id, scope = DEFAULT_SCOPE) => state.engine.statusUrl(id, scope),
    pollCount: (id) => state.engine.pollCount(id),
    throttle,
    connections: () => connections.stats(),
    reset() {
      store.clear();
      if (seeded) seed(store);
      scripts.clear();
      state.engine.clear();
      requests.length = 0;
      throttle.reset();
      connections.restart();
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        life.shutdown();
        throttle.close();
      });
      return closing;
    },
  };
}
