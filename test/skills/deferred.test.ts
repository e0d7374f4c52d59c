import { describe, expect, it } from "vitest";
import { loadHighsRuntime } from "../../src/schedule/solve.js";
import { resolveSkillModel, type ContactType } from "../../src/skills/model.js";
import { simulationOptions } from "../../src/skills/simulation-check.js";
import { staffSkills } from "../../src/skills/staff-skills.js";
import { planDeferredWork } from "../../src/staffing/deferred.js";
import { requiredAgents } from "../../src/queueing/required-agents.js";

// Deferred contact types (email, tickets) in the skill model: served in the groups' idle time,
// staffed by the deferred-work plan inside the transfer program, simulated as idle-time work.

const highs = await loadHighsRuntime();

// A day of 32 half-hours (07:00-23:00): calls all day, emails until 19:00 answered within 4 hours.
const hours = 32;
const calls: ContactType = {
  name: "calls",
  volumes: Array.from({ length: hours }, (_, t) => Math.round(60 + 50 * Math.sin((Math.PI * t) / hours))),
  ahtSeconds: 240,
  targetServiceLevel: 0.8,
  targetAnswerSeconds: 20,
};
const email: ContactType = {
  name: "email",
  volumes: Array.from({ length: hours }, (_, t) => (t < 24 ? 12 : 0)),
  ahtSeconds: 480,
  targetServiceLevel: 0.9,
  targetAnswerSeconds: 4 * 3600,
  deferred: true,
};

describe("deferred contact types in staffSkills", () => {
  it("a dedicated group gets exactly the deferred-work plan's agents", async () => {
    const staffing = await staffSkills({
      intervalMinutes: 30,
      contactTypes: [calls, email],
      agentGroups: [{ name: "voice", skills: ["calls"] }, { name: "back office", skills: ["email"] }],
      highs,
      simulation: { enabled: false },
    });
    const plan = planDeferredWork({
      intervals: email.volumes!.map((n, t) => ({ localMs: t * 1_800_000, calls: n, ahtSeconds: 480 })),
      intervalMinutes: 30,
      responseSeconds: 4 * 3600,
    });
    expect(staffing.intervals.map((r) => r.agents[1])).toEqual(plan.intervals.map((r) => r.requiredAgents));
    // The voice group is Erlang C as before.
    staffing.intervals.forEach((r, t) => {
      const n = (requiredAgents({ model: "erlang-c", callsPerInterval: calls.volumes![t]!, intervalSeconds: 1800, ahtSeconds: 240, targetServiceLevel: 0.8, targetAnswerSeconds: 20 }) as { agents: number }).agents;
      expect(r.agents[0], `interval ${t}`).toBe(n);
    });
  });

  it("a blended group: the program needs max(N calls, ⌈traffic + deferred agents⌉), and the simulation meets both targets", async () => {
    const staffing = await staffSkills({
      intervalMinutes: 30,
      contactTypes: [calls, email],
      agentGroups: [{ name: "blended", skills: ["calls", "email"] }],
      highs,
      simulation: { replications: 8 },
    });
    const resolved = resolveSkillModel("test", { intervalMinutes: 30, contactTypes: [calls, email], agentGroups: [{ name: "blended", skills: ["calls", "email"] }] });
    staffing.intervals.forEach((r, t) => {
      const n = (requiredAgents({ model: "erlang-c", callsPerInterval: calls.volumes![t]!, intervalSeconds: 1800, ahtSeconds: 240, targetServiceLevel: 0.8, targetAnswerSeconds: 20 }) as { agents: number }).agents;
      const blend = Math.ceil((calls.volumes![t]! * 240) / 1800 + resolved.deferredAgents[t]![1]! - 1e-9);
      expect(r.programAgents[0], `interval ${t}`).toBe(Math.max(n, blend));
      expect(r.singleSkillAgents[1]).toBe(resolved.deferredAgents[t]![1]);
    });
    const [voice, mail] = staffing.serviceLevels;
    expect(voice!.mean).toBeGreaterThanOrEqual(0.8);
    // Every email arrives by 19:00 and the day runs to 23:00: all are answered, within 4 hours.
    expect(mail!.mean).toBeGreaterThanOrEqual(0.9);
    // Sharing the idle time needs fewer agent-hours than a dedicated back office.
    const dedicated = await staffSkills({
      intervalMinutes: 30,
      contactTypes: [calls, email],
      agentGroups: [{ name: "voice", skills: ["calls"] }, { name: "back office", skills: ["email"] }],
      highs,
      simulation: { enabled: false },
    });
    expect(staffing.agentHours).toBeLessThan(dedicated.agentHours);
  }, 60_000);

  it("runs deferred types in the simulator as idle-time work with the response window as T", () => {
    const resolved = resolveSkillModel("test", { intervalMinutes: 30, contactTypes: [calls, email], agentGroups: [{ name: "blended", skills: ["calls", "email"] }] });
    const options = simulationOptions(resolved, resolved.offered.map(() => [10]), { replications: 2, seed: 1, maxAddedAgents: 0 });
    expect(options.contactTypes[1]).toMatchObject({ name: "email", outbound: true, targetAnswerSeconds: 14400 });
    expect(options.contactTypes[0]!.outbound).toBeUndefined();
  });

  it("rejects a patience or an escalation on a deferred type, naming the field", () => {
    const model = (extra: Partial<ContactType>) => ({ intervalMinutes: 30, contactTypes: [calls, { ...email, ...extra }], agentGroups: [{ name: "g", skills: ["calls", "email"] }] });
    expect(() => resolveSkillModel("staffSkills", model({ patienceSeconds: 60 }))).toThrow("staffSkills: contactTypes[1].patienceSeconds must be left out for a deferred type (no one waits on the line), got 60");
    expect(() => resolveSkillModel("staffSkills", model({ escalation: { share: 0.1, to: "calls" } }))).toThrow("contactTypes[1].escalation must be left out for a deferred type");
    expect(() => resolveSkillModel("staffSkills", model({ targetAnswerSeconds: 0 }))).toThrow("contactTypes[1].targetAnswerSeconds must be a response window > 0 seconds for a deferred type");
  });
});
