import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { WfmError } from "../../src/errors.js";
import { chatQueue, requiredChatAgents } from "../../src/staffing/chat.js";
import { simulateChatQueue } from "../../src/staffing/chat-simulation.js";

const relClose = (actual: number, expected: number, rel: number, context: unknown) => {
  const ok = Math.abs(actual - expected) <= rel * Math.abs(expected) + 1e-12;
  if (!ok) throw new Error(`expected ${expected}, got ${actual} (rel ${rel}) for ${JSON.stringify(context)}`);
};

// Erlang C values copied from ../shared/reference/queueing-cases.json (cases C-CCH-N11 .. N14:
// 100 calls / 30 min, AHT 180 s, T = 20 s; computed there with 60-digit mpmath and checked against
// the published worked example). With concurrency 1 the chat chain is M/M/N, i.e. Erlang C; with
// no handle-time factor, N agents of concurrency k are M/M/(N k), i.e. Erlang C with N k servers.
const erlangCReference = [
  { servers: 11, waitProbability: 0.682118204689, serviceLevel: 0.389613811729, asaSeconds: 122.781276844, occupancy: 0.909090909091 },
  { servers: 12, waitProbability: 0.449388224298, serviceLevel: 0.640158040374, asaSeconds: 40.4449401868, occupancy: 0.833333333333 },
  { servers: 13, waitProbability: 0.285270453036, serviceLevel: 0.795594788418, asaSeconds: 17.1162271822, occupancy: 0.769230769231 },
  { servers: 14, waitProbability: 0.174131933595, serviceLevel: 0.888350019179, asaSeconds: 7.83593701178, occupancy: 0.714285714286 },
];

describe("chatQueue against Erlang C reference values", () => {
  for (const ref of erlangCReference) {
    it(`concurrency 1, N = ${ref.servers}`, () => {
      const input = { callsPerInterval: 100, intervalSeconds: 1800, ahtSeconds: 180, agents: ref.servers, targetAnswerSeconds: 20 };
      const r = chatQueue(input);
      relClose(r.waitProbability, ref.waitProbability, 1e-9, input);
      relClose(r.serviceLevel, ref.serviceLevel, 1e-9, input);
      relClose(r.asaSeconds, ref.asaSeconds, 1e-9, input);
      relClose(r.occupancy, ref.occupancy, 1e-9, input);
      expect(r.trafficErlangs).toBe(10);
    });
  }
  it("N agents of concurrency k with factor 0 equal Erlang C with N k servers", () => {
    for (const [agents, concurrency] of [[6, 2], [4, 3], [3, 4], [2, 6]] as const) {
      const ref = erlangCReference[1]!; // 12 servers
      const input = { callsPerInterval: 100, intervalSeconds: 1800, ahtSeconds: 180, agents, concurrency, targetAnswerSeconds: 20 };
      const r = chatQueue(input);
      relClose(r.serviceLevel, ref.serviceLevel, 1e-9, input);
      relClose(r.asaSeconds, ref.asaSeconds, 1e-9, input);
      relClose(r.waitProbability, ref.waitProbability, 1e-9, input);
    }
  });
});

describe("chatQueue edge cases", () => {
  it("no chats: perfect service and zero occupancy", () => {
    const r = chatQueue({ callsPerInterval: 0, intervalSeconds: 900, ahtSeconds: 300, agents: 3, concurrency: 2 });
    expect(r).toMatchObject({ stable: true, serviceLevel: 1, waitProbability: 0, asaSeconds: 0, occupancy: 0 });
  });
  it("unstable when N k / h_k <= λ: SL 0, P(wait) 1, ASA infinite", () => {
    // 60 chats / 900 s, h_3 = 600 × 1.5 = 900 s: capacity 3 / 900 per agent, λ = 1/15 → needs N > 20.
    const r = chatQueue({ callsPerInterval: 60, intervalSeconds: 900, ahtSeconds: 600, agents: 20, concurrency: 3, handleTimeFactorPerExtraChat: 0.25 });
    expect(r).toMatchObject({ stable: false, serviceLevel: 0, waitProbability: 1, asaSeconds: Infinity, occupancy: 1 });
    expect(chatQueue({ callsPerInterval: 60, intervalSeconds: 900, ahtSeconds: 600, agents: 21, concurrency: 3, handleTimeFactorPerExtraChat: 0.25 }).stable).toBe(true);
  });
  it("zero agents with chats is unstable", () => {
    expect(chatQueue({ callsPerInterval: 1, intervalSeconds: 900, ahtSeconds: 300, agents: 0 }).stable).toBe(false);
  });
  it("a very large centre does not overflow", () => {
    const r = chatQueue({ callsPerInterval: 20000, intervalSeconds: 900, ahtSeconds: 300, agents: 2800, concurrency: 3, handleTimeFactorPerExtraChat: 0.1, targetAnswerSeconds: 30 });
    expect(Number.isFinite(r.serviceLevel)).toBe(true);
    expect(r.serviceLevel).toBeGreaterThan(0);
    expect(r.serviceLevel).toBeLessThanOrEqual(1);
  });
  it("rejects bad input naming the option", () => {
    expect(() => chatQueue({ callsPerInterval: 10, intervalSeconds: 900, ahtSeconds: -5, agents: 2 })).toThrow("chatQueue: ahtSeconds must be a positive finite number, got -5");
    expect(() => chatQueue({ callsPerInterval: 10, intervalSeconds: 900, ahtSeconds: 300, agents: 2.5 })).toThrow("chatQueue: agents must be a whole number >= 0, got 2.5");
    expect(() => chatQueue({ callsPerInterval: 10, intervalSeconds: 900, ahtSeconds: 300, agents: 2, concurrency: 0 })).toThrow(WfmError);
  });
});

describe("requiredChatAgents", () => {
  it("concurrency 1 matches the Erlang C requirement (reference C-CCH-REQ: 14 agents for 80/20 at 10 Erlangs)", () => {
    const r = requiredChatAgents({ callsPerInterval: 100, intervalSeconds: 1800, ahtSeconds: 180, targetServiceLevel: 0.8, targetAnswerSeconds: 20 });
    expect(r.agents).toBe(14);
  });
  it("applies the occupancy cap (reference C-CCH-REQ-occcap-0.70: 15 agents)", () => {
    const r = requiredChatAgents({ callsPerInterval: 100, intervalSeconds: 1800, ahtSeconds: 180, targetServiceLevel: 0.8, targetAnswerSeconds: 20, maxOccupancy: 0.7 });
    expect(r.agents).toBe(15);
  });
  it("a 100% target is infeasible, not a loop", () => {
    const r = requiredChatAgents({ callsPerInterval: 10, intervalSeconds: 900, ahtSeconds: 300, targetServiceLevel: 1, targetAnswerSeconds: 20 });
    expect(r.feasible).toBe(false);
    expect(r.agents).toBeNull();
  });
  it("no chats need no agents", () => {
    expect(requiredChatAgents({ callsPerInterval: 0, intervalSeconds: 900, ahtSeconds: 300, targetServiceLevel: 0.9, targetAnswerSeconds: 20 }).agents).toBe(0);
  });

  const scenario = fc.record({
    callsPerInterval: fc.double({ min: 0.5, max: 400, noNaN: true }),
    ahtSeconds: fc.double({ min: 60, max: 1200, noNaN: true }),
    concurrency: fc.integer({ min: 1, max: 4 }),
    handleTimeFactorPerExtraChat: fc.double({ min: 0, max: 0.6, noNaN: true }),
    targetServiceLevel: fc.double({ min: 0.5, max: 0.95, noNaN: true }),
    targetAnswerSeconds: fc.integer({ min: 0, max: 120 }),
  });

  it("law: the required N meets the target and N − 1 does not", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const r = requiredChatAgents({ ...s, intervalSeconds: 900 });
        if (!r.feasible) return false;
        const at = chatQueue({ ...s, intervalSeconds: 900, agents: r.agents });
        const below = chatQueue({ ...s, intervalSeconds: 900, agents: r.agents - 1 });
        return at.serviceLevel >= s.targetServiceLevel - 1e-12 && below.serviceLevel < s.targetServiceLevel;
      }),
      { numRuns: 200 },
    );
  });
  it("law: SL and P(wait) lie in [0, 1]; SL never falls when an agent is added", () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 1, max: 80 }), (s, agents) => {
        const a = chatQueue({ ...s, intervalSeconds: 900, agents });
        const b = chatQueue({ ...s, intervalSeconds: 900, agents: agents + 1 });
        return a.serviceLevel >= 0 && a.serviceLevel <= 1 && a.waitProbability >= 0 && a.waitProbability <= 1 && b.serviceLevel >= a.serviceLevel - 1e-12;
      }),
      { numRuns: 300 },
    );
  });
  it("law: SL never rises when volume or the handle-time factor grows", () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 1, max: 80 }), fc.double({ min: 1, max: 2, noNaN: true }), (s, agents, growth) => {
        const base = chatQueue({ ...s, intervalSeconds: 900, agents });
        const busier = chatQueue({ ...s, intervalSeconds: 900, agents, callsPerInterval: s.callsPerInterval * growth });
        const slower = chatQueue({ ...s, intervalSeconds: 900, agents, handleTimeFactorPerExtraChat: s.handleTimeFactorPerExtraChat + growth - 1 });
        return busier.serviceLevel <= base.serviceLevel + 1e-12 && slower.serviceLevel <= base.serviceLevel + 1e-12;
      }),
      { numRuns: 300 },
    );
  });
  it("law: with no handle-time penalty, a higher concurrency never needs more agents", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const one = requiredChatAgents({ ...s, intervalSeconds: 900, handleTimeFactorPerExtraChat: 0 });
        const more = requiredChatAgents({ ...s, intervalSeconds: 900, handleTimeFactorPerExtraChat: 0, concurrency: s.concurrency + 1 });
        return one.feasible && more.feasible && more.agents <= one.agents;
      }),
      { numRuns: 200 },
    );
  });
});

// The model against a seeded discrete-event simulation. Scenarios: small to mid-size chat teams,
// concurrency 2-3, handle-time factor 0-0.3, slot occupancy 76%-94%.
const simulationScenarios = [
  { callsPerInterval: 60, intervalSeconds: 900, ahtSeconds: 600, agents: 22, concurrency: 3, handleTimeFactorPerExtraChat: 0.25, targetAnswerSeconds: 60 },
  { callsPerInterval: 20, intervalSeconds: 900, ahtSeconds: 300, agents: 5, concurrency: 2, handleTimeFactorPerExtraChat: 0.2, targetAnswerSeconds: 30 },
  { callsPerInterval: 200, intervalSeconds: 900, ahtSeconds: 400, agents: 52, concurrency: 3, handleTimeFactorPerExtraChat: 0.3, targetAnswerSeconds: 30 },
  { callsPerInterval: 40, intervalSeconds: 900, ahtSeconds: 480, agents: 8, concurrency: 3, handleTimeFactorPerExtraChat: 0, targetAnswerSeconds: 30 },
  { callsPerInterval: 30, intervalSeconds: 900, ahtSeconds: 360, agents: 7, concurrency: 2, handleTimeFactorPerExtraChat: 0.1, targetAnswerSeconds: 20 },
  { callsPerInterval: 12, intervalSeconds: 900, ahtSeconds: 600, agents: 6, concurrency: 3, handleTimeFactorPerExtraChat: 0.3, targetAnswerSeconds: 60 },
];

describe("chat model against a discrete-event simulation", () => {
  it("balanced routing (the model's assumption): agrees within 4 standard errors", () => {
    for (const s of simulationScenarios) {
      const model = chatQueue(s);
      const sim = simulateChatQueue({ ...s, routing: "balanced", seed: 11, arrivals: 400_000 });
      for (const key of ["serviceLevel", "waitProbability", "asaSeconds", "occupancy"] as const) {
        const diff = Math.abs(model[key] - sim[key].mean);
        if (diff > 4 * sim[key].standardError + 1e-3) throw new Error(`${key}: model ${model[key]} vs simulation ${sim[key].mean} ± ${sim[key].standardError} for ${JSON.stringify(s)}`);
      }
    }
  });

  // ASA: within 10%, or within 3 standard errors where the simulation cannot resolve 10% (a 3 s ASA
  // at 52 agents is a mean of rare waits: its standard error is about 15% with 600,000 chats).
  it("least-loaded routing (real routers): SL within 0.02 and ASA within 10% or 3 SE, better than M/M/(N k) at h_k", () => {
    const rows: string[] = [];
    let worstSl = 0;
    let worstAsa = 0;
    let worstNaiveSl = 0;
    for (const s of simulationScenarios) {
      const model = chatQueue(s);
      const hk = s.ahtSeconds * (1 + s.handleTimeFactorPerExtraChat * (s.concurrency - 1));
      const naive = chatQueue({ ...s, ahtSeconds: hk, handleTimeFactorPerExtraChat: 0 }); // M/M/(N k) with the full-concurrency AHT
      const sim = simulateChatQueue({ ...s, routing: "least-loaded", seed: 11, arrivals: 600_000 });
      const slError = Math.abs(model.serviceLevel - sim.serviceLevel.mean);
      const asaGap = Math.abs(model.asaSeconds - sim.asaSeconds.mean);
      const asaError = asaGap <= 3 * sim.asaSeconds.standardError ? 0 : asaGap / sim.asaSeconds.mean;
      worstSl = Math.max(worstSl, slError);
      worstAsa = Math.max(worstAsa, asaError);
      worstNaiveSl = Math.max(worstNaiveSl, Math.abs(naive.serviceLevel - sim.serviceLevel.mean));
      rows.push(
        `N=${s.agents} k=${s.concurrency} f=${s.handleTimeFactorPerExtraChat} occ=${model.occupancy.toFixed(3)} SL model ${model.serviceLevel.toFixed(4)} sim ${sim.serviceLevel.mean.toFixed(4)}±${sim.serviceLevel.standardError.toFixed(4)} naive ${naive.serviceLevel.toFixed(4)} | ASA model ${model.asaSeconds.toFixed(1)} sim ${sim.asaSeconds.mean.toFixed(1)}±${sim.asaSeconds.standardError.toFixed(1)}`,
      );
    }
    const summary = `${rows.join("\n")}\nworst |SL error| ${worstSl.toFixed(4)}, worst ASA error beyond 3 SE ${(worstAsa * 100).toFixed(1)}%, naive M/M/(Nk) worst |SL error| ${worstNaiveSl.toFixed(4)}`;
    if (process.env.WFM_PRINT_CHAT_ERRORS) console.log(summary);
    expect(worstSl, summary).toBeLessThanOrEqual(0.02);
    expect(worstAsa, summary).toBeLessThanOrEqual(0.1);
    expect(worstNaiveSl, summary).toBeGreaterThan(worstSl);
  });

  it("is deterministic for a seed", () => {
    const s = { ...simulationScenarios[1]!, arrivals: 20_000, warmupArrivals: 1000, batches: 5, seed: 3 };
    expect(simulateChatQueue(s)).toEqual(simulateChatQueue(s));
  });
});
