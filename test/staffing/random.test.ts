import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { poissonSample, seededRandom } from "../../src/staffing/random.js";

describe("seededRandom", () => {
  it("repeats for a seed and stays inside (0, 1) (law)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (seed) => {
        const a = seededRandom(seed);
        const b = seededRandom(seed);
        for (let i = 0; i < 50; i++) {
          const x = a();
          expect(x).toBe(b());
          expect(x).toBeGreaterThan(0);
          expect(x).toBeLessThan(1);
        }
      }),
    );
  });
});

describe("poissonSample", () => {
  it("is zero for a zero mean", () => {
    expect(poissonSample(0, seededRandom(1))).toBe(0);
  });

  // A Poisson(m) sample of n draws has mean m and variance m; with n = 40,000 the sample mean's
  // standard error is sqrt(m / n): the bounds below are 5 standard errors, on both sides of the
  // 50 threshold where the method switches from Knuth's product to the normal approximation.
  it.each([0.3, 4, 30, 50, 80, 400])("draws with mean and variance %d", (mean) => {
    const random = seededRandom(20261123);
    const n = 40_000;
    let sum = 0;
    let sumSquares = 0;
    for (let i = 0; i < n; i++) {
      const x = poissonSample(mean, random);
      expect(Number.isInteger(x) && x >= 0).toBe(true);
      sum += x;
      sumSquares += x * x;
    }
    const sampleMean = sum / n;
    const sampleVariance = sumSquares / n - sampleMean ** 2;
    expect(Math.abs(sampleMean - mean)).toBeLessThan(5 * Math.sqrt(mean / n));
    // The variance of the sample variance is about 2 m^2 / n + m / n for a Poisson law; above 50
    // the rounded normal approximation adds the variance of rounding, 1/12.
    expect(Math.abs(sampleVariance - mean)).toBeLessThan(5 * Math.sqrt((2 * mean * mean + mean) / n) + 1 / 12);
  });
});
