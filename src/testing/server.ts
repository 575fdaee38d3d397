import { randomBytes } from "node:crypto";
import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { createTestCertificate } from "./certificate.js";
import { ConnectionCounter } from "./connections.js";
import { ConnectorRegistry } from "./connectors.js";
import type { MockState } from "./context.js";
import { createControls } from "./controls.js";
import { Lifecycle } from "./lifecycle.js";
import { OperationEngine } from "./operations.js";
import { handleRequest } from "./pipeline.js";
import { ResourceStore } from "./resources.js";
import { ScenarioFile } from "./scenarioFile.js";
import { DEFAULT_SCOPE } from "./scope.js";
import { Scripts } from "./script.js";
import { seed } from "./seed.js";
import { Throttle } from "./throttle/throttle.js";
import type { MockArm, MockArmOptions, MockScope, OperationPlan, RecordedRequest } from "./types.js";
import { checkPlan, checkScope, describe, type Problems, throwIfAny } from "./validate.js";

/** Starts the embedded mock of the ARM DevOps API on 127.0.0.1 (https with a fresh self-signed cert by default). */
export async function startMockArm(options: MockArmOptions = {}): Promise<MockArm> {
  const pageSize = options.pageSize ?? 2;
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new RangeError("pageSize must be a positive integer");
  const { startConnectors, defaultPlan } = checkOptions(options);
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
  const connectors = new ConnectorRegistry();
  const engine = new OperationEngine(() => state.endpoint);
  const state: MockState = { store, engine, connectors, endpoint: "", pageSize };
  const scripts = new Scripts();
  const requests: RecordedRequest[] = [];
  const connections = new ConnectionCounter();
  const controls = createControls(state, scripts, defaultPlan);
  const restart = () => {
    store.clear();
    if (seeded) seed(store);
    connectors.reset(startConnectors);
    engine.clear();
    engine.setDefaultPlan(defaultPlan);
    scripts.clear();
  };
  restart();
  // Read before the server listens: a missing or invalid file rejects here, with nothing left running.
  const scenario =
    options.scenarioFile === undefined
      ? undefined
      : new ScenarioFile(options.scenarioFile, (s) => controls.applyScenario(s), options.onScenarioFile);
  scenario?.load();
  const deps = {
    state,
    scripts,
    life,
    requests,
    token,
    requireAuth: options.requireAuth ?? true,
    throttle,
    recordRequests: options.recordRequests ?? true,
    scenario,
  };

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
    ...controls,
    connectors: () => connectors.list(),
    operationResultUrl: (id, scope = DEFAULT_SCOPE) => engine.statusUrl(id, scope),
    pollCount: (id) => engine.pollCount(id),
    throttle,
    connections: () => connections.stats(),
    reset() {
      restart();
      scenario?.forget(); // applied again by the next request
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

/** The options that hold plans and connectors, checked before anything starts; DEFAULT_SCOPE always exists. */
function checkOptions(options: MockArmOptions): { startConnectors: MockScope[]; defaultPlan: OperationPlan } {
  const problems: Problems = [];
  const extra = options.connectors ?? [];
  if (!Array.isArray(extra)) problems.push(`connectors: must be an array of connector scopes (got ${describe(extra)})`);
  else extra.forEach((scope, i) => checkScope(scope, `connectors[${i}]`, problems));
  if (options.defaultPlan !== undefined) checkPlan(options.defaultPlan, "defaultPlan", problems);
  if (options.scenarioFile !== undefined && (typeof options.scenarioFile !== "string" || options.scenarioFile === "")) {
    problems.push(`scenarioFile: must be a file path (got ${describe(options.scenarioFile)})`);
  }
  throwIfAny(problems, "startMockArm(options)");
  return { startConnectors: [DEFAULT_SCOPE, ...extra], defaultPlan: options.defaultPlan ?? {} };
}
