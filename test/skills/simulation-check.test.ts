import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { erlangC } from "../../src/queueing/erlang-c.js";
import { loadHighsRuntime } from "../../src/schedule/solve.js";
import { teamDesignGroups } from "../../src/skills/designs.js";
import { resolveSkillModel, type SkillModel } from "../../src/skills/model.js";
import { resolveSimulation, serviceLevelOf, simulateStaffing } from "../../src/skills/simulation-check.js";
import { staffSkills } from "../../src/skills/staff-skills.js";

const highs = await loadHighsRuntime();

describe("staffSkills with the simulation check", () => {
  it("one skill per group: the check reports the service level and never changes the Erlang staffing", async () => {
    const model: SkillModel = {
      intervalMinutes: 30,
      contactTypes: [
        { name: "a", volumes: [100, 60], ahtSeconds: 180, targetServiceLevel: 0.8, targetAnswerSeconds: 20 },
        { name: "b", volumes: [40, 80], ahtSeconds: 300, targetServiceLevel: 0.9, targetAnswerSeconds: 30 },
      ],
      agentGroups: [
        { name: "A", skills: ["a"] },
        { name: "B", skills: ["b"] },
      ],
    };
    const withCheck = await staffSkills({ ...model, highs, simulation: { replications: 40 } });
    const without = await staffSkills({ ...model, highs, simulation: { enabled: false } });
    expect(withCheck.intervals.map((r) => r.agents)).toEqual(without.intervals.map((r) => r.agents));
    expect(withCheck.method).toBe("skill-transfer program + simulation check");
    // The simulated service level agrees with Erlang C at the staffed N (independent formula),
    // within the simulation's 95% interval widened to 3 standard errors.
    withCheck.intervals.forEach((row, t) => {
      row.serviceLevels!.forEach((sl, j) => {
        const type = model.contactTypes[j]!;
        const exact = erlangC({ callsPerInterval: type.volumes![t]!, intervalSeconds: 1800, ahtSeconds: type.ahtSeconds, agents: row.agents[j]!, targetAnswerSeconds: type.targetAnswerSeconds }).serviceLevel;
        const halfWidth = sl.upper - sl.mean;
        expect(Math.abs(sl.mean - exact), `interval ${t} type ${type.name}: simulated ${sl.mean} ± ${halfWidth}, Erlang C ${exact}`).toBeLessThanOrEqual(1.5 * halfWidth + 0.01);
      });
    });
  });

  it("shared agents: after the check no type misses its target with confidence in any interval, and each meets it over the day", async () => {
    const volumes = (peak: number) => Array.from({ length: 12 }, (_, t) => Math.round(peak * (0.4 + 0.6 * Math.sin((Math.PI * (t + 0.5)) / 12))));
    const model: SkillModel = {
      intervalMinutes: 15,
      contactTypes: [
        { name: "billing", volumes: volumes(60), ahtSeconds: 240, targetServiceLevel: 0.8, targetAnswerSeconds: 20 },
        { name: "tech", volumes: volumes(40), ahtSeconds: 420, targetServiceLevel: 0.8, targetAnswerSeconds: 30 },
      ],
      agentGroups: [
        { name: "billing", skills: ["billing", "tech"] },
        { name: "tech", skills: ["tech", "billing"], costPerHour: 1.1 },
      ],
    };
    const staffing = await staffSkills({ ...model, highs });
    for (const row of staffing.intervals) for (const sl of row.serviceLevels!) expect(sl.missesTarget, `interval ${row.index} ${sl.type}`).toBe(false);
    for (const sl of staffing.serviceLevels) expect(sl.mean, sl.type).toBeGreaterThanOrEqual(sl.targetServiceLevel);
  });

  it("law: with the check, pooling two identical queues never needs more agents than two dedicated teams", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 5, max: 80 }), fc.integer({ min: 60, max: 600 }), fc.integer({ min: 1, max: 1000 }), async (calls, ahtSeconds, seed) => {
        const contactTypes = ["a", "b"].map((name) => ({ name, volumes: [calls], ahtSeconds, targetServiceLevel: 0.8, targetAnswerSeconds: 20 }));
        const simulation = { replications: 10, seed };
        const dedicated = await staffSkills({ intervalMinutes: 15, contactTypes, agentGroups: teamDesignGroups({ design: "dedicated", contactTypes }), highs, simulation });
        const pooled = await staffSkills({ intervalMinutes: 15, contactTypes, agentGroups: teamDesignGroups({ design: "pooled", contactTypes }), highs, simulation });
        expect(pooled.agentHours).toBeLessThanOrEqual(dedicated.agentHours);
      }),
      { numRuns: 15 },
    );
  });
});

describe("staffSkills against exhaustive search by simulation (2 types, 3 groups)", () => {
  // The true optimum: every (x_A, x_B, x_AB) in a box, simulated with the same seed and
  // replications as the method's check (common random numbers), feasible when each type's mean
  // service level meets its target; the cheapest feasible staffing wins.
  const cases = [
    { a: 20, b: 15, crossCost: 1.2 },
    { a: 40, b: 30, crossCost: 1.1 },
    { a: 50, b: 10, crossCost: 1.3 },
    { a: 30, b: 30, crossCost: 1.05 },
    { a: 25, b: 40, crossCost: 1.5 },
  ];
  for (const { a, b, crossCost } of cases) {
    it(`a ${a}, b ${b} contacts per 15 min, cross-trained agents cost ${crossCost}`, async () => {
      const model: SkillModel = {
        intervalMinutes: 15,
        contactTypes: [
          { name: "a", volumes: [a], ahtSeconds: 180, targetServiceLevel: 0.8, targetAnswerSeconds: 20 },
          { name: "b", volumes: [b], ahtSeconds: 240, targetServiceLevel: 0.8, targetAnswerSeconds: 20 },
        ],
        agentGroups: [
          { name: "A", skills: ["a"] },
          { name: "B", skills: ["b"] },
          { name: "AB", skills: ["a", "b"], costPerHour: crossCost },
        ],
      };
      const method = (await staffSkills({ ...model, highs })).intervals[0]!;
      const resolved = resolveSkillModel("test", model);
      const settings = resolveSimulation("test", undefined);
      const cost = (x: readonly number[]) => x[0]! + x[1]! + crossCost * x[2]!;
      const feasible = (x: readonly number[]) => {
        const slice = simulateStaffing(resolved, [x], settings).intervals[0]!;
        return [0, 1].every((j) => serviceLevelOf(slice.contactTypes[j]!)!.mean >= model.contactTypes[j]!.targetServiceLevel);
      };
      let best: number[] | null = null;
      for (let x = 0; x <= 16; x++) {
        for (let y = 0; y <= 16; y++) {
          for (let z = 0; z <= 14; z++) {
            const candidate = [x, y, z];
            if (best !== null && cost(candidate) >= cost(best)) continue;
            if (feasible(candidate)) best = candidate;
          }
        }
      }
      expect(best).not.toBeNull();
      // The method's answer is feasible on the same random numbers ...
      expect(feasible(method.agents)).toBe(true);
      // ... and within one agent per group of the optimum, its cost gap reported (README).
      const gap = cost(method.agents) - cost(best!);
      const perGroup = method.agents.map((x, g) => Math.abs(x - best![g]!));
      console.info(`exhaustive search a=${a} b=${b}: method ${method.agents.join("/")} cost ${cost(method.agents).toFixed(1)}, optimum ${best!.join("/")} cost ${cost(best!).toFixed(1)}, gap ${gap.toFixed(1)} (${((100 * gap) / cost(best!)).toFixed(1)}%), per group ${perGroup.join("/")}`);
      expect(gap).toBeGreaterThanOrEqual(0);
      for (const d of perGroup) expect(d).toBeLessThanOrEqual(1);
    }, 60_000);
  }
});
