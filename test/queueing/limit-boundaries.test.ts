/**
 * Targets met exactly at the boundary: a limit equal to the value the library reports (or, for
 * occupancy, a cap met exactly in decimal, A / N = cap) is met. Each ratio-versus-limit comparison
 * (occupancy, service level, abandonment, blocking) is decided by `withinLimit`, which allows the
 * documented tolerance of a few ulps; the laws below pin that a boundary case gives exactly N and
 * that N - 1, which misses by far more than the tolerance, still fails.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { erlangA, erlangB, erlangC, requiredAgents } from "../../src/queueing/index.js";
import { limitTolerance, withinLimit } from "../../src/queueing/limits.js";
import { requiredChatAgents } from "../../src/staffing/chat.js";
import { main } from "../../src/cli/main.js";
import { runCli } from "../support/cli.js";

const seed = Number(process.env.WFM_FC_SEED ?? 20261201);
const runs = { numRuns: 400, seed };

/** Occupancy caps from 70% to 95% in whole percent, and N up to 300. */
const capPercent = fc.integer({ min: 70, max: 95 });
const agents = fc.integer({ min: 1, max: 300 });

describe("withinLimit", () => {
  it("accepts a value equal to the limit and values within the documented tolerance, rejects beyond it", () => {
    expect(withinLimit(0.7, 0.7)).toBe(true);
    expect(withinLimit(8.4 / 12, 0.7)).toBe(true); // 0.7000000000000001: one ulp above the cap
    expect(withinLimit(0.7 * (1 + 2 * limitTolerance), 0.7)).toBe(false);
    expect(withinLimit(0.7 + 1e-12, 0.7)).toBe(false);
    expect(withinLimit(0, 0)).toBe(true);
    expect(withinLimit(Number.MIN_VALUE, 0)).toBe(false);
    expect(withinLimit(Number.NaN, 1)).toBe(false);
  });
});

describe("targets met exactly at the boundary", () => {
  it("occupancy: traffic = cap x N exactly in decimal needs exactly N agents (Erlang C), from calls or from traffic", () => {
    fc.assert(
      fc.property(capPercent, agents, (p, n) => {
        const cap = p / 100;
        // A = calls x AHT / interval: calls = p N / 10 with AHT 180 s in 1800 s gives A = p N / 100.
        const fromCalls = requiredAgents({ callsPerInterval: (p * n) / 10, intervalSeconds: 1800, ahtSeconds: 180, maxOccupancy: cap });
        const fromTraffic = requiredAgents({ trafficErlangs: (p * n) / 100, ahtSeconds: 180, maxOccupancy: cap });
        expect(fromCalls.agents, `cap ${p}% N ${n}`).toBe(n);
        expect(fromTraffic.agents, `cap ${p}% N ${n}`).toBe(n);
      }),
      runs,
    );
  });

  it("occupancy in the chat chain (one chat at a time, occupancy A / N): the boundary N is met exactly", () => {
    fc.assert(
      fc.property(capPercent, agents, (p, n) => {
        const r = requiredChatAgents({ callsPerInterval: (p * n) / 10, intervalSeconds: 1800, ahtSeconds: 180, targetServiceLevel: 0, targetAnswerSeconds: 20, maxOccupancy: p / 100 });
        expect(r.agents, `cap ${p}% N ${n}`).toBe(n);
      }),
      { numRuns: 100, seed },
    );
  });

  it("occupancy in the Erlang A search: the boundary N is met", () => {
    fc.assert(
      fc.property(capPercent, agents, (p, n) => {
        const r = requiredAgents({ callsPerInterval: (p * n) / 10, intervalSeconds: 1800, ahtSeconds: 180, maxOccupancy: p / 100, patienceSeconds: 1e9 });
        // Erlang A occupancy is carried traffic / N, below A / N: the cap is met at N or fewer, never more.
        expect(r.agents!, `cap ${p}% N ${n}`).toBeLessThanOrEqual(n);
      }),
      { numRuns: 100, seed },
    );
  });

  it("service level: a target equal to the service level reported at N needs exactly N agents (Erlang C)", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.5, max: 200, noNaN: true }), fc.integer({ min: 1, max: 20 }), fc.integer({ min: 0, max: 60 }), (a, extra, t) => {
        const n = Math.floor(a) + extra;
        const sl = erlangC({ trafficErlangs: a, ahtSeconds: 180, agents: n, targetAnswerSeconds: t }).serviceLevel;
        const below = erlangC({ trafficErlangs: a, ahtSeconds: 180, agents: n - 1, targetAnswerSeconds: t }).serviceLevel;
        fc.pre(sl < 1 && sl - below > 1e-9);
        const r = requiredAgents({ trafficErlangs: a, ahtSeconds: 180, targetServiceLevel: sl, targetAnswerSeconds: t });
        expect(r.agents, `A ${a} N ${n} T ${t} SL ${sl}`).toBe(n);
      }),
      runs,
    );
  });

  it("blocking: a cap equal to the blocking reported at N needs exactly N lines (Erlang B)", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.5, max: 500, noNaN: true }), fc.integer({ min: 1, max: 40 }), (a, extra) => {
        const n = Math.max(1, Math.floor(a) - 5 + extra);
        const b = erlangB({ trafficErlangs: a, lines: n }).blockingProbability;
        fc.pre(b >= 1e-300 && b < 1);
        const r = requiredAgents({ trafficErlangs: a, model: "erlang-b", maxBlocking: b });
        expect(r.agents, `A ${a} N ${n} B ${b}`).toBe(n);
      }),
      runs,
    );
  });

  it("abandonment: a cap equal to the abandonment reported at N needs exactly N agents (Erlang A)", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.5, max: 100, noNaN: true }), fc.integer({ min: 0, max: 15 }), fc.double({ min: 10, max: 600, noNaN: true }), (a, extra, patience) => {
        const n = Math.max(1, Math.floor(a) - 3 + extra);
        const ab = erlangA({ trafficErlangs: a, ahtSeconds: 180, agents: n, patienceSeconds: patience }).abandonProbability;
        const below = erlangA({ trafficErlangs: a, ahtSeconds: 180, agents: n - 1, patienceSeconds: patience }).abandonProbability;
        fc.pre(ab >= 1e-300 && below - ab > 1e-9);
        const r = requiredAgents({ trafficErlangs: a, ahtSeconds: 180, patienceSeconds: patience, maxAbandonProbability: ab });
        expect(r.agents, `A ${a} N ${n} patience ${patience}`).toBe(n);
      }),
      { numRuns: 200, seed },
    );
  });

  it("wfm erlang: 84 calls, 30 min, 180 s, 50/20, occupancy 70% needs 12 agents and 12 meet the cap", async () => {
    const args = ["erlang", "--calls", "84", "--interval", "30", "--aht", "180", "--target", "50/20", "--max-occupancy", "70", "--format", "json"];
    const solved = await runCli(args);
    expect(solved.stderr).toBe("");
    expect(solved.status).toBe(0);
    expect(JSON.parse(solved.stdout).agents).toBe(12);
    const checked = await runCli([...args, "--agents", "12"]);
    expect(checked.stderr).toBe("");
    expect(JSON.parse(checked.stdout).feasible).toBe(true);
  });
});
