import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { WfmError } from "../../src/errors.js";
import { requiredAgents } from "../../src/queueing/required-agents.js";
import { loadHighsRuntime } from "../../src/schedule/solve.js";
import { staffSkills } from "../../src/skills/staff-skills.js";
import { teamDesignGroups } from "../../src/skills/designs.js";
import type { ContactType } from "../../src/skills/model.js";
import { planStaffing } from "../../src/staffing/plan.js";

const highs = await loadHighsRuntime();
// These tests are about the skill-transfer program: the simulation check is tested in simulation-check.test.ts.
const simulation = { enabled: false } as const;

const type = (name: string, volumes: number[], extra: Partial<ContactType> = {}): ContactType => ({
  name,
  volumes,
  ahtSeconds: 300,
  targetServiceLevel: 0.8,
  targetAnswerSeconds: 20,
  ...extra,
});

describe("staffSkills: one skill per group equals single-skill staffing", () => {
  it("matches planStaffing interval by interval (Erlang C and Erlang A, any targets, handle time per interval)", async () => {
    const channel = fc.record({
      volumes: fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 3, maxLength: 3 }),
      ahtSeconds: fc.integer({ min: 60, max: 900 }),
      ahtSecondsByInterval: fc.option(fc.array(fc.integer({ min: 60, max: 900 }), { minLength: 3, maxLength: 3 }), { nil: undefined }),
      targetServiceLevel: fc.double({ min: 0.5, max: 0.95, noNaN: true }),
      targetAnswerSeconds: fc.integer({ min: 5, max: 120 }),
      patienceSeconds: fc.option(fc.integer({ min: 30, max: 600 }), { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(channel, { minLength: 1, maxLength: 3 }), fc.constantFrom(15, 30, 60), async (channels, intervalMinutes) => {
        // Arrange
        const names = channels.map((_, i) => `type${i}`);
        const contactTypes = channels.map((c, i) => type(names[i]!, c.volumes, c));
        // Act
        const staffing = await staffSkills({ intervalMinutes, contactTypes, agentGroups: names.map((name) => ({ name, skills: [name] })), highs, simulation });
        const plan = planStaffing({
          intervalMinutes,
          config: { channels: Object.fromEntries(contactTypes.map((c) => [c.name, { type: "voice" as const, ...c }])) },
          intervals: contactTypes.flatMap((c) =>
            c.volumes!.map((calls, t) => ({ localMs: Date.UTC(2026, 0, 5, 0, t * intervalMinutes), channel: c.name, calls, ahtSeconds: c.ahtSecondsByInterval?.[t] ?? c.ahtSeconds })),
          ),
        });
        // Assert: the same whole numbers, interval by interval
        staffing.intervals.forEach((row, t) => {
          names.forEach((name, g) => {
            const expected = plan.intervals.find((p) => p.channel === name && p.localMs === Date.UTC(2026, 0, 5, 0, t * intervalMinutes))!.requiredAgents;
            expect(row.agents[g], `${name} interval ${t}`).toBe(expected);
          });
        });
      }),
      { numRuns: 40 },
    );
  });
});

describe("staffSkills: pooling", () => {
  it("one group serving two identical types needs the Erlang C requirement of the summed traffic", async () => {
    for (const calls of [20, 100, 400]) {
      const staffing = await staffSkills({
        intervalMinutes: 30,
        contactTypes: [type("a", [calls]), type("b", [calls])],
        agentGroups: [{ name: "pool", skills: ["a", "b"] }],
        highs,
        simulation,
      });
      const pooled = requiredAgents({ callsPerInterval: 2 * calls, intervalSeconds: 1800, ahtSeconds: 300, targetServiceLevel: 0.8, targetAnswerSeconds: 20 });
      expect(staffing.intervals[0]!.agents[0]).toBe(pooled.agents);
    }
  });

  it("law: pooling two identical queues never needs more agents than two dedicated teams", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 600 }),
        fc.integer({ min: 30, max: 900 }),
        fc.double({ min: 0.5, max: 0.95, noNaN: true }),
        fc.integer({ min: 0, max: 120 }),
        async (calls, ahtSeconds, targetServiceLevel, targetAnswerSeconds) => {
          const contactTypes = ["a", "b"].map((name) => type(name, [calls], { ahtSeconds, targetServiceLevel, targetAnswerSeconds }));
          const dedicated = await staffSkills({ intervalMinutes: 15, contactTypes, agentGroups: teamDesignGroups({ design: "dedicated", contactTypes }), highs, simulation });
          const pooled = await staffSkills({ intervalMinutes: 15, contactTypes, agentGroups: teamDesignGroups({ design: "pooled", contactTypes }), highs, simulation });
          expect(pooled.agentHours).toBeLessThanOrEqual(dedicated.agentHours);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("the saving of pooling two identical large queues matches the square-root staffing rule", async () => {
    // Square-root staffing (Halfin and Whitt 1981; Borst, Mandelbaum and Reiman 2004): with a
    // wait-probability target α (service level with T = 0), N ≈ A + β √A where β solves
    // α = [1 + β Φ(β) / φ(β)]^-1. Dedicated: 2 (A + β √A); pooled: 2A + β √(2A); saving
    // β √A (2 - √2). Whole agents round each requirement up by less than 1, so the whole-agent
    // saving lies within (-1, 2) of the rule's for large A (here A = 1000 to 4000 Erlangs).
    const alpha = 0.2;
    const phi = (x: number) => Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI);
    // Φ by Abramowitz and Stegun 26.2.17 (error < 7.5e-8).
    const cdf = (x: number) => {
      const t = 1 / (1 + 0.2316419 * x);
      const poly = t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
      return 1 - phi(x) * poly;
    };
    let low = 0;
    let high = 5;
    for (let i = 0; i < 100; i++) {
      const mid = (low + high) / 2;
      if (1 / (1 + (mid * cdf(mid)) / phi(mid)) > alpha) low = mid;
      else high = mid;
    }
    const beta = low;
    for (const calls of [6000, 12000, 24000]) {
      const a = (calls * 300) / 1800;
      const contactTypes = ["a", "b"].map((name) => type(name, [calls], { targetServiceLevel: 1 - alpha, targetAnswerSeconds: 0 }));
      const dedicated = await staffSkills({ intervalMinutes: 30, contactTypes, agentGroups: teamDesignGroups({ design: "dedicated", contactTypes }), highs, simulation });
      const pooled = await staffSkills({ intervalMinutes: 30, contactTypes, agentGroups: teamDesignGroups({ design: "pooled", contactTypes }), highs, simulation });
      const predicted = beta * Math.sqrt(a) * (2 - Math.SQRT2);
      const saving = dedicated.intervals[0]!.agents.reduce((s, x) => s + x, 0) - pooled.intervals[0]!.agents[0]!;
      expect(saving - predicted, `calls ${calls}: saving ${saving}, rule ${predicted}`).toBeGreaterThan(-1);
      expect(saving - predicted, `calls ${calls}: saving ${saving}, rule ${predicted}`).toBeLessThan(2);
    }
  });
});

describe("staffSkills: tiers and cross-training", () => {
  it("a tier-2 type is offered share × the first line's contacts and staffed by Erlang C on them", async () => {
    const staffing = await staffSkills({
      intervalMinutes: 30,
      contactTypes: [type("calls", [200, 0], { escalation: { share: 0.25, to: "helpdesk" } }), type("helpdesk", [10, 10], { ahtSeconds: 900, targetAnswerSeconds: 60 })],
      agentGroups: [
        { name: "first line", skills: ["calls"] },
        { name: "helpdesk", skills: ["helpdesk"] },
      ],
      highs,
      simulation,
    });
    expect(staffing.intervals.map((r) => r.offered)).toEqual([
      [200, 60],
      [0, 10],
    ]);
    const tier2 = requiredAgents({ callsPerInterval: 60, intervalSeconds: 1800, ahtSeconds: 900, targetServiceLevel: 0.8, targetAnswerSeconds: 60 });
    expect(staffing.intervals[0]!.agents[1]).toBe(tier2.agents);
  });

  it("a minimum cross-trained share puts at least that share of agents in two-skill groups", async () => {
    const contactTypes = [type("a", [150, 40]), type("b", [90, 200])];
    const staffing = await staffSkills({
      intervalMinutes: 15,
      contactTypes,
      agentGroups: teamDesignGroups({ design: "cross-trained", contactTypes, crossTrainingPremium: 0.1 }),
      minimumCrossTrainedShare: 0.2,
      highs,
      simulation,
    });
    for (const row of staffing.intervals) {
      const total = row.agents.reduce((s, x) => s + x, 0);
      expect(row.agents[2]!).toBeGreaterThanOrEqual(0.2 * total - 1e-9);
    }
  });

  it("cost: a cheaper group is preferred for the same skills", async () => {
    const staffing = await staffSkills({
      intervalMinutes: 15,
      contactTypes: [type("a", [100])],
      agentGroups: [
        { name: "dear", skills: ["a"], costPerHour: 2 },
        { name: "cheap", skills: ["a"], costPerHour: 1 },
      ],
      highs,
      simulation,
    });
    expect(staffing.intervals[0]!.agents[0]).toBe(0);
    expect(staffing.cost).toBe(staffing.groups[1]!.agentHours);
  });
});

describe("staffSkills: invalid input", () => {
  const base = { intervalMinutes: 15, contactTypes: [type("a", [10])], agentGroups: [{ name: "g", skills: ["a"] }], highs };
  const cases: [string, object, string][] = [
    ["unknown skill", { agentGroups: [{ name: "g", skills: ["b"] }] }, "staffSkills: agentGroups[0].skills[0] must be a contact type (a), got \"b\""],
    ["unserved type", { contactTypes: [type("a", [10]), type("b", [5])] }, "staffSkills: contactTypes[1].name must be served by at least one agent group (list it in some agentGroups[].skills), got \"b\""],
    ["negative volume", { contactTypes: [type("a", [-1])] }, "staffSkills: contactTypes[0].volumes[0] must be a finite number >= 0, got -1"],
    ["escalation cycle", { contactTypes: [type("a", [1], { escalation: { share: 0.1, to: "b" } }), type("b", [1], { escalation: { share: 0.1, to: "a" } })], agentGroups: [{ name: "g", skills: ["a", "b"] }] }, "escalation.to must be free of cycles"],
    ["share without cross-training", { minimumCrossTrainedShare: 0.2 }, "staffSkills: minimumCrossTrainedShare must be 0 when no agent group has two or more skills, got 0.2"],
  ];
  for (const [name, patch, message] of cases) {
    it(name, async () => {
      const error = await staffSkills({ ...base, ...patch }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WfmError);
      expect((error as WfmError).message).toContain(message);
    });
  }
});
