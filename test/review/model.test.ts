import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chatQueue, erlangA, erlangC } from "../../src/index.js";
import { channelQueueModels, predictQueue } from "../../src/review/model.js";

const config = {
  channels: {
    voice: { type: "voice" as const, targetServiceLevel: 0.8, targetAnswerSeconds: 20, patienceSeconds: 90 },
    sales: { type: "voice" as const, targetServiceLevel: 0.9, targetAnswerSeconds: 10 },
    chat: { type: "chat" as const, targetServiceLevel: 0.8, targetAnswerSeconds: 60, concurrency: 2, handleTimeFactorPerExtraChat: 0.2 },
  },
};
const [voice, sales, chat, email] = channelQueueModels({ config, channels: ["voice", "sales", "chat", "email"] });

describe("channelQueueModels", () => {
  it("names each channel's model", () => {
    expect([voice!.model, sales!.model, chat!.model, email!.model]).toEqual(["erlang-a", "erlang-c", "chat", "deferred"]);
    expect(chat).toMatchObject({ concurrency: 2, handleTimeFactorPerExtraChat: 0.2, targetAnswerSeconds: 60 });
  });
});

describe("predictQueue", () => {
  const base = { callsPerInterval: 100, intervalSeconds: 1800, ahtSeconds: 180 };
  it("equals the queueing functions at whole agents", () => {
    expect(predictQueue({ model: sales!, ...base, agents: 13 }).serviceLevel).toBe(erlangC({ ...base, agents: 13, targetAnswerSeconds: 10 }).serviceLevel);
    const a = erlangA({ ...base, agents: 11, patienceSeconds: 90, targetAnswerSeconds: 20 });
    expect(predictQueue({ model: voice!, ...base, agents: 11 })).toEqual({ serviceLevel: a.serviceLevel, asaSeconds: a.asaSeconds, abandonProbability: a.abandonProbability });
    const c = chatQueue({ ...base, agents: 6, concurrency: 2, handleTimeFactorPerExtraChat: 0.2, targetAnswerSeconds: 60 });
    expect(predictQueue({ model: chat!, ...base, agents: 6 }).serviceLevel).toBe(c.serviceLevel);
  });

  it("interpolates linearly between whole agents", () => {
    const low = erlangA({ ...base, agents: 10, patienceSeconds: 90, targetAnswerSeconds: 20 }).serviceLevel;
    const high = erlangA({ ...base, agents: 11, patienceSeconds: 90, targetAnswerSeconds: 20 }).serviceLevel;
    expect(predictQueue({ model: voice!, ...base, agents: 10.25 }).serviceLevel).toBeCloseTo(0.75 * low + 0.25 * high, 15);
  });

  it("uses a patience given in the options (Erlang A for any voice model)", () => {
    const a = erlangA({ ...base, agents: 12, patienceSeconds: 60, targetAnswerSeconds: 10 });
    expect(predictQueue({ model: sales!, ...base, agents: 12, patienceSeconds: 60 }).abandonProbability).toBe(a.abandonProbability);
  });

  it("serves everyone with no contacts, and refuses deferred work", () => {
    expect(predictQueue({ model: voice!, ...base, callsPerInterval: 0, agents: 0 })).toEqual({ serviceLevel: 1, asaSeconds: 0, abandonProbability: 0 });
    expect(() => predictQueue({ model: email!, ...base, agents: 3 })).toThrow('predictQueue: model must be a queued channel (voice or chat), got "email"');
  });

  it("never lowers the service level when agents are added, and stays in [0, 1] (law)", () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 300, noNaN: true }), fc.double({ min: 0, max: 40, noNaN: true }), fc.double({ min: 0, max: 3, noNaN: true }), (calls, agents, more) => {
        const a = predictQueue({ model: voice!, callsPerInterval: calls, intervalSeconds: 1800, ahtSeconds: 180, agents });
        const b = predictQueue({ model: voice!, callsPerInterval: calls, intervalSeconds: 1800, ahtSeconds: 180, agents: agents + more });
        expect(a.serviceLevel).toBeGreaterThanOrEqual(0);
        expect(a.serviceLevel).toBeLessThanOrEqual(1);
        expect(b.serviceLevel).toBeGreaterThanOrEqual(a.serviceLevel - 1e-12);
      }),
    );
  });
});
