import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { root } from "../pack/consumer.js";

// package.json's engines promise what npm test runs: one range per major of the version matrix, no more.
const read = (path: string) =>
  JSON.parse(readFileSync(join(root, path), "utf8")) as Record<string, Record<string, string>>;

describe("engines", () => {
  it("names exactly the Node majors whose binaries test/node-versions runs the suites on", () => {
    const matrix = Object.keys(read("test/node-versions/binaries/package.json")["dependencies"]!).map((alias) =>
      alias.slice("node".length),
    );
    expect(read("package.json")["engines"]!["node"]!.split(" || ")).toEqual(matrix);
  });
});
