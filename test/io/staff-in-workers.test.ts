import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { WfmError } from "../../src/errors.js";
import { planStaffingInWorkers, staffingChunks, staffWorkerSettingsFromEnv } from "../../src/io/staff-in-workers.js";
import { planStaffing, type PlanStaffingOptions, type StaffingIntervalInput } from "../../src/staffing/index.js";

const day = Date.UTC(2026, 11, 1);
/** Two days of 15-minute intervals for 7 voice queues, a chat channel and deferred e-mail. */
function options(): PlanStaffingOptions {
  const intervals: StaffingIntervalInput[] = [];
  const channels = ["q0", "q1", "q2", "q3", "q4", "q5", "q6", "chat", "email"];
  for (let t = 0; t < 192; t++) {
    channels.forEach((channel, q) => {
      // Whole and fractional counts and handle times: cached and uncached solves.
      const calls = q % 2 === 0 ? (t * 7 + q * 13) % 40 : ((t * 7 + q * 13) % 40) + 0.5;
      intervals.push({ localMs: day + t * 900_000, channel, calls, ahtSeconds: 150 + ((t + q) % 50) });
    });
  }
  return {
    intervalMinutes: 15,
    intervals,
    config: {
      openingHours: { monday: [{ openMinute: 420, closeMinute: 1320 }], tuesday: [{ openMinute: 420, closeMinute: 1320 }], wednesday: [{ openMinute: 420, closeMinute: 1320 }] },
      shrinkage: { components: [{ name: "breaks", fraction: 0.25 }] },
      channels: {
        ...Object.fromEntries(["q0", "q1", "q2", "q4", "q5", "q6"].map((q) => [q, { type: "voice" as const, targetServiceLevel: 0.8, targetAnswerSeconds: 20 }])),
        q3: { type: "voice", targetServiceLevel: 0.9, targetAnswerSeconds: 15, patienceSeconds: 90 },
        chat: { type: "chat", targetServiceLevel: 0.8, targetAnswerSeconds: 30, concurrency: 2 },
        email: { type: "deferred", responseSeconds: 14_400 },
      },
    },
  };
}

describe("planStaffingInWorkers", () => {
  it("cuts the channels into chunks of consecutive channels, each but the last reaching the chunk size (law)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 50 }), { maxLength: 40 }), fc.integer({ min: 1, max: 120 }), (sizes, chunk) => {
        const jobs = sizes.map((n, id) => ({ id, indexes: new Uint32Array(n) }));
        const chunks = staffingChunks(jobs, chunk);
        expect(chunks.flat().map((j) => j.id)).toEqual(jobs.map((j) => j.id));
        chunks.forEach((c, i) => {
          const total = c.reduce((sum, j) => sum + j.indexes.length, 0);
          if (i < chunks.length - 1) expect(total).toBeGreaterThanOrEqual(chunk);
          // Without its last channel a chunk is under the size: no chunk is larger than needed.
          expect(total - c[c.length - 1]!.indexes.length).toBeLessThan(chunk);
        });
      }),
    );
  });

  it("gives the bytes of planStaffing on two worker threads, whatever the chunk size", async () => {
    const expected = JSON.stringify(planStaffing(options()));
    for (const chunkIntervals of [192, 500, 1000]) {
      const threaded = await planStaffingInWorkers(options(), { threads: 2, minIntervalsForWorkers: 0, chunkIntervals });
      expect(JSON.stringify(threaded)).toBe(expected);
    }
    expect(JSON.stringify(await planStaffingInWorkers(options(), { threads: 1 }))).toBe(expected);
  });

  it("throws the problem planStaffing throws: the first channel's, whichever worker finishes first", async () => {
    const bad = options();
    // Two channels without a handle time (none in the rows or the config), in different chunks.
    const withBad: PlanStaffingOptions = { ...bad, intervals: bad.intervals.map((r) => (r.channel === "q2" || r.channel === "q5" ? { localMs: r.localMs, channel: r.channel, calls: r.calls } : r)) };
    let expected: unknown;
    try {
      planStaffing(withBad);
    } catch (error) {
      expected = error;
    }
    expect(expected).toBeInstanceOf(WfmError);
    const threaded = planStaffingInWorkers(withBad, { threads: 2, minIntervalsForWorkers: 0, chunkIntervals: 192 });
    await expect(threaded).rejects.toThrow(WfmError);
    await threaded.catch((error: WfmError) => expect(error.problems).toEqual((expected as WfmError).problems));
    expect((expected as WfmError).problems[0]!.message).toContain("config.channels.q2.ahtSeconds");
  });

  it("reads its test settings from the environment, ignoring anything but whole numbers", () => {
    expect(staffWorkerSettingsFromEnv({ WFM_STAFF_WORKER_MIN_INTERVALS: "0", WFM_STAFF_WORKER_CHUNK_INTERVALS: "96" })).toEqual({ minIntervalsForWorkers: 0, chunkIntervals: 96 });
    expect(staffWorkerSettingsFromEnv({ WFM_STAFF_WORKER_MIN_INTERVALS: "lots" })).toEqual({});
    expect(staffWorkerSettingsFromEnv({})).toEqual({});
  });
});
