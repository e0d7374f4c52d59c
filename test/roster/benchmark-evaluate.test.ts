import { describe, expect, it } from "vitest";
import { parseRosterBenchmark } from "../../src/io/roster-benchmark.js";
import { evaluateRosterBenchmark } from "../../src/roster/benchmark-evaluate.js";
import { bareInstance, tinyText } from "./benchmark-fixtures.js";

/** A 14-day row from a compact string: "." is a day off, a letter is that shift. */
const row = (text: string) => [...text].map((c) => (c === "." ? "" : c));

describe("evaluateRosterBenchmark: hard rules", () => {
  // Day 0 is a Monday; days 5, 6 and 12, 13 are the weekends; A has day 9 off.
  it("accepts a roster that keeps every rule", () => {
    const result = evaluateRosterBenchmark(bareInstance(), { A: row("DDD....DD.....") });
    expect(result.violations).toEqual([]);
    expect(result.feasible).toBe(true);
    expect(result.objective).toBe(0);
  });

  const cases: [string, string, Partial<Parameters<typeof bareInstance>[0]>, string][] = [
    ["day-off", "DDD....DDD....", {}, "A works D on day off 9"],
    ["forbidden-succession", "ND.....DD.....", {}, "A: D on day 1 may not follow N on day 0"],
    ["max-shifts", "NNN....DD.....", {}, "A works 3 N shifts, at most 2"],
    ["max-total-minutes", "DDD....DD.....", { employees: [{ ...bareInstance().employees[0]!, maxTotalMinutes: 2000 }] }, "A works 2400 minutes, at most 2000"],
    ["min-total-minutes", "DDD....DD.....", { employees: [{ ...bareInstance().employees[0]!, minTotalMinutes: 2880 }] }, "A works 2400 minutes, at least 2880"],
    ["max-consecutive-shifts", "DDDDDD........", {}, "A works 6 days in a row from day 0, at most 5"],
    ["min-consecutive-shifts", "DD..D..DD.....", {}, "A works 1 days in a row from day 4, at least 2"],
    ["min-consecutive-days-off", "DD.DD..DD.....", {}, "A has 1 days off in a row from day 2, at least 2"],
    ["max-weekends", ".....DD.....DD", { daysOff: {} }, "A works 2 weekends, at most 1"],
  ];
  for (const [rule, text, overrides, message] of cases) {
    it(`reports ${rule}`, () => {
      const result = evaluateRosterBenchmark(bareInstance(overrides), { A: row(text) });
      expect(result.feasible).toBe(false);
      expect(result.violations.map((v) => [v.rule, v.message])).toEqual([[rule, message]]);
    });
  }

  it("exempts short runs that touch the first or the last day, and only those", () => {
    const rules = (text: string) => evaluateRosterBenchmark(bareInstance({ daysOff: {} }), { A: row(text) }).violations.map((v) => v.rule);
    expect(rules("D....DD......D")).toEqual(["max-weekends"]); // 1-day work runs on day 0 and day 13
    expect(rules(".DD....DD....D")).toEqual([]); // a 1-day rest run on day 0
    expect(rules(".DD....DDDDD.D")).toEqual(["min-consecutive-days-off"]); // a 1-day rest run on day 12
    expect(rules("DD..D..DD....D")).toEqual(["min-consecutive-shifts"]); // a 1-day work run on day 4
  });

  it("reports a roster of the wrong shape and unknown shifts", () => {
    const result = evaluateRosterBenchmark(bareInstance(), { A: row("DDX....DD....."), Z: row("..............") });
    expect(result.violations.map((v) => v.rule)).toEqual(["roster-shape", "unknown-shift"]);
    expect(evaluateRosterBenchmark(bareInstance(), { A: row("DD") }).violations.map((v) => v.message)).toEqual(["employee A needs 14 days, got 2"]);
  });
});

describe("evaluateRosterBenchmark: the objective by the benchmark's definition", () => {
  const instance = parseRosterBenchmark(tinyText, { file: "tiny.txt" });

  it("charges only the granted shift-off request of a roster meeting every cover (3, by hand)", () => {
    // A: N N . . . D D (off request A day 1 N granted: 3); B: D . . . . D . (on request B day 0 D met)
    const result = evaluateRosterBenchmark(instance, { A: ["N", "N", "", "", "", "D", "D"], B: ["D", "", "", "", "", "D", ""] });
    expect(result.violations).toEqual([]);
    expect([result.shiftOnPenalty, result.shiftOffPenalty, result.underCoverPenalty, result.overCoverPenalty, result.objective]).toEqual([0, 3, 0, 0, 3]);
  });

  it("adds the unmet on request, 100 per person short and 1 per extra (by hand: 2 + 3 + 200 = 205)", () => {
    // B idle breaks B's minimum minutes; the objective is still computed
    const result = evaluateRosterBenchmark(instance, { A: ["N", "N", "", "", "", "D", "D"], B: ["", "", "", "", "", "", ""] });
    expect(result.violations.map((v) => v.rule)).toEqual(["min-total-minutes"]);
    expect([result.shiftOnPenalty, result.shiftOffPenalty, result.underCoverPenalty, result.overCoverPenalty, result.objective]).toEqual([2, 3, 200, 0, 205]);
  });
});
