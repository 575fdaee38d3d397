import { afterAll, beforeAll, beforeEach } from "vitest";
import { startMockArm, type MockArm, type MockArmOptions, type RecordedRequest } from "../../src/testing/index.js";

/**
 * The one-mock-per-file lifecycle the suites share: started before the file's tests, reset before each test (so
 * tests never see each other's scripts, plans or requests), closed after the file. `onStart` receives the started
 * mock, to keep it and build clients from it; `beforeClose` runs first at the end (e.g. to drop a keep-alive agent).
 */
export function useMockArm(
  onStart: (mock: MockArm) => void,
  { beforeClose, ...options }: MockArmOptions & { beforeClose?: (mock: MockArm) => void } = {},
): void {
  let started: MockArm | undefined;
  beforeAll(async () => {
    started = await startMockArm(options);
    onStart(started);
  });
  beforeEach(() => started?.reset());
  afterAll(async () => {
    if (!started) return;
    beforeClose?.(started);
    await started.close();
  });
}

/**
 * The requests the mock saw after the initial request of a long-running operation: everything after the last
 * request that was not a GET (polls and the final GET are GETs; the PUT, PATCH, DELETE or POST that started it is not).
 */
export function requestsAfterInitial(mock: MockArm): RecordedRequest[] {
  let initial = mock.requests.length - 1;
  while (initial >= 0 && mock.requests[initial]!.method === "GET") initial -= 1;
  return mock.requests.slice(initial + 1);
}
