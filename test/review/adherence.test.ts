import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { activityOf, agentAdherence } from "../../src/review/adherence.js";

const h = 3_600_000;

describe("agentAdherence", () => {
  it("counts time in the scheduled activity at the scheduled time (hand-worked example)", () => {
    // Scheduled: work 0-4, break 4-5, work 5-8. Did: work 0-7, break 7-8.
    const report = agentAdherence({
      states: [
        { agent: "a", team: "t", startLocalMs: 0, endLocalMs: 3 * h, state: "on-contact" },
        { agent: "a", team: "t", startLocalMs: 3 * h, endLocalMs: 7 * h, state: "Available" },
        { agent: "a", team: "t", startLocalMs: 7 * h, endLocalMs: 8 * h, state: "lunch" },
      ],
      schedule: [
        { agent: "a", startLocalMs: 0, endLocalMs: 4 * h, activity: "work" },
        { agent: "a", startLocalMs: 4 * h, endLocalMs: 5 * h, activity: "break" },
        { agent: "a", startLocalMs: 5 * h, endLocalMs: 8 * h, activity: "work" },
      ],
    });
    const a = report.agents[0]!;
    // in adherence: work 0-4 (4 h) + work 5-7 (2 h) = 6 of 8 scheduled hours
    expect(a.adherence).toBe(6 / 8);
    // worked 7 h against 7 scheduled working hours
    expect(a.conformance).toBe(1);
    expect(a.hoursByActivity).toEqual({ work: 7, break: 1, meeting: 0, training: 0, offline: 0, other: 0 });
    expect(report.teams[0]).toMatchObject({ name: "t", adherence: 6 / 8, conformance: 1 });
  });

  it("sums teams from their agents, and clips to the period", () => {
    const report = agentAdherence({
      states: [
        { agent: "a", team: "x", startLocalMs: 0, endLocalMs: 10 * h, state: "available" },
        { agent: "b", team: "x", startLocalMs: 0, endLocalMs: 2 * h, state: "offline" },
      ],
      schedule: [
        { agent: "a", startLocalMs: 0, endLocalMs: 4 * h, activity: "work" },
        { agent: "b", startLocalMs: 0, endLocalMs: 4 * h, activity: "work" },
      ],
      startLocalMs: 0,
      endLocalMs: 4 * h,
    });
    expect(report.agents.map((r) => r.adherence)).toEqual([1, 0]);
    expect(report.teams[0]).toMatchObject({ scheduledHours: 8, inAdherenceHours: 4, adherence: 0.5, workHours: 4, conformance: 0.5 });
  });

  it("has no adherence without a schedule, only time per state", () => {
    const report = agentAdherence({ states: [{ agent: "a", startLocalMs: 0, endLocalMs: h, state: "training" }] });
    expect(report.agents[0]).toMatchObject({ adherence: null, conformance: null, team: "all" });
    expect(report.agents[0]!.hoursByActivity.training).toBe(1);
  });

  it("maps state names to activities ignoring case, spaces, - and _", () => {
    expect(["On-Contact", "after_call_work", "Lunch", "Team Meeting", "coaching", "Logged Out", "system"].map(activityOf)).toEqual(["work", "work", "break", "meeting", "training", "offline", "other"]);
  });

  it("is 100% adherent and conformant when the states are the schedule, and never above 1 for adherence (laws)", () => {
    const segment = fc.record({ length: fc.integer({ min: 1, max: 120 }), activity: fc.constantFrom("work", "break", "meeting", "training") });
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 12 }), fc.array(segment, { minLength: 1, maxLength: 12 }), (planned, done) => {
        const lay = (segments: { length: number; activity: string }[]) => {
          let t = 0;
          return segments.map((s) => ({ agent: "a", startLocalMs: t * 60_000, endLocalMs: (t += s.length) * 60_000, activity: s.activity, state: s.activity }));
        };
        const schedule = lay(planned);
        const same = agentAdherence({ states: schedule, schedule }).agents[0]!;
        expect(same.adherence).toBeCloseTo(1, 12);
        if (same.conformance !== null) expect(same.conformance).toBeCloseTo(1, 12);
        const other = agentAdherence({ states: lay(done), schedule }).agents[0]!;
        expect(other.adherence!).toBeLessThanOrEqual(1 + 1e-12);
        expect(other.adherence!).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it("refuses a segment that ends before it starts", () => {
    expect(() => agentAdherence({ states: [{ agent: "a", startLocalMs: h, endLocalMs: 0, state: "work" }] })).toThrow("agentAdherence: states[0].endLocalMs must be at or after its start, got 0");
  });
});
