import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadHighsRuntime } from "../../src/schedule/solve.js";
import { skillModelFromChannels } from "../../src/skills/from-channels.js";
import { peakDaySkillModel } from "../../src/skills/plan-day.js";
import { staffSkills } from "../../src/skills/staff-skills.js";
import { planDeferredWork } from "../../src/staffing/deferred.js";
import { planStaffing, type ChannelConfig, type StaffingConfig, type StaffingIntervalInput } from "../../src/staffing/plan.js";

// Chat and deferred channels of a staffing config served by agent groups: mapped onto the skill
// model's chat and deferred contact types. A group serving one channel alone gets the single-channel
// staffing of today exactly (planStaffing's chat model, planDeferredWork's spread workload).

const highs = await loadHighsRuntime();
const day = Date.UTC(2026, 11, 1);
const half = 1_800_000;
const rows = (channel: string, counts: readonly number[], ahtSeconds: (t: number) => number): StaffingIntervalInput[] =>
  counts.map((calls, t) => ({ localMs: day + t * half, channel, calls, ahtSeconds: ahtSeconds(t) }));

async function byGroupAlone(config: StaffingConfig, intervals: readonly StaffingIntervalInput[]) {
  const { model } = skillModelFromChannels({ intervals, intervalMinutes: 30, config });
  return staffSkills({ ...model, highs, simulation: { enabled: false } });
}

describe("chat channels served by agent groups", () => {
  const chat: ChannelConfig = { type: "chat", concurrency: 3, handleTimeFactorPerExtraChat: 0.25, targetServiceLevel: 0.8, targetAnswerSeconds: 60, maxOccupancy: 0.9 };
  const counts = Array.from({ length: 20 }, (_, t) => Math.round(30 + 40 * Math.sin((Math.PI * t) / 20)));
  const intervals = rows("chat", counts, (t) => 400 + 10 * t);

  it("a group serving one chat channel alone gets exactly planStaffing's chat agents", async () => {
    const config: StaffingConfig = { channels: { chat }, agentGroups: [{ name: "chat desk", skills: ["chat"] }] };
    const staffing = await byGroupAlone(config, intervals);
    const plan = planStaffing({ intervals, intervalMinutes: 30, config });
    expect(staffing.intervals.map((r) => r.agents[0])).toEqual(plan.intervals.map((r) => r.requiredAgents));
  });

  it("property: any concurrency, factor and volumes, the group equals the channel staffed alone", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 6 }),
        fc.constantFrom(0, 0.1, 0.3),
        fc.array(fc.integer({ min: 0, max: 120 }), { minLength: 1, maxLength: 6 }),
        async (concurrency, factor, volumes) => {
          const channel: ChannelConfig = { type: "chat", concurrency, handleTimeFactorPerExtraChat: factor, targetServiceLevel: 0.8, targetAnswerSeconds: 30 };
          const config: StaffingConfig = { channels: { web: channel }, agentGroups: [{ name: "g", skills: ["web"] }] };
          const input = rows("web", volumes, () => 300);
          const staffing = await byGroupAlone(config, input);
          const plan = planStaffing({ intervals: input, intervalMinutes: 30, config });
          expect(staffing.intervals.map((r) => r.agents[0])).toEqual(plan.intervals.map((r) => r.requiredAgents));
        },
      ),
      { numRuns: 25 },
    );
  });

  it("a chat channel without a concurrency is the chat model with one chat at a time", () => {
    const config: StaffingConfig = { channels: { chat: { type: "chat", targetServiceLevel: 0.8, targetAnswerSeconds: 60 } }, agentGroups: [{ name: "g", skills: ["chat"] }] };
    const { model } = skillModelFromChannels({ intervals, intervalMinutes: 30, config });
    expect(model.contactTypes[0]).toMatchObject({ name: "chat", concurrency: 1, targetServiceLevel: 0.8, targetAnswerSeconds: 60 });
  });

  it("a group mixing a chat channel with a voice channel is refused with its config path", () => {
    const config: StaffingConfig = {
      channels: { chat, voice: { type: "voice", targetServiceLevel: 0.8, targetAnswerSeconds: 20 } },
      agentGroups: [{ name: "g", skills: ["voice", "chat"] }],
    };
    expect(() => skillModelFromChannels({ intervals: [...intervals, ...rows("voice", counts, () => 200)], intervalMinutes: 30, config })).toThrow(
      'staff by agent group: config.agentGroups[0].skills[1] must be a voice or deferred channel, as voice (a group\'s agents hold one kind of contact), got "chat"',
    );
  });
});

describe("deferred channels served by agent groups", () => {
  const email: ChannelConfig = { type: "deferred", responseSeconds: 4 * 3600, maxOccupancy: 0.85, targetServiceLevel: 0.9 };
  const counts = Array.from({ length: 32 }, (_, t) => (t < 24 ? 10 + (t % 5) * 3 : 0));
  const intervals = rows("email", counts, (t) => 420 + 5 * (t % 4));

  it("a group serving one deferred channel alone gets exactly planDeferredWork's requirement", async () => {
    const config: StaffingConfig = { channels: { email }, agentGroups: [{ name: "back office", skills: ["email"] }] };
    const staffing = await byGroupAlone(config, intervals);
    const plan = planDeferredWork({
      intervals: intervals.map((r) => ({ localMs: r.localMs, calls: r.calls, ahtSeconds: r.ahtSeconds! })),
      intervalMinutes: 30,
      responseSeconds: 4 * 3600,
      maxOccupancy: 0.85,
    });
    expect(staffing.intervals.map((r) => r.agents[0])).toEqual(plan.intervals.map((r) => r.requiredAgents));
    // ... which is what planStaffing gives the channel on its own.
    expect(plan.intervals.map((r) => r.requiredAgents)).toEqual(planStaffing({ intervals, intervalMinutes: 30, config }).intervals.map((r) => r.requiredAgents));
  });

  it("the response window defaults to 24 hours, as planStaffing's", () => {
    const config: StaffingConfig = { channels: { email: { type: "deferred", targetServiceLevel: 0.9 } }, agentGroups: [{ name: "g", skills: ["email"] }] };
    const { model } = skillModelFromChannels({ intervals, intervalMinutes: 30, config });
    expect(model.contactTypes[0]).toMatchObject({ deferred: true, targetAnswerSeconds: 86_400, targetServiceLevel: 0.9 });
  });

  it("refuses what the skill model cannot carry, naming the config path", () => {
    const run = (channel: ChannelConfig, config: Partial<StaffingConfig> = {}) => () =>
      skillModelFromChannels({ intervals, intervalMinutes: 30, config: { ...config, channels: { email: channel }, agentGroups: [{ name: "g", skills: ["email"] }] } });
    expect(run({ type: "deferred" })).toThrow(
      'staff by agent group: config.agentGroups[0].skills[0] must be a deferred channel with targetServiceLevel (the share answered within responseSeconds) in config.channels, got "email"',
    );
    expect(run({ ...email, initialBacklog: 40 })).toThrow(
      'staff by agent group: config.agentGroups[0].skills[0] must be a deferred channel without initialBacklog (the skill model starts with no items waiting), got "email"',
    );
    expect(run(email, { openingHours: { tuesday: [{ openMinute: 0, closeMinute: 600 }] } })).toThrow(
      'staff by agent group: config.agentGroups[0].skills[0] must be a deferred channel with no items in intervals the openingHours close (the skill model has no closed hours to carry them over), got "email"',
    );
  });
});

describe("the plan's busiest day with agent groups serving chat and email", () => {
  it("keeps the chat and deferred channels the groups serve as contact types", () => {
    const config: StaffingConfig = {
      channels: {
        calls: { type: "voice", targetServiceLevel: 0.8, targetAnswerSeconds: 20 },
        chat: { type: "chat", concurrency: 2, targetServiceLevel: 0.8, targetAnswerSeconds: 60 },
        email: { type: "deferred", responseSeconds: 7200, targetServiceLevel: 0.9 },
      },
      agentGroups: [{ name: "blended", skills: ["calls", "email"] }, { name: "chat desk", skills: ["chat"] }],
    };
    const at = (date: string, channel: string, calls: number) => ({ timestamp: `${date}T09:00`, channel, calls, ahtSeconds: 300 });
    // Day 2 has fewer calls but more contacts over the groups' channels.
    const day = peakDaySkillModel({
      intervalMinutes: 60,
      config,
      intervals: [at("2026-12-01", "calls", 50), at("2026-12-01", "chat", 5), at("2026-12-01", "email", 5), at("2026-12-02", "calls", 40), at("2026-12-02", "chat", 30), at("2026-12-02", "email", 20)],
    })!;
    expect(day.date).toBe("2026-12-02");
    expect(day.contactTypes).toEqual(["calls", "email", "chat"]);
    expect(day.model.contactTypes.map((c) => [c.name, c.volumes, c.concurrency, c.deferred, c.targetAnswerSeconds])).toEqual([
      ["calls", [40], undefined, undefined, 20],
      ["email", [20], undefined, true, 7200],
      ["chat", [30], 2, undefined, 60],
    ]);
  });
});
