import { afterAll, beforeAll, beforeEach, describe, it } from "vitest";
import { DEFAULT_SCOPE, startMockArm } from "../../src/testing/index.js";
import type { Api, MockArm } from "./api.js";
import { cases } from "./cases.js";
import type { CaseContext } from "./context.js";
import { dispatch, remoteControl } from "./control.js";

/** Registers every behaviour case against one way of loading the package in Node. */
export function describeBehaviour(label: string, load: () => Promise<Api>): void {
  describe(label, () => {
    let mock: MockArm;
    let ctx: CaseContext;

    beforeAll(async () => {
      const api = await load();
      mock = await startMockArm();
      ctx = {
        api,
        endpoint: mock.endpoint,
        token: mock.token,
        scope: DEFAULT_SCOPE,
        mock: remoteControl((op, args) => dispatch(mock, op, args)),
        // Node trusts exactly the mock's self-signed certificate; nothing switches verification off.
        clientOptions: { tlsOptions: { ca: mock.certificate } },
      };
    });
    afterAll(() => mock?.close());
    beforeEach(() => mock.reset());

    for (const c of cases) it(c.name, () => c.run(ctx));
  });
}
