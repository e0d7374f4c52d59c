/**
 * The simulator as referee: priority classes (with and without patience) and Erlang X redials
 * agree with the discrete-event simulation (exponential handle times and patience, the models'
 * assumptions) within 3 standard errors, on a grid of cases. Seeded, so the outcome is fixed.
 * The simulator has no lines (trunks), so Erlang X's blocking is checked by its exact limits only
 * (erlang-x.test.ts).
 */
import { describe, expect, it } from "vitest";
import { erlangX, priorityQueue } from "../../src/queueing/index.js";
import { simulate, type SimulatedEstimate, type SimulationContactType } from "../../src/simulation/index.js";

const exp = (meanSeconds: number) => ({ kind: "exponential" as const, meanSeconds });
const intervalSeconds = 1800;
const hours = 8;
const intervals = (hours * 3600) / intervalSeconds;

function run(types: SimulationContactType[], agents: number) {
  return simulate({
    intervalSeconds,
    intervalsPerDay: intervals,
    contactTypes: types,
    agentGroups: [{ name: "pool", skills: types.map((t) => t.name), agents }],
    replications: 20,
    seed: 13,
    warmupSeconds: 3600,
  }).period.contactTypes;
}

function within3(label: string, simulated: SimulatedEstimate, model: number): void {
  const se = simulated.standardError!;
  expect(Math.abs(model - simulated.mean!), `${label}: model ${model}, simulated ${simulated.mean} ± ${se} (SE)`).toBeLessThanOrEqual(3 * se + 1e-12);
}

describe("priority classes vs the simulator", () => {
  const cases: { a: number; aht: number; n: number; patience?: number; shares: number[]; t: number[] }[] = [
    { a: 40, aht: 180, n: 42, patience: 120, shares: [0.2, 0.8], t: [10, 20] },
    { a: 40, aht: 180, n: 43, shares: [0.2, 0.8], t: [10, 20] },
    { a: 20, aht: 240, n: 21, patience: 200, shares: [0.1, 0.3, 0.6], t: [10, 15, 30] },
    { a: 8, aht: 300, n: 10, shares: [0.3, 0.3, 0.4], t: [5, 20, 60] },
  ];
  it.each(cases)("$a Erlangs on $n agents, shares $shares, patience $patience", ({ a, aht, n, patience, shares, t }) => {
    const calls = (a * intervalSeconds) / aht;
    const types = shares.map((share, i) => ({
      name: `c${i}`,
      volumes: Array<number>(intervals).fill(calls * share),
      handleTime: exp(aht),
      ...(patience !== undefined ? { patience: exp(patience) } : {}),
      priority: shares.length - i,
      targetAnswerSeconds: t[i]!,
    }));
    const simulated = run(types, n);
    const model = priorityQueue({
      trafficErlangs: a,
      ahtSeconds: aht,
      agents: n,
      ...(patience !== undefined ? { patienceSeconds: patience } : {}),
      classes: shares.map((share, i) => ({ name: `c${i}`, share, targetAnswerSeconds: t[i]! })),
    });
    model.classes.forEach((k, i) => {
      const s = simulated[i]!;
      within3(`${k.name} service level`, s.serviceLevel, k.serviceLevel);
      within3(`${k.name} mean wait`, s.meanWaitSeconds, k.asaSeconds);
      within3(`${k.name} wait probability`, s.waitProbability, k.waitProbability);
      if (patience !== undefined) within3(`${k.name} abandonment`, s.abandonRate, k.abandonProbability);
    });
  });
});

describe("Erlang X redials vs the simulator", () => {
  const cases = [
    { a: 40, n: 38, patience: 120, r: 0.6, delay: 300 },
    { a: 40, n: 42, patience: 60, r: 0.8, delay: 600 },
    { a: 15, n: 14, patience: 90, r: 0.4, delay: 180 },
  ];
  it.each(cases)("$a Erlangs on $n agents, patience $patience s, redial $r after $delay s", ({ a, n, patience, r, delay }) => {
    const aht = 180;
    const calls = (a * intervalSeconds) / aht;
    const [s] = run([{ name: "x", volumes: Array<number>(intervals).fill(calls), handleTime: exp(aht), patience: exp(patience), redial: { probability: r, delay: exp(delay) } }], n);
    const x = erlangX({ trafficErlangs: a, ahtSeconds: aht, agents: n, patienceSeconds: patience, redialShare: r, redialDelaySeconds: delay });
    const attempts = (x.effectiveTrafficErlangs * hours * 3600) / aht;
    within3("service level", s!.serviceLevel, x.serviceLevel);
    within3("abandonment", s!.abandonRate, x.abandonProbability);
    within3("attempts", s!.offered, attempts);
    within3("redials", s!.redials, x.redialAttemptShare * attempts);
  });
});
