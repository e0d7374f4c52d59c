/**
 * Erlang X: its exact limits (Erlang A without redials and lines, Erlang C without patience,
 * Erlang B when L = N), the M/M/N/L chain against a direct product-form sum written here, the
 * fixed point's balance equation, the r = 1 instability, laws in N, and the KPI estimators.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { erlangA, erlangB, erlangC, erlangX, estimatePatience, estimateRedialShare, requiredAgentsErlangX } from "../../src/queueing/index.js";

const runs = { numRuns: 80, seed: 20261201 };
const close = (got: number, want: number, rel: number, label: string) =>
  expect(Math.abs(got - want), `${label}: expected ${want}, got ${got}`).toBeLessThanOrEqual(rel * Math.abs(want) + 1e-300);

describe("erlangX: exact limits", () => {
  it("no redials, unlimited lines: Erlang A (and Erlang C without patience)", () => {
    for (const [a, n] of [[5, 4], [10, 12], [100, 100], [300, 290]] as const) {
      const x = erlangX({ trafficErlangs: a, ahtSeconds: 180, agents: n, patienceSeconds: 120, targetAnswerSeconds: 15 });
      const e = erlangA({ trafficErlangs: a, ahtSeconds: 180, agents: n, patienceSeconds: 120, targetAnswerSeconds: 15 });
      close(x.serviceLevel, e.serviceLevel, 1e-14, "SL");
      close(x.abandonProbability, e.abandonProbability, 1e-14, "abandon");
      close(x.asaSeconds, e.asaSeconds, 1e-13, "ASA");
      expect(x.effectiveTrafficErlangs).toBe(a);
      const c = erlangC({ trafficErlangs: a, ahtSeconds: 180, agents: n + 10 });
      const xc = erlangX({ trafficErlangs: a, ahtSeconds: 180, agents: n + 10, redialShare: 0.7 });
      close(xc.serviceLevel, c.serviceLevel, 1e-14, "Erlang C SL");
      expect(xc.redialAttemptShare).toBe(0);
    }
  });

  it("lines = agents and no redials: Erlang B blocking (patience irrelevant)", () => {
    for (const [a, n] of [[2, 3], [10, 12], [100, 110], [500, 480]] as const) {
      const b = erlangB({ trafficErlangs: a, lines: n }).blockingProbability;
      close(erlangX({ trafficErlangs: a, ahtSeconds: 180, agents: n, lines: n, patienceSeconds: 60 }).blockingProbability, b, 1e-12, `A=${a} N=${n}`);
      close(erlangX({ trafficErlangs: a, ahtSeconds: 180, agents: n, lines: n }).blockingProbability, b, 1e-12, `A=${a} N=${n} no patience`);
    }
  });

  it("many lines: Erlang A (the lines never bind)", () => {
    const x = erlangX({ trafficErlangs: 100, ahtSeconds: 180, agents: 100, patienceSeconds: 120, lines: 400 });
    const e = erlangA({ trafficErlangs: 100, ahtSeconds: 180, agents: 100, patienceSeconds: 120 });
    close(x.serviceLevel, e.serviceLevel, 1e-12, "SL");
    close(x.abandonProbability, e.abandonProbability, 1e-12, "abandon");
    expect(x.truncationError).toBeLessThan(1e-14);
  });

  it("M/M/N/L (no patience) blocking matches the product form summed directly", () => {
    for (const [a, n, l] of [[8, 8, 12], [20, 18, 25], [50, 55, 70]] as const) {
      // pi_k proportional to a^k / k! (k <= N), a^N/N! (a/N)^(k-N) (k > N), in logs
      const logs: number[] = [];
      let lf = 0;
      for (let k = 0; k <= l; k++) {
        if (k > 0 && k <= n) lf += Math.log(k);
        logs.push(k <= n ? k * Math.log(a) - lf : n * Math.log(a) - lf + (k - n) * Math.log(a / n));
      }
      const top = Math.max(...logs);
      const sum = logs.reduce((s, v) => s + Math.exp(v - top), 0);
      const expected = Math.exp(logs[l]! - top) / sum;
      close(erlangX({ trafficErlangs: a, ahtSeconds: 100, agents: n, lines: l }).blockingProbability, expected, 1e-12, `A=${a} N=${n} L=${l}`);
    }
  });
});

describe("erlangX: redials", () => {
  it("the attempts balance: lambda = lambda_0 + r lambda (P(block) + P(abandon))", () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 150, noNaN: true }), fc.double({ min: 0.7, max: 1.2, noNaN: true }), fc.double({ min: 0, max: 0.95, noNaN: true }), fc.boolean(), (a, f, r, withLines) => {
        const n = Math.max(1, Math.round(a * f));
        const x = erlangX({ trafficErlangs: a, ahtSeconds: 180, agents: n, patienceSeconds: 90, redialShare: r, ...(withLines ? { lines: n + 5 } : {}) });
        const failed = x.blockingProbability + x.abandonProbability;
        close(x.effectiveTrafficErlangs, a + r * x.effectiveTrafficErlangs * failed, 1e-10, "balance");
        expect(x.effectiveTrafficErlangs).toBeGreaterThanOrEqual(a);
        // every fresh caller is eventually answered or lost for good
        close(x.attemptsPerCaller * (1 - failed) + x.callerLossProbability, 1, 1e-10, "outcomes");
        for (const v of [x.serviceLevel, x.blockingProbability, x.abandonProbability, x.waitProbability]) {
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(1);
        }
      }),
      runs,
    );
  });

  it("more agents never lower the service level or raise the effective load", () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 150, noNaN: true }), fc.double({ min: 0.7, max: 1.2, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (a, f, r) => {
        const n = Math.max(1, Math.round(a * f));
        const o = { trafficErlangs: a, ahtSeconds: 180, patienceSeconds: 90, redialShare: r, lines: n + 20 };
        const x = erlangX({ ...o, agents: n });
        const y = erlangX({ ...o, agents: n + 1 });
        if (!x.stable) return;
        expect(y.serviceLevel).toBeGreaterThanOrEqual(x.serviceLevel - 1e-12);
        expect(y.effectiveTrafficErlangs).toBeLessThanOrEqual(x.effectiveTrafficErlangs * (1 + 1e-12));
      }),
      runs,
    );
  });

  it("every caller redialling with too few agents has no steady state (stable: false, never a hang or NaN)", () => {
    const x = erlangX({ trafficErlangs: 100, ahtSeconds: 180, agents: 100, patienceSeconds: 120, redialShare: 1 });
    expect(x).toMatchObject({ stable: false, serviceLevel: 0 });
    const y = erlangX({ trafficErlangs: 100, ahtSeconds: 180, agents: 101, patienceSeconds: 120, redialShare: 1 });
    expect(y.stable).toBe(true);
    expect(y.callerLossProbability).toBe(0);
    expect(Number.isFinite(y.effectiveTrafficErlangs)).toBe(true);
    expect(() => erlangX({ trafficErlangs: 10, ahtSeconds: 180, agents: 10, patienceSeconds: 0, redialShare: 1 })).toThrow(
      "erlangX: patienceSeconds must be a positive finite number (a patience of 0 would send every waiting caller straight back to redial), got 0",
    );
    expect(() => erlangX({ trafficErlangs: 10, ahtSeconds: 180, agents: 12, lines: 11 })).toThrow("erlangX: lines must be at least agents (12): every agent needs a line, got 11");
    expect(() => erlangX({ trafficErlangs: 10, ahtSeconds: 180, agents: 12, redialShare: 1.2 })).toThrow(/redialShare must be a fraction from 0 to 1/);
  });

  it("requiredAgentsErlangX: meets the target, one fewer misses; lines that bind are feasible: false", () => {
    const r = requiredAgentsErlangX({ trafficErlangs: 100, ahtSeconds: 180, patienceSeconds: 120, redialShare: 0.6, targetServiceLevel: 0.8 });
    if (!r.feasible) throw new Error(r.reason);
    expect(r.metrics.serviceLevel).toBeGreaterThanOrEqual(0.8);
    expect(r.atOneFewer!.serviceLevel).toBeLessThan(0.8);
    const none = requiredAgentsErlangX({ trafficErlangs: 100, ahtSeconds: 180, patienceSeconds: 120, redialShare: 0.6, lines: 100, targetServiceLevel: 0.99 });
    expect(none).toEqual({ feasible: false, agents: null, reason: "the lines bind: even 100 agents on 100 lines miss the targets" });
  });
});

describe("estimators", () => {
  it("patience: total wait / abandoned; no abandonment is feasible: false", () => {
    const e = estimatePatience({ abandoned: 500, answered: 9500, asaSeconds: 25, abandonedMeanWaitSeconds: 60 });
    expect(e).toMatchObject({ feasible: true, patienceSeconds: (9500 * 25 + 500 * 60) / 500 });
    expect(estimatePatience({ abandoned: 0, answered: 100, asaSeconds: 10, abandonedMeanWaitSeconds: 0 }).feasible).toBe(false);
  });

  it("patience: recovers the model's patience from Erlang A's own outputs (P(Ab) = E[W] / patience)", () => {
    const m = erlangA({ trafficErlangs: 50, ahtSeconds: 200, agents: 50, patienceSeconds: 150 });
    // ASA over all callers = E[W]; split into answered and abandoned with the same total wait
    const offered = 100000;
    const abandoned = offered * m.abandonProbability;
    const totalWait = offered * m.asaSeconds;
    const e = estimatePatience({ abandoned, answered: offered - abandoned, asaSeconds: totalWait / (offered - abandoned), abandonedMeanWaitSeconds: 0 });
    expect(e.feasible && Math.abs(e.patienceSeconds - 150)).toBeLessThan(1e-9);
  });

  it("redial share: redials / failed attempts; contradictory counts are an error", () => {
    expect(estimateRedialShare({ abandoned: 400, blocked: 100, redials: 300, offered: 10300 })).toEqual({ redialShare: 0.6, freshCalls: 10000 });
    expect(() => estimateRedialShare({ abandoned: 10, redials: 11 })).toThrow("estimateRedialShare: redials must be at most abandoned + blocked (10): only failed attempts are redialled, got 11");
  });
});
