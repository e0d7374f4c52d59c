import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CostActivity, CostModel } from "../../src/cost/cost-model.js";
import { toMoney } from "../../src/cost/money.js";
import { applyCostLevers, compareScenarios } from "../../src/cost/scenarios.js";
import { applyStaffingLevers, staffingPlanner, withScheduledHours } from "../../src/cost/staffing-planner.js";
import { WfmError } from "../../src/errors.js";
import type { StaffingConfig, StaffingIntervalInput } from "../../src/staffing/plan.js";

const model: CostModel = {
  currency: "USD",
  minorUnits: 2,
  hoursPerFte: 160,
  employerOverheadRate: toMoney("0.3"),
  sites: [
    { name: "hq", agentShare: 0.8, wage: { amount: toMoney(2400), per: "month" }, seatCostPerMonth: toMoney(300) },
    { name: "branch", agentShare: 0.2, wage: { amount: toMoney("11.5"), per: "hour" }, seatCostPerMonth: toMoney(150), seats: 10 },
  ],
  supportingStaff: [{ role: "qa", agentsPerPerson: 12, wage: { amount: toMoney(2800), per: "month" } }],
  otherCosts: [{ name: "telephony", basis: "per-handled-minute", amount: toMoney("0.01"), channel: "voice" }],
};

describe("applyCostLevers", () => {
  it("moves a share of the agent hours from one site to a new one", () => {
    const moved = applyCostLevers(model, { relocate: [{ share: 0.3, from: "hq", to: { name: "north", wage: { amount: toMoney(9), per: "hour" }, seatCostPerMonth: toMoney(100) } }] });
    expect(moved.sites.map((s) => [s.name, s.agentShare])).toEqual([
      ["hq", 0.5],
      ["branch", 0.2],
      ["north", 0.3],
    ]);
    expect(moved.sites[2]!.wage.amount.toString()).toBe("9");
  });

  it("takes the share from every other site in proportion when no source is named, and keeps fixed seats in proportion", () => {
    const moved = applyCostLevers(model, { relocate: [{ share: 0.1, to: { name: "branch" } }] });
    // hq gives 0.1 x 0.8 / 0.8 = 0.1 (the only other site); branch grows from 0.2 to 0.3 and its
    // 10 fixed seats to ceil(10 x 0.3 / 0.2) = 15.
    expect(moved.sites.map((s) => [s.name, s.agentShare, s.seats])).toEqual([
      ["hq", 0.7, undefined],
      ["branch", 0.3, 15],
    ]);
  });

  it("changes wages, remote shares and seat costs of the sites named, or of all", () => {
    const changed = applyCostLevers(model, {
      wages: [{ changeFraction: toMoney("0.04") }],
      remote: [{ site: "branch", remoteShare: 0.5 }],
      seatCost: [{ site: "hq", seatCostPerMonth: toMoney(250) }],
    });
    expect(changed.sites.map((s) => s.wage.amount.toString())).toEqual(["2496", "11.96"]);
    expect(changed.sites[1]!.remoteShare).toBe(0.5);
    expect(changed.sites[1]!.seats).toBe(5); // ceil(10 x 0.5)
    expect(changed.sites[0]!.seatCostPerMonth!.toString()).toBe("250");
  });

  it("rejects unknown sites, shares above what the source has, and a new site without a wage", () => {
    expect(() => applyCostLevers(model, { remote: [{ site: "moon", remoteShare: 0.1 }] })).toThrow('applyCostLevers: remote[0].site must be one of the sites (hq, branch), got "moon"');
    expect(() => applyCostLevers(model, { relocate: [{ share: 0.5, from: "branch", to: { name: "hq" } }] })).toThrow("applyCostLevers: relocate[0].share must be at most the 0.2 share of agent hours at the source sites, got 0.5");
    expect(() => applyCostLevers(model, { relocate: [{ share: 0.1, to: { name: "north" } }] })).toThrow(WfmError);
  });
});

// Two days of hourly voice and chat, with a daily curve.
const curve = [2, 1, 1, 1, 1, 2, 4, 8, 14, 18, 20, 20, 18, 18, 19, 19, 17, 15, 12, 10, 8, 6, 4, 3];
const intervals: StaffingIntervalInput[] = [];
for (let day = 1; day <= 2; day++) {
  for (let hour = 0; hour < 24; hour++) {
    intervals.push({ localMs: Date.UTC(2026, 10, day, hour), channel: "voice", calls: curve[hour]! * 6 });
    intervals.push({ localMs: Date.UTC(2026, 10, day, hour), channel: "chat", calls: curve[hour]! * 2.5 });
  }
}
const config: StaffingConfig = {
  channels: {
    voice: { type: "voice", ahtSeconds: 240, targetServiceLevel: 0.8, targetAnswerSeconds: 20 },
    chat: { type: "chat", ahtSeconds: 420, targetServiceLevel: 0.8, targetAnswerSeconds: 60, concurrency: 2 },
  },
  shrinkage: { components: [{ name: "breaks", fraction: 0.25 }] },
  hoursPerFtePerMonth: 160,
};
const planner = staffingPlanner({ intervals, intervalMinutes: 60, config, orders: 40000 });

describe("applyStaffingLevers", () => {
  it("deflects, changes AHT by seconds then percent, and replaces targets and concurrency", () => {
    const { intervals: out, config: c } = applyStaffingLevers(
      { intervals: [{ localMs: 0, channel: "voice", calls: 100, ahtSeconds: 300 }, { localMs: 0, channel: "chat", calls: 40 }], intervalMinutes: 60, config },
      { deflect: [{ channel: "voice", fraction: 0.25 }], aht: [{ channel: "voice", changeSeconds: -20 }, { changeFraction: -0.1 }], serviceLevel: [{ targetServiceLevel: 0.9, targetAnswerSeconds: 15 }], chatConcurrency: 3 },
    );
    expect(out).toEqual([{ localMs: 0, channel: "voice", calls: 75, ahtSeconds: (300 - 20) * 0.9 }, { localMs: 0, channel: "chat", calls: 40 }]);
    expect(c.channels!.voice).toMatchObject({ ahtSeconds: (240 - 20) * 0.9, targetServiceLevel: 0.9, targetAnswerSeconds: 15 });
    expect(c.channels!.chat).toMatchObject({ ahtSeconds: 420 * 0.9, targetServiceLevel: 0.9, targetAnswerSeconds: 15, concurrency: 3 });
  });

  it("rejects a channel the volumes do not have and an AHT cut to zero", () => {
    expect(() => planner({ deflect: [{ channel: "email", fraction: 0.1 }] })).toThrow('applyStaffingLevers: deflect[0].channel must be a channel of the volumes (voice, chat), got "email"');
    expect(() => planner({ aht: [{ changeSeconds: -500 }] })).toThrow(WfmError);
  });
});

describe("compareScenarios", () => {
  it("recomputes staffing and cost for each scenario, with deltas against the base", () => {
    const { base, scenarios } = compareScenarios({
      model,
      planner,
      scenarios: [
        { name: "ivr", deflect: [{ channel: "voice", fraction: 0.2 }] },
        { name: "tighter", serviceLevel: [{ channel: "voice", targetServiceLevel: 0.9, targetAnswerSeconds: 20 }] },
        { name: "cheaper", relocate: [{ share: 0.3, from: "hq", to: { name: "branch" } }] },
      ],
    });
    expect(base.delta.total.isZero()).toBe(true);
    expect(base.work.serviceLevel).toBeGreaterThanOrEqual(0.8);
    const [ivr, tighter, cheaper] = scenarios;
    expect(ivr!.delta.total.isNegative()).toBe(true);
    expect(ivr!.delta.agentFte.isNegative()).toBe(true);
    expect(tighter!.delta.total.isPositive()).toBe(true);
    expect(tighter!.work.serviceLevel!).toBeGreaterThan(base.work.serviceLevel!);
    // Relocation changes prices, not staffing.
    expect(cheaper!.cost.agentFte.eq(base.cost.agentFte)).toBe(true);
    expect(cheaper!.delta.total.isNegative()).toBe(true);
    expect(cheaper!.delta.totalFraction).toBeCloseTo(cheaper!.delta.total.dividedBy(base.cost.total).toNumber(), 15);
  });

  it("rejects repeated names and the reserved name base", () => {
    expect(() => compareScenarios({ model, planner, scenarios: [{ name: "a" }, { name: "a" }] })).toThrow('compareScenarios: scenarios[1].name must be unique and not "base", got "a"');
    expect(() => compareScenarios({ model, planner, scenarios: [{ name: "base" }] })).toThrow(WfmError);
  });
});

describe("scenario laws (staffing recomputed with the staffing engine)", () => {
  const total = (levers: Parameters<typeof planner>[0]) => compareScenarios({ model, planner, scenarios: [{ name: "s", ...levers }] }).scenarios[0]!.cost.total;

  it("more deflection never raises cost", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 0.9, noNaN: true }), fc.double({ min: 0, max: 0.9, noNaN: true }), fc.constantFrom("voice", "chat"), (a, b, channel) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(total({ deflect: [{ channel, fraction: high }] }).lte(total({ deflect: [{ channel, fraction: low }] }))).toBe(true);
      }),
      { numRuns: 15 },
    );
  });

  it("a higher service-level target never lowers cost", () => {
    fc.assert(
      fc.property(fc.integer({ min: 50, max: 97 }), fc.integer({ min: 50, max: 97 }), fc.constantFrom(10, 20, 30), (a, b, seconds) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const at = (sl: number) => total({ serviceLevel: [{ targetServiceLevel: sl / 100, targetAnswerSeconds: seconds }] });
        expect(at(high).gte(at(low))).toBe(true);
      }),
      { numRuns: 15 },
    );
  });
});

describe("withScheduledHours", () => {
  const activity: CostActivity = {
    basis: "projected",
    channels: [
      { channel: "voice", agentHours: 300, handledContacts: 900, handledMinutes: 3600 },
      { channel: "chat", agentHours: 100, handledContacts: 400, handledMinutes: 2400 },
      { channel: "email", agentHours: 50, handledContacts: 200, handledMinutes: 1000 },
    ],
    peakAgents: 12,
  };

  it("shares a team's paid hours by planned hours and leaves the other channels alone", () => {
    const scheduled = withScheduledHours(activity, { paidHours: 480, channels: ["voice", "chat"], peakAgents: 15 });
    expect(scheduled.channels.map((c) => c.agentHours)).toEqual([360, 120, 50]);
    expect(scheduled.channels.map((c) => c.handledMinutes)).toEqual([3600, 2400, 1000]);
    expect(scheduled.peakAgents).toBe(15);
  });

  it("gives the team exactly the schedule's hours, whatever the split (law)", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e5, noNaN: true }), fc.subarray(["voice", "chat", "email"], { minLength: 1 }), (paidHours, team) => {
        const scheduled = withScheduledHours(activity, { paidHours, channels: team });
        const teamHours = scheduled.channels.filter((c) => team.includes(c.channel)).reduce((s, c) => s + c.agentHours, 0);
        expect(teamHours).toBeCloseTo(paidHours, 6);
        for (const c of scheduled.channels.filter((x) => !team.includes(x.channel))) {
          expect(c.agentHours).toBe(activity.channels.find((x) => x.channel === c.channel)!.agentHours);
        }
      }),
    );
  });

  it("rejects a channel the activity does not have", () => {
    expect(() => withScheduledHours(activity, { paidHours: 1, channels: ["fax"] })).toThrow(
      "withScheduledHours: channels must be channels of the activity (voice, chat, email), got \"fax\"",
    );
  });
});
