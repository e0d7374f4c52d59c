/**
 * Contacts are rounded once, at output: the staffing table's channel rows show whole contacts, its
 * "all" row the sum of those rows, and that is the headline's figure.
 */
import { describe, expect, it } from "vitest";
import { wholeCountsWithTotal } from "../../../src/io/render.js";
import { buildPlanReport, dailyTotals, staffingRows } from "../../../src/io/report/plan-report.js";
import { planMonth } from "../../../src/plan/plan-month.js";
import { smallPlanOptions } from "../../plan/fixture.js";

const parse = (text: string) => Number(text.replace(/,/g, ""));

describe("contacts that add up", () => {
  it("wholeCountsWithTotal: the total is the sum of what is shown", () => {
    expect(wholeCountsWithTotal([10.4, 20.4, 30.4])).toEqual({ shown: [10, 20, 30], total: 60 });
    expect(wholeCountsWithTotal([0.5, 1.5])).toEqual({ shown: [1, 2], total: 3 });
  });

  it("the plan report's staffing table totals the channels it shows, and agrees with the headline", async () => {
    const options = smallPlanOptions();
    const plan = await planMonth(options);
    const report = await buildPlanReport(plan, dailyTotals(options.history.rows));
    const table = report.sections.find((s) => s.id === "staffing")!.tables![0]!;
    const channelRows = table.rows.slice(0, -1);
    const allRow = table.rows[table.rows.length - 1]!;
    expect(allRow[0]).toBe("all");
    expect(parse(allRow[1]!)).toBe(channelRows.reduce((s, r) => s + parse(r[1]!), 0));
    expect(parse(allRow[1]!)).toBe(plan.headline.contacts);
    for (const row of channelRows) expect(parse(row[1]!)).toBe(plan.headline.contactsByChannel[row[0]!]);
    // Channels of 10.4 and 20.4 contacts show 10 and 20, and the total 30 (not the 31 of the exact 30.8).
    const t = plan.staffing.totals;
    const rows = staffingRows({ ...t, channels: t.channels.map((c, i) => ({ ...c, calls: i === 0 ? 10.4 : 20.4 })), all: { ...t.all, calls: 30.8 } });
    expect(rows.map((r) => r[1])).toEqual(["10", "20", "30"]);
  }, 60_000);
});
