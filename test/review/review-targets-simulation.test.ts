import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { KpiInterval } from "../../src/cost/kpi.js";
import { erlangA } from "../../src/queueing/index.js";
import { reviewMonth } from "../../src/review/review-month.js";
import type { ReviewPlan, ReviewPlanInterval } from "../../src/review/types.js";
import { dayMs, hourMs, planPatienceSeconds, start, syntheticActuals, syntheticPlan, voiceAt, voiceModel } from "./synthetic.js";

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const hourOf = (ms: number) => new Date(ms).toISOString().slice(11, 16);

/** Achieved and planned figures per (period, channel), by plain loops over the report rows and the plan. */
function expectedByPeriod(plan: ReviewPlan, rows: readonly KpiInterval[], key: (ms: number) => string) {
  const out = new Map<string, { offered: number; within: number; abandoned: number; answered: number; wait: number; planCalls: number; planSl: number; planAbandon: number }>();
  for (const r of rows) {
    const k = `${key(r.localMs)} ${r.channel}`;
    const s = out.get(k) ?? { offered: 0, within: 0, abandoned: 0, answered: 0, wait: 0, planCalls: 0, planSl: 0, planAbandon: 0 };
    s.offered += r.offered;
    s.within += r.answeredWithinTarget!;
    s.abandoned += r.abandoned!;
    s.answered += r.answered!;
    s.wait += r.waitSeconds!;
    out.set(k, s);
  }
  for (const p of plan.intervals) {
    if (p.channel !== "voice") continue;
    const s = out.get(`${key(p.localMs)} voice`)!;
    const m = voiceAt(p.calls, p.ahtSeconds, p.scheduledAgents * (1 - p.shrinkage), planPatienceSeconds);
    s.planCalls += p.calls;
    s.planSl += p.calls * m.sl;
    s.planAbandon += p.calls * m.abandon;
  }
  return out;
}

describe("reviewMonth: targets by day and by hour of day", () => {
  const plan = syntheticPlan({ chat: true });
  const actual = syntheticActuals(plan, { volumeFactor: 1.1, ahtFactor: 1.05, shrinkageDelta: 0.04, poisson: true });
  const review = reviewMonth({ plan, actual: { intervals: actual }, simulation: { replications: 0 } });

  for (const [name, key, rows] of [
    ["day", dayOf, review.targetsByPeriod.days],
    ["hour of day", hourOf, review.targetsByPeriod.hours],
  ] as const) {
    it(`per ${name}: achieved SL, abandonment and ASA from the report rows, planned from the plan`, () => {
      const expected = expectedByPeriod(plan, actual, key);
      expect(rows.length).toBe(expected.size);
      for (const row of rows) {
        const e = expected.get(`${row.period} ${row.channel}`)!;
        expect(row.actualContacts).toBeCloseTo(e.offered, 9);
        expect(row.serviceLevel.achieved).toBeCloseTo(e.within / e.offered, 12);
        expect(row.abandonRate.achieved).toBeCloseTo(e.abandoned / e.offered, 12);
        expect(row.asaSeconds.achieved).toBeCloseTo(e.wait / e.answered, 12);
        expect(row.serviceLevel.target).toBe(0.8);
        if (row.channel === "voice") {
          expect(row.plannedContacts).toBeCloseTo(e.planCalls, 9);
          expect(row.serviceLevel.planned).toBeCloseTo(e.planSl / e.planCalls, 9);
          expect(row.abandonRate.planned).toBeCloseTo(e.planAbandon / e.planCalls, 9);
        } else expect(row.abandonRate.planned).toBeNull();
      }
      expect(rows.map((r) => r.period)).toEqual([...rows.map((r) => r.period)].sort());
    });
  }

  it("no simulation with replications 0", () => {
    expect(review.simulation).toBeNull();
  });

  it("property: days and hours partition the month (offered-weighted achieved SL equals the month's)", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.7, max: 1.4, noNaN: true }), fc.double({ min: 0.8, max: 1.3, noNaN: true }), (volumeFactor, ahtFactor) => {
        const p = syntheticPlan({ days: 3 });
        const a = syntheticActuals(p, { volumeFactor, ahtFactor });
        const r = reviewMonth({ plan: p, actual: { intervals: a }, simulation: { replications: 0 } });
        const month = r.targets.find((t) => t.channel === "voice")!;
        for (const rows of [r.targetsByPeriod.days, r.targetsByPeriod.hours]) {
          const offered = rows.reduce((s, x) => s + x.actualContacts, 0);
          const within = rows.reduce((s, x) => s + x.actualContacts * x.serviceLevel.achieved!, 0);
          expect(within / offered).toBeCloseTo(month.serviceLevel.achieved!, 9);
          const planned = rows.reduce((s, x) => s + x.plannedContacts * x.serviceLevel.planned!, 0) / rows.reduce((s, x) => s + x.plannedContacts, 0);
          expect(planned).toBeCloseTo(month.serviceLevel.planned!, 9);
        }
      }),
      { numRuns: 10 },
    );
  });
});

describe("reviewMonth: the simulator's view of the month", () => {
  /** A steady week: 100 calls an hour, AHT 240 s, 8 agents staffed every hour, Erlang A answers at 120 s patience. */
  function steadyMonth(): { plan: ReviewPlan; actual: KpiInterval[]; model: ReturnType<typeof erlangA> } {
    const intervals: ReviewPlanInterval[] = [];
    const actual: KpiInterval[] = [];
    const model = erlangA({ callsPerInterval: 100, intervalSeconds: 3600, ahtSeconds: 240, agents: 8, patienceSeconds: 120, targetAnswerSeconds: 20 });
    for (let h = 0; h < 7 * 24; h++) {
      const localMs = start + h * hourMs;
      intervals.push({ localMs, channel: "voice", open: true, forecastCalls: 100, lowerCalls: 90, upperCalls: 110, calls: 100, ahtSeconds: 240, requiredAgents: 8, scheduledAgents: 10, shrinkage: 0.2 });
      const abandoned = 100 * model.abandonProbability;
      const answered = 100 - abandoned;
      actual.push({ localMs, channel: "voice", offered: 100, answered, abandoned, answeredWithinTarget: 100 * model.serviceLevel, handleSeconds: answered * 240, staffedSeconds: 8 * 3600, waitSeconds: answered * model.asaSeconds });
    }
    const plan: ReviewPlan = { label: "2026-12", startLocalMs: start, endLocalMs: start + 7 * dayMs, intervalMinutes: 60, models: [voiceModel], intervals };
    return { plan, actual, model };
  }

  it("agrees with Erlang A within 3 standard errors on a steady month (20 replications)", () => {
    const { plan, actual, model } = steadyMonth();
    const review = reviewMonth({ plan, actual: { intervals: actual }, simulation: { replications: 20, seed: 7 } });
    const sim = review.simulation!.channels[0]!;
    expect(review.simulation!.replications).toBe(20);
    expect(sim.patienceSeconds).toBeCloseTo(120, 3);
    expect(sim.modelServiceLevel).toBeCloseTo(model.serviceLevel, 5);
    // halfWidth = t(0.975, 19) x standard error, t = 2.093.
    const standardError = sim.halfWidth! / 2.093;
    expect(standardError).toBeGreaterThan(0);
    expect(Math.abs(sim.simulatedServiceLevel! - model.serviceLevel)).toBeLessThan(3 * standardError);
    expect(Math.abs(sim.simulatedAbandonRate! - model.abandonProbability)).toBeLessThan(0.02);
    expect(sim.achievedServiceLevel).toBeCloseTo(model.serviceLevel, 9);
    expect(sim.intervals).toBe(168);
  });

  it("is deterministic for a seed", () => {
    const { plan, actual } = steadyMonth();
    const a = reviewMonth({ plan, actual: { intervals: actual }, simulation: { replications: 3, seed: 5 } });
    const b = reviewMonth({ plan, actual: { intervals: actual }, simulation: { replications: 3, seed: 5 } });
    expect(a.simulation).toEqual(b.simulation);
  });

  it("rejects negative or fractional replications", () => {
    const { plan, actual } = steadyMonth();
    expect(() => reviewMonth({ plan, actual: { intervals: actual }, simulation: { replications: -1 } })).toThrow(/replications must be a whole number >= 0/);
    expect(() => reviewMonth({ plan, actual: { intervals: actual }, simulation: { replications: 1.5 } })).toThrow(/replications must be a whole number >= 0/);
  });
});
