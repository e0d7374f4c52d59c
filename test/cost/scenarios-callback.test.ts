/**
 * The scenario lever "offer call-back above 60 s": added to a voice channel (its target then
 * applies to the callers who stayed inbound), re-staffed per interval by requiredAgentsCallback and
 * costed beside the base. Take-up 0 is the base exactly; a positive take-up never needs more agents
 * in an interval (at the same offer length K the inbound queue only loses its longest waits).
 */
import { describe, expect, it } from "vitest";
import type { CostModel } from "../../src/cost/cost-model.js";
import { toMoney } from "../../src/cost/money.js";
import { compareScenarios } from "../../src/cost/scenarios.js";
import { applyStaffingLevers, staffingPlanner } from "../../src/cost/staffing-planner.js";
import { scenariosFromConfig } from "../../src/io/scenario-config.js";
import { planStaffing, type StaffingConfig, type StaffingIntervalInput } from "../../src/staffing/plan.js";

const curve = [2, 1, 1, 4, 8, 14, 18, 20, 18, 12, 8, 4];
const intervals: StaffingIntervalInput[] = curve.map((c, hour) => ({ localMs: Date.UTC(2026, 10, 2, hour), channel: "voice", calls: c * 20 }));
const config: StaffingConfig = { channels: { voice: { type: "voice", ahtSeconds: 240, targetServiceLevel: 0.8, targetAnswerSeconds: 20, patienceSeconds: 180 } } };
const plan = (levers: Parameters<typeof applyStaffingLevers>[1]) => {
  const applied = applyStaffingLevers({ intervals, intervalMinutes: 60, config }, levers);
  return planStaffing({ intervals: applied.intervals, intervalMinutes: 60, config: applied.config });
};
const offer = (takeUpShare: number) => ({ callback: [{ channel: "voice", callback: { thresholdSeconds: 60, takeUpShare, deadlineSeconds: 3600, targetInTimeShare: 0.9 } }] });

describe("scenario lever: offer call-back above 60 s", () => {
  it("adds the call-back settings to the voice channel; take-up 0 changes nothing", () => {
    const applied = applyStaffingLevers({ intervals, intervalMinutes: 60, config }, offer(0.4));
    expect(applied.config.channels!.voice).toEqual({ ...config.channels!.voice, callback: { thresholdSeconds: 60, takeUpShare: 0.4, deadlineSeconds: 3600, targetInTimeShare: 0.9 } });
    expect(plan(offer(0)).intervals.map((r) => r.requiredAgents)).toEqual(plan({}).intervals.map((r) => r.requiredAgents));
  });

  it("a 40% take-up never needs more agents in an interval than the base, and every call-back target holds", () => {
    const base = plan({});
    const cb = plan(offer(0.4));
    cb.intervals.forEach((r, i) => {
      expect(r.requiredAgents).toBeLessThanOrEqual(base.intervals[i]!.requiredAgents);
      if (r.calls > 0) {
        expect(r.serviceLevel!).toBeGreaterThanOrEqual(0.8);
        expect(r.callbacksInTimeShare!).toBeGreaterThanOrEqual(0.9);
      }
    });
    expect(cb.totals.all.requiredAgentHours).toBeLessThanOrEqual(base.totals.all.requiredAgentHours);
  });

  it("is costed beside the base: fewer or equal agent FTE, so no more cost", () => {
    const model: CostModel = {
      currency: "USD",
      minorUnits: 2,
      hoursPerFte: 160,
      employerOverheadRate: toMoney("0.3"),
      sites: [{ name: "hq", agentShare: 1, wage: { amount: toMoney(2400), per: "month" }, seatCostPerMonth: toMoney(300) }],
      supportingStaff: [],
      otherCosts: [],
    };
    const planner = staffingPlanner({ intervals, intervalMinutes: 60, config });
    const { scenarios } = compareScenarios({ model, planner, scenarios: [{ name: "call-back-60", ...offer(0.4) }] });
    expect(scenarios[0]!.delta.agentFte.isPositive()).toBe(false);
    expect(scenarios[0]!.delta.total.isPositive()).toBe(false);
  });

  it("scenarios.json: aboveSeconds, takeUpPercent, deadlineSeconds, inTimePercent; a chat channel is refused", () => {
    const [s] = scenariosFromConfig({ scenarios: [{ name: "call-back-60", callback: [{ channel: "voice", aboveSeconds: 60, takeUpPercent: 40, deadlineSeconds: 3600, inTimePercent: 95 }] }] }, "s.json");
    expect(s!.callback).toEqual([{ channel: "voice", callback: { thresholdSeconds: 60, takeUpShare: 0.4, deadlineSeconds: 3600, targetInTimeShare: 0.95 } }]);
    const withChat: StaffingConfig = { channels: { ...config.channels, chat: { type: "chat", ahtSeconds: 300, targetServiceLevel: 0.8, targetAnswerSeconds: 60 } } };
    expect(() =>
      applyStaffingLevers({ intervals: [...intervals, { localMs: 0, channel: "chat", calls: 5 }], intervalMinutes: 60, config: withChat }, { callback: [{ channel: "chat", callback: { thresholdSeconds: 60, takeUpShare: 0.4 } }] }),
    ).toThrow('applyStaffingLevers: callback[0].channel must be a voice channel, got "chat"');
  });
});
