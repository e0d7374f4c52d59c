import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareText } from "../src/order.js";

describe("compareText", () => {
  it("orders by UTF-16 code units, as Array.prototype.sort does with no comparator", () => {
    // The ECMAScript default sort compares code units: an independent statement of the same order.
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "binary" })), (words) => {
        expect([...words].sort(compareText)).toEqual([...words].sort());
      }),
    );
  });

  it("is antisymmetric and zero only for equal strings", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(Math.sign(compareText(a, b)) + Math.sign(compareText(b, a))).toBe(0);
        expect(compareText(a, b) === 0).toBe(a === b);
      }),
    );
  });

  it("puts capitals before small letters and ignores the machine's locale", () => {
    expect(["b", "B", "a", "ä", "z"].sort(compareText)).toEqual(["B", "a", "b", "z", "ä"]);
  });
});
