import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { costBreakdown, roundCost, type CostActivity, type CostModel } from "../../src/cost/cost-model.js";
import { allocateRounded, sumMoney, toMoney } from "../../src/cost/money.js";
import { WfmError } from "../../src/errors.js";

/**
 * A hand-computed month (every figure below was worked out on paper, not by this code):
 *
 * paid agent hours H = 4000 (voice) + 1600 (chat) + 800 (email) = 6400; FTE = 6400 / 160 = 40
 * site A, 75% of H = 4800 h x 12.40/h          = 59,520
 * site B, 25% of H = 1600 h x 1,600/month / 160 = 16,000
 * QA  ceil(40 / 12) = 4 x 2,000                 =  8,000
 * TL  ceil(40 / 15) = 3 x 2,200                 =  6,600
 * WFM 1 x 15/h x 160 h                          =  2,400   wages = 92,520
 * employer overhead 25% x 92,520                = 23,130
 * seats A: ceil(40 x 0.75 + 7 support) = 37 x 200 = 7,400
 * seats B: ceil((40 x 0.25 + 1 support) x (1 - 0.5 remote)) = ceil(5.5) = 6 x 150 = 900
 * telephony 150,000 voice min x 0.01            =  1,500
 * licences 40 FTE x 50                          =  2,000
 * facilities 1 month x 5,000                    =  5,000
 * email tool 6,000 email contacts x 0.05        =    300
 * total                                         = 132,750
 *
 * Channels: everything but telephony and the email tool by hours 4000 : 1600 : 800
 * (130,950 x 0.625 / 0.25 / 0.125), telephony to voice, the email tool to email:
 * voice 81,843.75 + 1,500 = 83,343.75; chat 32,737.50; email 16,368.75 + 300 = 16,668.75.
 */
const model: CostModel = {
  currency: "USD",
  minorUnits: 2,
  hoursPerFte: 160,
  employerOverheadRate: toMoney("0.25"),
  sites: [
    { name: "A", agentShare: 0.75, wage: { amount: toMoney("12.40"), per: "hour" }, seatCostPerMonth: toMoney(200) },
    { name: "B", agentShare: 0.25, wage: { amount: toMoney(1600), per: "month" }, seatCostPerMonth: toMoney(150), remoteShare: 0.5 },
  ],
  supportingStaff: [
    { role: "qa", agentsPerPerson: 12, wage: { amount: toMoney(2000), per: "month" } },
    { role: "teamLead", agentsPerPerson: 15, wage: { amount: toMoney(2200), per: "month" }, site: "A" },
    { role: "wfm", headcount: 1, wage: { amount: toMoney(15), per: "hour" }, site: "B" },
  ],
  otherCosts: [
    { name: "telephony", basis: "per-handled-minute", amount: toMoney("0.01"), channel: "voice" },
    { name: "licences", basis: "per-agent-fte", amount: toMoney(50) },
    { name: "facilities", basis: "per-month", amount: toMoney(5000) },
    { name: "email tool", basis: "per-contact", amount: toMoney("0.05"), channel: "email" },
  ],
};
const activity: CostActivity = {
  basis: "actual",
  channels: [
    { channel: "voice", agentHours: 4000, handledContacts: 30000, handledMinutes: 150000 },
    { channel: "chat", agentHours: 1600, handledContacts: 16000, handledMinutes: 72000 },
    { channel: "email", agentHours: 800, handledContacts: 6000, handledMinutes: 48000 },
  ],
  peakAgents: 40,
  orders: 125000,
};

describe("costBreakdown: the hand-computed month", () => {
  const b = costBreakdown({ model, activity });

  it("has every line exactly", () => {
    expect(b.lines.map((l) => [l.name, l.quantity.toString(), l.rate.toString(), l.amount.toString()])).toEqual([
      ["agents A", "4800", "12.4", "59520"],
      ["agents B", "1600", "10", "16000"],
      ["qa", "4", "2000", "8000"],
      ["teamLead", "3", "2200", "6600"],
      ["wfm", "1", "2400", "2400"],
      ["employer overhead", "92520", "0.25", "23130"],
      ["seats A", "37", "200", "7400"],
      ["seats B", "6", "150", "900"],
      ["telephony", "150000", "0.01", "1500"],
      ["licences", "40", "50", "2000"],
      ["facilities", "1", "5000", "5000"],
      ["email tool", "6000", "0.05", "300"],
    ]);
    expect(b.total.toString()).toBe("132750");
    expect(b.agentFte.toString()).toBe("40");
    expect(b.supportHeadcount).toEqual({ qa: 4, "teamLead": 3, wfm: 1 });
    expect(b.seats).toEqual({ A: 37, B: 6 });
  });

  it("splits the total between channels exactly", () => {
    expect(b.channels.map((c) => [c.channel, c.cost.toString(), c.costPerContact?.toString(), c.costPerHandledMinute?.toString()])).toEqual([
      ["voice", "83343.75", "2.778125", "0.555625"],
      ["chat", "32737.5", "2.04609375", "0.4546875"],
      ["email", "16668.75", "2.778125", "0.347265625"],
    ]);
  });

  it("gives the unit costs: per handled minute, per contact, per order", () => {
    expect(b.costPerHandledMinute?.toString()).toBe(toMoney(132750).dividedBy(270000).toString()); // 0.49166...
    expect(b.costPerHandledMinute?.toSignificantDigits(10).toString()).toBe("0.4916666667");
    expect(b.costPerContact?.toSignificantDigits(10).toString()).toBe("2.552884615");
    expect(b.costPerOrder?.toString()).toBe("1.062");
  });

  it("rounds once, at output, with lines and channels adding up to the total", () => {
    const r = roundCost(b);
    expect(r.total).toBe("132750.00");
    expect(r.lines.map((l) => l.amount)).toEqual(["59520.00", "16000.00", "8000.00", "6600.00", "2400.00", "23130.00", "7400.00", "900.00", "1500.00", "2000.00", "5000.00", "300.00"]);
    expect(r.channels.map((c) => [c.cost, c.costPerContact, c.costPerHandledMinute])).toEqual([
      ["83343.75", "2.7781", "0.5556"],
      ["32737.50", "2.0461", "0.4547"],
      ["16668.75", "2.7781", "0.3473"],
    ]);
    expect([r.costPerHandledMinute, r.costPerContact, r.costPerOrder]).toEqual(["0.4917", "2.5529", "1.0620"]);
  });

  it("keeps IRR without decimals", () => {
    const r = roundCost(costBreakdown({ model: { ...model, currency: "IRR", minorUnits: 0 }, activity }));
    expect(r.total).toBe("132750");
    expect(r.costPerOrder).toBe("1.06");
  });
});

describe("costBreakdown: edge cases", () => {
  it("gives no unit cost for a zero divisor (never a zero)", () => {
    const b = costBreakdown({ model, activity: { ...activity, orders: 0, channels: [{ channel: "voice", agentHours: 100, handledContacts: 0, handledMinutes: 0 }] } });
    expect(b.costPerOrder).toBeNull();
    expect(b.costPerContact).toBeNull();
    expect(b.channels[0]!.costPerHandledMinute).toBeNull();
    expect(costBreakdown({ model, activity: { basis: "actual", channels: [], peakAgents: 0 } }).costPerOrder).toBeNull();
  });

  it("charges monthly costs per month of the period", () => {
    const two = costBreakdown({ model, activity: { ...activity, months: 2 } });
    expect(two.lines.find((l) => l.name === "facilities")!.amount.toString()).toBe("10000");
    expect(two.lines.find((l) => l.name === "qa")!.amount.toString()).toBe("8000"); // FTE 20 -> 2 QA x 2 months
  });

  it("rejects shares that do not sum to 1, unknown sites, and seats it cannot size", () => {
    expect(() => costBreakdown({ model: { ...model, sites: [{ ...model.sites[0]!, agentShare: 0.7 }] }, activity })).toThrow(
      "costBreakdown: model.sites[].agentShare must be shares summing to 1, got 0.7",
    );
    expect(() => costBreakdown({ model: { ...model, supportingStaff: [{ role: "qa", site: "C", headcount: 1, wage: { amount: toMoney(1), per: "month" } }] }, activity })).toThrow(
      'costBreakdown: model.supportingStaff[0].site must be one of the sites (A, B), got "C"',
    );
    const { peakAgents: _peak, ...noPeak } = activity;
    expect(() => costBreakdown({ model, activity: noPeak })).toThrow(WfmError);
    expect(() => costBreakdown({ model, activity: { ...activity, channels: [{ channel: "voice", agentHours: -1, handledContacts: 0, handledMinutes: 0 }] } })).toThrow(
      "costBreakdown: activity.channels[0].agentHours must be a non-negative finite number, got -1",
    );
  });
});

describe("costBreakdown: laws", () => {
  const money = fc.tuple(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 4 })).map(([n, scale]) => toMoney(`${n}e-${scale}`));
  const hours = fc.double({ min: 0, max: 20_000, noNaN: true });
  const arbModel = fc
    .record({
      shares: fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 4 }),
      wages: fc.array(money, { minLength: 4, maxLength: 4 }),
      perMonth: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
      seat: money,
      overhead: fc.integer({ min: 0, max: 60 }),
      qa: fc.integer({ min: 8, max: 20 }),
      other: money,
      basis: fc.constantFrom("per-month" as const, "per-agent-fte" as const, "per-handled-minute" as const, "per-contact" as const),
      hoursPerFte: fc.integer({ min: 120, max: 200 }),
    })
    .map((r): CostModel => {
      const sum = r.shares.reduce((a, b) => a + b, 0);
      // Exact fractions for every share but the last, which takes the remainder.
      const fractions = r.shares.map((s) => Number(toMoney(s).dividedBy(sum).toDecimalPlaces(6).toString()));
      fractions[fractions.length - 1] = Number(toMoney(1).minus(sumMoney(fractions.slice(0, -1).map((f) => toMoney(f)))).toString());
      return {
        currency: "USD",
        minorUnits: 2,
        hoursPerFte: r.hoursPerFte,
        employerOverheadRate: toMoney(r.overhead).dividedBy(100),
        sites: fractions.map((f, i) => ({ name: `s${i}`, agentShare: f, wage: { amount: r.wages[i]!, per: r.perMonth[i] ? "month" : "hour" }, seatCostPerMonth: r.seat, remoteShare: i === 0 ? 0.3 : 0 })),
        supportingStaff: [{ role: "qa", agentsPerPerson: r.qa, wage: { amount: r.wages[0]!, per: "month" } }],
        otherCosts: [{ name: "other", basis: r.basis, amount: r.other }],
      };
    });
  const arbActivity = fc
    .record({
      channels: fc.array(fc.record({ agentHours: hours, handledContacts: fc.integer({ min: 0, max: 100_000 }), handledMinutes: hours }), { minLength: 1, maxLength: 4 }),
      peakAgents: fc.integer({ min: 0, max: 500 }),
      orders: fc.integer({ min: 1, max: 1_000_000 }),
    })
    .map((a): CostActivity => ({ basis: "projected", channels: a.channels.map((c, i) => ({ channel: `c${i}`, ...c })), peakAgents: a.peakAgents, orders: a.orders }));

  it("the lines sum exactly to the total, and so do the channels; rounded, they sum to the rounded total", () => {
    fc.assert(
      fc.property(arbModel, arbActivity, (m, a) => {
        const b = costBreakdown({ model: m, activity: a });
        expect(sumMoney(b.lines.map((l) => l.amount)).eq(b.total)).toBe(true);
        expect(sumMoney(b.channels.map((c) => c.cost)).eq(b.total)).toBe(true);
        const r = roundCost(b);
        expect(sumMoney(r.lines.map((l) => toMoney(l.amount))).toFixed(2)).toBe(r.total);
        expect(sumMoney(r.channels.map((c) => toMoney(c.cost))).toFixed(2)).toBe(r.total);
        expect(allocateRounded([b.total], 2).total).toBe(r.total);
      }),
      { numRuns: 200 },
    );
  });

  // Not "equal after rounding to cents": a total of exactly 214685.225 comes back as
  // 214685.22499...9 (fast-check found it), which rounds to the other cent.
  it("cost per order x orders equals the total before rounding (within 1e-38 relative: one division at 40 digits)", () => {
    fc.assert(
      fc.property(arbModel, arbActivity, (m, a) => {
        const b = costBreakdown({ model: m, activity: a });
        const back = b.costPerOrder!.times(a.orders!);
        expect(back.minus(b.total).abs().lte(b.total.abs().times("1e-38"))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it("more paid hours never cost less", () => {
    fc.assert(
      fc.property(arbModel, arbActivity, fc.double({ min: 0, max: 5000, noNaN: true }), (m, a, extra) => {
        const more: CostActivity = { ...a, channels: a.channels.map((c, i) => (i === 0 ? { ...c, agentHours: c.agentHours + extra } : c)) };
        expect(costBreakdown({ model: m, activity: more }).total.gte(costBreakdown({ model: m, activity: a }).total)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
