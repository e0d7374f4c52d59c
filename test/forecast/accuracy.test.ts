import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { forecastAccuracy, median, minimizeBounded, normalQuantile, quantile, trimmedMean } from "../../src/forecast/index.js";

describe("forecastAccuracy", () => {
  it("hand-computed figures", () => {
    // |10-12| + |20-18| = 4 over 30 actual; MAPE (2/12 + 2/18)/2; bias 0; RMSE sqrt((4+4)/2) = 2
    const a = forecastAccuracy({ forecast: [10, 20], actual: [12, 18] });
    expect(a.wape).toBeCloseTo(4 / 30, 15);
    expect(a.mape).toBeCloseTo((2 / 12 + 2 / 18) / 2, 15);
    expect(a.bias).toBe(0);
    expect(a.rmse).toBe(2);
    expect(a.intervals).toBe(2);
  });

  it("MAPE leaves out intervals under 10 contacts; bias is signed", () => {
    const a = forecastAccuracy({ forecast: [5, 110], actual: [1, 100] });
    expect(a.mape).toBeCloseTo(0.1, 15);
    expect(a.bias).toBeCloseTo(14 / 101, 15);
    expect(forecastAccuracy({ forecast: [1], actual: [2] }).mape).toBeNaN();
  });

  it("laws: a perfect forecast scores 0; WAPE is scale-free and never negative", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.1, max: 1e4, noNaN: true }), { minLength: 1, maxLength: 30 }), fc.double({ min: 0.01, max: 100, noNaN: true }), (actual, k) => {
        expect(forecastAccuracy({ forecast: actual, actual }).wape).toBe(0);
        const forecast = actual.map((v, i) => v * (1 + ((i % 3) - 1) * 0.2));
        const w = forecastAccuracy({ forecast, actual }).wape;
        expect(w).toBeGreaterThanOrEqual(0);
        expect(forecastAccuracy({ forecast: forecast.map((v) => v * k), actual: actual.map((v) => v * k) }).wape).toBeCloseTo(w, 9);
      }),
    );
  });

  it("rejects arrays of different lengths", () => {
    expect(() => forecastAccuracy({ forecast: [1], actual: [1, 2] })).toThrow("forecastAccuracy: forecast must be the same length as actual (2), got 1");
  });
});

describe("robust statistics (values from R 4.x)", () => {
  it("quantile type 7 as R's default", () => {
    // R: quantile(1:4, c(0.5, 0.9)) -> 2.5 3.7; quantile(1:10, 0.25) -> 3.25
    expect(quantile([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4], 0.9)).toBeCloseTo(3.7, 12);
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.25)).toBeCloseTo(3.25, 12);
  });
  it("median and trimmed mean", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([])).toBeNaN();
    // R: mean(c(1, 2, 3, 100), trim = 0.25) -> 2.5
    expect(trimmedMean([1, 2, 3, 100], 0.25)).toBe(2.5);
  });
});

describe("minimizeBounded", () => {
  it("finds the minimum of a quadratic inside the box and stops at the bound outside it", () => {
    const inside = minimizeBounded({ f: ([x, y]) => (x! - 0.3) ** 2 + (y! - 0.7) ** 2, start: [0.5, 0.5], lower: [0, 0], upper: [1, 1], maxEvaluations: 400 });
    expect(inside.x[0]).toBeCloseTo(0.3, 3);
    expect(inside.x[1]).toBeCloseTo(0.7, 3);
    expect(minimizeBounded({ f: ([x]) => (x! - 2) ** 2, start: [0], lower: [0], upper: [1] }).x).toEqual([1]);
  });
  it("law: the result stays in the box", () => {
    fc.assert(
      fc.property(fc.double({ min: -5, max: 5, noNaN: true }), fc.double({ min: -5, max: 5, noNaN: true }), (a, b) => {
        const r = minimizeBounded({ f: ([x, y]) => (x! - a) ** 2 + Math.abs(y! - b), start: [0, 0], lower: [-1, -1], upper: [1, 1] });
        for (const v of r.x) {
          expect(v).toBeGreaterThanOrEqual(-1);
          expect(v).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 30 },
    );
  });
});

describe("normalQuantile (values from R: qnorm)", () => {
  it("matches qnorm within Acklam's 1.15e-9 relative error", () => {
    const reference: [number, number][] = [
      [0.5, 0],
      [0.8, 0.8416212335729143],
      [0.9, 1.2815515655446004],
      [0.975, 1.959963984540054],
      [0.999, 3.090232306167813],
      [0.01, -2.326347874040841],
      [1e-6, -4.753424308822899],
    ];
    for (const [p, x] of reference) {
      const got = normalQuantile(p);
      expect({ p, got, within: Math.abs(got - x) <= 1.2e-9 * Math.max(1, Math.abs(x)) }).toEqual({ p, got, within: true });
    }
    expect(normalQuantile(0)).toBeNaN();
    expect(normalQuantile(1)).toBeNaN();
  });
});
