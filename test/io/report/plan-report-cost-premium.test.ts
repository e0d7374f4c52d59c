/** The plan report's cost section shows cost per contact per priority class and the outbound revenue. */
import { describe, expect, it } from "vitest";
import { costBreakdown, roundCost } from "../../../src/cost/cost-model.js";
import { toMoney } from "../../../src/cost/money.js";
import { costClassAndRevenueTables } from "../../../src/io/report/plan-report.js";
import { localeFormat } from "../../../src/io/locale/index.js";

// 100 paid hours x 10 = 1,000; vip 300 of 1,000 handled minutes = 300 over 60 contacts (5.00 each),
// regular 700 over 175 (4.00 each); outbound 250 x 3.20 = 800 revenue, 800 / 1,000 = 0.8.
const model = { currency: "USD", minorUnits: 2, hoursPerFte: 160, employerOverheadRate: toMoney(0), sites: [{ name: "hq", agentShare: 1, wage: { amount: toMoney(10), per: "hour" as const } }], supportingStaff: [], otherCosts: [] };
const breakdown = (outbound: boolean) =>
  costBreakdown({
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
          ...(outbound ? { outbound: { contacts: 250, revenuePerContact: toMoney("3.2") } } : {}),
        },
      ],
    },
  });
const planCost = (outbound: boolean) => ({ ...roundCost(breakdown(outbound)), basis: "staffing plan", orders: null });

describe("plan report: cost per class and outbound revenue", () => {
  it("a row per class and the revenue-to-cost ratio", () => {
    const [classes, revenue] = costClassAndRevenueTables(planCost(true));
    expect(classes!.columns).toEqual(["channel", "class", "cost USD", "handled contacts", "handled minutes", "per contact"]);
    expect(classes!.rows).toEqual([
      ["voice", "vip", "300.00", "60", "300", "5.0000"],
      ["voice", "regular", "700.00", "175", "700", "4.0000"],
    ]);
    expect(revenue!.columns).toEqual(["outbound contacts", "outbound revenue USD", "revenue / cost"]);
    expect(revenue!.rows).toEqual([["250", "800.00", "0.8000"]]);
  });
  it("in Persian digits and words", () => {
    const [classes] = costClassAndRevenueTables(planCost(false), localeFormat("fa"));
    expect(classes!.columns[1]).toBe("کلاس");
    expect(classes!.rows[0]!.slice(0, 2)).toEqual(["voice", "vip"]);
  });
  it("no revenue table without an outbound line, no tables without classes", () => {
    expect(costClassAndRevenueTables(planCost(false))).toHaveLength(1);
    const plain = roundCost(costBreakdown({ model, activity: { basis: "projected", channels: [{ channel: "voice", agentHours: 1, handledContacts: 1, handledMinutes: 1 }] } }));
    expect(costClassAndRevenueTables({ ...plain, basis: "staffing plan", orders: null })).toEqual([]);
  });
});
