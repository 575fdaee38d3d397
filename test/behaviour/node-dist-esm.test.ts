import type { Api } from "./api.js";
import { describeBehaviour } from "./node-suite.js";

// The built ESM entry, loaded by URL so that the type check (which runs before the build) never needs dist/.
// Run `npm run build` first (npm test does).
const entry = new URL("../../dist/index.js", import.meta.url).href;
describeBehaviour("behaviour in Node, from dist/index.js (ESM)", async () => (await import(entry)) as Api);
