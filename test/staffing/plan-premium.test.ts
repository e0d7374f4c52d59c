import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planStaffing, type StaffingConfig, type VoiceChannelConfig, type VoiceClassConfig } from "../../src/staffing/plan.js";
import { erlangA, erlangX, priorityQueue } from "../../src/queueing/index.js";
import { WfmError } from "../../src/errors.js";

const at = (day: number, hour: number, minute = 0) => Date.UTC(2026, 10, day, hour, minute); // November 2026

/** A day of 30-minute intervals 08:00-20:00 with the given calls. */
const day = (calls: readonly number[], ahtSeconds = 180) => calls.map((c, i) => ({ localMs: at(2, 8, 30 * i), channel: "voice", calls: c, ahtSeconds }));

const caught = (f: () => unknown): WfmError => {
  try {
    f();
  } catch (error) {
    if (error instanceof WfmError) return error;
    throw error;
  }
  throw new Error("expected a WfmError");
};

describe("planStaffing with priority classes", () => {
  // ../shared/reference/queueing-cases.json, C-CCH-REQ-80-20-shrink30 (the case of plan.test.ts):
  // 100 calls / 30 min, AHT 180 s, 80/20 -> 14 agents, SL 0.888350019179. One class is that queue.
  it("one class reproduces the Erlang C reference", () => {
    const plan = planStaffing({
      intervalMinutes: 30,
      intervals: [{ localMs: at(2, 9), channel: "voice", calls: 100, ahtSeconds: 180 }],
      config: { channels: { voice: { type: "voice", classes: [{ name: "all", share: 1, targetServiceLevel: 0.8, targetAnswerSeconds: 20 }] } }, shrinkage: { components: [{ name: "all", fraction: 0.3 }] } },
    });
    const row = plan.intervals[0]!;
    expect([row.requiredAgents, row.scheduledAgents]).toEqual([14, 20]);
    expect(row.classes![0]!.serviceLevel!).toBeCloseTo(0.888350019179, 10);
    expect(row.serviceLevel!).toBeCloseTo(0.888350019179, 10);
  });

  it("law: a channel with one class is staffed exactly as the channel without classes", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 60, max: 600 }),
        fc.constantFrom(0.7, 0.8, 0.9, 0.95),
        fc.constantFrom(10, 20, 30),
        fc.option(fc.constantFrom(60, 180, 600), { nil: undefined }),
        fc.option(fc.constantFrom(0.7, 0.85, 0.9), { nil: undefined }),
        fc.integer({ min: 0, max: 3 }),
        (calls, aht, sl, t, patience, occ, minimumAgents) => {
          const common: Partial<VoiceChannelConfig> = {
            ...(patience === undefined ? {} : { patienceSeconds: patience }),
            ...(occ === undefined ? {} : { maxOccupancy: occ }),
            minimumAgents,
          };
          const plain: StaffingConfig = { channels: { voice: { type: "voice", targetServiceLevel: sl, targetAnswerSeconds: t, ...common } } };
          const classed: StaffingConfig = { channels: { voice: { type: "voice", classes: [{ name: "all", share: 1, targetServiceLevel: sl, targetAnswerSeconds: t }], ...common } } };
          const a = planStaffing({ intervalMinutes: 30, intervals: day(calls, aht), config: plain });
          const b = planStaffing({ intervalMinutes: 30, intervals: day(calls, aht), config: classed });
          expect(b.intervals.map((r) => [r.requiredAgents, r.scheduledAgents])).toEqual(a.intervals.map((r) => [r.requiredAgents, r.scheduledAgents]));
          expect(b.totals.agentFte).toBe(a.totals.agentFte);
          b.intervals.forEach((r, i) => {
            expect(r.serviceLevel!).toBeCloseTo(a.intervals[i]!.serviceLevel!, 9);
            expect(r.asaSeconds!).toBeCloseTo(a.intervals[i]!.asaSeconds!, 6);
            expect(r.occupancy).toBeCloseTo(a.intervals[i]!.occupancy, 12);
          });
        },
      ),
      { numRuns: 60 },
    );
  });

  it("law: every class meets its targets in every interval, and one agent fewer misses one", () => {
    const classesArb = fc
      .tuple(
        fc.integer({ min: 5, max: 40 }),
        fc.constantFrom(0.8, 0.9, 0.95),
        fc.constantFrom(10, 15),
        fc.constantFrom(0.7, 0.8),
        fc.constantFrom(20, 30, 60),
        fc.option(fc.constantFrom(30, 60), { nil: undefined }),
      )
      .map(([vipPercent, vipSl, vipT, regSl, regT, regAsa]): VoiceClassConfig[] => [
        { name: "vip", share: vipPercent / 100, targetServiceLevel: vipSl, targetAnswerSeconds: vipT },
        { name: "regular", share: 1 - vipPercent / 100, targetServiceLevel: regSl, targetAnswerSeconds: regT, ...(regAsa === undefined ? {} : { targetAsaSeconds: regAsa }) },
      ]);
    fc.assert(
      fc.property(
        classesArb,
        fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 120, max: 420 }),
        fc.option(fc.constantFrom(90, 300), { nil: undefined }),
        (classes, calls, aht, patience) => {
          const voice: VoiceChannelConfig = { type: "voice", classes, ...(patience === undefined ? {} : { patienceSeconds: patience }) };
          const plan = planStaffing({ intervalMinutes: 30, intervals: day(calls, aht), config: { channels: { voice } } });
          for (const row of plan.intervals) {
            if (row.calls === 0) {
              expect(row.requiredAgents).toBe(0);
              continue;
            }
            const met = (n: number) => {
              const m = priorityQueue({ callsPerInterval: row.calls, intervalSeconds: 1800, ahtSeconds: aht, agents: n, classes, ...(patience === undefined ? {} : { patienceSeconds: patience }) });
              return classes.every((k, i) => m.classes[i]!.serviceLevel >= k.targetServiceLevel! - 1e-15 && (k.targetAsaSeconds === undefined || m.classes[i]!.asaSeconds <= k.targetAsaSeconds + 1e-12));
            };
            expect(met(row.requiredAgents)).toBe(true);
            expect(met(row.requiredAgents - 1)).toBe(false);
            row.classes!.forEach((r, i) => {
              expect(r.calls).toBeCloseTo(row.calls * classes[i]!.share, 12);
              expect(r.serviceLevel!).toBeGreaterThanOrEqual(classes[i]!.targetServiceLevel! - 1e-15);
            });
          }
          const sl = plan.totals.classes!.map((k) => k.worstServiceLevel);
          plan.totals.classes!.forEach((k, i) => {
            if (sl[i] !== null) expect(sl[i]!).toBeGreaterThanOrEqual(classes[i]!.targetServiceLevel! - 1e-15);
          });
        },
      ),
      { numRuns: 25 },
    );
  });

  it("a VIP class with a tighter target needs no fewer agents than one FIFO queue at the regular target", () => {
    const intervals = day([50, 120, 200, 160, 90]);
    const fifo = planStaffing({ intervalMinutes: 30, intervals, config: { channels: { voice: { type: "voice", targetServiceLevel: 0.8, targetAnswerSeconds: 20 } } } });
    const vip = planStaffing({
      intervalMinutes: 30,
      intervals,
      config: {
        channels: {
          voice: {
            type: "voice",
            classes: [
              { name: "vip", share: 0.1, targetServiceLevel: 0.9, targetAnswerSeconds: 10 },
              { name: "regular", share: 0.9, targetServiceLevel: 0.8, targetAnswerSeconds: 20 },
            ],
          },
        },
      },
    });
    vip.intervals.forEach((r, i) => expect(r.requiredAgents).toBeGreaterThanOrEqual(fifo.intervals[i]!.requiredAgents));
    expect(vip.totals.classes!.map((k) => [k.channel, k.name, k.calls])).toEqual([
      ["voice", "vip", 62],
      ["voice", "regular", 558],
    ]);
  });

  it("bad classes: shares not summing to 100%, channel targets beside classes, a target no staffing meets", () => {
    const bad = (voice: VoiceChannelConfig) => caught(() => planStaffing({ intervalMinutes: 30, intervals: day([100]), config: { channels: { voice } } }));
    const shares = bad({ type: "voice", classes: [{ name: "vip", share: 0.2, targetServiceLevel: 0.9 }, { name: "regular", share: 0.7, targetServiceLevel: 0.8 }] });
    expect(shares.problems[0]!.message).toBe("planStaffing: config.channels.voice.classes must be shares summing to 1 (100%) (vip 0.2, regular 0.7), got 0.9");
    const both = bad({ type: "voice", targetServiceLevel: 0.8, targetAnswerSeconds: 20, classes: [{ name: "all", share: 1, targetServiceLevel: 0.8 }] });
    expect(both.problems[0]!.path).toEqual(["config.channels.voice.targetServiceLevel"]);
    const never = bad({ type: "voice", classes: [{ name: "vip", share: 0.1, targetServiceLevel: 1 }, { name: "regular", share: 0.9, targetServiceLevel: 0.8 }] });
    expect(never.code).toBe("infeasible");
    expect(never.problems[0]!.path).toEqual(["config", "channels", "voice", "classes", 0, "targetServiceLevel"]);
    const redials = bad({ type: "voice", redialShare: 0.5, classes: [{ name: "all", share: 1, targetServiceLevel: 0.8 }] });
    expect(redials.problems[0]!.path).toEqual(["config.channels.voice.redialShare"]);
  });
});

describe("planStaffing with redials and lines (Erlang X)", () => {
  // A-PYWF-REQ (plan.test.ts): Erlang A, patience 300 s, 80/20, abandonment <= 5%, occupancy <= 85%
  // -> 13 agents, abandonment 0.0249633036336. Erlang X without redials and lines is Erlang A.
  it("no redials and unlimited lines reproduce the Erlang A reference", () => {
    const plan = planStaffing({
      intervalMinutes: 30,
      intervals: [{ localMs: at(2, 9), calls: 100 }],
      config: { channels: { voice: { type: "voice", ahtSeconds: 180, targetServiceLevel: 0.8, targetAnswerSeconds: 20, patienceSeconds: 300, maxAbandonProbability: 0.05, maxOccupancy: 0.85, redialShare: 0 } } },
    });
    const row = plan.intervals[0]!;
    expect(row.requiredAgents).toBe(13);
    expect(row.abandonProbability!).toBeCloseTo(0.0249633036336, 10);
    expect(row).toMatchObject({ blockingProbability: 0, redialAttemptShare: 0 });
    expect(row.effectiveTrafficErlangs!).toBeCloseTo(10, 12);
  });

  it("law: Erlang X without redials equals Erlang A; redials never need fewer agents; targets met, one fewer misses", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 300 }), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 120, max: 420 }),
        fc.constantFrom(60, 180, 600),
        fc.constantFrom(0.7, 0.8, 0.9),
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
        (calls, aht, patience, sl, redial, extraLines) => {
          const base: VoiceChannelConfig = { type: "voice", targetServiceLevel: sl, targetAnswerSeconds: 20, patienceSeconds: patience };
          const a = planStaffing({ intervalMinutes: 30, intervals: day(calls, aht), config: { channels: { voice: base } } });
          const x0 = planStaffing({ intervalMinutes: 30, intervals: day(calls, aht), config: { channels: { voice: { ...base, redialShare: 0 } } } });
          expect(x0.intervals.map((r) => r.requiredAgents)).toEqual(a.intervals.map((r) => r.requiredAgents));
          const xr = planStaffing({ intervalMinutes: 30, intervals: day(calls, aht), config: { channels: { voice: { ...base, redialShare: redial } } } });
          xr.intervals.forEach((r, i) => {
            expect(r.requiredAgents).toBeGreaterThanOrEqual(a.intervals[i]!.requiredAgents);
            const options = { callsPerInterval: r.calls, intervalSeconds: 1800, ahtSeconds: aht, patienceSeconds: patience, redialShare: redial, targetAnswerSeconds: 20 };
            expect(erlangX({ ...options, agents: r.requiredAgents }).serviceLevel).toBeGreaterThanOrEqual(sl - 1e-15);
            if (r.requiredAgents > 0) expect(erlangX({ ...options, agents: r.requiredAgents - 1 }).serviceLevel).toBeLessThan(sl);
          });
          if (extraLines !== undefined) {
            // Lines a little above the Erlang A staffing: a blocked caller is no longer waiting, so
            // the answered-within-T share of attempts is reported beside the blocking.
            const lines = Math.max(...a.intervals.map((r) => r.requiredAgents)) + extraLines + 1;
            let plan;
            try {
              plan = planStaffing({ intervalMinutes: 30, intervals: day(calls, aht), config: { channels: { voice: { ...base, lines } } } });
            } catch (error) {
              expect((error as WfmError).problems[0]!.path).toEqual(["config", "channels", "voice", "lines"]);
              return;
            }
            for (const r of plan.intervals) {
              expect(r.requiredAgents).toBeLessThanOrEqual(lines);
              expect(r.blockingProbability!).toBeGreaterThanOrEqual(0);
              expect(r.serviceLevel!).toBeGreaterThanOrEqual(sl - 1e-15);
            }
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it("redials raise the effective offered load above the fresh traffic", () => {
    const plan = planStaffing({
      intervalMinutes: 30,
      intervals: [{ localMs: at(2, 9), calls: 1000 }],
      config: { channels: { voice: { type: "voice", ahtSeconds: 180, targetServiceLevel: 0.6, targetAnswerSeconds: 20, patienceSeconds: 60, redialShare: 0.6, redialDelaySeconds: 300 } } },
    });
    const row = plan.intervals[0]!;
    const fresh = erlangA({ callsPerInterval: 1000, intervalSeconds: 1800, ahtSeconds: 180, agents: row.requiredAgents, patienceSeconds: 60 });
    expect(row.effectiveTrafficErlangs!).toBeGreaterThan(row.trafficErlangs);
    // Little's law on the attempts: effective traffic = fresh traffic x attempts per fresh caller, and a
    // redial happens only after an abandonment, so attempts per caller <= 1 / (1 - r x P(abandon)) at most.
    expect(row.effectiveTrafficErlangs! / row.trafficErlangs).toBeLessThan(1 / (1 - 0.6));
    expect(fresh.abandonProbability).toBeGreaterThan(0);
  });

  it("bad Erlang X settings name the field", () => {
    const bad = (voice: VoiceChannelConfig) => caught(() => planStaffing({ intervalMinutes: 30, intervals: day([100]), config: { channels: { voice } } }));
    expect(bad({ type: "voice", targetServiceLevel: 0.8, targetAnswerSeconds: 20, redialShare: 1.5 }).problems[0]!.path).toEqual(["config.channels.voice.redialShare"]);
    expect(bad({ type: "voice", targetServiceLevel: 0.8, targetAnswerSeconds: 20, lines: 2.5 }).problems[0]!.path).toEqual(["config.channels.voice.lines"]);
    expect(bad({ type: "voice", targetServiceLevel: 0.8, targetAnswerSeconds: 20, maxBlockingProbability: 0.01 }).problems[0]!.path).toEqual(["config.channels.voice.maxBlockingProbability"]);
    const bind = bad({ type: "voice", targetServiceLevel: 0.8, targetAnswerSeconds: 20, patienceSeconds: 120, lines: 5 });
    expect(bind.code).toBe("infeasible");
    expect(bind.problems[0]!.path).toEqual(["config", "channels", "voice", "lines"]);
  });
});
