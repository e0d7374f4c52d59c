import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { planMonth, type PlanResult } from "../../src/plan/plan-month.js";
import { smallPlanOptions } from "./fixture.js";

let cached: Promise<PlanResult> | undefined;
const plan = () => (cached ??= planMonth(smallPlanOptions()));

describe("planMonth", () => {
  it("sizes supporting staff once, on the FTE the month pays: the headline, the staffing section and the cost agree", async () => {
    const p = await plan();
    // The schedule's paid hours over the hours of one FTE in the week (160 h x 7 / 31 days) are the agent FTE of the headline and the cost.
    const paid = p.schedule!.teams.reduce((s, t) => s + t.paidHours, 0);
    expect(p.headline.agentFte).toBeCloseTo(paid / ((160 * 7) / 31), 2);
    expect(p.cost!.agentFte).toBe(p.headline.agentFte);
    expect(p.headline.supportBasis).toBe("the schedule's paid hours");
    const support = p.staffing.totals.supportingStaff;
    expect(p.headline.totalFte).toBeCloseTo(p.headline.agentFte + support.fte, 2);
    // Team leads, 1 per 15 agent FTE in the staffing and the cost config under one name: the same heads.
    const lead = support.roles.find((r) => r.role === "teamLead")!;
    expect(lead.headcount).toBe(Math.ceil(p.headline.agentFte / 15));
    const costLine = p.cost!.lines.find((l) => l.category === "supporting-staff" && l.name === "teamLead")!;
    expect(Number(costLine.quantity)).toBeCloseTo((lead.headcount * 7) / 31, 4); // person-months of a 7-day week in a 31-day month
  });

  it("forecasts every interval of the period for every channel", async () => {
    const p = await plan();
    expect(p.forecast.intervals).toHaveLength(7 * 24 * 2);
    expect(p.forecast.channels.map((c) => c.channel)).toEqual(["voice", "chat"]);
    expect(p.forecast.channels.every((c) => c.method === "seasonal-average")).toBe(true);
    const total = p.forecast.intervals.reduce((s, r) => s + r.calls, 0);
    expect(p.headline.contacts).toBe(Math.round(p.forecast.intervals.filter((r) => r.channel === "voice").reduce((s, r) => s + r.calls, 0)) + Math.round(p.forecast.intervals.filter((r) => r.channel === "chat").reduce((s, r) => s + r.calls, 0)));
    expect(Math.abs(p.headline.contacts - total)).toBeLessThanOrEqual(1);
  });

  it("staffs every interval: scheduled agents never below required, both meeting the target", async () => {
    const p = await plan();
    expect(p.staffing.intervals).toHaveLength(7 * 24 * 2);
    for (const i of p.staffing.intervals) {
      expect(i.scheduledAgents).toBeGreaterThanOrEqual(i.requiredAgents);
      if (i.calls > 0) expect(i.serviceLevel!).toBeGreaterThanOrEqual(0.8);
    }
  });

  it("schedules each team with coverage that balances: scheduled - required = excess - shortfall", async () => {
    const p = await plan();
    const s = p.schedule!;
    expect(s.teams.map((t) => t.team)).toEqual(["voice", "chat"]);
    expect(s.teams.every((t) => t.status === "optimal")).toBe(true);
    expect(s.coverage).toHaveLength(7 * 24 * 2);
    for (const c of s.coverage) {
      expect(c.shortfall).toBeGreaterThanOrEqual(0);
      expect(c.excess).toBeGreaterThanOrEqual(0);
      expect(c.scheduled - c.required).toBe(c.excess - c.shortfall);
    }
    for (const team of s.teams) {
      const paid = s.shifts.filter((x) => x.team === team.team).reduce((sum, x) => sum + x.paidHours * x.agents, 0);
      expect(paid).toBeCloseTo(team.paidHours, 6);
      const short = s.coverage.filter((c) => c.team === team.team).reduce((sum, c) => sum + c.shortfall, 0);
      expect(short).toBeCloseTo(team.shortfallAgentHours, 6);
    }
  });

  it("costs the schedule: lines sum exactly to the total; cost per order x orders = total within its rounding", async () => {
    const p = await plan();
    const c = p.cost!;
    expect(c.basis).toBe("shift schedule");
    const sum = c.lines.reduce((acc, l) => acc.plus(l.amount), new Decimal(0));
    expect(sum.toFixed(2)).toBe(c.total);
    // costPerOrder is printed with 4 decimals: times 7,000 orders it is within 7,000 x 0.00005 of the total.
    expect(new Decimal(c.costPerOrder!).times(7000).minus(c.total).abs().toNumber()).toBeLessThanOrEqual(7000 * 0.00005);
    expect(p.headline.totalCost).toBe(c.total);
    const paid = p.schedule!.teams.reduce((s, t) => s + t.paidHours, 0);
    expect(c.agentHours).toBeCloseTo(paid, 6);
  });

  it("compares scenarios with the base: deflecting 20% of calls costs less", async () => {
    const p = await plan();
    const [base, deflect] = p.scenarios!;
    expect(base!.name).toBe("base");
    expect(new Decimal(deflect!.total).lessThan(base!.total)).toBe(true);
    expect(new Decimal(deflect!.deltaTotal).isNegative()).toBe(true);
  });

  it("is deterministic: the same inputs give the same result", async () => {
    const again = await planMonth(smallPlanOptions());
    expect(JSON.stringify(again)).toBe(JSON.stringify(await plan()));
  });
});

describe("planMonth when no schedule exists", () => {
  it("names the intervals no shift can cover under hard coverage instead of costing an empty schedule", async () => {
    const options = smallPlanOptions();
    const settings = {
      ...options.schedule!.settings,
      templates: options.schedule!.settings.templates.filter((t) => t.name === "early"),
      coverage: { mode: "hard" as const },
    };
    await expect(planMonth({ ...options, cost: undefined, schedule: { ...options.schedule!, settings } })).rejects.toThrow(
      /^the voice team has no schedule \(solver status infeasible\): no shift template covers \d+ intervals that need agents, the first at 2026-12-07T00:00; add a template for those hours or use soft coverage$/,
    );
  });
});
