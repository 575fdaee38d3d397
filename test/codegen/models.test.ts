// The enum aliases the generator writes, from code-model schemas built here: the API's swagger has extensible
// enums only, so the sealed case is exercised on a schema of our own.
import { ChoiceSchema, ChoiceValue, SealedChoiceSchema } from "@autorest/codemodel";
import { describe, expect, it } from "vitest";
import { emitModels } from "../../codegen/src/emit/models.js";

const values = [new ChoiceValue("Enabled", "turned on", "Enabled"), new ChoiceValue("Disabled", "", "Disabled")];

describe("enum aliases in the generated models", () => {
  it("keeps the known values of an extensible enum (modelAsString) next to (string & {}), which does not collapse to string", () => {
    const schema = new ChoiceSchema("AutoDiscovery", "Whether new resources are onboarded.", { choices: values });
    const text = emitModels([schema], "input");
    expect(text).toContain('export type AutoDiscovery = "Enabled" | "Disabled" | (string & {});');
    expect(text).not.toMatch(/\| string;/);
    expect(text).toMatch(/Extensible: .*any string is accepted/);
  });

  it("names the output alias with the Output suffix", () => {
    const schema = new ChoiceSchema("AutoDiscovery", "", { choices: values });
    expect(emitModels([schema], "output")).toContain(
      'export type AutoDiscoveryOutput = "Enabled" | "Disabled" | (string & {});',
    );
  });

  it("emits a sealed enum as a closed union of its values", () => {
    const levels = [new ChoiceValue("Low", "", "Low"), new ChoiceValue("High", "", "High")];
    const schema = new SealedChoiceSchema("Severity", "How bad a finding is.", { choices: levels });
    const text = emitModels([schema], "input");
    expect(text).toContain('export type Severity = "Low" | "High";');
    expect(text).not.toContain("string");
    expect(text).toContain("Sealed: only these values are valid.");
  });
});
