/** The plan report's staffing section shows one row per priority class of a voice channel. */
import { describe, expect, it } from "vitest";
import { staffingClassTables } from "../../../src/io/report/plan-report.js";
import { planStaffing } from "../../../src/staffing/plan.js";

describe("plan report: priority classes", () => {
  const intervals = [100, 160, 40].map((calls, i) => ({ localMs: Date.UTC(2026, 11, 1, 9, 30 * i), calls, ahtSeconds: 180 }));
  it("a row per class with its target, calls-weighted and worst-interval service level", () => {
    const plan = planStaffing({
      intervalMinutes: 30,
      intervals,
      config: { channels: { voice: { type: "voice", classes: [
        { name: "vip", share: 0.1, targetServiceLevel: 0.9, targetAnswerSeconds: 10 },
        { name: "regular", share: 0.9, targetServiceLevel: 0.8, targetAnswerSeconds: 20 },
      ] } } },
    });
    const [table] = staffingClassTables(plan.totals);
    expect(table!.columns).toEqual(["channel", "class", "share", "contacts", "target", "service level", "worst interval", "ASA s"]);
    expect(table!.rows.map((r) => r.slice(0, 5))).toEqual([
      ["voice", "vip", "10.0%", "30", "90.0%/10 s"],
      ["voice", "regular", "90.0%", "270", "80.0%/20 s"],
    ]);
    // Every class meets its target in every interval, so the worst interval is at or above it.
    for (const k of plan.totals.classes!) expect(k.worstServiceLevel!).toBeGreaterThanOrEqual(k.targetServiceLevel!);
  });
  it("no table without classes", () => {
    const plan = planStaffing({ intervalMinutes: 30, intervals, config: { channels: { voice: { type: "voice", targetServiceLevel: 0.8, targetAnswerSeconds: 20 } } } });
    expect(staffingClassTables(plan.totals)).toEqual([]);
  });
});
