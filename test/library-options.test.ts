/**
 * Every function the package exports, called with no options, with null, or with an empty options
 * object, throws a WfmError naming the function and the option (or returns a documented value),
 * never a TypeError from a property read.
 */
import { describe, expect, it } from "vitest";
import * as wfm from "../src/index.js";
import { WfmError } from "../src/errors.js";
import { mean, median, quantile, trimmedMean } from "../src/forecast/robust.js";

const functions = Object.entries(wfm).filter(([name, value]) => typeof value === "function" && !/^[A-Z]/.test(name)) as [string, (arg: unknown) => unknown][];

describe("library functions validate their options", () => {
  it("covers the exported functions", () => {
    expect(functions.length).toBeGreaterThan(80);
  });

  it.each(functions.map(([name, fn]) => [name, fn] as const))("%s with undefined, null or {} throws a WfmError or returns", async (name, fn) => {
    for (const arg of [undefined, null, {}]) {
      let thrown: unknown = null;
      try {
        await fn(arg);
      } catch (error) {
        thrown = error;
      }
      if (thrown !== null) {
        expect(thrown, `${name}(${JSON.stringify(arg)}): ${String(thrown)}`).toBeInstanceOf(WfmError);
        expect((thrown as WfmError).message, `${name}(${JSON.stringify(arg)})`).toMatch(new RegExp(`^${name}: `));
      }
    }
  });

  it("names the missing option", () => {
    expect(() => wfm.planStaffing(undefined as never)).toThrow("planStaffing: options must be an object, got undefined");
    expect(() => wfm.kpiReport({} as never)).toThrow("kpiReport: intervals must be given, got undefined");
    expect(() => wfm.costBreakdown({} as never)).toThrow("costBreakdown: model must be given, got undefined");
  });
});

describe("the statistics helpers at their edges", () => {
  it("median, mean and quantile of no values are NaN (documented: callers test for it)", () => {
    expect(median([])).toBeNaN();
    expect(mean([])).toBeNaN();
    expect(quantile([], 0.5)).toBeNaN();
  });

  it("a quantile outside [0, 1], a trimming fraction outside [0, 0.5) and a non-array are errors", () => {
    expect(() => quantile([1, 2, 3], 2)).toThrow("quantile: p must be a probability from 0 to 1, got 2");
    expect(() => quantile([1, 2, 3], Number.NaN)).toThrow(WfmError);
    expect(() => trimmedMean([1, 2, 3], 0.5)).toThrow("trimmedMean: fraction must be a fraction from 0 up to (not including) 0.5, got 0.5");
    expect(() => median("1,2" as never)).toThrow('median: values must be an array of numbers, got "1,2"');
    // The ends of [0, 1] are the sample's minimum and maximum (R type 7).
    expect(quantile([3, 1, 2], 0)).toBe(1);
    expect(quantile([3, 1, 2], 1)).toBe(3);
  });
});
