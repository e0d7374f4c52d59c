/**
 * One test per documented edge case of the queueing engine: zero traffic, no agents, unstable
 * Erlang C, unattainable targets, option validation (errors name the option), shrinkage rounding,
 * and the limits of Erlang A. Values without a cited source are limits that follow from the
 * definitions (stated in each test).
 */
import { describe, expect, it } from "vitest";
import { WfmError } from "../../src/errors.js";
import { erlangA, erlangB, erlangC, requiredAgents } from "../../src/queueing/index.js";

const classic = { callsPerInterval: 100, intervalSeconds: 1800, ahtSeconds: 180 };

function errorOf(fn: () => unknown): WfmError {
  try {
    fn();
  } catch (error) {
    if (error instanceof WfmError) return error;
    throw error;
  }
  throw new Error("expected a WfmError");
}

describe("zero traffic", () => {
  it("needs zero agents under every model (reference C-ZERO-TRAFFIC)", () => {
    const c = requiredAgents({ ...classic, callsPerInterval: 0, targetServiceLevel: 0.8 });
    expect(c).toMatchObject({ feasible: true, agents: 0, scheduledAgents: 0, serviceLevel: 1, waitProbability: 0, asaSeconds: 0, atOneFewer: null });
    expect(requiredAgents({ trafficErlangs: 0, maxBlocking: 0.01, model: "erlang-b" })).toMatchObject({ agents: 0, blockingProbability: 0 });
    expect(requiredAgents({ ...classic, callsPerInterval: 0, targetServiceLevel: 0.8, patienceSeconds: 60 })).toMatchObject({
      agents: 0,
      abandonProbability: 0,
      serviceLevel: 1,
    });
  });

  it("nobody waits, whatever the staffing", () => {
    for (const agents of [0, 1, 7]) {
      expect(erlangC({ ...classic, callsPerInterval: 0, agents })).toMatchObject({ waitProbability: 0, serviceLevel: 1, asaSeconds: 0, occupancy: 0 });
      expect(erlangB({ trafficErlangs: 0, lines: agents + 1 }).blockingProbability).toBe(0);
    }
    expect(erlangA({ ...classic, callsPerInterval: 0, agents: 3, patienceSeconds: 60 })).toMatchObject({ abandonProbability: 0, serviceLevel: 1 });
  });
});

describe("unstable Erlang C (N <= A): the documented limits", () => {
  it.each([10, 9, 0])("at N = %i with A = 10: waitProbability 1, serviceLevel 0, asaSeconds Infinity, stable false", (agents) => {
    const m = erlangC({ ...classic, agents, targetAnswerSeconds: 20 });
    expect(m).toMatchObject({ waitProbability: 1, serviceLevel: 0, asaSeconds: Number.POSITIVE_INFINITY, averageQueueLength: Number.POSITIVE_INFINITY, stable: false });
  });

  it("is stable just above the traffic (reference C-N-EQ-A-PLUS-1-A1000)", () => {
    const m = erlangC({ callsPerInterval: 10000, intervalSeconds: 1800, ahtSeconds: 180, agents: 1001, targetAnswerSeconds: 20 });
    expect(m.stable).toBe(true);
    expect(m.waitProbability).toBeCloseTo(0.961258205852, 11);
  });
});

describe("no agents", () => {
  it("Erlang B blocks every call; Erlang A: every caller waits and abandons, after the mean patience on average", () => {
    expect(erlangB({ trafficErlangs: 5, lines: 0 })).toMatchObject({ blockingProbability: 1, occupancy: 0, serviceLevel: 0 });
    const a = erlangA({ trafficErlangs: 5, ahtSeconds: 180, agents: 0, patienceSeconds: 60, targetAnswerSeconds: 20 });
    expect(a).toMatchObject({ waitProbability: 1, abandonProbability: 1, serviceLevel: 0, asaSeconds: 60, occupancy: 0 });
    // abandoned within 20 s with exponential patience of mean 60 s: 1 - e^(-1/3)
    expect(a.serviceLevelAnsweredOrAbandonedWithin).toBeCloseTo(1 - Math.exp(-1 / 3), 15);
  });
});

describe("unattainable targets return feasible: false with a reason", () => {
  it.each([
    ["a 100% service level", { ...classic, targetServiceLevel: 1 }, /service level of 100% is never reached/],
    ["an ASA of 0 s", { ...classic, targetAsaSeconds: 0 }, /average speed of answer of 0 s is never reached/],
    ["an occupancy cap of 0", { ...classic, targetServiceLevel: 0.8, maxOccupancy: 0 }, /occupancy of 0% is never reached/],
    ["no abandonment at all", { ...classic, patienceSeconds: 120, maxAbandonProbability: 0 }, /abandonment of 0% is never reached/],
    ["no blocking at all", { trafficErlangs: 10, model: "erlang-b" as const, maxBlocking: 0 }, /blocking of 0% is never reached/],
    ["100% answered at once (Erlang B)", { trafficErlangs: 10, model: "erlang-b" as const, targetServiceLevel: 1 }, /some calls are always blocked/],
  ])("%s", (_name, options, reason) => {
    const r = requiredAgents(options);
    expect(r.feasible).toBe(false);
    expect(r.agents).toBeNull();
    expect(r.scheduledAgents).toBeNull();
    if (!r.feasible) expect(r.reason).toMatch(reason);
  });

  it("a very high but attainable target is met exactly (99.9999999% within 20 s at 10 Erlangs)", () => {
    const r = requiredAgents({ ...classic, targetServiceLevel: 0.999999999 });
    expect(r.feasible).toBe(true);
    if (!r.feasible) return;
    expect(r.serviceLevel).toBeGreaterThanOrEqual(0.999999999);
    expect(r.atOneFewer!.serviceLevel).toBeLessThan(0.999999999);
  });
});

describe("requiredAgents", () => {
  it("binds the occupancy cap when it is stricter than the service level (reference C-CCH-REQ-occcap-0.70)", () => {
    const r = requiredAgents({ ...classic, targetServiceLevel: 0.8, targetAnswerSeconds: 20, maxOccupancy: 0.7, shrinkage: 0.3 });
    expect(r).toMatchObject({ feasible: true, agents: 15, scheduledAgents: 22 });
  });

  it("rounds scheduled agents up exactly: 21 / (1 - 0.3) = 30, though float64 gives 30.000000000000004", () => {
    expect(21 / (1 - 0.3)).toBeGreaterThan(30);
    // 15 Erlangs, ASA at most 5 s: 20 agents give 5.8 s, 21 give 3.1 s
    const r = requiredAgents({ trafficErlangs: 15, ahtSeconds: 180, targetAsaSeconds: 5, shrinkage: 0.3 });
    expect(r.feasible && r.agents).toBe(21);
    expect(r.scheduledAgents).toBe(30);
    expect(requiredAgents({ ...classic, targetServiceLevel: 0.8, shrinkage: 0.3 }).scheduledAgents).toBe(20); // reference C-CCH-REQ-80-20-shrink30
  });

  it("defaults to Erlang A when patience is given, else Erlang C", () => {
    expect(requiredAgents({ ...classic, targetServiceLevel: 0.8 }).model).toBe("erlang-c");
    expect(requiredAgents({ ...classic, targetServiceLevel: 0.8, patienceSeconds: 300 }).model).toBe("erlang-a");
  });

  it("finds Erlang A requirements below the traffic when callers are impatient (80/20, 1,000 Erlangs, patience 30 s)", () => {
    const r = requiredAgents({ trafficErlangs: 1000, ahtSeconds: 180, targetServiceLevel: 0.8, patienceSeconds: 30 });
    expect(r.feasible && r.agents).toBeLessThan(1000);
    if (r.feasible) expect(r.atOneFewer!.serviceLevel).toBeLessThan(0.8);
  });

  it("meets an ASA target alone", () => {
    const r = requiredAgents({ ...classic, targetAsaSeconds: 10 });
    expect(r).toMatchObject({ feasible: true, agents: 14 }); // ASA 17.1 s at 13, 7.8 s at 14 (reference C-CCH-N13/N14)
  });

  it("throws for a target the model does not know, or no target at all", () => {
    expect(errorOf(() => requiredAgents({ ...classic, maxBlocking: 0.01 })).message).toBe(
      'requiredAgents: maxBlocking must be absent with model "erlang-c" (blocking is an Erlang B target), got 0.01',
    );
    expect(errorOf(() => requiredAgents({ ...classic, maxAbandonProbability: 0.05 })).message).toBe(
      'requiredAgents: maxAbandonProbability must be absent with model "erlang-c" (abandonment is an Erlang A target), got 0.05',
    );
    expect(errorOf(() => requiredAgents({ ...classic })).message).toBe(
      "requiredAgents: targetServiceLevel must be given, or another target (targetAsaSeconds, maxOccupancy, maxAbandonProbability, maxBlocking), got undefined",
    );
    expect(errorOf(() => requiredAgents({ ...classic, targetServiceLevel: 80 })).message).toBe(
      "requiredAgents: targetServiceLevel must be a fraction from 0 to 1, got 80",
    );
    expect(errorOf(() => requiredAgents({ ...classic, targetServiceLevel: 0.8, shrinkage: 1 })).path).toEqual(["shrinkage"]);
  });
});

describe("option validation names the option", () => {
  it.each([
    [() => erlangC({ ...classic, ahtSeconds: -5, agents: 3 }), "erlangC: ahtSeconds must be a positive finite number, got -5"],
    [() => erlangC({ ...classic, agents: 2.5 }), "erlangC: agents must be a whole number of at least 0, got 2.5"],
    [() => erlangC({ trafficErlangs: 10, agents: 12 }), "erlangC: ahtSeconds must be a positive finite number (needed with trafficErlangs for serviceLevel and asaSeconds), got undefined"],
    [() => erlangC({ ...classic, trafficErlangs: 10, agents: 12 }), "erlangC: trafficErlangs must be given alone, not together with callsPerInterval/intervalSeconds, got 10"],
    [() => erlangB({ trafficErlangs: -1, lines: 3 }), "erlangB: trafficErlangs must be a non-negative finite number, got -1"],
    [() => erlangB({ trafficErlangs: 1, lines: 3, agents: 4 }), "erlangB: lines must be the same as agents (4) when both are given, got 3"],
    [() => erlangA({ ...classic, agents: 3, patienceSeconds: 0 }), "erlangA: patienceSeconds must be a positive finite number, got 0"],
    [() => erlangC({ ...classic, agents: 3, targetAnswerSeconds: Number.NaN }), "erlangC: targetAnswerSeconds must be a non-negative finite number, got NaN"],
  ])("%#", (fn, message) => {
    const error = errorOf(fn);
    expect(error.code).toBe("invalid-argument");
    expect(error.message).toBe(message);
  });

  it("accepts lines or agents for Erlang B, and trafficErlangs without AHT", () => {
    expect(erlangB({ trafficErlangs: 10, agents: 17 }).blockingProbability).toBe(erlangB({ trafficErlangs: 10, lines: 17 }).blockingProbability);
  });

  it("uses T = 20 s when targetAnswerSeconds is not given", () => {
    const m = erlangC({ ...classic, agents: 13 });
    expect(m.targetAnswerSeconds).toBe(20);
    expect(m.serviceLevel).toBe(erlangC({ ...classic, agents: 13, targetAnswerSeconds: 20 }).serviceLevel);
  });
});

describe("Erlang A at the ends of the patience range", () => {
  it("patience 1e9 s gives Erlang C (reference A-PATIENT-LIMIT vs C-CCH-N14)", () => {
    const a = erlangA({ ...classic, agents: 14, patienceSeconds: 1e9, targetAnswerSeconds: 20 });
    const c = erlangC({ ...classic, agents: 14, targetAnswerSeconds: 20 });
    expect(Math.abs(a.serviceLevel - c.serviceLevel)).toBeLessThan(1e-7);
    expect(Math.abs(a.waitProbability - c.waitProbability)).toBeLessThan(1e-7);
  });

  it("patience 0.001 s gives Erlang B: waiting callers abandon at once", () => {
    const a = erlangA({ ...classic, agents: 12, patienceSeconds: 0.001 });
    const b = erlangB({ trafficErlangs: 10, lines: 12 });
    expect(Math.abs(a.abandonProbability - b.blockingProbability)).toBeLessThan(1e-5);
    expect(Math.abs(a.serviceLevel - (1 - b.blockingProbability))).toBeLessThan(1e-5);
  });

  it("stays finite and in range in deep overload with long patience (N = 0.8 A, patience 1e6 s)", () => {
    const a = erlangA({ trafficErlangs: 1000, ahtSeconds: 180, agents: 800, patienceSeconds: 1e6 });
    expect(a.serviceLevel).toBeGreaterThanOrEqual(0);
    expect(a.serviceLevel).toBeLessThan(1e-100);
    // throughput is capped by the agents: P(Ab) -> 1 - N / A
    expect(a.abandonProbability).toBeCloseTo(0.2, 9);
    expect(a.occupancy).toBeCloseTo(1, 9);
  });
});
