import * as api from "../../src/index.js";
import { describeBehaviour } from "./node-suite.js";

describeBehaviour("behaviour in Node, from the source", async () => api);
