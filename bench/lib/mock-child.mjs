// The embedded mock ARM server in a process of its own, driven over IPC by bench/lib/mock-process.mjs. Measured
// clients run in other processes, so the server's start-up, CPU and memory are never counted against them.
import { createRequire } from "node:module";

// argv[2]: the testing entry of the run's snapshot of dist/ (see bench/lib/build.mjs). Its CJS build: the ESM one
// has failed at load in some builds (selfsigned bundled with a `require("crypto")`); both are the same mock.
const { DEFAULT_SCOPE, startMockArm } = createRequire(import.meta.url)(process.argv[2]);

const mock = await startMockArm({ https: true });
// Simulated other tools by id: their stop functions cannot cross IPC, their ids can.
const otherClients = new Map();
let nextOtherClient = 1;

const handlers = {
  add({ id, plan, scope }) {
    return { url: mock.addOperationResult(id, plan, scope) };
  },
  /** Plans the next long-running operations started by a write (section lro). */
  plan({ plans }) {
    mock.planOperations(...plans);
    return {};
  },
  /** Registers `count` operations `${prefix}${i}` with one plan; registering 10,000 is one message, not 10,000. */
  addMany({ prefix, count, plan, scope }) {
    for (let i = 0; i < count; i++) mock.addOperationResult(`${prefix}${i}`, plan, scope);
    return { count };
  },
  /** Requests whose path contains `match`: how many, and the arrival times of the first and last. */
  count({ match }) {
    const hits = mock.requests.filter((r) => r.path.includes(match));
    return { count: hits.length, methods: hits.map((r) => r.method), first: hits[0]?.at, last: hits.at(-1)?.at };
  },
  /** The mock's own CPU time, so a section can tell whether the client or the server was the bottleneck. */
  cpu() {
    const { user, system } = process.cpuUsage();
    return { ms: (user + system) / 1000 };
  },
  /** TCP connections: open now, the peak and the number opened since start or the last reset. */
  connections() {
    return mock.connections();
  },
  /** Throttling from now on: `options` is `true` (ARM's limits), `false` (off) or MockThrottleOptions. */
  throttle({ options }) {
    mock.throttle.configure(options);
    return {};
  },
  throttleCounters({ subscriptionId }) {
    return mock.throttle.counters(subscriptionId);
  },
  spend({ subscriptionId, requestClass, count }) {
    return { spent: mock.throttle.spend(subscriptionId, requestClass, count) };
  },
  /** Starts a simulated other tool (OtherClientOptions); returns the id stopOtherClient takes. */
  simulateOtherClient({ options }) {
    const id = nextOtherClient++;
    otherClients.set(id, mock.throttle.simulateOtherClient(options));
    return { id };
  },
  stopOtherClient({ id }) {
    otherClients.get(id)?.();
    otherClients.delete(id);
    return {};
  },
  /** Also ends throttling set by `throttle` and every simulated tool: the mock's reset() returns to its start options. */
  reset() {
    mock.reset();
    otherClients.clear();
    return {};
  },
};

process.on("message", (msg) => {
  try {
    const handler = handlers[msg.op];
    if (!handler) throw new Error(`unknown op ${msg.op}`);
    process.send({ id: msg.id, result: handler(msg.args ?? {}) });
  } catch (e) {
    process.send({ id: msg.id, error: e instanceof Error ? e.message : String(e) });
  }
});
// The orchestrator going away (normally or not) ends the server, so no mock outlives a bench run.
process.on("disconnect", () => void mock.close().then(() => process.exit(0)));

process.send({
  ready: true,
  endpoint: mock.endpoint,
  certificate: mock.certificate,
  token: mock.token,
  scope: { ...DEFAULT_SCOPE },
});
