/**
 * The direct (level-by-level) solver of the blending chain against the previous iterative solver
 * (block Gauss-Seidel with aggregation, relative residual below 1e-11) on random cases: the same
 * inbound and outbound figures to within the iterative solver's tolerance, and a balance residual
 * at rounding level.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bestOutboundReserve, blending, blendingIterative } from "../../src/queueing/blending.js";
import { erlangA, erlangC } from "../../src/queueing/index.js";

describe("blending: direct solver vs the iterative reference", () => {
  it("same service level, wait, abandonment and outbound rate on random cases", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 22 }),
        fc.double({ min: 0.2, max: 0.97, noNaN: true }),
        fc.integer({ min: 0, max: 22 }),
        fc.double({ min: 60, max: 900, noNaN: true }),
        fc.option(fc.double({ min: 20, max: 600, noNaN: true }), { nil: undefined }),
        fc.integer({ min: 0, max: 60 }),
        (n, load, r, outAht, patience, t) => {
          const options = { trafficErlangs: n * load, ahtSeconds: 200, agents: n, outboundReserveAgents: Math.min(r, n), outboundAhtSeconds: outAht, targetAnswerSeconds: t, ...(patience !== undefined ? { patienceSeconds: patience } : {}) };
          const direct = blending(options);
          const reference = blendingIterative(options);
          expect(direct.truncationError).toBeLessThan(1e-12);
          expect(Math.abs(direct.serviceLevel - reference.serviceLevel)).toBeLessThan(1e-8);
          expect(Math.abs(direct.waitProbability - reference.waitProbability)).toBeLessThan(1e-8);
          expect(Math.abs(direct.abandonProbability - reference.abandonProbability)).toBeLessThan(1e-8);
          expect(Math.abs(direct.asaSeconds - reference.asaSeconds)).toBeLessThan(1e-8 * Math.max(1, reference.asaSeconds));
          expect(Math.abs(direct.outboundContactsPerHour - reference.outboundContactsPerHour)).toBeLessThan(1e-8 * Math.max(1, reference.outboundContactsPerHour));
        },
      ),
      { numRuns: 60, seed: 13 },
    );
  });

  it("one agent with the reserve at 1 (no outbound) is Erlang A / Erlang C, where the iterative solver gave NaN", () => {
    const a = blending({ trafficErlangs: 0.2, ahtSeconds: 200, agents: 1, outboundReserveAgents: 1, outboundAhtSeconds: 60, patienceSeconds: 20, targetAnswerSeconds: 0 });
    const e = erlangA({ trafficErlangs: 0.2, ahtSeconds: 200, agents: 1, patienceSeconds: 20, targetAnswerSeconds: 0 });
    expect(Math.abs(a.serviceLevel - e.serviceLevel)).toBeLessThan(1e-10);
    expect(Math.abs(a.abandonProbability - e.abandonProbability)).toBeLessThan(1e-10);
    const c = blending({ trafficErlangs: 0.5, ahtSeconds: 200, agents: 1, outboundReserveAgents: 1, outboundAhtSeconds: 60, targetAnswerSeconds: 20 });
    const ec = erlangC({ trafficErlangs: 0.5, ahtSeconds: 200, agents: 1, targetAnswerSeconds: 20 });
    expect(Math.abs(c.serviceLevel - ec.serviceLevel)).toBeLessThan(1e-10);
    expect(Math.abs(c.waitProbability - ec.waitProbability)).toBeLessThan(1e-10);
  });

  it("bestOutboundReserve from any start reserve finds the same reserve as the bisection on [0, N] and the full curve", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 16 }), fc.double({ min: 0.3, max: 0.95, noNaN: true }), fc.double({ min: 0.5, max: 0.95, noNaN: true }), fc.integer({ min: 0, max: 20 }), (n, load, target, start) => {
        const options = { trafficErlangs: n * load, ahtSeconds: 180, agents: n, outboundAhtSeconds: 300, targetServiceLevel: target };
        const all = bestOutboundReserve(options);
        const bisection = bestOutboundReserve({ ...options, search: "bisection" });
        const started = bestOutboundReserve({ ...options, search: "bisection", startReserveAgents: start });
        expect(started.outboundReserveAgents).toBe(all.outboundReserveAgents);
        expect(bisection.outboundReserveAgents).toBe(all.outboundReserveAgents);
        expect(started.feasible).toBe(all.feasible);
      }),
      { numRuns: 60, seed: 5 },
    );
    expect(() => bestOutboundReserve({ trafficErlangs: 8, ahtSeconds: 180, agents: 12, outboundAhtSeconds: 300, targetServiceLevel: 0.8, search: "bisection", startReserveAgents: -1 })).toThrow("bestOutboundReserve: startReserveAgents must be a whole number of at least 0, got -1");
  });
});
