import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dayNames, isOpenAt } from "../../src/calendar/local-time.js";
import { formatOpeningHours, inferOpeningHours, openingHoursToJson, validateOpeningHours } from "../../src/calendar/opening-hours.js";
import { planStaffing } from "../../src/staffing/plan.js";
import { problemsOf } from "../support/problems.js";

const monday = Date.UTC(2026, 10, 30); // 2026-11-30 is a Monday
const hour = 3_600_000;

describe("validateOpeningHours (the library checks what the CLI checks)", () => {
  it.each([
    [{ Monday: [] }, "planStaffing: config.openingHours.Monday must be a day name: sunday, monday, tuesday, wednesday, thursday, friday, saturday (lower case), got []"],
    [{ monday: ["08:00-20:00"] }, 'planStaffing: config.openingHours.monday[0] must be { openMinute, closeMinute } in minutes since midnight ("HH:MM-HH:MM" is the staffing.json form, read by staffingConfigFromJson), got "08:00-20:00"'],
    [{ monday: [{ openMinute: 480, closeMinute: 1500 }] }, "planStaffing: config.openingHours.monday[0].closeMinute must be a whole minute from 0 to 1440, got 1500"],
    [
      { monday: [{ openMinute: 480, closeMinute: 720 }, { openMinute: 600, closeMinute: 840 }] },
      'planStaffing: config.openingHours.monday[1] must be a range that overlaps no other (monday 10:00-14:00 overlaps monday 08:00-12:00), got {"openMinute":600,"closeMinute":840}',
    ],
    [
      { sunday: [{ openMinute: 1320, closeMinute: 360 }], monday: [{ openMinute: 300, closeMinute: 600 }] },
      'planStaffing: config.openingHours.monday[0] must be a range that overlaps no other (monday 05:00-10:00 overlaps sunday 22:00-06:00), got {"openMinute":300,"closeMinute":600}',
    ],
    [[], "planStaffing: config.openingHours must be an object of day names to arrays of { openMinute, closeMinute }, got []"],
  ])("refuses %j through planStaffing, never a plan of zero agents", (openingHours, message) => {
    const run = () =>
      planStaffing({
        intervalMinutes: 60,
        intervals: [{ localMs: monday + 9 * hour, calls: 10, ahtSeconds: 180 }],
        config: { channels: { voice: { type: "voice", targetServiceLevel: 0.8, targetAnswerSeconds: 20 } }, openingHours: openingHours as never },
      });
    expect(problemsOf(run)).toEqual([message]);
  });

  it("accepts every day name and an overnight range that ends where the next day's begins", () => {
    const hours = Object.fromEntries(dayNames.map((d) => [d, [{ openMinute: 1320, closeMinute: 360 }, { openMinute: 360, closeMinute: 1320 }]]));
    expect(() => validateOpeningHours(hours, "f")).not.toThrow();
  });
});

describe("inferOpeningHours", () => {
  const hourlyDay = (dayMs: number, from: number, to: number) => Array.from({ length: to - from }, (_, i) => dayMs + (from + i) * hour);

  it("08:00-20:00 on weekdays, closed at weekends (hand-built week)", () => {
    const starts = [0, 1, 2, 3, 4].flatMap((d) => hourlyDay(monday + d * 24 * hour, 8, 20));
    const { openingHours } = inferOpeningHours({ starts, intervalMinutes: 60 });
    const day = [{ openMinute: 480, closeMinute: 1200 }];
    expect(openingHours).toEqual({ monday: day, tuesday: day, wednesday: day, thursday: day, friday: day });
    expect(formatOpeningHours(openingHours)).toBe("Mon-Fri 08:00-20:00, Sat-Sun closed");
    expect(openingHoursToJson(openingHours!)).toEqual({ monday: ["08:00-20:00"], tuesday: ["08:00-20:00"], wednesday: ["08:00-20:00"], thursday: ["08:00-20:00"], friday: ["08:00-20:00"] });
  });

  it("an evening shift past midnight: 20:00-02:00 gives 00:00-02:00 and 20:00-24:00 each day", () => {
    const starts = [0, 1, 2, 3, 4, 5, 6].flatMap((d) => [...hourlyDay(monday + d * 24 * hour, 0, 2), ...hourlyDay(monday + d * 24 * hour, 20, 24)]);
    const { openingHours } = inferOpeningHours({ starts, intervalMinutes: 60 });
    expect(openingHours!.monday).toEqual([
      { openMinute: 0, closeMinute: 120 },
      { openMinute: 1200, closeMinute: 0 },
    ]);
    expect(formatOpeningHours(openingHours)).toBe("Mon-Sun 00:00-02:00 20:00-24:00");
  });

  it("rows around the clock are 24x7; a missing hour is too short to be a closure", () => {
    const starts = hourlyDay(monday, 0, 24).filter((t) => t !== monday + 5 * hour);
    const all = [0, 1, 2, 3, 4, 5, 6].flatMap((d) => hourlyDay(monday + d * 24 * hour, 0, 24));
    expect(inferOpeningHours({ starts: all, intervalMinutes: 60 }).openingHours).toBeUndefined();
    expect(inferOpeningHours({ starts, intervalMinutes: 60 }).openingHours!.monday).toEqual([{ openMinute: 0, closeMinute: 0 }]);
  });

  it("law: every row of the history is open under the inferred hours", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 14 * 48 - 1 }), { minLength: 1, maxLength: 200 }), (slots) => {
        const starts = slots.map((s) => monday + s * 30 * 60_000);
        const { openingHours } = inferOpeningHours({ starts, intervalMinutes: 30 });
        for (const t of starts) expect(isOpenAt(openingHours, t)).toBe(true);
        if (openingHours !== undefined) validateOpeningHours(openingHours, "inferOpeningHours");
      }),
    );
  });
});
