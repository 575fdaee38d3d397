import { createRequire } from "node:module";
import type { Api } from "./api.js";
import { describeBehaviour } from "./node-suite.js";

// The built CommonJS entry, loaded by require() as a CommonJS consumer would. Run `npm run build` first.
const require = createRequire(import.meta.url);
describeBehaviour("behaviour in Node, from dist/index.cjs (CommonJS)", async () => require("../../dist/index.cjs") as Api);
