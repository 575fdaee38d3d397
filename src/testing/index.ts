// The embedded mock of the ARM DevOps API, for tests, demos and users (`arm-security-devops/testing`).
// Node only: it runs a node:http(s) server; the library's browser entry never imports it.
export type {
  MockArm,
  MockArmOptions,
  MockResponse,
  MockScope,
  OperationError,
  MockScenario,
  OperationPlan,
  RecordedRequest,
  ScenarioFileEvent,
  ScenarioOperationResult,
  ScenarioScript,
} from "./types.js";
export type {
  BucketLimit,
  ClassCounters,
  ClassLimits,
  MockThrottle,
  MockThrottleOptions,
  OtherClientOptions,
  RequestClass,
  ThrottleCounters,
} from "./throttle/types.js";
export type { ConnectionStats } from "./connections.js";
export { startMockArm } from "./server.js";
export { createTestCertificate, MISSING_PEER_DEPENDENCY } from "./certificate.js";
export { MockScenarioError, parseScenario } from "./scenario.js";
export { DEFAULT_TIMING } from "./plans.js";
export { API_VERSION, DEFAULT_SCOPE } from "./scope.js";
export { SEED } from "./seed.js";
