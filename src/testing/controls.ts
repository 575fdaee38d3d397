import type { MockState } from "./context.js";
import { parseScenario } from "./scenario.js";
import { DEFAULT_SCOPE } from "./scope.js";
import { checkScriptCall, type Scripts } from "./script.js";
import type { MockArm, MockScenario, MockScope, OperationPlan } from "./types.js";
import { checkPlan, checkScope, describe, type Problems, throwIfAny } from "./validate.js";

// The controls a test drives the mock with, each checking its arguments first: a wrong one throws a TypeError
// saying what is wrong and what the control takes, and changes nothing.

export type Controls = Pick<MockArm, "script" | "planOperations" | "addOperationResult" | "addConnector" | "applyScenario">;

export function createControls(state: MockState, scripts: Scripts, startDefaultPlan: OperationPlan): Controls {
  const addOperationResult = (id: string, plan?: OperationPlan, scope: MockScope = DEFAULT_SCOPE): string => {
    state.connectors.add(scope);
    return state.engine.start(id, scope, state.engine.complete(plan));
  };

  return {
    script(method, path, ...responses) {
      checkScriptCall(method, path, responses);
      scripts.add(method, path, responses);
    },

    planOperations(...plans) {
      const problems: Problems = [];
      if (plans.length === 1 && Array.isArray(plans[0])) {
        problems.push(`plans: got ${describe(plans[0])}; give each plan as its own argument — planOperations(first, second), or planOperations(...plans)`);
      } else plans.forEach((plan, i) => checkPlan(plan, `plans[${i}]`, problems));
      throwIfAny(problems, "planOperations(...plans)");
      state.engine.queue(plans);
    },

    addOperationResult(id, plan, scope) {
      const problems: Problems = [];
      if (typeof id !== "string" || id === "") problems.push(`id: must be a non-empty string (got ${describe(id)})`);
      if (plan !== undefined) checkPlan(plan, "plan", problems);
      if (scope !== undefined) checkScope(scope, "scope", problems);
      throwIfAny(problems, "addOperationResult(id, plan?, scope?)");
      return addOperationResult(id, plan, scope);
    },

    addConnector(scope) {
      const problems: Problems = [];
      checkScope(scope, "scope", problems);
      throwIfAny(problems, "addConnector(scope)");
      state.connectors.add(scope);
    },

    applyScenario(scenario: MockScenario) {
      const checked = parseScenario(scenario);
      state.engine.setDefaultPlan(checked.defaultPlan ?? startDefaultPlan);
      state.engine.replaceQueue(checked.plans ?? []);
      scripts.clear();
      for (const s of checked.scripts ?? []) scripts.add(s.method, s.path ?? new RegExp(s.pathPattern ?? ""), s.responses);
      for (const scope of checked.connectors ?? []) state.connectors.add(scope);
      for (const op of checked.operationResults ?? []) addOperationResult(op.id, op.plan, op.scope);
    },
  };
}
