import { describe, expect, it } from "vitest";
import { erlangA, erlangC } from "../../src/queueing/index.js";
import { planMonth } from "../../src/plan/plan-month.js";
import { comparePlanWithSimulation, modelServiceLevel, planChannelModels, planSimulationOptions, type PlanChannelModel } from "../../src/plan/plan-simulation.js";
import { simulate } from "../../src/simulation/index.js";
import { chatQueue } from "../../src/staffing/chat.js";
import { smallPlanOptions } from "./fixture.js";

const voice: PlanChannelModel = { channel: "voice", type: "voice", patienceSeconds: null, concurrency: 1, handleTimeFactorPerExtraChat: 0, targetAnswerSeconds: 20 };

describe("plan simulation", () => {
  it("channel models follow the staffing config (Erlang A with patience, the chat chain, no deferred work)", () => {
    const models = planChannelModels(
      { channels: { voice: { type: "voice", patienceSeconds: 90, targetAnswerSeconds: 15 }, chat: { type: "chat", concurrency: 2, handleTimeFactorPerExtraChat: 0.2 }, email: { type: "deferred" } } },
      ["voice", "chat", "email"],
    );
    expect(models).toEqual([
      { channel: "voice", type: "voice", patienceSeconds: 90, concurrency: 1, handleTimeFactorPerExtraChat: 0, targetAnswerSeconds: 15 },
      { channel: "chat", type: "chat", patienceSeconds: null, concurrency: 2, handleTimeFactorPerExtraChat: 0.2, targetAnswerSeconds: 20 },
    ]);
    const common = { calls: 100, ahtSeconds: 180, agents: 13, intervalSeconds: 1800 };
    expect(modelServiceLevel(voice, common)).toBe(erlangC({ callsPerInterval: 100, intervalSeconds: 1800, ahtSeconds: 180, agents: 13, targetAnswerSeconds: 20 }).serviceLevel);
    expect(modelServiceLevel(models[0]!, common)).toBe(erlangA({ callsPerInterval: 100, intervalSeconds: 1800, ahtSeconds: 180, agents: 13, patienceSeconds: 90, targetAnswerSeconds: 15 }).serviceLevel);
    expect(modelServiceLevel(models[1]!, common)).toBe(chatQueue({ callsPerInterval: 100, intervalSeconds: 1800, ahtSeconds: 180, agents: 13, concurrency: 2, handleTimeFactorPerExtraChat: 0.2, targetAnswerSeconds: 20 }).serviceLevel);
    expect(modelServiceLevel(voice, { ...common, calls: 0 })).toBeNull();
  });

  it("lays the intervals out in time order and flags only material disagreements", () => {
    const inputs = ["2026-12-01 09:00", "2026-12-01 08:00", "2026-12-01 10:00"].map((timestamp, i) => ({
      timestamp,
      channel: "voice",
      calls: 200,
      ahtSeconds: 180,
      agents: 28,
      // the 10:00 model figure is deliberately wrong by 30 points
      modelServiceLevel: i === 2 ? 0.5 : modelServiceLevel(voice, { calls: 200, ahtSeconds: 180, agents: 28, intervalSeconds: 1800 }),
    }));
    const { options, timestamps } = planSimulationOptions({ models: [voice], inputs, intervalMinutes: 30, replications: 20, seed: 3 });
    expect(timestamps).toEqual(["2026-12-01 08:00", "2026-12-01 09:00", "2026-12-01 10:00"]);
    expect(options.contactTypes[0]!.volumes).toEqual([200, 200, 200]);
    const basis = comparePlanWithSimulation({ models: [voice], inputs, intervalMinutes: 30, replications: 20, seed: 3, result: simulate(options) });
    expect(basis.intervals.map((i) => [i.timestamp, i.disagrees])).toEqual([
      ["2026-12-01 09:00", false],
      ["2026-12-01 08:00", false],
      ["2026-12-01 10:00", true],
    ]);
    expect(basis.channels[0]!.disagreeingIntervals).toBe(1);
  });

  it("planMonth with simulation: both bases, every queue channel, the model's SL beside the simulated one", async () => {
    const plan = await planMonth({ ...smallPlanOptions(), simulation: { replications: 4, seed: 2 } });
    const sim = plan.simulation!;
    expect(sim.models.map((m) => m.channel)).toEqual(["voice", "chat"]);
    for (const basis of [sim.staffing, sim.schedule!]) {
      expect(basis.intervals).toHaveLength(plan.staffing.intervals.length);
      for (const c of basis.channels) {
        expect(c.simulatedServiceLevel).not.toBeNull();
        expect(c.modelServiceLevel).not.toBeNull();
        expect(c.simulatedServiceLevel! >= 0 && c.simulatedServiceLevel! <= 1).toBe(true);
      }
    }
  });
});
