/**
 * The original reference file in ../shared: the committed fixture must still be a verbatim copy of
 * it, and every case in it must pass (so a newer reference file is tested even before it is copied).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { sharedFile } from "../support/shared.js";
import { checkCase, type ReferenceCase } from "./check-case.js";

const original = JSON.parse(readFileSync(sharedFile("reference", "queueing-cases.json"), "utf8")) as ReferenceCase[];
const fixture = JSON.parse(readFileSync(new URL("../fixtures/queueing-reference-cases.json", import.meta.url), "utf8")) as {
  cases: ReferenceCase[];
};

describe("../shared/reference/queueing-cases.json", () => {
  it("equals the committed fixture copy", () => {
    expect(fixture.cases).toEqual(original);
  });

  for (const c of original) {
    it(`${c.id} passes`, () => {
      expect(checkCase(c)).toEqual([]);
    });
  }
});
