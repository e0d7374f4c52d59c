/**
 * Call blending: the exact limits (a reserve of N agents never starts outbound: Erlang C / Erlang
 * A; a reserve of 0 leaves no agent idle, so outbound uses all the capacity inbound leaves, N - A
 * agents without abandonment), laws in R, the best reserve, and the simulator as referee: inbound
 * service level and outbound contacts per hour within 3 standard errors, measured over hours
 * 2-8 of independent single-replication runs (the first two hours are the warm-up).
 */
import { describe, expect, it } from "vitest";
import { bestOutboundReserve, blending, erlangA, erlangC } from "../../src/queueing/index.js";
import { simulate } from "../../src/simulation/index.js";

describe("blending: exact limits", () => {
  it("reserve N (no outbound) is Erlang C, and Erlang A with patience", () => {
    const b = blending({ trafficErlangs: 8, ahtSeconds: 180, agents: 12, outboundReserveAgents: 12, outboundAhtSeconds: 300 });
    const c = erlangC({ trafficErlangs: 8, ahtSeconds: 180, agents: 12 });
    expect(Math.abs(b.serviceLevel - c.serviceLevel)).toBeLessThan(1e-10);
    expect(Math.abs(b.waitProbability - c.waitProbability)).toBeLessThan(1e-10);
    expect(b.outboundContactsPerHour).toBeLessThan(1e-12);
    const ba = blending({ trafficErlangs: 8, ahtSeconds: 180, agents: 12, outboundReserveAgents: 12, outboundAhtSeconds: 300, patienceSeconds: 100 });
    const e = erlangA({ trafficErlangs: 8, ahtSeconds: 180, agents: 12, patienceSeconds: 100 });
    expect(Math.abs(ba.serviceLevel - e.serviceLevel)).toBeLessThan(1e-10);
    expect(Math.abs(ba.abandonProbability - e.abandonProbability)).toBeLessThan(1e-10);
  });

  it("reserve 0: no agent idles, outbound takes all the capacity inbound leaves ((N - A) agents)", () => {
    const b = blending({ trafficErlangs: 8, ahtSeconds: 180, agents: 12, outboundReserveAgents: 0, outboundAhtSeconds: 300 });
    expect(Math.abs(b.outboundAgents - 4)).toBeLessThan(1e-9);
    expect(Math.abs(b.outboundContactsPerHour - 48)).toBeLessThan(1e-7);
    expect(Math.abs(b.occupancy - 1)).toBeLessThan(1e-10);
  });

  it("a larger reserve raises the inbound service level and lowers the outbound rate", () => {
    let previous = blending({ trafficErlangs: 6, ahtSeconds: 200, agents: 9, outboundReserveAgents: 0, outboundAhtSeconds: 240, patienceSeconds: 150 });
    for (let r = 1; r <= 9; r++) {
      const b = blending({ trafficErlangs: 6, ahtSeconds: 200, agents: 9, outboundReserveAgents: r, outboundAhtSeconds: 240, patienceSeconds: 150 });
      expect(b.serviceLevel).toBeGreaterThanOrEqual(previous.serviceLevel - 1e-12);
      expect(b.outboundContactsPerHour).toBeLessThanOrEqual(previous.outboundContactsPerHour + 1e-9);
      expect(b.truncationError).toBeLessThan(1e-9);
      previous = b;
    }
  });

  it("best reserve: the smallest R meeting the inbound target; unreachable targets are feasible: false", () => {
    const best = bestOutboundReserve({ trafficErlangs: 8, ahtSeconds: 180, agents: 12, outboundAhtSeconds: 300, targetServiceLevel: 0.8 });
    if (!best.feasible || best.outboundReserveAgents === null) throw new Error("expected feasible");
    const r = best.outboundReserveAgents;
    expect(best.byReserve[r]!.serviceLevel).toBeGreaterThanOrEqual(0.8);
    expect(best.byReserve[r - 1]!.serviceLevel).toBeLessThan(0.8);
    const none = bestOutboundReserve({ trafficErlangs: 4, ahtSeconds: 180, agents: 5, outboundAhtSeconds: 300, patienceSeconds: 60, targetServiceLevel: 0.95 });
    expect(none.feasible).toBe(false);
    expect(none.reason).toMatch(/^even with no outbound work \(reserve 5\) the inbound service level is/);
    expect(() => blending({ trafficErlangs: 8, ahtSeconds: 180, agents: 9, outboundReserveAgents: 1.5, outboundAhtSeconds: 300 })).toThrow("blending: outboundReserveAgents must be a whole number of at least 0, got 1.5");
  });
});

describe("blending vs the simulator", () => {
  const exp = (meanSeconds: number) => ({ kind: "exponential" as const, meanSeconds });
  const cases = [
    { a: 8, n: 12, r: 2 },
    { a: 8, n: 12, r: 0 },
    { a: 20, n: 24, r: 3, patience: 120 },
  ];
  it.each(cases)("$a Erlangs, $n agents, reserve $r, patience $patience", ({ a, n, r, patience }) => {
    const intervals = 16; // 30-minute intervals: 8 hours, the first 4 intervals are the warm-up
    const calls = (a * 1800) / 180;
    const sl: number[] = [];
    const outPerHour: number[] = [];
    for (let rep = 0; rep < 20; rep++) {
      const run = simulate({
        intervalSeconds: 1800,
        intervalsPerDay: intervals,
        replications: 1,
        seed: 100 + rep,
        contactTypes: [
          { name: "in", volumes: Array<number>(intervals).fill(calls), handleTime: exp(180), ...(patience !== undefined ? { patience: exp(patience) } : {}) },
          { name: "out", volumes: Array<number>(intervals).fill(300), handleTime: exp(300), outbound: true },
        ],
        agentGroups: [{ name: "pool", skills: ["in", "out"], agents: n, outboundReserveAgents: r }],
      });
      let within = 0;
      let offered = 0;
      let outbound = 0;
      for (const slice of run.intervals.slice(4)) {
        const inbound = slice.contactTypes[0]!;
        within += inbound.answeredWithinTarget.mean!;
        offered += inbound.offered.mean!;
        outbound += slice.agentGroups[0]!.outboundHandled.mean!;
      }
      sl.push(within / offered);
      outPerHour.push(outbound / 6);
    }
    const model = blending({ trafficErlangs: a, ahtSeconds: 180, agents: n, outboundReserveAgents: r, outboundAhtSeconds: 300, ...(patience !== undefined ? { patienceSeconds: patience } : {}) });
    for (const [label, values, expected] of [["inbound service level", sl, model.serviceLevel], ["outbound per hour", outPerHour, model.outboundContactsPerHour]] as const) {
      const mean = values.reduce((s, v) => s + v, 0) / values.length;
      const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1));
      const se = sd / Math.sqrt(values.length);
      expect(Math.abs(expected - mean), `${label}: model ${expected}, simulated ${mean} ± ${se} (SE)`).toBeLessThanOrEqual(3 * se);
    }
  });
});
