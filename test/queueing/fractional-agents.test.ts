/**
 * Fractional agents: the continuous Erlang B against an independent computation (numerical
 * integration of Jagerman's integral 1/B(x, A) = ∫_0^∞ e^-u (1 + u/A)^x du by composite Simpson
 * written here, not through the incomplete gamma function), equality with the integer formulas at
 * whole x, and laws (monotone, convex, continuous).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { WfmError } from "../../src/errors.js";
import {
  erlangA,
  erlangB,
  erlangC,
  fractionalErlangA,
  fractionalErlangB,
  fractionalErlangC,
  requiredAgents,
  requiredAgentsFractional,
} from "../../src/queueing/index.js";

const runs = { numRuns: 200, seed: 20261201 };

/** 1 / B(x, A) by composite Simpson on the integrand scaled by its maximum (independent of the library). */
function inverseBlockingByIntegration(x: number, a: number): number {
  const logF = (u: number) => -u + x * Math.log1p(u / a);
  const peak = Math.max(0, x - a);
  const top = logF(peak);
  let end = peak + 1;
  while (logF(end) > top - 60) end = peak + 2 * (end - peak);
  const steps = 200_000;
  const h = end / steps;
  let sum = 0;
  for (let i = 0; i <= steps; i++) {
    const w = i === 0 || i === steps ? 1 : i % 2 === 1 ? 4 : 2;
    sum += w * Math.exp(logF(i * h) - top);
  }
  return Math.exp(top) * (sum * h) / 3;
}

describe("fractionalErlangB: Jagerman's integral", () => {
  const cases: [number, number][] = [
    [0.5, 1],
    [0.25, 0.3],
    [1.5, 2.7],
    [2.5, 3.1],
    [7.3, 5],
    [12.4, 10],
    [9.6, 10],
    [33.3, 30],
    [0.9, 20],
    [61.7, 50],
    [0.3, 0.01],
    [0.05, 0.2],
    [0.7, 0.04],
  ];
  it.each(cases)("x = %f, A = %f agrees with numerical integration to 1e-9", (x, a) => {
    const expected = 1 / inverseBlockingByIntegration(x, a);
    const got = fractionalErlangB({ trafficErlangs: a, agents: x }).blockingProbability;
    expect(Math.abs(got - expected) / expected, `x=${x} A=${a} expected ${expected} got ${got}`).toBeLessThan(1e-9);
  });

  it("equals Erlang B, C and A at whole numbers of agents (to 1e-13 relative)", () => {
    for (const a of [0.3, 1, 2.5, 10, 57.3, 1000]) {
      for (const n of [0, 1, 2, 3, 12, 17, 60, 1030]) {
        const pairs: [number, number][] = [
          [fractionalErlangB({ trafficErlangs: a, agents: n }).blockingProbability, erlangB({ trafficErlangs: a, lines: n }).blockingProbability],
          [fractionalErlangC({ trafficErlangs: a, agents: n, ahtSeconds: 180 }).serviceLevel, erlangC({ trafficErlangs: a, agents: n, ahtSeconds: 180 }).serviceLevel],
          [
            fractionalErlangA({ trafficErlangs: a, agents: n, ahtSeconds: 180, patienceSeconds: 100 }).serviceLevel,
            erlangA({ trafficErlangs: a, agents: n, ahtSeconds: 180, patienceSeconds: 100 }).serviceLevel,
          ],
        ];
        for (const [got, expected] of pairs) {
          expect(Math.abs(got - expected), `A=${a} N=${n}`).toBeLessThanOrEqual(1e-13 * Math.abs(expected));
        }
      }
    }
  });

  it("is strictly decreasing and convex in x (Jagerman 1974)", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.05, max: 200, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (a, u) => {
        const x = u * (a + 5 * Math.sqrt(a) + 3);
        const h = 0.25;
        const b = (y: number) => fractionalErlangB({ trafficErlangs: a, agents: y }).blockingProbability;
        const [b0, b1, b2] = [b(x), b(x + h), b(x + 2 * h)];
        expect(b1).toBeLessThan(b0);
        expect(b2).toBeLessThan(b1);
        expect(b0 - 2 * b1 + b2).toBeGreaterThanOrEqual(-1e-13 * b0);
      }),
      runs,
    );
  });

  it("is continuous across whole numbers (left and right limits agree)", () => {
    for (const a of [0.7, 4, 25, 150]) {
      for (const n of [1, 2, 5, 30, 160]) {
        const left = fractionalErlangB({ trafficErlangs: a, agents: n - 1e-9 }).blockingProbability;
        const right = fractionalErlangB({ trafficErlangs: a, agents: n + 1e-9 }).blockingProbability;
        expect(Math.abs(left - right), `A=${a} N=${n}`).toBeLessThanOrEqual(1e-7 * left);
      }
    }
  });
});

describe("fractionalErlangC and fractionalErlangA", () => {
  it("service level rises and abandonment falls with fractional agents", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.1, max: 300, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (a, u) => {
        const x = a + 0.01 + u * (4 * Math.sqrt(a) + 2);
        const c0 = fractionalErlangC({ trafficErlangs: a, ahtSeconds: 180, agents: x });
        const c1 = fractionalErlangC({ trafficErlangs: a, ahtSeconds: 180, agents: x + 0.3 });
        expect(c1.serviceLevel).toBeGreaterThanOrEqual(c0.serviceLevel);
        expect(c1.asaSeconds).toBeLessThanOrEqual(c0.asaSeconds);
        const e0 = fractionalErlangA({ trafficErlangs: a, ahtSeconds: 180, agents: x - a * u, patienceSeconds: 90 });
        const e1 = fractionalErlangA({ trafficErlangs: a, ahtSeconds: 180, agents: x - a * u + 0.3, patienceSeconds: 90 });
        expect(e1.abandonProbability).toBeLessThanOrEqual(e0.abandonProbability);
        expect(e1.serviceLevel).toBeGreaterThanOrEqual(e0.serviceLevel - 1e-15);
      }),
      runs,
    );
  });

  it("Erlang C is unstable (limit values) at x <= A", () => {
    const m = fractionalErlangC({ trafficErlangs: 10.5, ahtSeconds: 180, agents: 10.5 });
    expect(m.stable).toBe(false);
    expect(m.asaSeconds).toBe(Number.POSITIVE_INFINITY);
  });

  it("rejects negative or non-finite agents naming the option", () => {
    expect(() => fractionalErlangB({ trafficErlangs: 1, agents: -0.5 })).toThrow(WfmError);
    expect(() => fractionalErlangC({ trafficErlangs: 1, ahtSeconds: 10, agents: Number.NaN })).toThrow(/fractionalErlangC: agents must be a finite number of at least 0, got NaN/);
  });
});

describe("requiredAgentsFractional", () => {
  it("lies in (N* - 1, N*], meets the target, and just below it does not", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.5, max: 400, noNaN: true }), fc.double({ min: 0.5, max: 0.95, noNaN: true }), (a, sl) => {
        const options = { trafficErlangs: a, ahtSeconds: 240, targetServiceLevel: sl, targetAnswerSeconds: 20 };
        const whole = requiredAgents(options);
        const r = requiredAgentsFractional(options);
        if (!whole.feasible || !r.feasible) throw new Error("expected feasible");
        expect(r.wholeAgents).toBe(whole.agents);
        expect(r.agents).toBeGreaterThan(whole.agents - 1);
        expect(r.agents).toBeLessThanOrEqual(whole.agents);
        expect(fractionalErlangC({ ...options, agents: r.agents }).serviceLevel).toBeGreaterThanOrEqual(sl);
        expect(fractionalErlangC({ ...options, agents: r.agents - 1e-6 }).serviceLevel).toBeLessThan(sl);
      }),
      { ...runs, numRuns: 60 },
    );
  });

  it("passes an infeasible target through", () => {
    const r = requiredAgentsFractional({ trafficErlangs: 10, ahtSeconds: 180, targetServiceLevel: 1 });
    expect(r.feasible).toBe(false);
  });
});
