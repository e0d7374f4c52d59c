/**
 * planStaffing with an outbound line on a voice channel (call blending): the interval's figures
 * are the library's blending model at the inbound requirement (itself checked against the
 * simulator and its exact limits in test/queueing/blending.test.ts); an outbound target adds the
 * fewest agents that meet it; bad configs name the field.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { WfmError } from "../../src/errors.js";
import { bestOutboundReserve, blending, erlangC } from "../../src/queueing/index.js";
import { planStaffing, type VoiceChannelConfig } from "../../src/staffing/plan.js";

const at = (hour: number, minute = 0) => Date.UTC(2026, 10, 2, hour, minute);
const voice = (extra: Partial<VoiceChannelConfig>): VoiceChannelConfig => ({ type: "voice", targetServiceLevel: 0.8, targetAnswerSeconds: 20, ...extra });

describe("planStaffing with an outbound line", () => {
  it("idle time only: the inbound requirement stays, outbound contacts at the best reserve", () => {
    const plan = planStaffing({
      intervalMinutes: 30,
      intervals: [{ localMs: at(9), channel: "voice", calls: 80, ahtSeconds: 180 }],
      config: { channels: { voice: voice({ outbound: { ahtSeconds: 300 } }) } },
    });
    const row = plan.intervals[0]!;
    const inbound = erlangC({ callsPerInterval: 80, intervalSeconds: 1800, ahtSeconds: 180, targetAnswerSeconds: 20, agents: row.requiredAgents });
    expect(inbound.serviceLevel).toBeGreaterThanOrEqual(0.8);
    expect(erlangC({ callsPerInterval: 80, intervalSeconds: 1800, ahtSeconds: 180, targetAnswerSeconds: 20, agents: row.requiredAgents - 1 }).serviceLevel).toBeLessThan(0.8);
    const all = bestOutboundReserve({ callsPerInterval: 80, intervalSeconds: 1800, ahtSeconds: 180, agents: row.requiredAgents, outboundAhtSeconds: 300, targetServiceLevel: 0.8 });
    expect(row.outbound!.reserveAgents).toBe(all.outboundReserveAgents);
    expect(row.outbound!.addedAgents).toBe(0);
    const b = all.byReserve[all.outboundReserveAgents!]!;
    expect(row.outbound!.contacts).toBeCloseTo(b.outboundContactsPerHour / 2, 9);
    expect(row.serviceLevel!).toBeCloseTo(b.serviceLevel, 12);
    expect(row.serviceLevel!).toBeGreaterThanOrEqual(0.8);
  });

  it("a target of contacts per interval adds the fewest agents that meet it", () => {
    const target = 30;
    const plan = planStaffing({
      intervalMinutes: 30,
      intervals: [{ localMs: at(9), channel: "voice", calls: 80, ahtSeconds: 180 }],
      config: { channels: { voice: voice({ outbound: { ahtSeconds: 300, contactsPerInterval: target } }) } },
    });
    const row = plan.intervals[0]!;
    expect(row.outbound!.contacts).toBeGreaterThanOrEqual(target);
    expect(row.outbound!.addedAgents).toBeGreaterThan(0);
    const fewer = bestOutboundReserve({ callsPerInterval: 80, intervalSeconds: 1800, ahtSeconds: 180, agents: row.requiredAgents - 1, outboundAhtSeconds: 300, targetServiceLevel: 0.8, search: "bisection" });
    expect(fewer.best.outboundContactsPerHour / 2).toBeLessThan(target);
    const check = blending({ callsPerInterval: 80, intervalSeconds: 1800, ahtSeconds: 180, agents: row.requiredAgents, outboundReserveAgents: row.outbound!.reserveAgents, outboundAhtSeconds: 300 });
    expect(check.serviceLevel).toBeGreaterThanOrEqual(0.8);
    // hours target: the same work expressed in agent-hours gives the same staffing
    const hours = planStaffing({
      intervalMinutes: 30,
      intervals: [{ localMs: at(9), channel: "voice", calls: 80, ahtSeconds: 180 }],
      config: { channels: { voice: voice({ outbound: { ahtSeconds: 300, hoursPerInterval: (target * 300) / 3600 } }) } },
    });
    expect(hours.intervals[0]!.requiredAgents).toBe(row.requiredAgents);
  });

  it("the pool chosen is the smallest from the inbound requirement whose best reserve meets the outbound target (every smaller pool checked)", () => {
    fc.assert(
      fc.property(fc.double({ min: 5, max: 120, noNaN: true }), fc.double({ min: 150, max: 320, noNaN: true }), fc.integer({ min: 1, max: 40 }), (calls, aht, target) => {
        const plan = planStaffing({
          intervalMinutes: 15,
          intervals: [{ localMs: at(9), channel: "voice", calls, ahtSeconds: aht }],
          config: { channels: { voice: voice({ outbound: { ahtSeconds: 300, contactsPerInterval: target } }) } },
        });
        const row = plan.intervals[0]!;
        expect(row.outbound!.contacts).toBeGreaterThanOrEqual(target * (1 - 1e-9));
        const first = row.requiredAgents - row.outbound!.addedAgents;
        for (let n = first; n < row.requiredAgents; n++) {
          const best = bestOutboundReserve({ callsPerInterval: calls, intervalSeconds: 900, ahtSeconds: aht, agents: n, outboundAhtSeconds: 300, targetServiceLevel: 0.8, targetAnswerSeconds: 20 });
          expect((best.best.outboundContactsPerHour * 900) / 3600).toBeLessThan(target);
        }
      }),
      { numRuns: 12, seed: 3 },
    );
  });

  it("bisection and the full curve give the same best reserve", () => {
    for (const [a, n] of [[4, 7], [8, 12], [12, 15]] as const) {
      const all = bestOutboundReserve({ trafficErlangs: a, ahtSeconds: 180, agents: n, outboundAhtSeconds: 240, targetServiceLevel: 0.8 });
      const bis = bestOutboundReserve({ trafficErlangs: a, ahtSeconds: 180, agents: n, outboundAhtSeconds: 240, targetServiceLevel: 0.8, search: "bisection" });
      expect(bis.outboundReserveAgents).toBe(all.outboundReserveAgents);
      expect(bis.byReserve.length).toBeLessThan(all.byReserve.length);
    }
  });

  it("bad configs name the field", () => {
    const run = (outbound: unknown, extra: Partial<VoiceChannelConfig> = {}) => () =>
      planStaffing({ intervalMinutes: 30, intervals: [{ localMs: at(9), channel: "voice", calls: 10, ahtSeconds: 180 }], config: { channels: { voice: voice({ ...extra, outbound: outbound as VoiceChannelConfig["outbound"] }) } } });
    expect(run({ ahtSeconds: 0 })).toThrow(/config\.channels\.voice\.outbound\.ahtSeconds/);
    expect(run({ ahtSeconds: 300, contactsPerInterval: 5, hoursPerInterval: 1 })).toThrow(/outbound\.hoursPerInterval must be absent/);
    expect(run({ ahtSeconds: 300 }, { targetAsaSeconds: 20 })).toThrow(WfmError);
    expect(run({ ahtSeconds: 300 }, { targetAsaSeconds: 20 })).toThrow(/targetAsaSeconds must be absent on a channel with an outbound line/);
    expect(run({ ahtSeconds: 300 }, { callback: { thresholdSeconds: 60, takeUpShare: 0.4 } })).toThrow(/callback must be absent on a channel with an outbound line/);
  });
});
