import type { BrowserCommand } from "vitest/node";
import type { MockArm } from "../../src/testing/index.js";
import { dispatch } from "../behaviour/control.js";

// The browser cannot reach the mock object, so its controls travel as a vitest command to the Node side.
// global-setup.ts and this config are loaded by different module loaders of the same process, so the mocks live
// under a global symbol. Vitest runs the global setup once per project (the config's and each browser
// instance's), each providing its own endpoint: mocks are kept by project name so a command reaches the mock
// whose endpoint its test was given.
const MOCKS = Symbol.for("arm-security-devops.browser-mocks");

export function mockRegistry(): Map<string, MockArm> {
  const holder = globalThis as { [MOCKS]?: Map<string, MockArm> };
  return (holder[MOCKS] ??= new Map());
}

const mockControl: BrowserCommand<[op: string, args: unknown[]]> = (context, op, args) => {
  const mock = mockRegistry().get(context.project.name);
  if (!mock) throw new Error(`no mock runs for project ${context.project.name} (global-setup.ts starts it)`);
  return dispatch(mock, op, args);
};

export const mockCommands = { mockControl };
