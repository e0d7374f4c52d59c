/**
 * Every case of the project's trusted queueing reference (../shared/reference/queueing-cases.json,
 * copied verbatim with its provenance into test/fixtures/queueing-reference-cases.json), through the
 * library, at each case's own tolerance (relative 1e-9 / absolute 1e-12 for most; integers exact).
 * A failing case prints its id, its inputs, the key, the expected and the computed value.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkCase, type ReferenceCase } from "./check-case.js";

const fixture = JSON.parse(readFileSync(new URL("../fixtures/queueing-reference-cases.json", import.meta.url), "utf8")) as {
  cases: ReferenceCase[];
};

describe("shared reference cases (queueing-cases.json)", () => {
  it("has the 25 cases of the reference file, for all three models", () => {
    expect(fixture.cases.length).toBe(25);
    expect(new Set(fixture.cases.map((c) => c.model))).toEqual(new Set(["erlangB", "erlangC", "erlangA"]));
  });

  for (const c of fixture.cases) {
    it(`${c.id} (${c.model}) matches every expected key: ${Object.keys(c.expected).join(", ")}`, () => {
      expect(checkCase(c)).toEqual([]);
    });
  }
});
