import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocateRounded, divideMoney, roundMoney, sumMoney, toMoney } from "../../src/cost/money.js";
import { WfmError } from "../../src/errors.js";

describe("toMoney", () => {
  it("reads numbers through their decimal text, not their binary value", () => {
    // 12.35 as a double is 12.3499999999999996447286321199499070644378662109375 (IEEE 754);
    // money must see the 12.35 the user wrote.
    expect(toMoney(12.35).toString()).toBe("12.35");
    expect(toMoney(0.1).plus(toMoney(0.2)).toString()).toBe("0.3");
    expect(toMoney("0.1234567890123456789012").toString()).toBe("0.1234567890123456789012");
    expect(toMoney("1e3").toString()).toBe("1000");
  });

  it("rejects what is not a decimal number, naming the field", () => {
    expect(() => toMoney("12,35", "hourlyWage")).toThrow('toMoney: hourlyWage must be a decimal number such as "12.35", got "12,35"');
    expect(() => toMoney(Number.NaN)).toThrow(WfmError);
    expect(() => toMoney(Infinity)).toThrow("toMoney: amount must be a finite number, got Infinity");
  });

  it("sums exactly", () => {
    expect(sumMoney([]).toString()).toBe("0");
    // 10,000 times 0.01 is exactly 100 (a float sum gives 100.00000000001425).
    expect(sumMoney(Array.from({ length: 10_000 }, () => toMoney("0.01"))).toString()).toBe("100");
  });
});

describe("roundMoney", () => {
  it("rounds half a minor unit away from zero by default, to even on request", () => {
    expect(roundMoney(toMoney("2.345"), 2)).toBe("2.35");
    expect(roundMoney(toMoney("2.345"), 2, "half-even")).toBe("2.34");
    expect(roundMoney(toMoney("-2.345"), 2)).toBe("-2.35");
    expect(roundMoney(toMoney("1234.5"), 0)).toBe("1235");
    expect(roundMoney(toMoney("1234.5"), 0, "half-even")).toBe("1234");
    expect(roundMoney(toMoney("7"), 3)).toBe("7.000");
  });

  it("rejects impossible minor units", () => {
    expect(() => roundMoney(toMoney(1), 2.5)).toThrow("roundMoney: minorUnits must be a whole number from 0 to 10, got 2.5");
    expect(() => roundMoney(toMoney(1), -1)).toThrow(WfmError);
  });
});

describe("allocateRounded (largest remainder)", () => {
  it("hands the missing minor units to the parts that lost most", () => {
    expect(allocateRounded([toMoney("1.005"), toMoney("1.005"), toMoney("1.005")], 2)).toEqual({ total: "3.02", parts: ["1.01", "1.01", "1.00"] });
    const third = toMoney(100).dividedBy(3);
    expect(allocateRounded([third, third, third], 2)).toEqual({ total: "100.00", parts: ["33.34", "33.33", "33.33"] });
    expect(allocateRounded([toMoney("0.4"), toMoney("0.4"), toMoney("0.2")], 0)).toEqual({ total: "1", parts: ["1", "0", "0"] });
    expect(allocateRounded([], 2)).toEqual({ total: "0.00", parts: [] });
  });

  it("law: the rounded parts sum exactly to the rounded total, each within one minor unit of its exact value", () => {
    const amount = fc
      .tuple(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.integer({ min: 0, max: 8 }))
      .map(([digits, scale]) => toMoney(`${digits}e-${scale}`));
    fc.assert(
      fc.property(fc.array(amount, { maxLength: 30 }), fc.integer({ min: 0, max: 4 }), fc.constantFrom("half-up" as const, "half-even" as const), (amounts, minorUnits, rounding) => {
        const { total, parts } = allocateRounded(amounts, minorUnits, rounding);
        expect(sumMoney(parts.map((p) => toMoney(p))).toFixed(minorUnits)).toBe(total);
        expect(total).toBe(roundMoney(sumMoney(amounts), minorUnits, rounding));
        const unit = toMoney(1).dividedBy(toMoney(10).pow(minorUnits));
        parts.forEach((p, i) => expect(toMoney(p).minus(amounts[i]!).abs().lt(unit)).toBe(true));
      }),
      { numRuns: 300 },
    );
  });
});

describe("divideMoney", () => {
  it("divides to 40 significant digits and returns null for a zero divisor", () => {
    expect(divideMoney(toMoney(100), 8)?.toString()).toBe("12.5");
    expect(divideMoney(toMoney(100), 0)).toBeNull();
    expect(divideMoney(toMoney(1), 3)?.toString()).toBe(`0.${"3".repeat(40)}`);
  });
});

describe("negative zero", () => {
  it("never prints -0", () => {
    expect(roundMoney(toMoney("-0.001"), 2)).toBe("0.00");
    expect(allocateRounded([toMoney("-0.1")], 0)).toEqual({ total: "0", parts: ["0"] });
  });
});
