import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planDeferredWork } from "../../src/staffing/deferred.js";

const hourMs = 3_600_000;
const hourly = (calls: readonly number[], ahtSeconds = 360, open?: (hour: number) => boolean) =>
  calls.map((c, h) => ({ localMs: h * hourMs, calls: c, ahtSeconds, ...(open === undefined ? {} : { open: open(h % 24) }) }));

describe("planDeferredWork", () => {
  it("constant load: the requirement is the hourly workload in agents, rounded up, and everything is on time", () => {
    // 8 emails/h × 360 s = 2880 s/h = 0.8 agent; a 4-hour window spreads each hour over 4 hours.
    const plan = planDeferredWork({ intervals: hourly(Array(48).fill(8)), intervalMinutes: 60, responseSeconds: 4 * 3600 });
    expect(plan.intervals.every((i) => i.requiredAgents === 1)).toBe(true); // no spike at the end: window slots past it count
    expect(plan.answeredWithinTarget).toBe(1);
    expect(plan.completed + plan.endBacklog).toBeCloseTo(48 * 8, 9);
    expect(plan.intervals[10]!.occupancy).toBeCloseTo(0.8, 9);
  });

  it("spreads a burst over the window instead of staffing it at once", () => {
    // 100 items × 360 s = 10 agent-hours arriving at hour 0, 10-hour window: 1 agent for 10 hours.
    const calls = Array(24).fill(0);
    calls[0] = 100;
    const plan = planDeferredWork({ intervals: hourly(calls), intervalMinutes: 60, responseSeconds: 10 * 3600 });
    expect(plan.intervals.map((i) => i.requiredAgents)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(plan.intervals[0]!.backlog).toBeCloseTo(90, 9);
    expect(plan.intervals[9]!.backlog).toBeCloseTo(0, 9);
    expect(plan.answeredWithinTarget).toBe(1);
  });

  it("a night closure longer than the window makes night items late", () => {
    // Open 08:00-20:00; 4 items every hour around the clock; 2-hour window.
    const open = (h: number) => h >= 8 && h < 20;
    const plan = planDeferredWork({ intervals: hourly(Array(48).fill(4), 360, open), intervalMinutes: 60, responseSeconds: 2 * 3600 });
    expect(plan.intervals[31]!.requiredAgents).toBe(0);
    expect(plan.intervals[31]!.backlog).toBeCloseTo(4 * 12, 9); // day 2, 07:00: the 20:00 .. 07:00 arrivals wait (12 hours)
    expect(plan.answeredWithinTarget).toBeLessThan(1);
    expect(plan.answeredWithinTarget).toBeGreaterThan(0);
  });

  it("evaluates given agents: none means everything waits", () => {
    const intervals = hourly([5, 5, 5]);
    const plan = planDeferredWork({ intervals, intervalMinutes: 60, responseSeconds: 3600, agents: [0, 0, 0] });
    expect(plan.endBacklog).toBe(15);
    expect(plan.answeredWithinTarget).toBeNull();
  });

  it("counts an initial backlog as work arriving at the start", () => {
    const plan = planDeferredWork({ intervals: hourly([0, 0, 0, 0]), intervalMinutes: 60, responseSeconds: 4 * 3600, initialBacklog: 40 });
    // 40 × 360 s = 4 agent-hours over 4 hours: 1 agent each hour.
    expect(plan.intervals.map((i) => i.requiredAgents)).toEqual([1, 1, 1, 1]);
    expect(plan.endBacklog).toBeCloseTo(0, 9);
  });

  it("rejects intervals out of order and bad options", () => {
    expect(() => planDeferredWork({ intervals: [{ localMs: hourMs, calls: 1, ahtSeconds: 60 }, { localMs: 0, calls: 1, ahtSeconds: 60 }], intervalMinutes: 60, responseSeconds: 3600 })).toThrow(
      "planDeferredWork: intervals[1].localMs must be later than the interval before it, got 0",
    );
    expect(() => planDeferredWork({ intervals: [], intervalMinutes: 60, responseSeconds: 0 })).toThrow("planDeferredWork: responseSeconds must be a positive finite number, got 0");
  });

  // Real counts: none, or at least a hundredth of an item (sub-1e-9 workloads are below the rounding guard).
  const arrivals = fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 60, noNaN: true })), { minLength: 1, maxLength: 72 });
  const windowHours = fc.integer({ min: 1, max: 30 });

  it("law: open around the clock, every item completed is within its window, and items are conserved", () => {
    fc.assert(
      fc.property(arrivals, windowHours, fc.integer({ min: 30, max: 1200 }), (calls, hours, aht) => {
        const plan = planDeferredWork({ intervals: hourly(calls, aht), intervalMinutes: 60, responseSeconds: hours * 3600 });
        const total = calls.reduce((s, c) => s + c, 0);
        const conserved = Math.abs(plan.completed + plan.endBacklog - total) <= 1e-6 * Math.max(1, total);
        return conserved && (plan.answeredWithinTarget === null || plan.answeredWithinTarget >= 1 - 1e-9);
      }),
      { numRuns: 200 },
    );
  });

  it("law: one agent fewer in every interval never raises the on-time share nor lowers the backlog", () => {
    fc.assert(
      fc.property(arrivals, windowHours, (calls, hours) => {
        const intervals = hourly(calls);
        const plan = planDeferredWork({ intervals, intervalMinutes: 60, responseSeconds: hours * 3600 });
        const fewer = planDeferredWork({ intervals, intervalMinutes: 60, responseSeconds: hours * 3600, agents: plan.intervals.map((i) => Math.max(0, i.requiredAgents - 1)) });
        const within = (p: typeof plan) => p.completedWithinTarget;
        return within(fewer) <= within(plan) + 1e-9 && fewer.endBacklog >= plan.endBacklog - 1e-9;
      }),
      { numRuns: 200 },
    );
  });
});
