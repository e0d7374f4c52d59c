/**
 * Priority classes with their own handle times and patience (the exact chain of
 * src/queueing/priority-ctmc.ts): it reproduces the closed form (an independent derivation:
 * Cobham's formula, Erlang C/A and the birth-death first passage) when the classes share handle
 * time and patience, agrees with the simulator within 3 standard errors on a grid, obeys
 * conservation and monotonicity laws, and refuses chains above its state limit.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { WfmError } from "../../src/errors.js";
import { maxPriorityCtmcStates, priorityQueue, requiredAgentsPriority } from "../../src/queueing/index.js";
import { solvePriorityCtmc } from "../../src/queueing/priority-ctmc.js";
import { simulate } from "../../src/simulation/index.js";

describe("priority chain: the closed form when the classes share handle time and patience", () => {
  const cases = [
    { a: 6, n: 8, aht: 180, patience: null, shares: [0.2, 0.8], t: [10, 20] },
    { a: 6, n: 7, aht: 180, patience: 90, shares: [0.2, 0.8], t: [10, 20] },
    { a: 4, n: 6, aht: 240, patience: 200, shares: [0.1, 0.3, 0.6], t: [5, 15, 30] },
    { a: 2, n: 5, aht: 120, patience: null, shares: [0.3, 0.3, 0.4], t: [5, 20, 60] },
  ] as const;
  it.each(cases)("$a Erlangs on $n agents, shares $shares, patience $patience", ({ a, n, aht, patience, shares, t }) => {
    const closed = priorityQueue({
      trafficErlangs: a,
      ahtSeconds: aht,
      agents: n,
      ...(patience !== null ? { patienceSeconds: patience } : {}),
      classes: shares.map((share, i) => ({ name: `c${i}`, share, targetAnswerSeconds: t[i]! })),
    });
    const chain = solvePriorityCtmc(
      "test",
      n,
      shares.map((share, i) => ({ arrivalRate: (a / aht) * share, serviceRate: 1 / aht, abandonRate: patience === null ? 0 : 1 / patience, answerSeconds: t[i]! })),
    );
    chain.classes.forEach((c, i) => {
      const k = closed.classes[i]!;
      const tolerance = 1e-8 + c.truncationError + k.truncationError;
      expect(Math.abs(c.serviceLevel - k.serviceLevel)).toBeLessThanOrEqual(tolerance);
      expect(Math.abs(c.waitProbability - k.waitProbability)).toBeLessThanOrEqual(tolerance);
      expect(Math.abs(c.asaSeconds - k.asaSeconds)).toBeLessThanOrEqual(1e-7 * Math.max(1, k.asaSeconds));
      expect(Math.abs(c.abandonProbability - k.abandonProbability)).toBeLessThanOrEqual(1e-8);
      expect(c.truncationError).toBeLessThan(1e-8);
    });
  });

  it("one class is Erlang C / Erlang A through the chain (priorityQueue with the class's own AHT)", () => {
    const viaClass = priorityQueue({ trafficErlangs: 5, ahtSeconds: 200, agents: 7, classes: [{ name: "all", share: 1, ahtSeconds: 100, patienceSeconds: 60 }] });
    const direct = priorityQueue({ trafficErlangs: 2.5, ahtSeconds: 100, agents: 7, patienceSeconds: 60, classes: [{ name: "all", share: 1 }] });
    expect(viaClass.chain).toBeDefined();
    expect(viaClass.trafficErlangs).toBeCloseTo(2.5, 12);
    expect(Math.abs(viaClass.classes[0]!.serviceLevel - direct.classes[0]!.serviceLevel)).toBeLessThan(1e-8);
    expect(Math.abs(viaClass.classes[0]!.asaSeconds - direct.classes[0]!.asaSeconds)).toBeLessThan(1e-7);
  });
});

describe("priority chain vs the simulator (own handle times and patience per class)", () => {
  const exp = (meanSeconds: number) => ({ kind: "exponential" as const, meanSeconds });
  const intervalSeconds = 1800;
  const intervals = 16;
  const cases: { calls: number; n: number; classes: { share: number; aht: number; patience?: number; t: number }[] }[] = [
    { calls: 60, n: 9, classes: [{ share: 0.3, aht: 300, patience: 60, t: 10 }, { share: 0.7, aht: 150, patience: 180, t: 20 }] },
    { calls: 50, n: 8, classes: [{ share: 0.2, aht: 120, t: 10 }, { share: 0.8, aht: 240, t: 30 }] },
    { calls: 40, n: 7, classes: [{ share: 0.2, aht: 200, patience: 90, t: 10 }, { share: 0.3, aht: 300, patience: 120, t: 20 }, { share: 0.5, aht: 150, patience: 240, t: 30 }] },
  ];
  it.each(cases)("$calls calls per half hour on $n agents", ({ calls, n, classes }) => {
    const sim = simulate({
      intervalSeconds,
      intervalsPerDay: intervals,
      contactTypes: classes.map((c, i) => ({
        name: `c${i}`,
        volumes: Array<number>(intervals).fill(calls * c.share),
        handleTime: exp(c.aht),
        ...(c.patience !== undefined ? { patience: exp(c.patience) } : {}),
        priority: classes.length - i,
        targetAnswerSeconds: c.t,
      })),
      agentGroups: [{ name: "pool", skills: classes.map((_, i) => `c${i}`), agents: n }],
      replications: 20,
      seed: 29,
      warmupSeconds: 3600,
    }).period.contactTypes;
    const model = priorityQueue({
      callsPerInterval: calls,
      intervalSeconds,
      ahtSeconds: 200,
      agents: n,
      classes: classes.map((c, i) => ({ name: `c${i}`, share: c.share, ahtSeconds: c.aht, targetAnswerSeconds: c.t, ...(c.patience !== undefined ? { patienceSeconds: c.patience } : {}) })),
    });
    expect(model.chain).toBeDefined();
    model.classes.forEach((k, i) => {
      const s = sim[i]!;
      for (const [label, simulated, value] of [
        ["service level", s.serviceLevel, k.serviceLevel],
        ["mean wait", s.meanWaitSeconds, k.asaSeconds],
        ["wait probability", s.waitProbability, k.waitProbability],
        ["abandonment", s.abandonRate, k.abandonProbability],
      ] as const) {
        expect(Math.abs(value - simulated.mean!), `${k.name} ${label}: model ${value}, simulated ${simulated.mean} ± ${simulated.standardError}`).toBeLessThanOrEqual(3 * simulated.standardError! + 1e-12);
      }
    });
  });
});

describe("priority chain: laws", () => {
  const arbitrary = fc.record({
    calls: fc.integer({ min: 5, max: 40 }),
    extra: fc.integer({ min: 1, max: 3 }),
    aht: fc.tuple(fc.integer({ min: 60, max: 400 }), fc.integer({ min: 60, max: 400 })),
    patience: fc.tuple(fc.integer({ min: 30, max: 400 }), fc.integer({ min: 30, max: 400 })),
    share: fc.integer({ min: 1, max: 9 }).map((x) => x / 10),
  });
  it("one more agent never lowers a class's service level nor raises its ASA or abandonment; abandonment is theta x ASA", () => {
    fc.assert(
      fc.property(arbitrary, ({ calls, extra, aht, patience, share }) => {
        const classes = [
          { name: "a", share, ahtSeconds: aht[0], patienceSeconds: patience[0] },
          { name: "b", share: 1 - share, ahtSeconds: aht[1], patienceSeconds: patience[1] },
        ];
        const load = (calls / 1800) * (share * aht[0] + (1 - share) * aht[1]);
        const n = Math.max(1, Math.round(load) - 1 + extra);
        const at = (agents: number) => priorityQueue({ callsPerInterval: calls, intervalSeconds: 1800, ahtSeconds: 180, agents, classes });
        const one = at(n);
        const more = at(n + 1);
        one.classes.forEach((c, i) => {
          const m = more.classes[i]!;
          const slack = 1e-8 + c.truncationError + m.truncationError;
          expect(m.serviceLevel).toBeGreaterThanOrEqual(c.serviceLevel - slack);
          expect(m.asaSeconds).toBeLessThanOrEqual(c.asaSeconds * (1 + 1e-8) + 1e-9);
          expect(c.abandonProbability).toBeCloseTo(c.asaSeconds / classes[i]!.patienceSeconds, 10);
        });
        // carried work: the busy agents equal the answered calls' work (Little's law on the agents)
        const answeredWork = one.classes.reduce((x, c) => x + c.trafficErlangs * (1 - c.abandonProbability), 0);
        expect(one.occupancy * n).toBeCloseTo(answeredWork, 6);
      }),
      { numRuns: 15, seed: 20261201 },
    );
  });

  it("requiredAgentsPriority meets every class's target at N and misses one at N - 1", () => {
    const r = requiredAgentsPriority({
      callsPerInterval: 60,
      intervalSeconds: 1800,
      ahtSeconds: 200,
      classes: [
        { name: "vip", share: 0.2, ahtSeconds: 300, patienceSeconds: 60, targetServiceLevel: 0.9, targetAnswerSeconds: 10 },
        { name: "regular", share: 0.8, ahtSeconds: 150, patienceSeconds: 180, targetServiceLevel: 0.8, targetAnswerSeconds: 20 },
      ],
    });
    expect(r.feasible).toBe(true);
    if (!r.feasible) return;
    expect(r.metrics.classes[0]!.serviceLevel).toBeGreaterThanOrEqual(0.9);
    expect(r.metrics.classes[1]!.serviceLevel).toBeGreaterThanOrEqual(0.8);
    const fewer = r.atOneFewer!;
    expect(fewer.classes[0]!.serviceLevel < 0.9 || fewer.classes[1]!.serviceLevel < 0.8).toBe(true);
    expect(r.bindingClasses.length).toBeGreaterThan(0);
  });
});

describe("priority chain: limits and bad input", () => {
  it("refuses a chain above the state limit, naming agents and the limit", () => {
    const run = () =>
      priorityQueue({ trafficErlangs: 300, ahtSeconds: 180, agents: 310, classes: [{ name: "a", share: 0.2, ahtSeconds: 120 }, { name: "b", share: 0.3 }, { name: "c", share: 0.5 }] });
    expect(run).toThrow(WfmError);
    expect(run).toThrow(/above the limit of 600,000/);
    expect(maxPriorityCtmcStates).toBe(600_000);
  });
  it("a non-positive class handle time or patience is an error naming the field", () => {
    expect(() => priorityQueue({ trafficErlangs: 3, ahtSeconds: 180, agents: 4, classes: [{ name: "a", share: 1, ahtSeconds: 0 }] })).toThrow(/classes\[0\]\.ahtSeconds/);
    expect(() => priorityQueue({ trafficErlangs: 3, ahtSeconds: 180, agents: 4, classes: [{ name: "a", share: 1, patienceSeconds: -1 }] })).toThrow(/classes\[0\]\.patienceSeconds/);
  });
  it("no patience and offered work at or above N: unstable, no NaN", () => {
    const r = priorityQueue({ trafficErlangs: 5, ahtSeconds: 180, agents: 5, classes: [{ name: "a", share: 0.5, ahtSeconds: 240 }, { name: "b", share: 0.5 }] });
    expect(r.stable).toBe(false);
    expect(r.classes.every((c) => c.serviceLevel === 0)).toBe(true);
  });
});
