import { describe, expect, it } from "vitest";
import { WfmError } from "../../src/errors.js";
import { erlangA, erlangC } from "../../src/queueing/index.js";
import { simulate, simulateBatch, summarizeSimulation, type SimulationOptions } from "../../src/simulation/index.js";

/** One steady voice queue: `calls` per 30-minute interval for `intervals` intervals. */
function steady(o: { calls: number; ahtSeconds: number; agents: number; patienceSeconds?: number; intervals?: number; replications?: number; seed?: number; warmupSeconds?: number }): SimulationOptions {
  return {
    intervalSeconds: 1800,
    contactTypes: [
      {
        name: "voice",
        volumes: Array<number>(o.intervals ?? 16).fill(o.calls),
        handleTime: { kind: "exponential", meanSeconds: o.ahtSeconds },
        ...(o.patienceSeconds !== undefined ? { patience: { kind: "exponential" as const, meanSeconds: o.patienceSeconds } } : {}),
      },
    ],
    agentGroups: [{ name: "team", skills: ["voice"], agents: o.agents }],
    replications: o.replications ?? 20,
    seed: o.seed ?? 7,
    warmupSeconds: o.warmupSeconds ?? 3600,
  };
}

const within = (model: number, sim: { mean: number | null; standardError: number | null }, k: number, what: string) => {
  const diff = Math.abs(model - sim.mean!);
  if (!(diff <= k * sim.standardError!)) throw new Error(`${what}: model ${model}, simulation ${sim.mean} ± ${sim.standardError} (SE)`);
};

describe("simulate: single skill", () => {
  it("agrees with Erlang C on the textbook case (100 calls / 30 min, 180 s, 13 agents)", () => {
    const r = simulate(steady({ calls: 100, ahtSeconds: 180, agents: 13 }));
    const model = erlangC({ callsPerInterval: 100, intervalSeconds: 1800, ahtSeconds: 180, agents: 13, targetAnswerSeconds: 20 });
    const v = r.period.contactTypes[0]!;
    within(model.serviceLevel, v.serviceLevel, 3, "SL");
    within(model.waitProbability, v.waitProbability, 3, "P(wait)");
    within(model.asaSeconds, v.asaSeconds, 3, "ASA");
    within(model.occupancy, r.period.agentGroups[0]!.occupancy, 3, "occupancy");
  });

  it("agrees with Erlang A with abandonment (11 agents, patience 300 s)", () => {
    const r = simulate(steady({ calls: 100, ahtSeconds: 180, agents: 11, patienceSeconds: 300 }));
    const model = erlangA({ callsPerInterval: 100, intervalSeconds: 1800, ahtSeconds: 180, agents: 11, patienceSeconds: 300, targetAnswerSeconds: 20 });
    const v = r.period.contactTypes[0]!;
    within(model.serviceLevel, v.serviceLevel, 3, "SL");
    within(model.abandonProbability, v.abandonRate, 3, "abandon");
    within(model.asaSeconds, v.meanWaitSeconds, 3, "mean wait");
    within(model.occupancy, r.period.agentGroups[0]!.occupancy, 3, "occupancy");
  });

  it("is deterministic for a seed, and batches merge to the same result", () => {
    const o = steady({ calls: 50, ahtSeconds: 200, agents: 7, patienceSeconds: 60, intervals: 4, replications: 6 });
    const whole = simulate(o);
    expect(simulate(o)).toEqual(whole);
    const merged = summarizeSimulation(o, [simulateBatch(o, { firstReplication: 0, replications: 2 }), simulateBatch(o, { firstReplication: 2, replications: 4 })]);
    expect(merged.period.contactTypes[0]!.offered.mean).toBe(whole.period.contactTypes[0]!.offered.mean);
    expect(merged.period.contactTypes[0]!.serviceLevel.mean).toBeCloseTo(whole.period.contactTypes[0]!.serviceLevel.mean!, 12);
    expect(merged.replications).toBe(6);
  });
});

describe("simulate: bad input", () => {
  it("names every problem at once", () => {
    let caught: unknown;
    try {
      simulate({
        intervalSeconds: 900,
        contactTypes: [
          { name: "voice", volumes: [10, 10], handleTime: { kind: "lognormal", meanSeconds: -5, cv: 0.5 } },
          { name: "email", volumes: [1, 1], handleTime: { kind: "exponential", meanSeconds: 300 } },
        ],
        agentGroups: [{ name: "a", skills: ["voice", "chat"], agents: [3] }],
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(WfmError);
    expect((caught as WfmError).problems.map((p) => p.message)).toEqual([
      "simulate: contactTypes[0].handleTime.meanSeconds must be a positive finite number, got -5",
      "simulate: agentGroups[0].agents: covers 1 intervals, the volumes cover 2: give one headcount per interval",
      'simulate: agentGroups[0].skills[1]: no contact type is named "chat" (contact types: voice, email)',
      'simulate: contactTypes[1].name: no agent group serves contact type "email": add it to some group\'s skills',
    ]);
  });
});
