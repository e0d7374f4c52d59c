/**
 * Planning months in the Gregorian or the Persian (Solar Hijri) calendar.
 *
 * Planners in Iran plan by the Solar Hijri month (Azar 1404 runs from 2025-11-22 to 2025-12-21),
 * elsewhere by the Gregorian month. A planning month is returned as the half-open range
 * `[startLocalMs, endLocalMs)` of wall-clock milliseconds (see `local-time.ts`), so every
 * interval whose start lies in it belongs to the month. Persian dates are converted with
 * `date-fns-jalali` (the algorithm of jalaali-js, exact for 1 to 3177 AP); only its calendar
 * fields are read, so the result does not depend on the machine's time zone.
 *
 * @module
 */
// One module per function: the package root loads all of date-fns-jalali (0.1 s of start-up).
import { getDate as getJalaliDate } from "date-fns-jalali/getDate";
import { getDaysInMonth } from "date-fns-jalali/getDaysInMonth";
import { newDate } from "date-fns-jalali/newDate";
import { millisecondsInDay } from "./local-time.js";
import { invalidArgument, requireOptions } from "../errors.js";

/** The calendar a planning month is written in. */
export type PlanningCalendar = "gregorian" | "persian";

/** A planning month as a range of wall-clock time. */
export interface PlanningMonth {
  /** The calendar of `year` and `month`. */
  readonly calendar: PlanningCalendar;
  /** Year in that calendar (1404 for Persian, 2026 for Gregorian). */
  readonly year: number;
  /** Month 1-12 in that calendar. */
  readonly month: number;
  /** Local midnight of the first day (wall-clock milliseconds). */
  readonly startLocalMs: number;
  /** Local midnight after the last day (exclusive). */
  readonly endLocalMs: number;
  /** Number of days, 28-31 (Persian: 29-31). */
  readonly days: number;
}

/**
 * Parses `YYYY-MM` and returns the month's range in the chosen calendar.
 *
 * Gregorian: start = Date.UTC(y, m - 1, 1), end = Date.UTC(y, m, 1).
 * Persian: start = the Gregorian date of 1 Month Year AP; end = start + days-in-month days.
 *
 * @param options.month - `YYYY-MM`, month 01-12
 * @param options.calendar - `"gregorian"` or `"persian"`. @defaultValue "gregorian"
 * @throws {WfmError} `invalid-argument` when `month` is not `YYYY-MM` with a month 01-12
 * @example
 * ```ts
 * planningMonth({ month: "2026-12" }).days; //=> 31
 * const azar = planningMonth({ month: "1404-09", calendar: "persian" });
 * formatLocalDate(azar.startLocalMs); //=> "2025-11-22"
 * azar.days; //=> 30
 * ```
 */
export function planningMonth(options: { month: string; calendar?: PlanningCalendar }): PlanningMonth {
  requireOptions("planningMonth", options);
  const { month: text, calendar = "gregorian" } = options;
  const match = /^\s*(\d{4})-(\d{1,2})\s*$/.exec(text);
  const year = match ? Number(match[1]) : Number.NaN;
  const month = match ? Number(match[2]) : Number.NaN;
  if (!match || month < 1 || month > 12) invalidArgument("planningMonth", "month", "YYYY-MM with a month from 01 to 12", text);
  if (calendar !== "gregorian" && calendar !== "persian") {
    invalidArgument("planningMonth", "calendar", `"gregorian" or "persian"`, calendar);
  }
  if (calendar === "gregorian") {
    const startLocalMs = Date.UTC(year, month - 1, 1);
    const endLocalMs = Date.UTC(year, month, 1);
    return { calendar, year, month, startLocalMs, endLocalMs, days: Math.round((endLocalMs - startLocalMs) / millisecondsInDay) };
  }
  const first = newDate(year, month - 1, 1);
  const startLocalMs = Date.UTC(first.getFullYear(), first.getMonth(), first.getDate());
  const days = getDaysInMonth(first);
  return { calendar, year, month, startLocalMs, endLocalMs: startLocalMs + days * millisecondsInDay, days };
}

/**
 * Day of the month (1-31) of a wall-clock instant in the Gregorian or Persian calendar, for
 * day-of-month effects (paydays, statements) that follow the calendar people are paid by.
 *
 * @example
 * ```ts
 * calendarDayOfMonth(Date.UTC(2025, 10, 22), "gregorian"); //=> 22
 * calendarDayOfMonth(Date.UTC(2025, 10, 22), "persian"); //=> 1 (1 Azar 1404)
 * ```
 */
export function calendarDayOfMonth(localMs: number, calendar: PlanningCalendar = "gregorian"): number {
  const d = new Date(localMs);
  if (calendar === "gregorian") return d.getUTCDate();
  // Local noon of the same calendar date: its Jalali fields do not depend on the time zone.
  return getJalaliDate(new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 12));
}

/**
 * Wall-clock milliseconds of local midnight of a Solar Hijri (Persian) date, or `null` when the
 * date does not exist (month outside 1-12, day past the month's end: Esfand has 30 days only in
 * leap years). Converted with `date-fns-jalali` from calendar fields, so the result does not
 * depend on the machine's time zone.
 *
 * @param options.year - Solar Hijri year, e.g. 1404
 * @param options.month - 1 (Farvardin) to 12 (Esfand)
 * @param options.day - 1 to 31
 * @throws {WfmError} `invalid-argument` when options is not an object or year, month or day is missing
 * @example
 * ```ts
 * formatLocalDate(persianDateToLocalMs({ year: 1404, month: 9, day: 1 })!); //=> "2025-11-22"
 * persianDateToLocalMs({ year: 1404, month: 7, day: 31 }); //=> null (Mehr has 30 days)
 * ```
 * @see Borkowski, "The Persian calendar for 3000 years", Earth, Moon and Planets 74 (1996).
 */
export function persianDateToLocalMs(options: { year: number; month: number; day: number }): number | null {
  requireOptions("persianDateToLocalMs", options, ["year", "month", "day"]);
  const { year, month, day } = options;
  if (![year, month, day].every(Number.isInteger) || month < 1 || month > 12 || day < 1) return null;
  const first = newDate(year, month - 1, 1);
  if (day > getDaysInMonth(first)) return null;
  return Date.UTC(first.getFullYear(), first.getMonth(), first.getDate()) + (day - 1) * millisecondsInDay;
}
