import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { calendarDayOfMonth, formatLocalDate, planningMonth } from "../../src/calendar/index.js";

describe("planningMonth", () => {
  it("Gregorian months, leap years included", () => {
    const dec = planningMonth({ month: "2026-12" });
    expect([formatLocalDate(dec.startLocalMs), formatLocalDate(dec.endLocalMs), dec.days]).toEqual(["2026-12-01", "2027-01-01", 31]);
    expect(planningMonth({ month: "2026-02" }).days).toBe(28);
    expect(planningMonth({ month: "2024-02" }).days).toBe(29);
    expect(planningMonth({ month: "2000-02", calendar: "gregorian" }).days).toBe(29);
  });

  // Reference dates: the official Iranian calendar (Nowruz 1404 = 2025-03-21; 1 Azar 1404 =
  // 2025-11-22; 1403 is a leap year, so Esfand 1403 has 30 days and ends on 2025-03-20).
  it("Persian (Solar Hijri) months against the official calendar", () => {
    const azar = planningMonth({ month: "1404-09", calendar: "persian" });
    expect([formatLocalDate(azar.startLocalMs), formatLocalDate(azar.endLocalMs), azar.days]).toEqual(["2025-11-22", "2025-12-22", 30]);
    const farvardin = planningMonth({ month: "1404-01", calendar: "persian" });
    expect([formatLocalDate(farvardin.startLocalMs), farvardin.days]).toEqual(["2025-03-21", 31]);
    const esfand1403 = planningMonth({ month: "1403-12", calendar: "persian" });
    expect([formatLocalDate(esfand1403.startLocalMs), formatLocalDate(esfand1403.endLocalMs), esfand1403.days]).toEqual(["2025-02-19", "2025-03-21", 30]);
    expect(planningMonth({ month: "1404-12", calendar: "persian" }).days).toBe(29);
  });

  it("laws: months of a year are contiguous and add up to the year (both calendars)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1300, max: 1500 }), fc.constantFrom("persian" as const, "gregorian" as const), (y, calendar) => {
        const year = calendar === "persian" ? y : y + 621;
        let total = 0;
        for (let m = 1; m <= 12; m++) {
          const a = planningMonth({ month: `${year}-${String(m).padStart(2, "0")}`, calendar });
          total += a.days;
          if (m < 12) expect(planningMonth({ month: `${year}-${String(m + 1).padStart(2, "0")}`, calendar }).startLocalMs).toBe(a.endLocalMs);
          expect(a.days).toBeGreaterThanOrEqual(calendar === "persian" ? 29 : 28);
          expect(a.days).toBeLessThanOrEqual(31);
        }
        expect([365, 366]).toContain(total);
      }),
      { numRuns: 40 },
    );
  });

  it("rejects a malformed month", () => {
    expect(() => planningMonth({ month: "2026-13" })).toThrow('planningMonth: month must be YYYY-MM with a month from 01 to 12, got "2026-13"');
    expect(() => planningMonth({ month: "Dec 2026" })).toThrow('planningMonth: month must be YYYY-MM with a month from 01 to 12, got "Dec 2026"');
  });
});

describe("calendarDayOfMonth", () => {
  it("Gregorian and Persian days of the month", () => {
    expect(calendarDayOfMonth(Date.UTC(2025, 10, 22, 15))).toBe(22);
    expect(calendarDayOfMonth(Date.UTC(2025, 10, 22, 15), "persian")).toBe(1); // 1 Azar 1404
    expect(calendarDayOfMonth(Date.UTC(2025, 2, 20), "persian")).toBe(30); // 30 Esfand 1403 (leap year)
  });
  it("law: the first day of every Persian planning month is day 1", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1350, max: 1450 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        const month = planningMonth({ month: `${y}-${String(m).padStart(2, "0")}`, calendar: "persian" });
        expect(calendarDayOfMonth(month.startLocalMs, "persian")).toBe(1);
        expect(calendarDayOfMonth(month.endLocalMs - 86_400_000, "persian")).toBe(month.days);
      }),
      { numRuns: 50 },
    );
  });
});
