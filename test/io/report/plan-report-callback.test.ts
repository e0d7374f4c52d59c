/** The plan report's staffing section and staffing.csv carry the call-back figures. */
import { describe, expect, it } from "vitest";
import type { PlanResult } from "../../../src/plan/plan-month.js";
import { planCsvFiles, staffingCallbackTables } from "../../../src/io/report/plan-report.js";
import { localeFormat } from "../../../src/io/locale/index.js";

const row = (timestamp: string, calls: number, callbackShare: number, callbacksInTimeShare: number | null, open = true) => ({
  timestamp,
  channel: "voice",
  calls,
  ahtSeconds: 180,
  trafficErlangs: 1,
  requiredAgents: 2,
  scheduledAgents: 3,
  serviceLevel: 0.8,
  asaSeconds: 10,
  occupancy: 0.5,
  abandonProbability: null,
  open,
  shrinkage: 0.3,
  callbackShare,
  callbacksInTimeShare,
});

describe("plan report: call-back", () => {
  // 100 calls, 10% took a call-back (10), all in time; 300 calls, 20% (60), half in time (30);
  // a closed interval ignored. Took a call-back: 70 / 400 = 17.5%; in time: 40 / 70 = 57.1%; worst 50.0%.
  const intervals = [row("2026-12-01T09:00", 100, 0.1, 1), row("2026-12-01T09:30", 300, 0.2, 0.5), row("2026-12-01T22:00", 0, 0, null, false)];
  it("a row per call-back channel: calls-weighted take-up, call-back-weighted in-time share, worst interval", () => {
    const [table] = staffingCallbackTables(intervals);
    expect(table!.columns).toEqual(["channel", "contacts", "took a call-back", "call-backs in time", "worst interval in time"]);
    expect(table!.rows).toEqual([["voice", "400", "17.5%", "57.1%", "50.0%"]]);
    expect(staffingCallbackTables(intervals, localeFormat("fa"))[0]!.rows[0]!.slice(1)).toEqual(["۴۰۰", "۱۷٫۵٪", "۵۷٫۱٪", "۵۰٫۰٪"]);
  });
  it("no table without call-back channels", () => {
    const plain = intervals.map(({ callbackShare: _a, callbacksInTimeShare: _b, ...r }) => r);
    expect(staffingCallbackTables(plain)).toEqual([]);
  });
  it("staffing.csv gets callbackShare and callbacksInTimeShare columns", () => {
    const plan = { forecast: { intervals: [] }, staffing: { intervals }, schedule: null, cost: null, scenarios: null } as unknown as PlanResult;
    const csv = planCsvFiles(plan).get("staffing.csv")!.split("\n");
    expect(csv[0]!.endsWith(",callbackShare,callbacksInTimeShare")).toBe(true);
    expect(csv[2]!.endsWith(",0.2,0.5")).toBe(true);
  });
});
