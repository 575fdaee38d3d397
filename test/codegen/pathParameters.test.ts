import { describe, expect, it } from "vitest";
import { unicodePattern } from "../../codegen/src/emit/pathParameters.js";

describe("the emitter's Unicode-aware patterns", () => {
  it("makes \\w in a character class the Unicode letters and digits, with the u flag", () => {
    const { pattern, flags } = unicodePattern(String.raw`^[-\w\._\(\)]+$`, "resourceGroupName");
    expect([pattern, flags]).toEqual([String.raw`^[-\p{L}\p{N}_\._\(\)]+$`, "u"]);
    const re = new RegExp(pattern, flags);
    for (const name of ["Instruktører", "東京-rg", "rg_(1).x", "ÆØÅ"]) expect(re.test(name), name).toBe(true);
    for (const name of ["bad/rg", "a b", "rg#", "😀"]) expect(re.test(name), name).toBe(false);
  });

  it("translates \\w and \\W outside a class, and keeps other escapes", () => {
    expect(unicodePattern(String.raw`^\w+\.\d$`, "p")).toEqual({ pattern: String.raw`^[\p{L}\p{N}_]+\.\d$`, flags: "u" });
    expect(unicodePattern(String.raw`^\W$`, "p")).toEqual({ pattern: String.raw`^[^\p{L}\p{N}_]$`, flags: "u" });
  });

  it("leaves a pattern without \\w as the swagger wrote it, without flags", () => {
    expect(unicodePattern("^[a-z0-9]{3,24}$", "p")).toEqual({ pattern: "^[a-z0-9]{3,24}$" });
    expect(unicodePattern(String.raw`^\\w$`, "p")).toEqual({ pattern: String.raw`^\\w$` });
  });

  it("fails generation, naming the parameter, when the pattern cannot be made Unicode-aware", () => {
    expect(() => unicodePattern(String.raw`^[\W]$`, "vaultName")).toThrow(/vaultName: \\W inside a character class/);
    // \- outside a class is an identity escape the u flag refuses.
    expect(() => unicodePattern(String.raw`^\w\-x$`, "vaultName")).toThrow(/vaultName: pattern .* is not valid with the u flag/);
  });
});
