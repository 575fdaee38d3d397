import { afterAll, beforeAll, beforeEach } from "vitest";
import { startMockArm, type MockArm, type MockArmOptions } from "../../src/testing/index.js";

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
