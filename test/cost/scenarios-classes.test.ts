import { describe, expect, it } from "vitest";
import { applyStaffingLevers } from "../../src/cost/staffing-planner.js";
import { scenariosFromConfig } from "../../src/io/scenario-config.js";
import { planStaffing, type StaffingConfig, type StaffingIntervalInput } from "../../src/staffing/plan.js";

const curve = [2, 1, 1, 4, 8, 14, 18, 20, 18, 12, 8, 4];
const intervals: StaffingIntervalInput[] = curve.map((c, hour) => ({ localMs: Date.UTC(2026, 10, 2, hour), channel: "voice", calls: c * 6 }));
const config: StaffingConfig = { channels: { voice: { type: "voice", ahtSeconds: 240, targetServiceLevel: 0.8, targetAnswerSeconds: 20, maxOccupancy: 0.9 } } };
const plan = (levers: Parameters<typeof applyStaffingLevers>[1]) => {
  const applied = applyStaffingLevers({ intervals, intervalMinutes: 60, config }, levers);
  return planStaffing({ intervals: applied.intervals, intervalMinutes: 60, config: applied.config });
};

describe("scenario lever: VIP line (priority classes)", () => {
  it("replaces the voice channel's target by the classes; one class at the old target changes nothing", () => {
    const same = plan({ priorityClasses: [{ channel: "voice", classes: [{ name: "all", share: 1, targetServiceLevel: 0.8, targetAnswerSeconds: 20 }] }] });
    expect(same.intervals.map((r) => r.requiredAgents)).toEqual(plan({}).intervals.map((r) => r.requiredAgents));
    const applied = applyStaffingLevers({ intervals, intervalMinutes: 60, config }, { priorityClasses: [{ channel: "voice", classes: [{ name: "all", share: 1, targetServiceLevel: 0.8 }] }] });
    expect(applied.config.channels!.voice).toEqual({ type: "voice", ahtSeconds: 240, maxOccupancy: 0.9, classes: [{ name: "all", share: 1, targetServiceLevel: 0.8 }] });
  });

  it("a VIP line for 10% of callers at 90/10 needs at least the base staffing in every interval", () => {
    const base = plan({});
    const vip = plan({
      priorityClasses: [{ channel: "voice", classes: [{ name: "vip", share: 0.1, targetServiceLevel: 0.9, targetAnswerSeconds: 10 }, { name: "regular", share: 0.9, targetServiceLevel: 0.8, targetAnswerSeconds: 20 }] }],
    });
    vip.intervals.forEach((r, i) => expect(r.requiredAgents).toBeGreaterThanOrEqual(base.intervals[i]!.requiredAgents));
    expect(vip.totals.all.requiredAgentHours).toBeGreaterThan(base.totals.all.requiredAgentHours);
  });

  it("scenarios.json: classes with sharePercent and PERCENT/SECONDS targets; a chat channel is refused", () => {
    const [s] = scenariosFromConfig(
      { scenarios: [{ name: "vip-10", priorityClasses: [{ channel: "voice", classes: [{ name: "vip", sharePercent: 10, target: "90/10" }, { name: "regular", sharePercent: 90, target: "80/20" }] }] }] },
      "s.json",
    );
    expect(s!.priorityClasses).toEqual([{ channel: "voice", classes: [{ name: "vip", share: 0.1, targetServiceLevel: 0.9, targetAnswerSeconds: 10 }, { name: "regular", share: 0.9, targetServiceLevel: 0.8, targetAnswerSeconds: 20 }] }]);
    const withChat: StaffingConfig = { channels: { ...config.channels, chat: { type: "chat", ahtSeconds: 300, targetServiceLevel: 0.8, targetAnswerSeconds: 60 } } };
    expect(() =>
      applyStaffingLevers({ intervals: [...intervals, { localMs: 0, channel: "chat", calls: 5 }], intervalMinutes: 60, config: withChat }, { priorityClasses: [{ channel: "chat", classes: [{ name: "a", share: 1, targetServiceLevel: 0.8 }] }] }),
    ).toThrow('applyStaffingLevers: priorityClasses[0].channel must be a voice channel, got "chat"');
  });
});

describe('scenario lever: "use idle time for outbound"', () => {
  it("without a target the inbound staffing stays and the idle time yields outbound contacts; with a target agents are added", () => {
    const base = plan({});
    const idle = plan({ outbound: [{ channel: "voice", outbound: { ahtSeconds: 300 } }] });
    expect(idle.intervals.map((r) => r.requiredAgents)).toEqual(base.intervals.map((r) => r.requiredAgents));
    idle.intervals.forEach((r) => {
      expect(r.outbound!.addedAgents).toBe(0);
      expect(r.serviceLevel!).toBeGreaterThanOrEqual(0.8);
    });
    expect(idle.intervals.reduce((s, r) => s + r.outbound!.contacts, 0)).toBeGreaterThan(0);
    const target = plan({ outbound: [{ channel: "voice", outbound: { ahtSeconds: 300, contactsPerInterval: 20 } }] });
    target.intervals.forEach((r, i) => {
      expect(r.outbound!.contacts).toBeGreaterThanOrEqual(20 * (1 - 1e-9));
      expect(r.requiredAgents).toBeGreaterThanOrEqual(base.intervals[i]!.requiredAgents);
    });
    expect(target.totals.all.requiredAgentHours).toBeGreaterThan(base.totals.all.requiredAgentHours);
  });

  it("scenarios.json: an outbound line per channel; a chat channel is refused", () => {
    const [s] = scenariosFromConfig({ scenarios: [{ name: "outbound", outbound: [{ channel: "voice", ahtSeconds: 300, revenuePerContact: 12 }] }] }, "s.json");
    expect(s!.outbound).toEqual([{ channel: "voice", outbound: { ahtSeconds: 300, revenuePerContact: 12 } }]);
    const withChat: StaffingConfig = { channels: { ...config.channels, chat: { type: "chat", ahtSeconds: 300, targetServiceLevel: 0.8, targetAnswerSeconds: 60 } } };
    expect(() => applyStaffingLevers({ intervals: [...intervals, { localMs: 0, channel: "chat", calls: 5 }], intervalMinutes: 60, config: withChat }, { outbound: [{ channel: "chat", outbound: { ahtSeconds: 300 } }] })).toThrow(
      'applyStaffingLevers: outbound[0].channel must be a voice channel, got "chat"',
    );
  });
});
