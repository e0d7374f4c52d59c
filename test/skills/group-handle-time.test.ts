import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { WfmError } from "../../src/errors.js";
import { requiredAgents } from "../../src/queueing/required-agents.js";
import { loadHighsRuntime } from "../../src/schedule/solve.js";
import { intervalRequirements } from "../../src/skills/requirements.js";
import { resolveSkillModel, type AgentGroup, type ContactType } from "../../src/skills/model.js";
import { simulationOptions } from "../../src/skills/simulation-check.js";
import { staffSkills } from "../../src/skills/staff-skills.js";

// Handle time per agent group (`agentGroups[].ahtSecondsByType`) in the skill model, the
// requirement rows, the transfer program and the simulation check.

const highs = await loadHighsRuntime();

const type = (name: string, volumes: number[], ahtSeconds: number, extra: Partial<ContactType> = {}): ContactType => ({
  name,
  volumes,
  ahtSeconds,
  targetServiceLevel: 0.8,
  targetAnswerSeconds: 20,
  ...extra,
});

describe("staffSkills: handle times per group equal to the types' change nothing", () => {
  it("gives the same staffing, byte for byte (program, property over shared-skill models)", async () => {
    const groupsArb = fc.constantFrom<AgentGroup[][]>(
      [[{ name: "A", skills: ["a"] }, { name: "B", skills: ["b"] }, { name: "AB", skills: ["a", "b"], costPerHour: 1.1 }, { name: "C", skills: ["c"] }]],
      [[{ name: "all", skills: ["a", "b", "c"] }]],
      [[{ name: "A", skills: ["a", "b"] }, { name: "B", skills: ["b", "c"], costPerHour: 1.2 }, { name: "C", skills: ["c"] }]],
    );
    await fc.assert(
      fc.asyncProperty(
        groupsArb,
        fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 6, maxLength: 6 }),
        fc.array(fc.integer({ min: 60, max: 600 }), { minLength: 3, maxLength: 3 }),
        async ([agentGroups], volumes, aht) => {
          // Arrange
          const contactTypes = ["a", "b", "c"].map((name, j) => type(name, volumes.slice(2 * j, 2 * j + 2), aht[j]!));
          const same = agentGroups!.map((g) => ({ ...g, ahtSecondsByType: Object.fromEntries(g.skills.map((s) => [s, contactTypes.find((c) => c.name === s)!.ahtSeconds])) }));
          // Act
          const plain = await staffSkills({ intervalMinutes: 30, contactTypes, agentGroups: agentGroups!, highs, simulation: { enabled: false } });
          const own = await staffSkills({ intervalMinutes: 30, contactTypes, agentGroups: same, highs, simulation: { enabled: false } });
          // Assert
          expect(JSON.stringify(own)).toBe(JSON.stringify(plain));
        },
      ),
      { numRuns: 30 },
    );
  });

  it("gives the same staffing with the simulation check (overflow, patience, per-interval AHT)", async () => {
    const contactTypes = [
      type("billing", [180, 240], 240, { ahtSecondsByInterval: [240, 260] }),
      type("tech", [90, 120], 420, { patienceSeconds: 180 }),
    ];
    const agentGroups: AgentGroup[] = [
      { name: "billing", skills: ["billing"], costPerHour: 20 },
      { name: "tech", skills: ["tech", "billing"], costPerHour: 24 },
    ];
    const same = agentGroups.map((g) => ({ ...g, ahtSecondsByType: Object.fromEntries(g.skills.map((s) => [s, s === "billing" ? 240 : 420])) }));
    const settings = { intervalMinutes: 30, contactTypes, routing: { overflowAfterSeconds: 10 }, highs, simulation: { replications: 6 } };
    const plain = await staffSkills({ ...settings, agentGroups });
    const own = await staffSkills({ ...settings, agentGroups: same });
    expect(JSON.stringify(own)).toBe(JSON.stringify(plain));
  });
});

describe("staffSkills: dedicated groups with their own handle time", () => {
  it("staff each group at the Erlang requirement of its own handle time", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 2, maxLength: 2 }),
        fc.integer({ min: 120, max: 600 }),
        fc.integer({ min: 120, max: 600 }),
        fc.option(fc.integer({ min: 60, max: 400 }), { nil: undefined }),
        async (volumes, typeAht, groupAht, patienceSeconds) => {
          const contactTypes = [type("a", volumes, typeAht, patienceSeconds === undefined ? {} : { patienceSeconds })];
          const staffing = await staffSkills({ intervalMinutes: 30, contactTypes, agentGroups: [{ name: "A", skills: ["a"], ahtSecondsByType: { a: groupAht } }], highs });
          volumes.forEach((calls, t) => {
            const expected =
              calls === 0
                ? 0
                : (requiredAgents({
                    model: patienceSeconds === undefined ? "erlang-c" : "erlang-a",
                    callsPerInterval: calls,
                    intervalSeconds: 1800,
                    ahtSeconds: groupAht,
                    targetServiceLevel: 0.8,
                    targetAnswerSeconds: 20,
                    ...(patienceSeconds === undefined ? {} : { patienceSeconds }),
                  }) as { agents: number }).agents;
            expect(staffing.intervals[t]!.agents[0], `interval ${t}`).toBe(expected);
          });
        },
      ),
      { numRuns: 30 },
    );
  });
});

describe("staffSkills: one type served by groups at different speeds", () => {
  const contactTypes = [type("calls", [300, 150], 300)];

  it("the program counts an agent for its speed: the cheapest capacity wins", async () => {
    // Seniors at 200 s cost 1.4 per hour (1.4 / 1.5 = 0.93 per standard agent), juniors at 300 s cost 1.
    const staffing = await staffSkills({
      intervalMinutes: 30,
      contactTypes,
      agentGroups: [
        { name: "juniors", skills: ["calls"], costPerHour: 1 },
        { name: "seniors", skills: ["calls"], costPerHour: 1.4, ahtSecondsByType: { calls: 200 } },
      ],
      highs,
      simulation: { enabled: false },
    });
    // The single row: 1 × juniors + 1.5 × seniors >= N at 300 s.
    const n = (requiredAgents({ model: "erlang-c", callsPerInterval: 300, intervalSeconds: 1800, ahtSeconds: 300, targetServiceLevel: 0.8, targetAnswerSeconds: 20 }) as { agents: number }).agents;
    const [juniors, seniors] = staffing.intervals[0]!.programAgents;
    expect(juniors! + 1.5 * seniors!).toBeGreaterThanOrEqual(n);
    expect(seniors).toBeGreaterThan(0);
    // No cheaper whole staffing meets the row.
    for (let s = 0; s <= n; s++) {
      const j = Math.max(0, Math.ceil(n - 1.5 * s - 1e-9));
      expect(j + 1.4 * s).toBeGreaterThanOrEqual(staffing.intervals[0]!.costPerHour - 1e-9);
    }
  });

  it("the simulation check meets the target on the simulated heterogeneous pool", async () => {
    const staffing = await staffSkills({
      intervalMinutes: 30,
      contactTypes,
      agentGroups: [
        { name: "juniors", skills: ["calls"], costPerHour: 1, minimumAgents: 20 },
        { name: "seniors", skills: ["calls"], costPerHour: 1.4, ahtSecondsByType: { calls: 200 } },
      ],
      highs,
      simulation: { replications: 10 },
    });
    for (const level of staffing.serviceLevels) expect(level.mean, level.type).toBeGreaterThanOrEqual(level.targetServiceLevel);
    staffing.intervals.forEach((row) => row.serviceLevels!.forEach((level) => expect(level.missesTarget, `interval ${row.index}`).toBe(false)));
  });
});

describe("requirement rows and simulation options with handle times per group", () => {
  const model = {
    intervalMinutes: 30,
    contactTypes: [type("a", [100], 200), type("b", [100], 400)],
    agentGroups: [
      { name: "A", skills: ["a"] },
      { name: "AB", skills: ["a", "b"], ahtSecondsByType: { a: 400, b: 400 } },
    ],
  };

  it("weights a cross-trained group by its speed on the row's traffic", () => {
    const resolved = resolveSkillModel("test", model);
    const rows = intervalRequirements(resolved, [100, 100], [200, 400], "test");
    // Row {a}: A at speed 1, AB at speed 200 / 400 = 0.5.
    expect(rows.find((r) => r.types.join() === "0")!.groupWeights).toEqual([1, 0.5]);
    // Row {b}: only AB serves it, at the type's own time: no weights, the requirement at 400 s.
    expect(rows.find((r) => r.types.join() === "1")!.groupWeights).toBeUndefined();
    // Row {a, b}: AB's work 100 × 200 + 100 × 400 at its times 100 × 400 + 100 × 400 → 0.75.
    expect(rows.find((r) => r.types.join() === "0,1")!.groupWeights).toEqual([1, 0.75]);
  });

  it("passes the group's handle time to the simulator", () => {
    const resolved = resolveSkillModel("test", model);
    const options = simulationOptions(resolved, [[3, 4]], { replications: 2, seed: 1, maxAddedAgents: 0 });
    expect(options.agentGroups[1]!.skills).toEqual([
      { contactType: "a", handleTimeMeanSeconds: 400 },
      { contactType: "b", handleTimeMeanSeconds: 400 },
    ]);
    expect(options.agentGroups[0]!.skills).toEqual(["a"]);
  });

  it("rejects a handle time for a type the group does not serve, naming the field", () => {
    const bad = { ...model, agentGroups: [{ name: "A", skills: ["a"], ahtSecondsByType: { b: 300 } }, { name: "B", skills: ["b"] }] };
    expect(() => resolveSkillModel("staffSkills", bad)).toThrow(WfmError);
    expect(() => resolveSkillModel("staffSkills", bad)).toThrow("agentGroups[0].ahtSecondsByType.b");
    const negative = { ...model, agentGroups: [{ name: "A", skills: ["a", "b"], ahtSecondsByType: { b: -1 } }] };
    expect(() => resolveSkillModel("staffSkills", negative)).toThrow("agentGroups[0].ahtSecondsByType.b");
  });
});
