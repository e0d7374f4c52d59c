import { describe, expect, it } from "vitest";
import { loadHighsRuntime } from "../../src/schedule/solve.js";
import { resolveSkillModel, type ContactType } from "../../src/skills/model.js";
import { simulationOptions } from "../../src/skills/simulation-check.js";
import { staffSkills } from "../../src/skills/staff-skills.js";
import { requiredChatAgents } from "../../src/staffing/chat.js";

// Chat (concurrency) in the skill model: staffed by the chat model, simulated with the group's
// concurrency and even load.

const highs = await loadHighsRuntime();
const chat = (name: string, volumes: number[]): ContactType => ({
  name,
  volumes,
  ahtSeconds: 600,
  targetServiceLevel: 0.8,
  targetAnswerSeconds: 60,
  concurrency: 3,
  handleTimeFactorPerExtraChat: 0.25,
});
const calls: ContactType = { name: "calls", volumes: [120, 200], ahtSeconds: 240, targetServiceLevel: 0.8, targetAnswerSeconds: 20 };

describe("chat types in staffSkills", () => {
  it("a dedicated chat group gets exactly the chat model's agents, and the simulation meets the target", async () => {
    const staffing = await staffSkills({
      intervalMinutes: 30,
      contactTypes: [calls, chat("web chat", [90, 150])],
      agentGroups: [{ name: "voice", skills: ["calls"] }, { name: "chat", skills: ["web chat"] }],
      highs,
      simulation: { replications: 10 },
    });
    [90, 150].forEach((n, t) => {
      const expected = requiredChatAgents({ callsPerInterval: n, intervalSeconds: 1800, ahtSeconds: 600, concurrency: 3, handleTimeFactorPerExtraChat: 0.25, targetServiceLevel: 0.8, targetAnswerSeconds: 60 });
      expect(staffing.intervals[t]!.agents[1], `interval ${t}`).toBe(expected.agents);
    });
    // The chat chain with even load is checked against the simulator in test/staffing; here the
    // skill model's simulation of the same staffing.
    expect(staffing.serviceLevels[1]!.mean).toBeGreaterThanOrEqual(0.8);
  });

  it("simulates a chat group with its concurrency, factor and even load", () => {
    const resolved = resolveSkillModel("test", { intervalMinutes: 30, contactTypes: [calls, chat("web chat", [90, 150])], agentGroups: [{ name: "voice", skills: ["calls"] }, { name: "chat", skills: ["web chat"] }] });
    const options = simulationOptions(resolved, [[10, 5], [12, 6]], { replications: 2, seed: 1, maxAddedAgents: 0 });
    expect(options.agentGroups[1]).toMatchObject({ concurrency: 3, handleTimeFactorPerExtraChat: 0.25, chatRouting: "balanced" });
    expect(options.agentGroups[0]!.concurrency).toBeUndefined();
  });

  it("two chat types in one group: the program needs their requirements' sum (no pooled chat model)", async () => {
    const staffing = await staffSkills({
      intervalMinutes: 30,
      contactTypes: [calls, chat("sales chat", [40, 60]), chat("care chat", [50, 90])],
      agentGroups: [{ name: "voice", skills: ["calls"] }, { name: "chat", skills: ["sales chat", "care chat"] }],
      highs,
      simulation: { enabled: false },
    });
    staffing.intervals.forEach((row) => expect(row.programAgents[1]).toBe(row.singleSkillAgents[1]! + row.singleSkillAgents[2]!));
  });

  it("rejects a group mixing calls and chats, and a patience on a chat type, naming the field", () => {
    const mixed = { intervalMinutes: 30, contactTypes: [calls, chat("web chat", [90, 150])], agentGroups: [{ name: "all", skills: ["calls", "web chat"] }] };
    expect(() => resolveSkillModel("staffSkills", mixed)).toThrow(
      'staffSkills: agentGroups[0].skills[1] must be a type of the same concurrency and handleTimeFactorPerExtraChat as calls (a group\'s agents hold one kind of contact), got "web chat"',
    );
    const patient = { ...mixed, contactTypes: [calls, { ...chat("web chat", [90, 150]), patienceSeconds: 60 }], agentGroups: [{ name: "a", skills: ["calls"] }, { name: "b", skills: ["web chat"] }] };
    expect(() => resolveSkillModel("staffSkills", patient)).toThrow("contactTypes[1].patienceSeconds must be left out for a chat type (concurrency)");
  });
});
