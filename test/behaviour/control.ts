import type { MockArm, MockResponse, OperationPlan } from "./api.js";
import type { MockControl } from "./context.js";

// Every runtime drives the mock through the same two functions: `dispatch` runs on the Node side next to the
// mock, `remoteControl` on the runtime's side. Node calls dispatch directly; the browser sends vitest commands and
// Deno posts to a loopback control server, so all three exercise the same (JSON-shaped) protocol.

export type ControlOp = keyof MockControl;

export async function dispatch(mock: MockArm, op: string, args: unknown[]): Promise<unknown> {
  switch (op) {
    case "script": {
      const [method, path, ...responses] = args as [string, string, ...MockResponse[]];
      mock.script(method, path, ...responses);
      return null;
    }
    case "planOperations":
      mock.planOperations(...(args as OperationPlan[]));
      return null;
    case "addOperationResult":
      return mock.addOperationResult(args[0] as string, args[1] as OperationPlan | undefined);
    case "requests":
      return mock.requests;
    case "reset":
      mock.reset();
      return null;
    default:
      throw new Error(`unknown mock control operation ${JSON.stringify(op)}`);
  }
}

export function remoteControl(send: (op: ControlOp, args: unknown[]) => Promise<unknown>): MockControl {
  return {
    script: async (method, path, ...responses) => void (await send("script", [method, path, ...responses])),
    planOperations: async (...plans) => void (await send("planOperations", plans)),
    addOperationResult: async (id, plan) => (await send("addOperationResult", plan ? [id, plan] : [id])) as string,
    requests: async () => (await send("requests", [])) as Awaited<ReturnType<MockControl["requests"]>>,
    reset: async () => void (await send("reset", [])),
  };
}
