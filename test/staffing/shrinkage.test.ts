import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scheduledAgents, shrinkageAt, validateShrinkage, type ShrinkageConfig } from "../../src/staffing/shrinkage.js";
import { supportingStaff } from "../../src/staffing/supporting-staff.js";

const tuesday9 = Date.UTC(2026, 11, 1, 9); // 2026-12-01 was a Tuesday
const saturday14 = Date.UTC(2026, 11, 5, 14);

describe("shrinkageAt", () => {
  const config: ShrinkageConfig = {
    components: [
      { name: "breaks", fraction: 0.1 },
      { name: "training", fraction: 0.05 },
      { name: "absence", kind: "unplanned", fraction: 0.1 },
    ],
  };
  it("adds components by default, planned and unplanned apart (hand computed: 0.1 + 0.05 + 0.1)", () => {
    const at = shrinkageAt({ shrinkage: config, localMs: tuesday9 });
    expect(at.shrinkage).toBeCloseTo(0.25, 15);
    expect(at.planned).toBeCloseTo(0.15, 15);
    expect(at.unplanned).toBeCloseTo(0.1, 15);
  });
  it("combines multiplicatively on request (hand computed: 1 − 0.9 × 0.95 × 0.9 = 0.2305)", () => {
    expect(shrinkageAt({ shrinkage: { ...config, method: "multiplicative" }, localMs: tuesday9 }).shrinkage).toBeCloseTo(0.2305, 15);
  });
  it("varies by weekday and hour: hour of day wins over day of week, which wins over the flat value", () => {
    const hours = Array.from({ length: 24 }, (_, h) => (h >= 10 && h < 16 ? 0.06 : 0));
    const varied: ShrinkageConfig = {
      components: [
        { name: "training", fraction: 0.03, byDayOfWeek: { saturday: 0, sunday: 0 } },
        { name: "coaching", fraction: 0.01, byDayOfWeek: { saturday: 0.02 }, byHourOfDay: hours },
      ],
    };
    expect(shrinkageAt({ shrinkage: varied, localMs: tuesday9 }).shrinkage).toBeCloseTo(0.03 + 0, 15);
    expect(shrinkageAt({ shrinkage: varied, localMs: tuesday9 + 2 * 3_600_000 }).shrinkage).toBeCloseTo(0.03 + 0.06, 15);
    expect(shrinkageAt({ shrinkage: varied, localMs: saturday14 }).shrinkage).toBeCloseTo(0 + 0.06, 15);
  });
  it("no components, no shrinkage", () => {
    expect(shrinkageAt({ shrinkage: { components: [] }, localMs: 0 })).toEqual({ shrinkage: 0, planned: 0, unplanned: 0 });
  });
  it("law: the multiplicative total never exceeds the additive one", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 0.2, noNaN: true }), { maxLength: 5 }), (fractions) => {
        const components = fractions.map((fraction, i) => ({ name: `c${i}`, fraction }));
        const add = shrinkageAt({ shrinkage: { components }, localMs: 0 }).shrinkage;
        const mul = shrinkageAt({ shrinkage: { components, method: "multiplicative" }, localMs: 0 }).shrinkage;
        return mul <= add + 1e-15 && mul >= 0;
      }),
    );
  });
});

describe("validateShrinkage", () => {
  it("rejects a total of 100% or more, naming the worst hour", () => {
    expect(() =>
      validateShrinkage({ components: [{ name: "a", fraction: 0.5 }, { name: "b", fraction: 0.3, byDayOfWeek: { monday: 0.6 } }] }),
    ).toThrow("shrinkage: components must be below 100% in total at every hour (monday 00:00 totals 110.0%), got 1.1");
  });
  it("rejects a fraction of 1, and hourly values that are not 24", () => {
    expect(() => validateShrinkage({ components: [{ name: "a", fraction: 1 }] })).toThrow("shrinkage: components[0].fraction must be a fraction from 0 up to (not including) 1, got 1");
    expect(() => validateShrinkage({ components: [{ name: "a", fraction: 0.1, byHourOfDay: [0.1, 0.2] }] })).toThrow("components[0].byHourOfDay must be 24 numbers");
  });
});

describe("scheduledAgents", () => {
  // ../shared/reference/queueing-cases.json: C-CCH-REQ-80-20-shrink30 (14 required, 30% -> 20) and
  // C-CCH-REQ-occcap-0.70 (15 required, 30% -> 22): scheduledAgents = ceil(required / (1 - shrinkage)).
  it("reference values", () => {
    expect(scheduledAgents({ requiredAgents: 14, shrinkage: 0.3 })).toBe(20);
    expect(scheduledAgents({ requiredAgents: 15, shrinkage: 0.3 })).toBe(22);
    expect(scheduledAgents({ requiredAgents: 0, shrinkage: 0.3 })).toBe(0);
    expect(scheduledAgents({ requiredAgents: 7, shrinkage: 0 })).toBe(7);
  });
  it("rejects shrinkage of 100%", () => {
    expect(() => scheduledAgents({ requiredAgents: 3, shrinkage: 1 })).toThrow("scheduledAgents: shrinkage must be a fraction from 0 up to (not including) 1, got 1");
  });
  it("law: scheduled is the fewest people who leave at least `required` after shrinkage", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.double({ min: 0, max: 0.6, noNaN: true }), (required, s) => {
        const n = scheduledAgents({ requiredAgents: required, shrinkage: s });
        // The 1e-9 relative guard absorbs float noise such as 14 / 0.7 = 20.000000000000004.
        return n >= required && n * (1 - s) >= required * (1 - 2e-9) && (n === 0 || (n - 1) * (1 - s) < required);
      }),
    );
  });
});

describe("supportingStaff", () => {
  it("QA 1 per 12 and team leads 1 per 15 by default, plus fixed roles (hand computed)", () => {
    const staff = supportingStaff({ agentFte: 100, fixedRoles: [{ role: "wfm", headcount: 2 }, { role: "complaints", headcount: 1, fte: 0.5 }] });
    expect(staff.roles.map((r) => [r.role, r.headcount])).toEqual([["qa", 9], ["team-lead", 7], ["wfm", 2], ["complaints", 1]]);
    expect(staff.roles[0]!.fte).toBeCloseTo(100 / 12, 12);
    expect(staff.fte).toBeCloseTo(100 / 12 + 100 / 15 + 2 + 0.5, 12);
    expect(staff.headcount).toBe(19);
  });
  it("no agents, no ratio staff", () => {
    expect(supportingStaff({ agentFte: 0 }).headcount).toBe(0);
  });
  it("rejects a ratio of zero", () => {
    expect(() => supportingStaff({ agentFte: 10, ratios: [{ role: "qa", agentsPerRole: 0 }] })).toThrow("supportingStaff: ratios[0].agentsPerRole must be a positive finite number, got 0");
  });
  it("law: headcount is FTE rounded up, and FTE grows with the agents", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 2000, noNaN: true }), fc.double({ min: 5, max: 30, noNaN: true }), (agentFte, ratio) => {
        const a = supportingStaff({ agentFte, ratios: [{ role: "qa", agentsPerRole: ratio }] }).roles[0]!;
        const b = supportingStaff({ agentFte: agentFte + 1, ratios: [{ role: "qa", agentsPerRole: ratio }] }).roles[0]!;
        return a.headcount >= a.fte - 1e-9 && a.headcount < a.fte + 1 && b.fte > a.fte;
      }),
    );
  });
});
