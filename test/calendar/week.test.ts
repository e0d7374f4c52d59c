import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultWeekendDays, isLocalWeekend, localDayOfWeek, parseDayOfWeek, startOfLocalWeek, weekdayOrder, type DayOfWeek } from "../../src/calendar/index.js";

describe("weeks that start on any day", () => {
  it("examples: 2026-12-02 is a Wednesday", () => {
    const wed = Date.UTC(2026, 11, 2, 9, 30);
    expect(startOfLocalWeek(wed, 6)).toBe(Date.UTC(2026, 10, 28)); // Saturday (Iran)
    expect(startOfLocalWeek(wed, 0)).toBe(Date.UTC(2026, 10, 29)); // Sunday (Israel)
    expect(startOfLocalWeek(wed, 1)).toBe(Date.UTC(2026, 10, 30)); // Monday (ISO)
    expect(startOfLocalWeek(wed, 3)).toBe(Date.UTC(2026, 11, 2)); // the day itself
  });

  it("laws: the start is on the right weekday, not after the day, and less than a week before", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_000_000_000_000 }), fc.integer({ min: 0, max: 6 }), (ms, w) => {
        const s = startOfLocalWeek(ms, w as DayOfWeek);
        expect(localDayOfWeek(s)).toBe(w);
        expect(s).toBeLessThanOrEqual(ms);
        expect(ms - s).toBeLessThan(7 * 86_400_000);
      }),
    );
  });

  it("day names, orders and weekends", () => {
    expect(parseDayOfWeek("Saturday")).toBe(6);
    expect(parseDayOfWeek("thu")).toBe(4);
    expect(parseDayOfWeek("0")).toBe(0);
    expect(parseDayOfWeek("7")).toBeNull();
    expect(parseDayOfWeek("someday")).toBeNull();
    expect(weekdayOrder(6)).toEqual([6, 0, 1, 2, 3, 4, 5]);
    expect(defaultWeekendDays("IR")).toEqual([5]);
    expect(defaultWeekendDays("il")).toEqual([5, 6]);
    expect(defaultWeekendDays("DE")).toEqual([6, 0]);
    expect(isLocalWeekend(Date.UTC(2026, 11, 4), [5])).toBe(true);
    expect(isLocalWeekend(Date.UTC(2026, 11, 5), [5])).toBe(false);
  });

  it("rejects a weekday outside 0-6", () => {
    expect(() => startOfLocalWeek(0, 7 as DayOfWeek)).toThrow("startOfLocalWeek: weekStartsOn must be an integer from 0 (Sunday) to 6 (Saturday), got 7");
  });
});
