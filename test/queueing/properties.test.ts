/**
 * Laws of the queueing engine, checked with fast-check on random inputs (seeded, so a failure
 * reproduces). Each law is stated in the test name; the assertions compare the library with
 * itself under a change of input, never with a re-implementation.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { erlangA, erlangB, erlangC, requiredAgents, type QueueingModel } from "../../src/queueing/index.js";

// Fixed seed so a failure reproduces; WFM_FC_SEED explores other inputs.
const seed = Number(process.env.WFM_FC_SEED ?? 20261123);
const runs = { numRuns: 300, seed };

const traffic = fc.double({ min: 0.01, max: 3000, noNaN: true });
const aht = fc.double({ min: 10, max: 1200, noNaN: true });
const answerSeconds = fc.double({ min: 0, max: 300, noNaN: true });
/** Patience log-uniform from 0.001 s to 1e9 s. */
const patience = fc.double({ min: -3, max: 9, noNaN: true }).map((e) => 10 ** e);
/** A staffing level around the traffic: from 0 to A + 6 sqrt(A) + 5. */
const agentsFor = (a: number) => fc.integer({ min: 0, max: Math.ceil(a + 6 * Math.sqrt(a) + 5) });

const inUnitInterval = (value: number) => value >= 0 && value <= 1;

describe("laws of Erlang B, C and A", () => {
  it("service level, waiting, blocking and abandonment probabilities lie in [0, 1]", () => {
    fc.assert(
      fc.property(traffic.chain((a) => fc.tuple(fc.constant(a), agentsFor(a), aht, answerSeconds, patience)), ([a, n, h, t, p]) => {
        const b = erlangB({ trafficErlangs: a, lines: n, targetAnswerSeconds: t });
        const c = erlangC({ trafficErlangs: a, ahtSeconds: h, agents: n, targetAnswerSeconds: t });
        const e = erlangA({ trafficErlangs: a, ahtSeconds: h, agents: n, targetAnswerSeconds: t, patienceSeconds: p });
        for (const value of [
          b.blockingProbability,
          b.serviceLevel,
          b.occupancy,
          c.waitProbability,
          c.serviceLevel,
          c.occupancy,
          e.waitProbability,
          e.serviceLevel,
          e.serviceLevelAnsweredOrAbandonedWithin,
          e.abandonProbability,
          e.occupancy,
        ]) {
          expect(inUnitInterval(value), `value ${value} for A=${a} N=${n} AHT=${h} T=${t} patience=${p}`).toBe(true);
        }
        // and the second Erlang A definition counts more calls as served within T
        expect(e.serviceLevelAnsweredOrAbandonedWithin).toBeGreaterThanOrEqual(e.serviceLevel);
      }),
      runs,
    );
  });

  it("the service level never falls when an agent is added (Erlang B, C and A)", () => {
    fc.assert(
      fc.property(traffic.chain((a) => fc.tuple(fc.constant(a), agentsFor(a), aht, answerSeconds, patience)), ([a, n, h, t, p]) => {
        const options = { trafficErlangs: a, ahtSeconds: h, targetAnswerSeconds: t };
        expect(erlangB({ ...options, lines: n + 1 }).serviceLevel).toBeGreaterThanOrEqual(erlangB({ ...options, lines: n }).serviceLevel);
        expect(erlangC({ ...options, agents: n + 1 }).serviceLevel).toBeGreaterThanOrEqual(erlangC({ ...options, agents: n }).serviceLevel);
        expect(erlangA({ ...options, agents: n + 1, patienceSeconds: p }).serviceLevel).toBeGreaterThanOrEqual(
          erlangA({ ...options, agents: n, patienceSeconds: p }).serviceLevel,
        );
        // and abandonment never rises
        expect(erlangA({ ...options, agents: n + 1, patienceSeconds: p }).abandonProbability).toBeLessThanOrEqual(
          erlangA({ ...options, agents: n, patienceSeconds: p }).abandonProbability,
        );
      }),
      runs,
    );
  });

  it("the service level never rises when the calls or the handle time grow (Erlang C and A)", () => {
    // growth by a factor from 1 + 1e-6 to 2 (a change of one ulp in the input is below the rounding of the result)
    const growth = fc.double({ min: 1 + 1e-6, max: 2, noNaN: true });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 1, max: 400 }), aht, answerSeconds, patience, growth, (calls, n, h, t, p, g) => {
        const base = { callsPerInterval: calls, intervalSeconds: 1800, ahtSeconds: h, agents: n, targetAnswerSeconds: t };
        const moreCalls = { ...base, callsPerInterval: calls * g };
        const longerCalls = { ...base, ahtSeconds: h * g };
        expect(erlangC(moreCalls).serviceLevel).toBeLessThanOrEqual(erlangC(base).serviceLevel);
        expect(erlangC(longerCalls).serviceLevel).toBeLessThanOrEqual(erlangC(base).serviceLevel);
        expect(erlangA({ ...moreCalls, patienceSeconds: p }).serviceLevel).toBeLessThanOrEqual(erlangA({ ...base, patienceSeconds: p }).serviceLevel);
        expect(erlangA({ ...longerCalls, patienceSeconds: p }).serviceLevel).toBeLessThanOrEqual(erlangA({ ...base, patienceSeconds: p }).serviceLevel);
      }),
      runs,
    );
  });

  it("Erlang C's waiting probability is at least Erlang B's blocking probability at the same N", () => {
    fc.assert(
      fc.property(traffic.chain((a) => fc.tuple(fc.constant(a), agentsFor(a), aht)), ([a, n, h]) => {
        const c = erlangC({ trafficErlangs: a, ahtSeconds: h, agents: n });
        const b = erlangB({ trafficErlangs: a, lines: n });
        expect(c.waitProbability).toBeGreaterThanOrEqual(b.blockingProbability);
      }),
      runs,
    );
  });

  it("Erlang A tends to Erlang C as the patience grows (N > A), and to Erlang B as it shrinks", () => {
    fc.assert(
      fc.property(traffic.chain((a) => fc.tuple(fc.constant(a), fc.integer({ min: Math.floor(a) + 1, max: Math.ceil(a + 4 * Math.sqrt(a) + 3) }), aht, answerSeconds)), ([a, n, h, t]) => {
        // N - A below 1e-6 is a degenerate queue (Lq ~ 1e6 and more) where both models sit at their limits
        fc.pre(n - a > 1e-6);
        const options = { trafficErlangs: a, ahtSeconds: h, agents: n, targetAnswerSeconds: t };
        const c = erlangC(options);
        const gap = (p: number) => {
          const e = erlangA({ ...options, patienceSeconds: p });
          return Math.max(Math.abs(e.waitProbability - c.waitProbability), Math.abs(e.serviceLevel - c.serviceLevel));
        };
        // the distance to Erlang C shrinks as patience grows 1e4 -> 1e6 -> 1e9 s, and is small at 1e9 s
        // whenever the Erlang C queue is short next to the patience (ASA x Lq < 1e-6 x patience s:
        // the gap grows with both the wait and the queue, as abandonments from a long queue add up)
        expect(gap(1e6)).toBeLessThanOrEqual(gap(1e4));
        expect(gap(1e9)).toBeLessThanOrEqual(gap(1e6));
        if (c.asaSeconds * c.averageQueueLength < 1e3) expect(gap(1e9)).toBeLessThan(1e-4);
        // with almost no patience every caller who would wait abandons at once: P(wait) -> B(N, A) and
        // P(Ab) -> B(N, A) as lambda x patience -> 0 (here 1e-6 calls arrive during one mean patience)
        const impatient = erlangA({ ...options, patienceSeconds: (1e-6 * h) / a });
        const b = erlangB({ trafficErlangs: a, lines: n });
        expect(Math.abs(impatient.waitProbability - b.blockingProbability)).toBeLessThan(1e-4);
        expect(Math.abs(impatient.abandonProbability - b.blockingProbability)).toBeLessThan(1e-4);
      }),
      runs,
    );
  });
});

const models: QueueingModel[] = ["erlang-b", "erlang-c", "erlang-a"];

describe("laws of requiredAgents", () => {
  it("the answer meets every target, one agent fewer does not, and scheduled >= required", () => {
    const targets = fc.record(
      {
        targetServiceLevel: fc.double({ min: 0.05, max: 0.99, noNaN: true }),
        targetAsaSeconds: fc.double({ min: 1, max: 300, noNaN: true }),
        maxOccupancy: fc.double({ min: 0.5, max: 0.99, noNaN: true }),
        maxAbandonProbability: fc.double({ min: 0.005, max: 0.3, noNaN: true }),
        maxBlocking: fc.double({ min: 0.001, max: 0.3, noNaN: true }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...models),
        fc.double({ min: 0.01, max: 2000, noNaN: true }),
        aht,
        answerSeconds,
        patience,
        targets,
        fc.double({ min: 0, max: 0.6, noNaN: true }),
        (model, a, h, t, p, target, shrinkage) => {
          const chosen = {
            ...(target.targetServiceLevel !== undefined ? { targetServiceLevel: target.targetServiceLevel } : {}),
            ...(target.targetAsaSeconds !== undefined ? { targetAsaSeconds: target.targetAsaSeconds } : {}),
            ...(target.maxOccupancy !== undefined ? { maxOccupancy: target.maxOccupancy } : {}),
            ...(model === "erlang-a" && target.maxAbandonProbability !== undefined ? { maxAbandonProbability: target.maxAbandonProbability } : {}),
            ...(model === "erlang-b" && target.maxBlocking !== undefined ? { maxBlocking: target.maxBlocking } : {}),
          };
          if (Object.keys(chosen).length === 0) return;
          const result = requiredAgents({
            model,
            trafficErlangs: a,
            ahtSeconds: h,
            targetAnswerSeconds: t,
            shrinkage,
            ...(model === "erlang-a" ? { patienceSeconds: p } : {}),
            ...chosen,
          });
          expect(result.feasible).toBe(true);
          if (!result.feasible) return;
          const meets = (m: NonNullable<typeof result.atOneFewer>) =>
            (chosen.targetServiceLevel === undefined || m.serviceLevel >= chosen.targetServiceLevel) &&
            (chosen.targetAsaSeconds === undefined || m.asaSeconds <= chosen.targetAsaSeconds) &&
            (chosen.maxOccupancy === undefined || m.occupancy <= chosen.maxOccupancy) &&
            (chosen.maxAbandonProbability === undefined || (m.abandonProbability ?? 0) <= chosen.maxAbandonProbability) &&
            (chosen.maxBlocking === undefined || (m.blockingProbability ?? 0) <= chosen.maxBlocking) &&
            (model !== "erlang-c" || m.stable);
          expect(meets(result)).toBe(true);
          if (result.agents > 0) {
            expect(result.atOneFewer).not.toBeNull();
            expect(meets(result.atOneFewer!)).toBe(false);
            expect(result.atOneFewer!.agents).toBe(result.agents - 1);
          }
          expect(result.scheduledAgents).toBeGreaterThanOrEqual(result.agents);
          expect(result.scheduledAgents * (1 - shrinkage)).toBeGreaterThanOrEqual(result.agents - 1e-9);
          expect((result.scheduledAgents - 1) * (1 - shrinkage)).toBeLessThan(result.agents);
        },
      ),
      runs,
    );
  });

  it("agrees with a one-by-one scan of the metric functions (Erlang A, patience 1 s to 3600 s)", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.5, max: 300, noNaN: true }), aht, fc.double({ min: 0, max: 3.6, noNaN: true }).map((e) => 10 ** e), fc.double({ min: 0.3, max: 0.95, noNaN: true }), (a, h, p, sl) => {
        const result = requiredAgents({ trafficErlangs: a, ahtSeconds: h, patienceSeconds: p, targetServiceLevel: sl, targetAnswerSeconds: 20 });
        let n = 0;
        while (erlangA({ trafficErlangs: a, ahtSeconds: h, patienceSeconds: p, agents: n, targetAnswerSeconds: 20 }).serviceLevel < sl) n++;
        expect(result.agents).toBe(n);
      }),
      { numRuns: 100, seed },
    );
  });
});
