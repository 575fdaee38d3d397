import type { TestProject } from "vitest/node";
import { pack } from "./consumer.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** The tarball `npm pack` made of the built package, and the files it holds. */
    packed: { tarball: string; files: string[] };
  }
}

/** Packs the package once for every file of the pack suite (they install it into consumers of their own). */
export default function setup(project: TestProject): void {
  project.provide("packed", pack());
}
