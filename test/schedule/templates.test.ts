import { describe, expect, it } from "vitest";
import { WfmError } from "../../src/errors.js";
import { buildTemplateProblem, columnIntervals } from "../../src/schedule/index.js";

const monday = Date.UTC(2026, 11, 7); // 2026-12-07 is a Monday

describe("buildTemplateProblem", () => {
  it("puts shifts on the absolute axis: a 22:00 night shift crosses midnight into the next day", () => {
    const { problem, columns } = buildTemplateProblem({
      series: { startLocalMs: monday, intervalMinutes: 60, required: new Array(48).fill(1) },
      settings: { templates: [{ name: "night", earliestStartMinute: 1320, latestStartMinute: 1320, minLengthMinutes: 480, costPerPaidHour: 25 }] },
    });
    // Sunday 22:00 (covers Monday 00-06 only), Monday 22:00, Tuesday 22:00 (cut at the end of Tuesday)
    expect(columns.map((c) => new Date(c.startLocalMs).toISOString())).toEqual([
      "2026-12-06T22:00:00.000Z",
      "2026-12-07T22:00:00.000Z",
      "2026-12-08T22:00:00.000Z",
    ]);
    expect(problem.columns[0]!.startInterval).toBe(-2);
    expect(columnIntervals(problem, -2, 8)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(columnIntervals(problem, 22, 8)).toEqual([22, 23, 24, 25, 26, 27, 28, 29]);
    expect(problem.columns[1]!.cost).toBe(8 * 25);
  });

  it("wraps a cyclic week: the Sunday 22:00 shift covers Monday 00:00-06:00", () => {
    const { problem } = buildTemplateProblem({
      series: { startLocalMs: monday, intervalMinutes: 60, required: new Array(168).fill(1) },
      settings: { templates: [{ name: "night", earliestStartMinute: 1320, latestStartMinute: 1320, minLengthMinutes: 480 }], cyclicWeek: true },
    });
    expect(problem.columns).toHaveLength(7);
    const sunday = problem.columns[6]!;
    expect(columnIntervals(problem, sunday.startInterval, sunday.lengthIntervals)).toEqual([166, 167, 0, 1, 2, 3, 4, 5]);
  });

  it("expands start windows, lengths and days; unpaid breaks are not paid", () => {
    const { problem } = buildTemplateProblem({
      series: { startLocalMs: monday, intervalMinutes: 30, required: new Array(7 * 48).fill(1) },
      settings: {
        cyclicWeek: true,
        templates: [
          {
            name: "early",
            earliestStartMinute: 360,
            latestStartMinute: 420,
            minLengthMinutes: 480,
            maxLengthMinutes: 540,
            lengthStepMinutes: 60,
            days: ["monday", "tuesday", "wednesday", "thursday", "friday"],
            costPerPaidHour: 20,
            breaks: [{ name: "lunch", durationMinutes: 30, earliestStartAfterMinutes: 180, latestStartAfterMinutes: 270 }],
          },
        ],
      },
    });
    // 3 starts x 2 lengths x 5 weekdays
    expect(problem.columns).toHaveLength(30);
    expect(problem.columns[0]!.paidHours).toBe(7.5);
    expect(problem.columns[0]!.cost).toBe(150);
    expect(problem.columns[0]!.breaks).toEqual([{ name: "lunch", earliestStartOffset: 6, latestStartOffset: 9, durationIntervals: 1 }]);
    expect(new Set(problem.columns.map((c) => c.day))).toEqual(new Set([0, 1, 2, 3, 4]));
  });

  it("builds 5-day tours with 2 consecutive days off, filtered by weekly paid hours", () => {
    const settings = {
      cyclicWeek: true,
      templates: [
        { name: "8h", earliestStartMinute: 480, latestStartMinute: 480, minLengthMinutes: 480 },
        { name: "10h", earliestStartMinute: 480, latestStartMinute: 480, minLengthMinutes: 600 },
      ],
      tours: { patterns: [{ name: "5x", workDays: 5 }, { name: "4x", workDays: 4 }], weeklyPaidHours: { min: 38, max: 40 } },
    };
    const { problem } = buildTemplateProblem({ series: { startLocalMs: monday, intervalMinutes: 60, required: new Array(168).fill(1) }, settings });
    // 5 x 8 h = 40 and 4 x 10 h = 40 pass; 5 x 10 h and 4 x 8 h do not: 7 + 7 tours
    expect(problem.tours).toHaveLength(14);
    expect(problem.tours!.every((t) => t.columns.length === 5 || t.columns.length === 4)).toBe(true);
    expect(problem.tours![0]!.name).toBe("5x 8h week 1 off mon+tue");
  });

  it("reports every template that does not fit the interval grid", () => {
    try {
      buildTemplateProblem({
        series: { startLocalMs: monday, intervalMinutes: 30, required: [1, 1] },
        settings: {
          templates: [
            { name: "a", earliestStartMinute: 375, latestStartMinute: 375, minLengthMinutes: 480 },
            { name: "a", earliestStartMinute: 360, latestStartMinute: 360, minLengthMinutes: 100, breaks: [{ name: "b", durationMinutes: 30, earliestStartAfterMinutes: 90, latestStartAfterMinutes: 60 }] },
          ],
        },
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(WfmError);
      expect((error as WfmError).problems.map((p) => p.message)).toEqual([
        "earliestStartMinute must be a multiple of the 30-minute interval, got 375",
        'template name "a" is used twice',
        "minLengthMinutes must be a multiple of the 30-minute interval, got 100",
        "break b: latestStartAfterMinutes is before earliestStartAfterMinutes",
      ]);
    }
  });
});
