import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { WfmError } from "../../src/errors.js";
import {
  buildShiftModel,
  buildTemplateProblem,
  solveShiftProblem,
  verifySchedule,
  type ShiftColumn,
  type ShiftProblem,
} from "../../src/schedule/index.js";

/** A plain column: template 0, its own group, no breaks. */
function column(startInterval: number, lengthIntervals: number, cost: number, extra: Partial<ShiftColumn> = {}): ShiftColumn {
  return { template: 0, group: startInterval, day: 0, startInterval, lengthIntervals, cost, paidHours: lengthIntervals, breaks: [], ...extra };
}

function problemOf(required: number[], columns: ShiftColumn[], extra: Partial<ShiftProblem> = {}): ShiftProblem {
  return {
    intervalMinutes: 60,
    required,
    cyclic: false,
    templateNames: ["shift"],
    columns,
    groupCount: Math.max(0, ...columns.map((c) => c.group + 1)),
    groupPenalty: 0,
    shortfallCostPerInterval: 100,
    excessCostPerInterval: 1,
    hardCoverage: false,
    ...extra,
  };
}

describe("solveShiftProblem: hand-computed optima", () => {
  it("covers 1,2,2,1 with three 2-hour shifts (cost 30, no shortfall, no excess)", async () => {
    // Each shift gives 2 agent-hours; the curve needs 6, so 3 shifts; starts 0, 1, 2 cover it exactly.
    const problem = problemOf([1, 2, 2, 1], [column(0, 2, 10), column(1, 2, 10), column(2, 2, 10)]);
    const solution = await solveShiftProblem(problem, { timeLimitSeconds: 10, relativeGap: 0 });
    expect(solution.status).toBe("optimal");
    expect(solution.assignment!.counts).toEqual([1, 1, 1]);
    expect(solution.verified!.objective).toBe(30);
    expect(solution.verified!.scheduled).toEqual([1, 2, 2, 1]);
  });

  it("wraps a shift around a cyclic horizon (Sunday night covers Monday morning)", async () => {
    // One 2-interval shift starting in the last interval covers intervals 3 and 0.
    const problem = problemOf([1, 0, 0, 1], [column(3, 2, 10)], { cyclic: true });
    const solution = await solveShiftProblem(problem, { timeLimitSeconds: 10 });
    expect(solution.assignment!.counts).toEqual([1]);
    expect(solution.verified!.scheduled).toEqual([1, 0, 0, 1]);
    expect(solution.verified!.objective).toBe(10);
  });

  it("truncates a shift at the end of a non-cyclic horizon", async () => {
    const problem = problemOf([1, 0, 0, 1], [column(3, 2, 10)]);
    const solution = await solveShiftProblem(problem, { timeLimitSeconds: 10 });
    // Covering interval 3 costs 10; leaving it short costs 100.
    expect(solution.verified!.scheduled).toEqual([0, 0, 0, 1]);
    expect(solution.verified!.shortfall).toEqual([1, 0, 0, 0]);
    expect(solution.verified!.objective).toBe(110);
  });

  it("staggers breaks: two agents with breaks at different times beat one agent and a shortfall", async () => {
    // A 4-interval shift, one 1-interval break starting 1 or 2 intervals in. Two agents with breaks
    // at 1 and 2 give floor 2,1,1,2: excess 2 (cost 2) + 2 x 10 = 22; one agent leaves 1 short (110).
    const breakRule = { name: "break", earliestStartOffset: 1, latestStartOffset: 2, durationIntervals: 1 };
    const problem = problemOf([1, 1, 1, 1], [column(0, 4, 10, { breaks: [breakRule] })]);
    const solution = await solveShiftProblem(problem, { timeLimitSeconds: 10, relativeGap: 0 });
    expect(solution.assignment!.counts).toEqual([2]);
    expect(solution.assignment!.breakCounts).toEqual([[[1, 1]]]);
    expect(solution.verified!.scheduled).toEqual([2, 1, 1, 2]);
    expect(solution.verified!.objective).toBe(22);
  });

  it("prefers one long shift to two short ones when each distinct shift costs 5", async () => {
    // Groups: A (0, len 2), B (2, len 2), C (0, len 4). Two agents on C: penalty 5 vs 10 for A and B.
    const problem = problemOf(
      [2, 2, 2, 2],
      [column(0, 2, 0, { group: 0 }), column(2, 2, 0, { group: 1 }), column(0, 4, 0, { group: 2 })],
      { groupPenalty: 5, groupCount: 3 },
    );
    const solution = await solveShiftProblem(problem, { timeLimitSeconds: 10, relativeGap: 0 });
    expect(solution.assignment!.counts).toEqual([0, 0, 2]);
    expect(solution.verified!.distinctShifts).toBe(1);
    expect(solution.verified!.objective).toBe(5);
  });

  it("hard mode names the intervals no shift can cover instead of failing silently", async () => {
    const problem = problemOf([1, 1, 2, 0, 1], [column(0, 2, 10)], { hardCoverage: true });
    const solution = await solveShiftProblem(problem, { timeLimitSeconds: 10 });
    expect(solution.status).toBe("infeasible");
    expect(solution.uncoverable).toEqual([2, 4]);
    expect(solution.assignment).toBeNull();
  });

  it("soft mode reports the shortfall of the same curve", async () => {
    const problem = problemOf([1, 1, 2, 0, 1], [column(0, 2, 10)]);
    const solution = await solveShiftProblem(problem, { timeLimitSeconds: 10 });
    expect(solution.status).toBe("optimal");
    expect(solution.verified!.shortfall).toEqual([0, 0, 2, 0, 1]);
    expect(solution.verified!.objective).toBe(10 + 3 * 100);
  });

  it("respects per-day count limits", async () => {
    const problem = problemOf([3, 3], [column(0, 2, 10)], { limits: [{ name: "at most 2", columns: [0], max: 2 }] });
    const solution = await solveShiftProblem(problem, { timeLimitSeconds: 10 });
    expect(solution.assignment!.counts).toEqual([2]);
    expect(solution.verified!.shortfall).toEqual([1, 1]);
  });

  it("rejects bad options with the option's name", async () => {
    const problem = problemOf([1], [column(0, 1, 1)]);
    await expect(solveShiftProblem(problem, { timeLimitSeconds: 0 })).rejects.toThrow("solveShiftProblem: timeLimitSeconds must be a positive finite number, got 0");
    await expect(solveShiftProblem(problem, { relativeGap: 1.5 })).rejects.toThrow(WfmError);
  });
});

describe("weekly tours", () => {
  it("covers 2 agents every day of a cyclic week with three 5-day tours (15 shifts)", async () => {
    // 14 agent-days are needed and a tour works 5: at least 3 tours; 3 tours with disjoint pairs
    // of days off leave 2 on duty every day (3 on the seventh): 15 shifts of 24 paid hours.
    const built = buildTemplateProblem({
      series: { startLocalMs: Date.UTC(2026, 11, 7), intervalMinutes: 1440, required: [2, 2, 2, 2, 2, 2, 2] },
      settings: {
        templates: [{ name: "day", earliestStartMinute: 0, latestStartMinute: 0, minLengthMinutes: 1440 }],
        tours: { patterns: [{ name: "5 days", workDays: 5 }] },
        cyclicWeek: true,
        coverage: { shortfallPenaltyPerAgentHour: 100, excessPenaltyPerAgentHour: 0 },
      },
    });
    expect(built.problem.tours).toHaveLength(7);
    const solution = await solveShiftProblem(built.problem, { timeLimitSeconds: 10, relativeGap: 0 });
    expect(solution.status).toBe("optimal");
    expect(solution.assignment!.tourCounts.reduce((a, b) => a + b, 0)).toBe(3);
    expect(solution.verified!.shiftCount).toBe(15);
    expect(Math.min(...solution.verified!.scheduled)).toBeGreaterThanOrEqual(2);
    expect(solution.verified!.objective).toBe(15 * 24);
  });
});

describe("weekly tours with a start band", () => {
  // One agent is needed 08:00-16:00 Monday to Wednesday and 10:00-18:00 on Thursday and Friday.
  // A 5-day tour with the same start every day cannot match both; with a 2-hour start band one
  // tour starts at 08:00 for three days and at 10:00 for two: 40 paid hours, nothing short or over.
  const required = Array.from({ length: 7 * 24 }, (_, t) => {
    const day = Math.floor(t / 24);
    const hour = t % 24;
    if (day <= 2) return hour >= 8 && hour < 16 ? 1 : 0;
    if (day <= 4) return hour >= 10 && hour < 18 ? 1 : 0;
    return 0;
  });
  const settings = (startBandMinutes: number) => ({
    templates: [{ name: "day", earliestStartMinute: 480, latestStartMinute: 600, startStepMinutes: 60, minLengthMinutes: 480, costPerPaidHour: 1 }],
    tours: { patterns: [{ name: "5 days", workDays: 5, startBandMinutes }] },
    coverage: { shortfallPenaltyPerAgentHour: 100, excessPenaltyPerAgentHour: 1 },
  });
  const series = { startLocalMs: Date.UTC(2026, 11, 7), intervalMinutes: 60, required };

  it("follows the requirement day by day within the band", async () => {
    const built = buildTemplateProblem({ series, settings: settings(120) });
    expect(built.problem.tours!.some((t) => t.choices !== undefined && t.choices.every((d) => d.length >= 1))).toBe(true);
    const solution = await solveShiftProblem(built.problem, { timeLimitSeconds: 20, relativeGap: 0 });
    expect(solution.status).toBe("optimal");
    expect(solution.verified!.valid).toBe(true);
    expect(solution.verified!.objective).toBe(40);
    expect(solution.verified!.shortfall.every((u) => u === 0)).toBe(true);
    expect(solution.assignment!.tourCounts.reduce((a, b) => a + b, 0)).toBe(1);
  });

  it("costs more with the same start every day", async () => {
    const solution = await solveShiftProblem(buildTemplateProblem({ series, settings: settings(0) }).problem, { timeLimitSeconds: 20, relativeGap: 0 });
    expect(solution.status).toBe("optimal");
    expect(solution.verified!.objective).toBeGreaterThan(40);
  });

  it("rejects choice counts that do not add up to the tour's agents", () => {
    const problem = buildTemplateProblem({ series, settings: settings(120) }).problem;
    const k = problem.tours!.findIndex((t) => t.choices !== undefined);
    const tour = problem.tours![k]!;
    const tourCounts = problem.tours!.map((_, i) => (i === k ? 1 : 0));
    const tourChoices: number[][][] = problem.tours!.map((t, i) => (t.choices ?? []).map((alternatives) => alternatives.map((_, j): number => (i === k && j === 0 ? 1 : 0))));
    const counts = problem.columns.map((_, c) => tourChoices[k]!.reduce((sum, split, d) => sum + split.reduce((s2, w, j) => s2 + (tour.choices![d]![j] === c ? w : 0), 0), 0));
    const ok = verifySchedule(problem, { counts, breakCounts: problem.columns.map(() => []), tourCounts, tourChoices });
    expect(ok.problems).toEqual([]);
    const broken = tourChoices.map((days, i) => (i === k ? days.map((split, d) => (d === 0 ? split.map(() => 0) : split)) : days));
    const bad = verifySchedule(problem, { counts, breakCounts: problem.columns.map(() => []), tourCounts, tourChoices: broken });
    expect(bad.valid).toBe(false);
    expect(bad.problems).toContain(`tour ${tour.name} day 1: 0 agents start for 1 on the tour`);
  });
});

describe("verifySchedule", () => {
  const breakRule = { name: "break", earliestStartOffset: 1, latestStartOffset: 2, durationIntervals: 1 };
  const problem = problemOf([1, 1, 1, 1], [column(0, 4, 10, { breaks: [breakRule] })]);

  it("rejects a tampered solution: more agents than breaks, fractional and negative counts", () => {
    expect(verifySchedule(problem, { counts: [2], breakCounts: [[[1, 1]]], tourCounts: [] }).valid).toBe(true);
    const extra = verifySchedule(problem, { counts: [3], breakCounts: [[[1, 1]]], tourCounts: [] });
    expect(extra.valid).toBe(false);
    expect(extra.problems).toContain("column 0 break break: 2 breaks for 3 agents");
    const fractional = verifySchedule(problem, { counts: [1.5], breakCounts: [[[1, 0.5]]], tourCounts: [] });
    expect(fractional.problems[0]).toBe("column 0: count 1.5 is not a non-negative integer");
    expect(verifySchedule(problem, { counts: [-1], breakCounts: [[[0, -1]]], tourCounts: [] }).valid).toBe(false);
  });

  it("rejects shortfall under hard coverage and excess above the cap", () => {
    const hard = { ...problem, hardCoverage: true, maxExcessAgents: 0 };
    const result = verifySchedule(hard, { counts: [1], breakCounts: [[[1, 0]]], tourCounts: [] });
    expect(result.problems).toContain("interval 1: shortfall 1 under hard coverage");
    const over = verifySchedule(hard, { counts: [2], breakCounts: [[[1, 1]]], tourCounts: [] });
    expect(over.problems).toContain("interval 0: excess 1 above the cap 0");
  });

  it("recomputes the objective: 2 agents x 10 + excess 2 x 1 = 22", () => {
    const result = verifySchedule(problem, { counts: [2], breakCounts: [[[1, 1]]], tourCounts: [] });
    expect(result.objective).toBe(22);
    expect(result.shiftCost).toBe(20);
    expect(result.excessCost).toBe(2);
  });
});

describe("buildShiftModel", () => {
  it("writes valid CSC arrays: starts end at the nonzero count, rows in range", () => {
    const breakRule = { name: "b", earliestStartOffset: 1, latestStartOffset: 2, durationIntervals: 1 };
    const problem = problemOf([1, 2, 2, 1], [column(0, 4, 10, { breaks: [breakRule] }), column(1, 2, 5)], { groupPenalty: 3 });
    const { data, layout } = buildShiftModel(problem);
    expect(data.matrix.starts.length).toBe(data.numCols + 1);
    expect(data.matrix.starts[data.numCols]).toBe(data.matrix.indices.length);
    for (const row of data.matrix.indices) expect(row).toBeGreaterThanOrEqual(0);
    for (const row of data.matrix.indices) expect(row).toBeLessThan(data.numRows);
    // x (2) + breaks (2) + shortfall (4) + excess (4) + groups (2)
    expect(data.numCols).toBe(14);
    expect(layout.groupStart).toBe(12);
  });
});

describe("laws (fast-check)", () => {
  /** Brute force over counts 0..3 per column: an independent optimum for tiny problems. */
  function bruteForce(problem: ShiftProblem): number {
    let best = Infinity;
    const n = problem.columns.length;
    const counts = new Array<number>(n).fill(0);
    const visit = (i: number) => {
      if (i === n) {
        best = Math.min(best, verifySchedule(problem, { counts, breakCounts: counts.map(() => []), tourCounts: [] }).objective);
        return;
      }
      for (let k = 0; k <= 3; k++) {
        counts[i] = k;
        visit(i + 1);
      }
    };
    visit(0);
    return best;
  }

  const tinyProblem = fc
    .record({
      required: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 3, maxLength: 6 }),
      shifts: fc.array(fc.record({ start: fc.integer({ min: 0, max: 5 }), length: fc.integer({ min: 1, max: 4 }), cost: fc.integer({ min: 1, max: 30 }) }), { minLength: 1, maxLength: 3 }),
      cyclic: fc.boolean(),
      shortfall: fc.integer({ min: 0, max: 50 }),
      excess: fc.integer({ min: 0, max: 5 }),
    })
    .map(({ required, shifts, cyclic, shortfall, excess }) =>
      problemOf(
        required,
        shifts.map((s, i) => column(s.start % required.length, s.length, s.cost, { group: i })),
        { cyclic, shortfallCostPerInterval: shortfall, excessCostPerInterval: excess, groupCount: shifts.length },
      ),
    );

  it("the solver's verified objective equals the brute-force optimum and HiGHS's own objective", async () => {
    await fc.assert(
      fc.asyncProperty(tinyProblem, async (problem) => {
        const solution = await solveShiftProblem(problem, { timeLimitSeconds: 10, relativeGap: 0 });
        expect(solution.verified!.valid).toBe(true);
        expect(solution.verified!.objective).toBeCloseTo(bruteForce(problem), 6);
        expect(solution.verified!.objective).toBeCloseTo(solution.solverObjective!, 6);
      }),
      { numRuns: 25, seed: 20261207 },
    );
  });

  it("coverage meets the requirement in every interval whenever the schedule reports no shortfall", async () => {
    await fc.assert(
      fc.asyncProperty(tinyProblem, async (problem) => {
        const solution = await solveShiftProblem(problem, { timeLimitSeconds: 10 });
        const v = solution.verified!;
        if (v.shortfall.every((s) => s === 0)) {
          problem.required.forEach((r, t) => expect(v.scheduled[t]).toBeGreaterThanOrEqual(r));
        }
        v.scheduled.forEach((n, t) => expect(n - problem.required[t]!).toBeCloseTo(v.excess[t]! - v.shortfall[t]!, 9));
      }),
      { numRuns: 20, seed: 7 },
    );
  });
});

describe("the time limit caps the whole solve", () => {
  /** A week of 15-minute intervals with three break windows: far from solvable in a millisecond. */
  const week = buildTemplateProblem({
    series: { startLocalMs: Date.UTC(2026, 11, 7), intervalMinutes: 15, required: Array.from({ length: 672 }, (_, t) => 5 + ((t * 7) % 23)) },
    settings: {
      templates: [
        {
          name: "day",
          earliestStartMinute: 360,
          latestStartMinute: 720,
          startStepMinutes: 15,
          minLengthMinutes: 510,
          breaks: [
            { name: "break1", durationMinutes: 15, earliestStartAfterMinutes: 60, latestStartAfterMinutes: 135, paid: true },
            { name: "lunch", durationMinutes: 30, earliestStartAfterMinutes: 180, latestStartAfterMinutes: 285 },
          ],
        },
      ],
      cyclicWeek: true,
    },
  }).problem;

  it("with a 1 ms limit returns a verified schedule stopped at the limit, or says no schedule was found", async () => {
    const solution = await solveShiftProblem(week, { timeLimitSeconds: 0.001, relativeGap: 0 });
    expect(["time-limit", "no-solution"]).toContain(solution.status);
    if (solution.assignment === null) expect(solution.status).toBe("no-solution");
    else expect(solution.verified!.valid).toBe(true);
  });
});

describe("laws with breaks (fast-check)", () => {
  /** Brute force over counts 0..4 per column and every split of its agents over the break starts. */
  function bruteForceWithBreaks(problem: ShiftProblem): number {
    let best = Infinity;
    const splits = (x: number, width: number): number[][] => {
      if (width === 1) return [[x]];
      const out: number[][] = [];
      for (let k = 0; k <= x; k++) for (const rest of splits(x - k, width - 1)) out.push([k, ...rest]);
      return out;
    };
    const n = problem.columns.length;
    const counts = new Array<number>(n).fill(0);
    const breaks: number[][][] = problem.columns.map(() => []);
    const visit = (i: number) => {
      if (i === n) {
        best = Math.min(best, verifySchedule(problem, { counts, breakCounts: breaks, tourCounts: [] }).objective);
        return;
      }
      const rule = problem.columns[i]!.breaks[0]!;
      for (let x = 0; x <= 4; x++) {
        counts[i] = x;
        for (const split of splits(x, rule.latestStartOffset - rule.earliestStartOffset + 1)) {
          breaks[i] = [split];
          visit(i + 1);
        }
      }
    };
    visit(0);
    return best;
  }

  const withBreaks = fc
    .record({
      required: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 4, maxLength: 7 }),
      shifts: fc.array(fc.record({ start: fc.integer({ min: 0, max: 6 }), cost: fc.integer({ min: 1, max: 20 }) }), { minLength: 1, maxLength: 2 }),
      shortfall: fc.integer({ min: 0, max: 40 }),
    })
    .map(({ required, shifts, shortfall }) =>
      problemOf(
        required,
        shifts.map((s, i) =>
          column(s.start % required.length, 4, s.cost, { group: i, breaks: [{ name: "b", earliestStartOffset: 1, latestStartOffset: 2, durationIntervals: 1 }] }),
        ),
        { cyclic: true, shortfallCostPerInterval: shortfall, groupCount: shifts.length },
      ),
    );

  it("an optimal claim is never beaten and its bound never exceeds any schedule (LP-rounding start on)", async () => {
    await fc.assert(
      fc.asyncProperty(withBreaks, async (problem) => {
        const solution = await solveShiftProblem(problem, { timeLimitSeconds: 10, relativeGap: 0, roundingStart: true });
        const optimum = bruteForceWithBreaks(problem);
        expect(solution.status).toBe("optimal");
        expect(solution.verified!.valid).toBe(true);
        expect(solution.verified!.objective).toBeCloseTo(optimum, 6);
        expect(solution.bound!).toBeLessThanOrEqual(optimum + 1e-6);
      }),
      { numRuns: 25, seed: 17 },
    );
  });
});

describe("fix and optimise by day windows", () => {
  // Two days of 30-minute intervals (three start days with the evening before), two templates
  // with a lunch window, starts every 2 hours: small enough for an exact answer in a second.
  const twoDays = buildTemplateProblem({
    series: { startLocalMs: Date.UTC(2026, 11, 7), intervalMinutes: 30, required: Array.from({ length: 96 }, (_, t) => [2, 3, 5, 8, 6, 4][Math.floor((t % 48) / 8)]! + (t % 5 === 0 ? 1 : 0)) },
    settings: {
      templates: [
        { name: "early", earliestStartMinute: 0, latestStartMinute: 600, startStepMinutes: 120, minLengthMinutes: 480, breaks: [{ name: "lunch", durationMinutes: 30, earliestStartAfterMinutes: 180, latestStartAfterMinutes: 300 }] },
        { name: "late", earliestStartMinute: 720, latestStartMinute: 1320, startStepMinutes: 120, minLengthMinutes: 480, breaks: [{ name: "lunch", durationMinutes: 30, earliestStartAfterMinutes: 180, latestStartAfterMinutes: 300 }] },
      ],
      coverage: { shortfallPenaltyPerAgentHour: 200, excessPenaltyPerAgentHour: 1 },
    },
  }).problem;

  it("reaches the same proven optimum as branch and cut alone, and every schedule verifies", async () => {
    const windowed = await solveShiftProblem(twoDays, { timeLimitSeconds: 40, relativeGap: 0 });
    const plain = await solveShiftProblem(twoDays, { timeLimitSeconds: 40, relativeGap: 0, roundingStart: false, dayWindows: false });
    expect(plain.status).toBe("optimal");
    expect(windowed.status).toBe("optimal");
    expect(windowed.verified!.valid).toBe(true);
    expect(windowed.verified!.objective).toBeCloseTo(plain.verified!.objective, 6);
  }, 120_000);

  it("within a 5% gap, its schedule is never further than 5% from the proven bound", async () => {
    const solution = await solveShiftProblem(twoDays, { timeLimitSeconds: 40, relativeGap: 0.05 });
    const exact = await solveShiftProblem(twoDays, { timeLimitSeconds: 40, relativeGap: 0, roundingStart: false, dayWindows: false });
    expect(solution.status).toBe("optimal");
    expect(solution.bound!).toBeLessThanOrEqual(exact.verified!.objective + 1e-6);
    expect(solution.verified!.objective).toBeLessThanOrEqual(exact.verified!.objective / (1 - 0.05) + 1e-6);
  }, 120_000);
});
