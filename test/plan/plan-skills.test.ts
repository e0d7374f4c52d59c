import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { agentGroupRequirements } from "../../src/plan/plan-skills.js";
import { planStaffing } from "../../src/staffing/plan.js";
import { staffingConfigFromJson } from "../../src/io/staffing-config.js";
import { planMonth } from "../../src/plan/plan-month.js";
import type { PlanMonthOptions } from "../../src/plan/plan-month.js";
import { smallHistory, smallPlanOptions } from "./fixture.js";

/** The fixture's week with two voice queues (billing: the voice rows; tech: the chat rows as calls of 420 s). */
function twoQueues(agentGroups?: readonly { name: string; skills: string[] }[]): PlanMonthOptions {
  const base = smallPlanOptions();
  const rows = smallHistory().map((r) => ({ ...r, channel: r.channel === "voice" ? "billing" : "tech" }));
  const staffing = staffingConfigFromJson(
    {
      channels: {
        billing: { type: "voice", targetServiceLevel: 0.8, targetAnswerSeconds: 20, patienceSeconds: 120 },
        tech: { type: "voice", targetServiceLevel: 0.8, targetAnswerSeconds: 20, patienceSeconds: 180 },
      },
      shrinkage: { components: [{ name: "absence", kind: "unplanned", fraction: 0.1 }] },
      hoursPerFtePerMonth: 160,
      ...(agentGroups === undefined ? {} : { agentGroups }),
    },
    "staffing",
  );
  return { ...base, history: { rows, intervalMinutes: 60 }, staffing, cost: undefined, orders: undefined };
}

describe("planMonth with agent groups", () => {
  it("with one skill per group gives the same schedules as one team per channel", async () => {
    const channels = await planMonth(twoQueues());
    const groups = await planMonth(twoQueues([{ name: "billing", skills: ["billing"] }, { name: "tech", skills: ["tech"] }]));
    expect(groups.schedule!.shifts).toEqual(channels.schedule!.shifts);
    const strip = (rows: readonly { timestamp: string; team: string; required: number; scheduled: number }[]) =>
      rows.map(({ timestamp, team, required, scheduled }) => ({ timestamp, team, required, scheduled }));
    expect(strip(groups.schedule!.coverage)).toEqual(strip(channels.schedule!.coverage));
    expect(groups.schedule!.teams.map((t) => [t.team, t.paidHours])).toEqual(channels.schedule!.teams.map((t) => [t.team, t.paidHours]));
    // The simulated service level of each type on its own group agrees with the channel's Erlang A
    // figure on the same schedule (the per-channel path's contact-weighted model SL).
    for (const type of groups.schedule!.agentGroups!.contactTypes) {
      const team = channels.schedule!.teams.find((t) => t.team === type.type)!;
      expect(Math.abs(type.serviceLevel! - team.serviceLevel!)).toBeLessThan(0.03);
    }
  }, 120_000);

  it("reports the simulated service level per contact type with its 95% half-width, the same for a seed", async () => {
    const groups = [
      { name: "billing", skills: ["billing"] },
      { name: "flex", skills: ["tech", "billing"] },
    ];
    const a = await planMonth({ ...twoQueues(groups), simulation: { replications: 10, seed: 7 } });
    const b = await planMonth({ ...twoQueues(groups), simulation: { replications: 10, seed: 7 } });
    const c = await planMonth({ ...twoQueues(groups), simulation: { replications: 10, seed: 8 } });
    const sim = a.schedule!.agentGroups!;
    expect(JSON.stringify(sim)).toBe(JSON.stringify(b.schedule!.agentGroups));
    expect(c.schedule!.agentGroups!.contactTypes.map((t) => t.serviceLevel)).not.toEqual(sim.contactTypes.map((t) => t.serviceLevel));
    expect(sim.replications).toBe(10);
    expect(sim.seed).toBe(7);
    expect(sim.contactTypes.map((t) => t.type)).toEqual(["billing", "tech"]);
    for (const t of sim.contactTypes) {
      expect(t.halfWidth).toBeGreaterThan(0);
      expect(t.lower).toBeCloseTo(Math.max(0, t.serviceLevel! - t.halfWidth!), 5); // each figure rounded to 6 decimals
      expect(t.upper).toBeCloseTo(Math.min(1, t.serviceLevel! + t.halfWidth!), 5); // each figure rounded to 6 decimals
      expect(t.missesTarget).toBe(t.upper! < t.targetServiceLevel);
    }
    // The teams are the groups, their channels the groups' skills; each group's coverage needs its requirement.
    expect(a.schedule!.teams.map((t) => [t.team, t.channels])).toEqual([["billing", ["billing"]], ["flex", ["tech", "billing"]]]);
    for (const g of sim.groups) {
      const rows = a.schedule!.coverage.filter((r) => r.team === g.group);
      expect(Math.max(...rows.map((r) => r.required))).toBe(g.peakRequired);
      for (const r of rows) expect(r.scheduled - r.required).toBe(r.excess - r.shortfall);
    }
    // The headline's service level is the simulated one, weighted by contacts.
    const offered = sim.contactTypes.reduce((s, t) => s + t.offered, 0);
    expect(a.headline.serviceLevel).toBeCloseTo(sim.contactTypes.reduce((s, t) => s + t.offered * t.serviceLevel!, 0) / offered, 5);
  }, 180_000);
});

describe("agentGroupRequirements", () => {
  it("with one skill per group equals planStaffing's scheduled agents, interval by interval (fast-check)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 60 })), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 30 }),
        async (volumes, shrinkagePercent) => {
          const config = staffingConfigFromJson(
            {
              channels: {
                a: { type: "voice", targetServiceLevel: 0.8, targetAnswerSeconds: 20, ahtSeconds: 240 },
                b: { type: "voice", targetServiceLevel: 0.9, targetAnswerSeconds: 30, ahtSeconds: 400, patienceSeconds: 120 },
              },
              shrinkage: { components: [{ name: "absence", kind: "unplanned", fraction: shrinkagePercent / 100 }] },
              agentGroups: [
                { name: "A", skills: ["a"] },
                { name: "B", skills: ["b"] },
              ],
            },
            "staffing",
          );
          const intervals = volumes.flatMap(([a, b], t) => [
            { localMs: t * 1_800_000, channel: "a", calls: a },
            { localMs: t * 1_800_000, channel: "b", calls: b },
          ]);
          const plan = planStaffing({ intervals, intervalMinutes: 30, config });
          const groups = await agentGroupRequirements({ plan, config });
          for (const i of plan.intervals) expect(groups.required.get(i.channel.toUpperCase())!.get(i.localMs)).toBe(i.scheduledAgents);
        },
      ),
      { numRuns: 15 },
    );
  }, 120_000);
});
