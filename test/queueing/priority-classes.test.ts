/**
 * Priority classes: exact limits (one class = Erlang C / Erlang A), an independent computation of
 * the waiting-time distribution without patience (a geometric number of M/M/1 busy periods, whose
 * first-passage density (j/t) (nu/l)^(j/2) e^-(l+nu)t I_j(2t sqrt(l nu)) is integrated here with a
 * Bessel series, not through the library's chain), conservation laws (total abandonment equals
 * Erlang A's, mean wait weighted by share equals Erlang C's), agreement of the two routes to
 * abandonment (Little's law vs the chain at a long T), and laws of the requirement search.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { WfmError } from "../../src/errors.js";
import { erlangA, erlangC, priorityQueue, requiredAgents, requiredAgentsPriority } from "../../src/queueing/index.js";

const runs = { numRuns: 60, seed: 20261201 };

const lnFactorial: number[] = [0];
function logFactorial(n: number): number {
  while (lnFactorial.length <= n) lnFactorial.push(lnFactorial[lnFactorial.length - 1]! + Math.log(lnFactorial.length));
  return lnFactorial[n]!;
}

/** Density of the first passage from j to 0 of an M/M/1 queue (arrivals l, service nu) at t > 0. */
function firstPassageDensity(j: number, l: number, nu: number, t: number): number {
  if (l === 0) return Math.exp(j * Math.log(nu) + (j - 1) * Math.log(t) - nu * t - logFactorial(j - 1)); // Erlang(j, nu)
  const z = 2 * t * Math.sqrt(l * nu);
  // log I_j(z) by its power series (log-sum-exp)
  const logs: number[] = [];
  for (let m = 0; m < 2000; m++) {
    const v = (2 * m + j) * Math.log(z / 2) - logFactorial(m) - logFactorial(m + j);
    logs.push(v);
    if (m > z && v < logs[0]! - 60 && v < Math.max(...logs) - 60) break;
  }
  const top = Math.max(...logs);
  const logI = top + Math.log(logs.reduce((s, v) => s + Math.exp(v - top), 0));
  return Math.exp(Math.log(j / t) + (j / 2) * Math.log(nu / l) - (l + nu) * t + logI);
}

/** P(W_k <= T | wait) = sum_j (1 - s) s^(j-1) P(first passage from j <= T), by Simpson in t. */
function busyPeriodServiceWithin(higherRate: number, nu: number, sigma: number, tSeconds: number): number {
  let total = 0;
  for (let j = 1; (1 - sigma) * sigma ** (j - 1) > 1e-15; j++) {
    const steps = 4000;
    const h = tSeconds / steps;
    let sum = 0;
    for (let i = 0; i <= steps; i++) {
      const t = i * h;
      const f = t === 0 ? (j === 1 ? nu : 0) : firstPassageDensity(j, higherRate, nu, t);
      sum += (i === 0 || i === steps ? 1 : i % 2 === 1 ? 4 : 2) * f;
    }
    total += (1 - sigma) * sigma ** (j - 1) * ((sum * h) / 3);
  }
  return total;
}

describe("priorityQueue: exact limits", () => {
  it("one class is Erlang C without patience and Erlang A with it (1e-12 relative)", () => {
    for (const [a, n] of [[1.5, 3], [10, 12], [100, 105], [100, 130], [400, 410]] as const) {
      for (const t of [0, 10, 20, 60]) {
        const one = priorityQueue({ trafficErlangs: a, ahtSeconds: 240, agents: n, classes: [{ name: "all", share: 1, targetAnswerSeconds: t }] }).classes[0]!;
        const c = erlangC({ trafficErlangs: a, ahtSeconds: 240, agents: n, targetAnswerSeconds: t });
        for (const [got, want] of [[one.serviceLevel, c.serviceLevel], [one.asaSeconds, c.asaSeconds], [one.waitProbability, c.waitProbability]]) {
          expect(Math.abs(got! - want!), `A=${a} N=${n} T=${t}`).toBeLessThanOrEqual(1e-12 * Math.abs(want!));
        }
        for (const n2 of [Math.floor(0.9 * a), n]) {
          const oneA = priorityQueue({ trafficErlangs: a, ahtSeconds: 240, agents: n2, patienceSeconds: 90, classes: [{ name: "all", share: 1, targetAnswerSeconds: t }] }).classes[0]!;
          const e = erlangA({ trafficErlangs: a, ahtSeconds: 240, agents: n2, patienceSeconds: 90, targetAnswerSeconds: t });
          for (const [got, want] of [[oneA.serviceLevel, e.serviceLevel], [oneA.asaSeconds, e.asaSeconds], [oneA.abandonProbability, e.abandonProbability]]) {
            expect(Math.abs(got! - want!), `A=${a} N=${n2} T=${t} (Erlang A)`).toBeLessThanOrEqual(1e-11 * Math.abs(want!));
          }
        }
      }
    }
  });

  it("without patience, each class's service level matches the busy-period integral (1e-8)", () => {
    // classes of 20%, 30%, 50% of 20 Erlangs on 24 agents, AHT 60 s
    const classes = [{ name: "a", share: 0.2 }, { name: "b", share: 0.3 }, { name: "c", share: 0.5 }].map((c) => ({ ...c, targetAnswerSeconds: 8 }));
    const r = priorityQueue({ trafficErlangs: 20, ahtSeconds: 60, agents: 24, classes });
    const lambda = 20 / 60;
    const nu = 24 / 60;
    let cumulative = 0;
    r.classes.forEach((c, i) => {
      const higher = cumulative;
      cumulative += lambda * classes[i]!.share;
      const within = busyPeriodServiceWithin(higher, nu, cumulative / nu, 8);
      const expected = 1 - c.waitProbability + c.waitProbability * within;
      expect(Math.abs(c.serviceLevel - expected), `class ${c.name}: expected ${expected}, got ${c.serviceLevel}`).toBeLessThan(1e-8);
    });
  });
});

describe("priorityQueue: conservation laws", () => {
  const shares = fc
    .array(fc.integer({ min: 1, max: 20 }), { minLength: 2, maxLength: 5 })
    .map((w) => w.map((x) => x / w.reduce((s, y) => s + y, 0)));
  it("share-weighted ASA equals Erlang C's; every class waits with Erlang C's probability", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.5, max: 200, noNaN: true }), fc.double({ min: 0.01, max: 1, noNaN: true }), shares, (a, u, s) => {
        const n = Math.floor(a) + 1 + Math.floor(u * 3 * Math.sqrt(a));
        const r = priorityQueue({ trafficErlangs: a, ahtSeconds: 200, agents: n, classes: s.map((share, i) => ({ name: `c${i}`, share })) });
        const c = erlangC({ trafficErlangs: a, ahtSeconds: 200, agents: n });
        expect(Math.abs(r.asaSeconds - c.asaSeconds)).toBeLessThanOrEqual(1e-9 * c.asaSeconds);
        for (const k of r.classes) expect(k.waitProbability).toBe(c.waitProbability);
      }),
      runs,
    );
  });

  it("with patience, total abandonment equals Erlang A's and each class's long-T service level is 1 - its abandonment", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.5, max: 40, noNaN: true }), fc.double({ min: 0.6, max: 1.3, noNaN: true }), fc.double({ min: 10, max: 100, noNaN: true }), shares, (a, f, p, s) => {
        const n = Math.max(1, Math.round(a * f));
        const classes = s.map((share, i) => ({ name: `c${i}`, share, targetAnswerSeconds: 45 * p }));
        const r = priorityQueue({ trafficErlangs: a, ahtSeconds: 200, agents: n, patienceSeconds: p, classes });
        const e = erlangA({ trafficErlangs: a, ahtSeconds: 200, agents: n, patienceSeconds: p });
        expect(Math.abs(r.abandonProbability - e.abandonProbability)).toBeLessThanOrEqual(1e-9 * e.abandonProbability + 1e-15);
        for (const k of r.classes) {
          // at T = 45 mean patiences, P(answered after T) < e^-45: SL(T) = 1 - P(Ab)
          expect(Math.abs(k.serviceLevel - (1 - k.abandonProbability)), `class ${k.name}`).toBeLessThan(1e-9);
          expect(k.truncationError).toBeLessThan(1e-12);
        }
      }),
      runs,
    );
  });

  it("a higher class never does worse than a lower one, and more agents never lower a class's service level", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.5, max: 150, noNaN: true }), fc.double({ min: 0.7, max: 1.4, noNaN: true }), fc.boolean(), shares, (a, f, patient, s) => {
        const n = Math.max(1, Math.round(a * f));
        const options = { trafficErlangs: a, ahtSeconds: 200, classes: s.map((share, i) => ({ name: `c${i}`, share })), ...(patient ? { patienceSeconds: 120 } : {}) };
        const r = priorityQueue({ ...options, agents: n });
        const more = priorityQueue({ ...options, agents: n + 1 });
        r.classes.forEach((k, i) => {
          expect(k.serviceLevel).toBeGreaterThanOrEqual(0);
          expect(k.serviceLevel).toBeLessThanOrEqual(1);
          if (i > 0) expect(k.serviceLevel).toBeLessThanOrEqual(r.classes[i - 1]!.serviceLevel + 1e-12);
          expect(more.classes[i]!.serviceLevel).toBeGreaterThanOrEqual(k.serviceLevel - 1e-12);
        });
      }),
      runs,
    );
  });

  it("a lower class can be unstable while the classes above it are served (no patience, N <= A)", () => {
    const r = priorityQueue({ trafficErlangs: 100, ahtSeconds: 180, agents: 95, classes: [{ name: "vip", share: 0.2 }, { name: "regular", share: 0.8 }] });
    expect(r.classes[0]!.stable).toBe(true);
    expect(r.classes[0]!.serviceLevel).toBeGreaterThan(0.99);
    expect(r.classes[1]).toMatchObject({ stable: false, serviceLevel: 0, asaSeconds: Number.POSITIVE_INFINITY });
    expect(r.stable).toBe(false);
  });
});

describe("requiredAgentsPriority", () => {
  it("with one class equals requiredAgents (Erlang C and Erlang A)", () => {
    for (const a of [2, 17.5, 100, 350]) {
      const c = requiredAgents({ trafficErlangs: a, ahtSeconds: 180, targetServiceLevel: 0.8, targetAnswerSeconds: 20 });
      const pc = requiredAgentsPriority({ trafficErlangs: a, ahtSeconds: 180, classes: [{ name: "all", share: 1, targetServiceLevel: 0.8, targetAnswerSeconds: 20 }] });
      expect(pc.agents).toBe(c.agents);
      const e = requiredAgents({ trafficErlangs: a, ahtSeconds: 180, patienceSeconds: 100, targetServiceLevel: 0.8, maxAbandonProbability: 0.03 });
      const pe = requiredAgentsPriority({ trafficErlangs: a, ahtSeconds: 180, patienceSeconds: 100, classes: [{ name: "all", share: 1, targetServiceLevel: 0.8, maxAbandonProbability: 0.03 }] });
      expect(pe.agents).toBe(e.agents);
    }
  });

  it("meets every class's target, and one fewer agent misses one (named in bindingClasses)", () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 200, noNaN: true }), fc.double({ min: 0.02, max: 0.5, noNaN: true }), fc.double({ min: 0.6, max: 0.95, noNaN: true }), (a, vip, sl) => {
        const classes = [
          { name: "vip", share: vip, targetServiceLevel: 0.9, targetAnswerSeconds: 10 },
          { name: "regular", share: 1 - vip, targetServiceLevel: sl, targetAnswerSeconds: 20 },
        ];
        const r = requiredAgentsPriority({ trafficErlangs: a, ahtSeconds: 180, classes });
        if (!r.feasible) throw new Error(r.reason);
        r.metrics.classes.forEach((k, i) => expect(k.serviceLevel).toBeGreaterThanOrEqual(classes[i]!.targetServiceLevel));
        expect(r.bindingClasses.length).toBeGreaterThan(0);
        for (const name of r.bindingClasses) {
          const i = classes.findIndex((c) => c.name === name);
          expect(r.atOneFewer!.classes[i]!.serviceLevel).toBeLessThan(classes[i]!.targetServiceLevel);
        }
      }),
      { ...runs, numRuns: 40 },
    );
  });

  it("a class target no pool meets is feasible: false naming the class", () => {
    const r = requiredAgentsPriority({ trafficErlangs: 10, ahtSeconds: 180, classes: [{ name: "vip", share: 0.1, targetServiceLevel: 1 }, { name: "regular", share: 0.9, targetServiceLevel: 0.8 }] });
    expect(r).toMatchObject({ feasible: false, agents: null });
    expect(!r.feasible && r.reason).toBe('class "vip": a service level of 100% is never reached: some calls always wait longer than the target time while traffic is positive');
  });

  it("shares not summing to 100% are an error naming the classes", () => {
    expect(() => priorityQueue({ trafficErlangs: 10, ahtSeconds: 180, agents: 12, classes: [{ name: "vip", share: 0.1 }, { name: "regular", share: 0.8 }] })).toThrow(
      "priorityQueue: classes must be shares summing to 100% (got 90%: vip 10%, regular 80%), got [0.1,0.8]",
    );
    expect(() => priorityQueue({ trafficErlangs: 10, ahtSeconds: 180, agents: 12, classes: [] })).toThrow(WfmError);
    expect(() => priorityQueue({ trafficErlangs: 10, ahtSeconds: 180, agents: 12, patienceSeconds: 0, classes: [{ name: "a", share: 1 }] })).toThrow(/patienceSeconds must be a positive finite number/);
  });
});
