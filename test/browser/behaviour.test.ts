import { beforeEach, describe, inject, it } from "vitest";
import { commands } from "vitest/browser";
// Answered with dist/index.js, the built package, by the config (see "package-under-test-is-dist"); typed from the source.
import * as api from "../../src/index.js";
import { cases } from "../behaviour/cases.js";
import type { CaseContext } from "../behaviour/context.js";
import { remoteControl } from "../behaviour/control.js";
import "./provided.js";

const mock = remoteControl((op, args) => commands.mockControl(op, args));
// The browser trusts the mock's certificate through Chromium's SPKI pin, so no client option is needed.
const ctx: CaseContext = { ...inject("mockInfo"), api, mock, clientOptions: {} };

describe("behaviour in Chromium, from dist/index.js", () => {
  beforeEach(() => mock.reset());
  for (const c of cases) it(c.name, () => c.run(ctx));
});
