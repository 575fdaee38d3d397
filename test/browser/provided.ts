import type { MockInfo } from "../behaviour/context.js";

// What the Node side hands the browser: the mock's address and token (inject), and its controls (a command).
declare module "vitest" {
  export interface ProvidedContext {
    mockInfo: MockInfo;
  }
}

declare module "vitest/browser" {
  interface BrowserCommands {
    mockControl: (op: string, args: unknown[]) => Promise<unknown>;
  }
}
