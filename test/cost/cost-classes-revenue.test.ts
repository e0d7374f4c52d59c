import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { costBreakdown, roundCost, type CostModel } from "../../src/cost/cost-model.js";
import { sumMoney, toMoney } from "../../src/cost/money.js";
import { workFromStaffingPlan } from "../../src/cost/staffing-planner.js";
import type { StaffingPlan } from "../../src/staffing/plan.js";

/**
 * A tiny hand-computed month: one site at 10/h, no overhead, 100 paid voice hours = 1,000.
 * Classes by handled minutes: vip 300 min, regular 700 min, so vip 1,000 x 0.3 = 300 over
 * 60 contacts = 5 per contact, regular 700 over 175 contacts = 4 per contact.
 * Outbound: 250 contacts x 3.20 = 800 revenue; revenue / cost = 800 / 1,000 = 0.8.
 */
const model: CostModel = {
  currency: "USD",
  minorUnits: 2,
  hoursPerFte: 160,
  employerOverheadRate: toMoney(0),
  sites: [{ name: "hq", agentShare: 1, wage: { amount: toMoney(10), per: "hour" } }],
  supportingStaff: [],
  otherCosts: [],
};

describe("costBreakdown: cost per class and outbound revenue (hand-computed)", () => {
  const b = costBreakdown({
    model,
    activity: {
      basis: "projected",
      channels: [
        {
          channel: "voice",
          agentHours: 100,
          handledContacts: 235,
          handledMinutes: 1000,
          classes: [
            { name: "vip", handledContacts: 60, handledMinutes: 300 },
            { name: "regular", handledContacts: 175, handledMinutes: 700 },
          ],
          outbound: { contacts: 250, revenuePerContact: toMoney("3.20") },
        },
      ],
    },
  });
  it("allocates the channel's cost to its classes by handled minutes", () => {
    const classes = b.channels[0]!.classes!;
    expect(classes.map((k) => k.cost.toString())).toEqual(["300", "700"]);
    expect(classes.map((k) => k.costPerContact!.toString())).toEqual(["5", "4"]);
  });
  it("gives outbound revenue and the revenue-to-cost ratio", () => {
    expect(b.channels[0]!.outbound!.revenue!.toString()).toBe("800");
    expect(b.outbound!.contacts).toBe(250);
    expect(b.outbound!.revenue.toString()).toBe("800");
    expect(b.outbound!.revenueToCost!.toString()).toBe("0.8");
  });
  it("rounds once at output", () => {
    const r = roundCost(b);
    expect(r.channels[0]!.classes).toEqual([
      { name: "vip", cost: "300.00", handledContacts: 60, handledMinutes: 300, costPerContact: "5.0000" },
      { name: "regular", cost: "700.00", handledContacts: 175, handledMinutes: 700, costPerContact: "4.0000" },
    ]);
    expect(r.outbound).toEqual({ contacts: 250, revenue: "800.00", revenueToCost: "0.8000" });
  });
  it("has no revenue without a revenue per contact", () => {
    const none = costBreakdown({
      model,
      activity: { basis: "projected", channels: [{ channel: "voice", agentHours: 10, handledContacts: 5, handledMinutes: 5, outbound: { contacts: 4, revenuePerContact: null } }] },
    });
    expect(none.outbound).toBeUndefined();
    expect(none.channels[0]!.outbound).toEqual({ contacts: 4, revenue: null });
  });
});

describe("workFromStaffingPlan: classes and outbound from the plan's intervals", () => {
  it("sums handled contacts and minutes per class and outbound contacts, with the config's revenue", () => {
    // Two intervals: 100 calls at 120 s (vip 20% no abandonment, regular 80% with 10% abandoning),
    // 50 calls at 240 s (vip 20%, regular 80%, no abandonment).
    // vip: 20 + 10 = 30 contacts, 20 x 2 + 10 x 4 = 80 min; regular: 72 + 40 = 112 contacts, 72 x 2 + 40 x 4 = 304 min.
    const interval = (calls: number, ahtSeconds: number, regularAbandon: number, outbound: number) => ({
      channel: "voice",
      calls,
      ahtSeconds,
      scheduledHours: 5,
      abandonProbability: (0.8 * regularAbandon * calls) / calls,
      classes: [
        { name: "vip", share: 0.2, calls: calls * 0.2, abandonProbability: 0 },
        { name: "regular", share: 0.8, calls: calls * 0.8, abandonProbability: regularAbandon },
      ],
      outbound: { reserveAgents: 1, contacts: outbound, agentHours: 1, addedAgents: 0 },
    });
    const plan = {
      // A closed interval: no calls, and the engine's outbound contacts are NaN there.
      intervals: [interval(100, 120, 0.1, 7), interval(50, 240, 0, 3), { ...interval(0, 240, 0, Number.NaN), abandonProbability: 0 }],
      totals: { hoursPerFte: 160, hoursPerFtePerMonth: 160, all: { peakScheduledAgents: 5, serviceLevel: 0.8 } },
    } as unknown as StaffingPlan;
    const work = workFromStaffingPlan({ plan, config: { channels: { voice: { type: "voice", outbound: { ahtSeconds: 300, revenuePerContact: 12.5 } } } } });
    const voice = work.activity.channels[0]!;
    expect(voice.classes!.map((k) => k.name)).toEqual(["vip", "regular"]);
    expect(voice.classes![0]!.handledContacts).toBeCloseTo(30, 12);
    expect(voice.classes![0]!.handledMinutes).toBeCloseTo(80, 12);
    expect(voice.classes![1]!.handledContacts).toBeCloseTo(112, 12);
    expect(voice.classes![1]!.handledMinutes).toBeCloseTo(304, 12);
    expect(voice.outbound!.contacts).toBe(10);
    expect(voice.outbound!.revenuePerContact!.toString()).toBe("12.5");
    expect(workFromStaffingPlan({ plan }).activity.channels[0]!.outbound!.revenuePerContact).toBeNull();
  });
});

describe("cost per class and revenue: laws", () => {
  const money = fc.tuple(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 0, max: 4 })).map(([n, scale]) => toMoney(`${n}e-${scale}`));
  it("class costs sum exactly to the channel's cost; rounded ones to the rounded channel cost; ratio = revenue / cost", () => {
    fc.assert(
      fc.property(
        money,
        fc.double({ min: 0.1, max: 10_000, noNaN: true }),
        fc.array(fc.record({ contacts: fc.integer({ min: 0, max: 5000 }), minutes: fc.double({ min: 0, max: 50_000, noNaN: true }) }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 0, max: 10_000 }),
        money,
        (wage, hours, classes, outboundContacts, revenuePerContact) => {
          const b = costBreakdown({
            model: { ...model, sites: [{ name: "hq", agentShare: 1, wage: { amount: wage, per: "hour" } }] },
            activity: {
              basis: "projected",
              channels: [
                {
                  channel: "voice",
                  agentHours: hours,
                  handledContacts: classes.reduce((a, k) => a + k.contacts, 0),
                  handledMinutes: classes.reduce((a, k) => a + k.minutes, 0),
                  classes: classes.map((k, i) => ({ name: `c${i}`, handledContacts: k.contacts, handledMinutes: k.minutes })),
                  outbound: { contacts: outboundContacts, revenuePerContact },
                },
              ],
            },
          });
          const channel = b.channels[0]!;
          expect(sumMoney(channel.classes!.map((k) => k.cost)).eq(channel.cost)).toBe(true);
          channel.classes!.forEach((k) => expect(k.cost.gte(0)).toBe(true));
          const r = roundCost(b);
          expect(sumMoney(r.channels[0]!.classes!.map((k) => toMoney(k.cost))).eq(toMoney(r.channels[0]!.cost))).toBe(true);
          expect(b.outbound!.revenue.eq(toMoney(outboundContacts).times(revenuePerContact))).toBe(true);
          if (!b.total.isZero()) expect(b.outbound!.revenueToCost!.eq(b.outbound!.revenue.dividedBy(b.total))).toBe(true);
        },
      ),
    );
  });
});
