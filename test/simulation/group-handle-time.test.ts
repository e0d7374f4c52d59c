import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { erlangC } from "../../src/queueing/index.js";
import { simulate, type SimulatedEstimate, type SimulationOptions } from "../../src/simulation/index.js";

// Handle time per agent group (`skills[].handleTimeMeanSeconds`): the service time drawn depends
// on the group that serves the contact. Checked against independent values: two dedicated groups
// are two Erlang C queues with their own AHT; one type served by a fast and a slow group is a
// small continuous-time Markov chain solved here exactly (its own code, no simulator code).

const within3Se = (model: number, sim: SimulatedEstimate) => Math.abs(model - sim.mean!) <= 3 * sim.standardError! + 1e-12;

describe("handle time per agent group: two dedicated groups", () => {
  it("equals two Erlang C queues with the groups' own handle times, within 3 SE", () => {
    const hours = 40;
    const intervals = hours * 2;
    // Type a: 100 calls / 30 min, drawn at 180 s, served by group A at 240 s (13.33 Erlangs, 16 agents).
    // Type b: 60 calls / 30 min, drawn at 300 s, served by group B at 200 s (6.67 Erlangs, 9 agents).
    const options: SimulationOptions = {
      intervalSeconds: 1800,
      intervalsPerDay: intervals,
      contactTypes: [
        { name: "a", volumes: new Array<number>(intervals).fill(100), handleTime: { kind: "exponential", meanSeconds: 180 }, targetAnswerSeconds: 20 },
        { name: "b", volumes: new Array<number>(intervals).fill(60), handleTime: { kind: "exponential", meanSeconds: 300 }, targetAnswerSeconds: 30 },
      ],
      agentGroups: [
        { name: "A", skills: [{ contactType: "a", handleTimeMeanSeconds: 240 }], agents: 16 },
        { name: "B", skills: [{ contactType: "b", handleTimeMeanSeconds: 200 }], agents: 9 },
      ],
      replications: 20,
      seed: 20261201,
      warmupSeconds: 7200,
    };
    const result = simulate(options);
    const a = erlangC({ callsPerInterval: 100, intervalSeconds: 1800, ahtSeconds: 240, agents: 16, targetAnswerSeconds: 20 });
    const b = erlangC({ callsPerInterval: 60, intervalSeconds: 1800, ahtSeconds: 200, agents: 9, targetAnswerSeconds: 30 });
    const [sa, sb] = result.period.contactTypes;
    const rows = [
      `a SL model ${a.serviceLevel} sim ${sa!.serviceLevel.mean} ± ${sa!.serviceLevel.standardError}`,
      `a P(wait) model ${a.waitProbability} sim ${sa!.waitProbability.mean} ± ${sa!.waitProbability.standardError}`,
      `a AHT 240 sim ${sa!.ahtSeconds.mean} ± ${sa!.ahtSeconds.standardError}`,
      `b SL model ${b.serviceLevel} sim ${sb!.serviceLevel.mean} ± ${sb!.serviceLevel.standardError}`,
      `b P(wait) model ${b.waitProbability} sim ${sb!.waitProbability.mean} ± ${sb!.waitProbability.standardError}`,
      `b AHT 200 sim ${sb!.ahtSeconds.mean} ± ${sb!.ahtSeconds.standardError}`,
    ].join("\n");
    expect(within3Se(a.serviceLevel, sa!.serviceLevel), rows).toBe(true);
    expect(within3Se(a.waitProbability, sa!.waitProbability), rows).toBe(true);
    expect(within3Se(240, sa!.ahtSeconds), rows).toBe(true);
    expect(within3Se(b.serviceLevel, sb!.serviceLevel), rows).toBe(true);
    expect(within3Se(b.waitProbability, sb!.waitProbability), rows).toBe(true);
    expect(within3Se(200, sb!.ahtSeconds), rows).toBe(true);
  });
});

/**
 * The exact steady state of one Poisson stream (rate λ) served by a fast group F (nF agents,
 * rate μF each) and a slow group S (nS agents, rate μS), as the simulator routes it: an arrival
 * goes to F when an F agent is free, else to S, else waits in one FIFO queue; a freed agent takes
 * the head of the queue. States (busy F, busy S, queue length q), q > 0 only with everyone busy,
 * truncated at q = Q; the balance equations are solved by Gaussian elimination. Returns the
 * probability of waiting, the service level within T (a contact finding q waiting waits an
 * Erlang(q + 1, nF μF + nS μS) time) and the mean handle time of answered contacts.
 */
function heterogeneousServers(lambda: number, nF: number, muF: number, nS: number, muS: number, targetSeconds: number, Q = 400) {
  const idx = (f: number, s: number) => f * (nS + 1) + s;
  const base = (nF + 1) * (nS + 1);
  const full = idx(nF, nS);
  const n = base + Q;
  const stateOf = (f: number, s: number, q: number) => (q === 0 ? idx(f, s) : base + q - 1);
  // Generator A (row = from), then solve π A = 0, Σ π = 1.
  const A = Array.from({ length: n }, () => new Float64Array(n));
  const add = (from: number, to: number, rate: number) => {
    A[from]![to]! += rate;
    A[from]![from]! -= rate;
  };
  for (let f = 0; f <= nF; f++) {
    for (let s = 0; s <= nS; s++) {
      const from = idx(f, s);
      if (f < nF) add(from, idx(f + 1, s), lambda);
      else if (s < nS) add(from, idx(f, s + 1), lambda);
      else add(from, stateOf(nF, nS, 1), lambda);
      if (f > 0) add(from, idx(f - 1, s), f * muF);
      if (s > 0) add(from, idx(f, s - 1), s * muS);
    }
  }
  for (let q = 1; q <= Q; q++) {
    const from = stateOf(nF, nS, q);
    if (q < Q) add(from, stateOf(nF, nS, q + 1), lambda);
    add(from, stateOf(nF, nS, q - 1), nF * muF + nS * muS);
  }
  // Transpose into M x = 0 with the last equation replaced by Σ x = 1.
  const M = Array.from({ length: n }, (_, i) => Float64Array.from({ length: n + 1 }, (_, j) => (j < n ? A[j]![i]! : 0)));
  M[n - 1]!.fill(1);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(M[r]![col]!) > Math.abs(M[pivot]![col]!)) pivot = r;
    [M[col], M[pivot]] = [M[pivot]!, M[col]!];
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const factor = M[r]![col]! / M[col]![col]!;
      if (factor === 0) continue;
      for (let j = col; j <= n; j++) M[r]![j]! -= factor * M[col]![j]!;
    }
  }
  const pi = M.map((row, i) => row[n]! / row[i]!);
  // PASTA: an arrival sees the stationary state.
  const rate = nF * muF + nS * muS;
  let wait = pi[full]!;
  let sl = 0;
  for (let q = 1; q <= Q; q++) wait += pi[stateOf(nF, nS, q)]!;
  // P(Erlang(k, rate) <= T) = 1 − Σ_{i<k} e^{−rate T} (rate T)^i / i!
  const cdf = (k: number) => {
    let term = Math.exp(-rate * targetSeconds);
    let sum = term;
    for (let i = 1; i < k; i++) {
      term *= (rate * targetSeconds) / i;
      sum += term;
    }
    return 1 - sum;
  };
  sl = 1 - wait + pi[full]! * cdf(1);
  for (let q = 1; q < Q; q++) sl += pi[stateOf(nF, nS, q)]! * cdf(q + 1);
  // Throughput per group: busy F agents × μF; mean handle time = Σ busy / Σ throughput.
  let busyF = 0;
  let busyS = 0;
  for (let f = 0; f <= nF; f++) for (let s = 0; s <= nS; s++) (busyF += f * pi[idx(f, s)]!), (busyS += s * pi[idx(f, s)]!);
  for (let q = 1; q <= Q; q++) (busyF += nF * pi[stateOf(nF, nS, q)]!), (busyS += nS * pi[stateOf(nF, nS, q)]!);
  const aht = (busyF + busyS) / (busyF * muF + busyS * muS);
  return { waitProbability: wait, serviceLevel: sl, ahtSeconds: aht };
}

describe("handle time per agent group: one type, a fast and a slow group", () => {
  it("matches the exact Markov chain within 3 SE", () => {
    // λ = 1 call / 30 s; F: 2 agents at 60 s; S: 2 agents at 150 s (capacity 1/30 + 1/75 per s, load 71%).
    const exact = heterogeneousServers(1 / 30, 2, 1 / 60, 2, 1 / 150, 20);
    const intervals = 100;
    const result = simulate({
      intervalSeconds: 1800,
      intervalsPerDay: intervals,
      contactTypes: [{ name: "calls", volumes: new Array<number>(intervals).fill(60), handleTime: { kind: "exponential", meanSeconds: 100 }, targetAnswerSeconds: 20 }],
      agentGroups: [
        { name: "fast", skills: [{ contactType: "calls", handleTimeMeanSeconds: 60 }], agents: 2 },
        { name: "slow", skills: [{ contactType: "calls", handleTimeMeanSeconds: 150 }], agents: 2 },
      ],
      replications: 20,
      seed: 7,
      warmupSeconds: 3600,
    });
    const s = result.period.contactTypes[0]!;
    const rows = [
      `SL exact ${exact.serviceLevel} sim ${s.serviceLevel.mean} ± ${s.serviceLevel.standardError}`,
      `P(wait) exact ${exact.waitProbability} sim ${s.waitProbability.mean} ± ${s.waitProbability.standardError}`,
      `AHT exact ${exact.ahtSeconds} sim ${s.ahtSeconds.mean} ± ${s.ahtSeconds.standardError}`,
    ].join("\n");
    expect(within3Se(exact.serviceLevel, s.serviceLevel), rows).toBe(true);
    expect(within3Se(exact.waitProbability, s.waitProbability), rows).toBe(true);
    expect(within3Se(exact.ahtSeconds, s.ahtSeconds), rows).toBe(true);
  });

  it("the exact chain with equal speeds is Erlang C (a check of the chain itself)", () => {
    const exact = heterogeneousServers(1 / 20, 2, 1 / 60, 2, 1 / 60, 20);
    const c = erlangC({ callsPerInterval: 90, intervalSeconds: 1800, ahtSeconds: 60, agents: 4, targetAnswerSeconds: 20 });
    expect(exact.waitProbability).toBeCloseTo(c.waitProbability, 10);
    expect(exact.serviceLevel).toBeCloseTo(c.serviceLevel, 10);
  });
});

describe("handle time per agent group: laws", () => {
  it("a per-group mean equal to the type's mean changes nothing (same bytes)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 60, max: 400 }), fc.integer(), (calls, agents, aht, seed) => {
        const run = (skill: "plain" | "same") =>
          simulate({
            intervalSeconds: 900,
            contactTypes: [{ name: "x", volumes: [calls, calls], handleTime: { kind: "lognormal", meanSeconds: aht, cv: 0.8 } }],
            agentGroups: [{ name: "g", skills: [skill === "plain" ? "x" : { contactType: "x", handleTimeMeanSeconds: aht }], agents }],
            replications: 2,
            seed,
          });
        expect(JSON.stringify(run("same"))).toBe(JSON.stringify(run("plain")));
      }),
      { numRuns: 25 },
    );
  });

  it("a slower group never answers more contacts within T (same arrivals and draws)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 5, max: 60 }), fc.integer({ min: 1, max: 8 }), fc.double({ min: 1, max: 3, noNaN: true }), fc.integer(), (calls, agents, slower, seed) => {
        const run = (factor: number) =>
          simulate({
            intervalSeconds: 900,
            contactTypes: [{ name: "x", volumes: [calls], handleTime: { kind: "exponential", meanSeconds: 120 }, targetAnswerSeconds: 20 }],
            agentGroups: [{ name: "g", skills: [{ contactType: "x", handleTimeMeanSeconds: 120 * factor }], agents }],
            replications: 3,
            seed,
          }).period.contactTypes[0]!.answeredWithinTarget.mean!;
        expect(run(slower)).toBeLessThanOrEqual(run(1) + 1e-9);
      }),
      { numRuns: 25 },
    );
  });

  it("rejects a bad per-group handle time, naming the field", () => {
    expect(() =>
      simulate({
        intervalSeconds: 900,
        contactTypes: [{ name: "x", volumes: [10], handleTime: { kind: "exponential", meanSeconds: 120 } }],
        agentGroups: [{ name: "g", skills: [{ contactType: "x", handleTimeMeanSeconds: -5 }], agents: 2 }],
      }),
    ).toThrow("simulate: agentGroups[0].skills[0].handleTimeMeanSeconds must be a positive finite number, got -5");
  });
});
