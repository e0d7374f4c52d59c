/**
 * The incomplete gamma helpers behind Erlang A, against closed forms:
 * Q(n, z) = e^-z sum_{k<n} z^k / k! for whole n (the Poisson tail), ln Gamma(n + 1) = ln n!,
 * log(1 + t) - t against its Taylor series, and J(x, y) = 1F1(1; x+1; y) against its defining sum.
 */
import { describe, expect, it } from "vitest";
import { kummerRatio, log1pMinusX, logGammaPlusOne, upperGamma } from "../../src/queueing/incomplete-gamma.js";

const relative = (got: number, expected: number) => Math.abs(got - expected) / Math.abs(expected);

function poissonTail(n: number, z: number): number {
  // e^-z sum_{k<n} z^k/k!, summed in the log domain to stay finite
  let logTerm = -z;
  let sum = 0;
  for (let k = 0; k < n; k++) {
    if (k > 0) logTerm += Math.log(z / k);
    sum += Math.exp(logTerm);
  }
  return sum;
}

describe("incomplete gamma helpers", () => {
  it("upperGamma(n, z) equals the Poisson tail for whole n", () => {
    for (const [n, z] of [[1, 2], [5, 7], [30, 45], [200, 260], [1000, 1100]] as const) {
      expect(relative(upperGamma(n, z), poissonTail(n, z))).toBeLessThan(1e-12);
    }
  });

  it("logGammaPlusOne(n) equals ln n!", () => {
    let logFactorial = 0;
    for (let n = 1; n <= 170; n++) {
      logFactorial += Math.log(n);
      expect(Math.abs(logGammaPlusOne(n) - logFactorial)).toBeLessThan(1e-12 * Math.max(1, logFactorial));
    }
    // below 10 the argument is shifted up and ln((x+1)...(x+n)) subtracted: absolute error a few 1e-15
    expect(Math.abs(logGammaPlusOne(0))).toBeLessThan(1e-14);
    expect(Math.abs(logGammaPlusOne(0.5) - Math.log(Math.sqrt(Math.PI) / 2))).toBeLessThan(1e-14); // Gamma(1.5) = sqrt(pi)/2
  });

  it("log1pMinusX is accurate where log1p(t) - t cancels", () => {
    for (const t of [1e-8, -1e-8, 1e-4, 0.3, -0.3, 0.49]) {
      // Taylor series -t^2/2 + t^3/3 - ..., summed to convergence
      let series = 0;
      let power = t;
      for (let k = 2; k < 200; k++) {
        power *= -t;
        series += power / k;
      }
      expect(relative(log1pMinusX(t), series)).toBeLessThan(1e-14);
    }
  });

  it("kummerRatio matches the defining sum 1 + sum_j y^j / ((x+1)...(x+j)) on both sides of y = x + 1", () => {
    for (const [x, y] of [[0.01, 0.005], [3, 2], [16.7, 16], [1667, 1650], [1667, 1700], [50, 80], [5, 40]] as const) {
      let term = 1;
      let sum = 1;
      for (let j = 1; j < 100000 && term > 1e-18 * sum; j++) {
        term *= y / (x + j);
        sum += term;
      }
      const k = kummerRatio(x, y);
      expect(relative(Math.exp(k.logJ), sum)).toBeLessThan(1e-12);
      expect(relative(1 / k.inverseJ, sum)).toBeLessThan(1e-12);
    }
  });
});
