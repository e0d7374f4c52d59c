import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { erlangA, erlangC } from "../../src/queueing/index.js";
import { chatQueue, deliveredService } from "../../src/staffing/index.js";

const base = { callsPerInterval: 100, intervalSeconds: 1800, ahtSeconds: 180 };

describe("deliveredService: the service a schedule delivers", () => {
  it("nets shrinkage out: 20 on the floor at 30% shrinkage are 14 on contacts, 88.84% within 20 s (Erlang C tables: 10 Erlangs, 14 agents)", () => {
    const d = deliveredService({ ...base, scheduledAgents: 20, shrinkage: 0.3 })!;
    expect(d.agentsOnContacts).toBe(14);
    expect(d.serviceLevel).toBeCloseTo(0.8884, 4);
    expect(d.model).toBe("erlang-c");
    // without shrinkage the same floor reads far better: the overstatement wfm schedule had
    expect(deliveredService({ ...base, scheduledAgents: 20 })!.serviceLevel).toBeGreaterThan(0.998);
  });

  it("uses the channel's own model: Erlang A with a patience, the chat chain with concurrency, none for deferred work", () => {
    const voice = deliveredService({ ...base, scheduledAgents: 15, shrinkage: 0.2, channel: { type: "voice", targetServiceLevel: 0.8, targetAnswerSeconds: 20, patienceSeconds: 120 } })!;
    expect(voice.model).toBe("erlang-a");
    expect(voice.serviceLevel).toBe(erlangA({ ...base, agents: 12, patienceSeconds: 120, targetAnswerSeconds: 20 }).serviceLevel);
    const chat = deliveredService({ ...base, scheduledAgents: 10, channel: { type: "chat", targetServiceLevel: 0.8, targetAnswerSeconds: 60, concurrency: 2, handleTimeFactorPerExtraChat: 0.2 } })!;
    expect(chat.model).toBe("chat");
    expect(chat.serviceLevel).toBe(chatQueue({ ...base, agents: 10, concurrency: 2, handleTimeFactorPerExtraChat: 0.2, targetAnswerSeconds: 60 }).serviceLevel);
    expect(deliveredService({ ...base, scheduledAgents: 3, channelName: "email" })).toBeNull();
    expect(deliveredService({ ...base, scheduledAgents: 14, channelName: "voice" })!.serviceLevel).toBe(erlangC({ ...base, agents: 14, targetAnswerSeconds: 20 }).serviceLevel);
  });

  it("never delivers less with more agents on the floor, nor more with more shrinkage", () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 500, noNaN: true }), fc.integer({ min: 0, max: 80 }), fc.double({ min: 0, max: 0.6, noNaN: true }), (calls, n, s) => {
        const at = (agents: number, shrinkage: number) => deliveredService({ callsPerInterval: calls, intervalSeconds: 1800, ahtSeconds: 180, scheduledAgents: agents, shrinkage })!.serviceLevel;
        expect(at(n + 1, s)).toBeGreaterThanOrEqual(at(n, s));
        expect(at(n, Math.min(0.99, s + 0.1))).toBeLessThanOrEqual(at(n, s));
      }),
      { numRuns: 200, seed: 20261201 },
    );
  });

  it("refuses bad options by name", () => {
    expect(() => deliveredService({ ...base, scheduledAgents: 10, shrinkage: 1 })).toThrow("deliveredService: shrinkage must be a fraction from 0 up to (not including) 1, got 1");
    expect(() => deliveredService({ ...base } as never)).toThrow("deliveredService: scheduledAgents must be given, got undefined");
  });
});
