import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planStaffing, type StaffingConfig, type StaffingIntervalInput } from "../../src/staffing/plan.js";
import { WfmError } from "../../src/errors.js";

const at = (day: number, hour: number, minute = 0) => Date.UTC(2026, 10, day, hour, minute); // November 2026
const voice8020: StaffingConfig = { channels: { voice: { type: "voice", targetServiceLevel: 0.8, targetAnswerSeconds: 20 } } };

describe("planStaffing: one interval against reference values", () => {
  // ../shared/reference/queueing-cases.json, C-CCH-REQ-80-20-shrink30: 100 calls / 30 min, AHT 180 s,
  // 80/20, 30% shrinkage -> 14 required (SL 0.888350019179), 20 scheduled.
  it("Erlang C requirement and shrinkage gross-up", () => {
    const plan = planStaffing({
      intervalMinutes: 30,
      intervals: [{ localMs: at(2, 9), channel: "voice", calls: 100, ahtSeconds: 180 }],
      config: { ...voice8020, shrinkage: { components: [{ name: "all", fraction: 0.3 }] } },
    });
    const row = plan.intervals[0]!;
    expect(row).toMatchObject({ channel: "voice", channelType: "voice", requiredAgents: 14, scheduledAgents: 20, trafficErlangs: 10, abandonProbability: null, backlog: null });
    expect(row.serviceLevel!).toBeCloseTo(0.888350019179, 11);
    expect(row.occupancy).toBeCloseTo(0.714285714286, 11);
    expect(row.requiredAgentHours).toBe(7);
    expect(row.scheduledHours).toBe(10);
    expect(row.agentHoursOnContacts).toBeCloseTo(5, 12); // A × 0.5 h
  });
  // C-CCH-REQ-occcap-0.70: the occupancy cap raises the requirement to 15 (22 scheduled).
  it("occupancy cap", () => {
    const plan = planStaffing({
      intervalMinutes: 30,
      intervals: [{ localMs: at(2, 9), calls: 100, ahtSeconds: 180 }],
      config: { channels: { voice: { type: "voice", targetServiceLevel: 0.8, targetAnswerSeconds: 20, maxOccupancy: 0.7 } }, shrinkage: { components: [{ name: "all", fraction: 0.3 }] } },
    });
    expect([plan.intervals[0]!.requiredAgents, plan.intervals[0]!.scheduledAgents]).toEqual([15, 22]);
  });
  // A-PYWF-REQ: Erlang A, patience 300 s, 80/20, abandonment <= 5%, occupancy <= 85% -> 13 agents, abandonment 0.0249633036336.
  it("Erlang A when the channel has a patience", () => {
    const plan = planStaffing({
      intervalMinutes: 30,
      intervals: [{ localMs: at(2, 9), calls: 100 }],
      config: { channels: { voice: { type: "voice", ahtSeconds: 180, targetServiceLevel: 0.8, targetAnswerSeconds: 20, patienceSeconds: 300, maxAbandonProbability: 0.05, maxOccupancy: 0.85 } } },
    });
    expect(plan.intervals[0]!.requiredAgents).toBe(13);
    expect(plan.intervals[0]!.abandonProbability!).toBeCloseTo(0.0249633036336, 11);
    expect(plan.intervals[0]!.serviceLevel!).toBeCloseTo(0.858177700031, 11);
  });
});

describe("planStaffing: channels, days and totals", () => {
  const config: StaffingConfig = {
    channels: {
      voice: { type: "voice", targetServiceLevel: 0.8, targetAnswerSeconds: 20, minimumAgents: 2 },
      chat: { type: "chat", targetServiceLevel: 0.8, targetAnswerSeconds: 60, concurrency: 3, handleTimeFactorPerExtraChat: 0.25 },
      email: { type: "deferred", responseSeconds: 8 * 3600 },
    },
    shrinkage: { components: [{ name: "breaks", fraction: 0.1 }, { name: "absence", kind: "unplanned", fraction: 0.1 }] },
    fixedRoles: [{ role: "wfm", headcount: 1 }],
    hoursPerFtePerMonth: 160,
  };
  // Two days of hourly volumes; voice peaks at 10:00, chat at 20:00, email flat.
  const intervals: StaffingIntervalInput[] = [];
  for (const day of [2, 3]) {
    for (let hour = 0; hour < 24; hour++) {
      intervals.push({ localMs: at(day, hour), channel: "voice", calls: hour === 10 ? 300 : hour >= 8 && hour < 20 ? 120 : 0, ahtSeconds: 240 });
      intervals.push({ localMs: at(day, hour), channel: "chat", calls: hour === 20 ? 90 : 30, ahtSeconds: 400 });
      intervals.push({ localMs: at(day, hour), channel: "email", calls: 10, ahtSeconds: 300 });
    }
  }
  const plan = planStaffing({ intervalMinutes: 60, intervals, config });

  it("orders intervals by time then channel, with every metric name of wfm erlang", () => {
    expect(plan.intervals).toHaveLength(144);
    expect(plan.intervals.slice(0, 3).map((r) => r.channel)).toEqual(["voice", "chat", "email"]);
    for (const key of ["trafficErlangs", "serviceLevel", "asaSeconds", "occupancy", "abandonProbability", "requiredAgents", "scheduledAgents"]) expect(plan.intervals[0]).toHaveProperty(key);
  });
  it("keeps the minimum on voice at night and meets every queued target", () => {
    const night = plan.intervals.find((r) => r.channel === "voice" && r.calls === 0)!;
    expect(night.requiredAgents).toBe(2);
    for (const r of plan.intervals) {
      expect(r.scheduledAgents).toBeGreaterThanOrEqual(r.requiredAgents);
      if (r.channelType !== "deferred" && r.calls > 0) expect(r.serviceLevel!).toBeGreaterThanOrEqual(0.8);
    }
  });
  it("answers every email within the window (open around the clock)", () => {
    const email = plan.totals.channels.find((c) => c.channel === "email")!;
    expect(email.answeredWithinTarget).toBe(1);
    expect(email.serviceLevel).toBeNull();
    expect(email.backlog).not.toBeNull();
  });
  it("days: one row per date and channel, then all", () => {
    expect(plan.days.map((d) => `${d.date} ${d.channel}`).slice(0, 4)).toEqual(["2026-11-02 voice", "2026-11-02 chat", "2026-11-02 email", "2026-11-02 all"]);
    expect(plan.days).toHaveLength(8);
  });
  it("totals are sums over intervals; peaks of all channels are concurrent sums, not sums of peaks", () => {
    const sum = (f: (r: (typeof plan.intervals)[number]) => number) => plan.intervals.reduce((s, r) => s + f(r), 0);
    expect(plan.totals.all.scheduledHours).toBeCloseTo(sum((r) => r.scheduledHours), 9);
    expect(plan.totals.all.requiredAgentHours).toBeCloseTo(sum((r) => r.requiredAgentHours), 9);
    expect(plan.totals.all.calls).toBe(sum((r) => r.calls));
    const byTime = new Map<number, number>();
    for (const r of plan.intervals) byTime.set(r.localMs, (byTime.get(r.localMs) ?? 0) + r.requiredAgents);
    expect(plan.totals.all.peakRequiredAgents).toBe(Math.max(...byTime.values()));
    const peaks = plan.totals.channels.reduce((s, c) => s + c.peakRequiredAgents, 0);
    expect(plan.totals.all.peakRequiredAgents).toBeLessThan(peaks);
    // SL weighted by calls over voice and chat.
    const queued = plan.intervals.filter((r) => r.serviceLevel !== null && r.calls > 0);
    const weighted = queued.reduce((s, r) => s + r.serviceLevel! * r.calls, 0) / queued.reduce((s, r) => s + r.calls, 0);
    expect(plan.totals.all.serviceLevel!).toBeCloseTo(weighted, 12);
  });
  it("FTE: scheduled hours over the FTE hours of the days covered (November: 160 h / 30 days each)", () => {
    expect(plan.totals.hoursPerFte).toBeCloseTo((160 / 30) * 2, 12);
    expect(plan.totals.agentFte).toBeCloseTo(plan.totals.all.scheduledHours / ((160 / 30) * 2), 12);
    expect(plan.totals.periodDays).toBe(2);
    const qa = plan.totals.supportingStaff.roles.find((r) => r.role === "qa")!;
    expect(qa.fte).toBeCloseTo(plan.totals.agentFte / 12, 12);
    expect(plan.totals.totalFte).toBeCloseTo(plan.totals.agentFte + plan.totals.supportingStaff.fte, 12);
  });
  it("does not depend on the input order (channels keep the order they first appear in)", () => {
    const shuffled = [...intervals.slice(0, 3), ...intervals.slice(3).reverse()];
    expect(planStaffing({ intervalMinutes: 60, intervals: shuffled, config })).toEqual(plan);
  });
});

describe("planStaffing: opening hours and edge cases", () => {
  it("closed intervals get no agents and no service level", () => {
    const plan = planStaffing({
      intervalMinutes: 60,
      intervals: [{ localMs: at(2, 6), calls: 5, ahtSeconds: 200 }, { localMs: at(2, 9), calls: 50, ahtSeconds: 200 }],
      config: { ...voice8020, openingHours: { monday: [{ openMinute: 8 * 60, closeMinute: 20 * 60 }] } },
    });
    expect(plan.intervals[0]).toMatchObject({ open: false, requiredAgents: 0, serviceLevel: null });
    expect(plan.intervals[1]!.open).toBe(true);
    expect(plan.intervals[1]!.requiredAgents).toBeGreaterThan(0);
  });
  it("paid hours gross up the requirement without rounding; the head count is rounded up", () => {
    // 1 email agent for an hour at 20% shrinkage: 1.25 paid hours, but 2 people on the schedule.
    const plan = planStaffing({
      intervalMinutes: 60,
      intervals: [{ localMs: at(2, 9), channel: "email", calls: 10, ahtSeconds: 300 }],
      config: { channels: { email: { type: "deferred", responseSeconds: 3600 } }, shrinkage: { components: [{ name: "s", fraction: 0.2 }] } },
    });
    expect(plan.intervals[0]).toMatchObject({ requiredAgents: 1, scheduledAgents: 2 });
    expect(plan.intervals[0]!.scheduledHours).toBeCloseTo(1.25, 12);
    expect(plan.totals.all.scheduledHours).toBeCloseTo(1.25, 12);
  });
  it("no calls, no agents and perfect metrics", () => {
    const plan = planStaffing({ intervalMinutes: 15, intervals: [{ localMs: at(2, 3), calls: 0, ahtSeconds: 200 }], config: voice8020 });
    expect(plan.intervals[0]).toMatchObject({ requiredAgents: 0, scheduledAgents: 0, serviceLevel: 1, occupancy: 0 });
  });
  it("an empty plan has zero totals", () => {
    const plan = planStaffing({ intervalMinutes: 15, intervals: [], config: voice8020 });
    expect(plan.totals.all.scheduledHours).toBe(0);
    expect(plan.days).toEqual([]);
  });
  it("explains a missing target, a missing AHT and a duplicate interval", () => {
    expect(() => planStaffing({ intervalMinutes: 60, intervals: [{ localMs: 0, calls: 1, ahtSeconds: 100 }], config: {} })).toThrow(
      "planStaffing: config.channels.voice.targetServiceLevel must be set for a queued channel (e.g. 0.8 with targetAnswerSeconds 20), got undefined",
    );
    expect(() => planStaffing({ intervalMinutes: 60, intervals: [{ localMs: 0, calls: 1 }], config: voice8020 })).toThrow(
      "planStaffing: intervals[0].ahtSeconds must be given, or config.channels.voice.ahtSeconds set, got undefined",
    );
    expect(() => planStaffing({ intervalMinutes: 60, intervals: [{ localMs: 0, calls: 1, ahtSeconds: 9 }, { localMs: 0, calls: 2, ahtSeconds: 9 }], config: voice8020 })).toThrow(
      "intervals[1].localMs must be unique per channel (voice 1970-01-01T00:00 appears twice)",
    );
  });
  it("reports an unattainable target as infeasible", () => {
    try {
      planStaffing({ intervalMinutes: 60, intervals: [{ localMs: at(2, 9), calls: 10, ahtSeconds: 100 }], config: { channels: { voice: { type: "voice", targetServiceLevel: 1, targetAnswerSeconds: 0 } } } });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(WfmError);
      expect((error as WfmError).code).toBe("infeasible");
      expect((error as WfmError).message).toMatch(/^planStaffing: voice 2026-11-02T09:00: /);
    }
  });
  it("law: more calls never need fewer agents; scheduled >= required", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 500, noNaN: true }), fc.double({ min: 1, max: 1.5, noNaN: true }), fc.double({ min: 0, max: 0.5, noNaN: true }), (calls, growth, shrink) => {
        const run = (c: number) =>
          planStaffing({
            intervalMinutes: 30,
            intervals: [
              { localMs: 0, channel: "voice", calls: c, ahtSeconds: 240 },
              { localMs: 0, channel: "chat", calls: c / 2, ahtSeconds: 400 },
            ],
            config: {
              channels: { ...voice8020.channels, chat: { type: "chat", targetServiceLevel: 0.8, targetAnswerSeconds: 30, concurrency: 2, handleTimeFactorPerExtraChat: 0.2 } },
              shrinkage: { components: [{ name: "s", fraction: shrink }] },
            },
          }).intervals;
        const a = run(calls);
        const b = run(calls * growth);
        return a.every((r, i) => b[i]!.requiredAgents >= r.requiredAgents && r.scheduledAgents >= r.requiredAgents);
      }),
      { numRuns: 150 },
    );
  });
});
