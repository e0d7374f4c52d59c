/**
 * Weeks and weekends that start and fall on any day.
 *
 * Contact centres do not share one week: in Iran the week starts on Saturday and the weekend is
 * Friday (some organisations Thursday and Friday), in Israel the week starts on Sunday and the
 * weekend is Friday and Saturday, in most of Europe it starts on Monday with a Saturday-Sunday
 * weekend. Days are numbered as {@link localDayOfWeek}: 0 = Sunday ... 6 = Saturday.
 *
 * @module
 */
import { dayNames, localDayOfWeek, localStartOfDay, millisecondsInDay } from "./local-time.js";
import { invalidArgument } from "../errors.js";

/** A day of the week, 0 = Sunday ... 6 = Saturday. */
export type DayOfWeek = 0 | 1 | 2 | 3 | 4 | 5 | 6;

const abbreviations: Readonly<Record<string, DayOfWeek>> = {
  sun: 0, sunday: 0, mon: 1, monday: 1, tue: 2, tues: 2, tuesday: 2, wed: 3, wednesday: 3,
  thu: 4, thur: 4, thurs: 4, thursday: 4, fri: 5, friday: 5, sat: 6, saturday: 6,
};

/**
 * Parses a day name (`saturday`, `Sat`) or number (`0`-`6`, 0 = Sunday) into a {@link DayOfWeek}.
 * Returns `null` for anything else.
 *
 * @example
 * ```ts
 * parseDayOfWeek("Saturday"); //=> 6
 * parseDayOfWeek("mon"); //=> 1
 * parseDayOfWeek("7"); //=> null
 * ```
 */
export function parseDayOfWeek(text: string): DayOfWeek | null {
  if (typeof text !== "string") return null;
  const key = text.trim().toLowerCase();
  if (/^[0-6]$/.test(key)) return Number(key) as DayOfWeek;
  return abbreviations[key] ?? null;
}

/**
 * Wall-clock milliseconds of local midnight starting the week that contains `localMs`, for a week
 * starting on `weekStartsOn`: midnight of the latest day d <= the day of `localMs` whose weekday
 * is `weekStartsOn`.
 *
 * @param localMs - any instant as wall-clock milliseconds
 * @param weekStartsOn - first day of the week, 0 = Sunday ... 6 = Saturday
 * @throws {WfmError} `invalid-argument` when `weekStartsOn` is not an integer 0-6
 * @example
 * ```ts
 * // 2026-12-02 is a Wednesday
 * startOfLocalWeek(Date.UTC(2026, 11, 2, 9), 6); //=> Date.UTC(2026, 10, 28) (Saturday)
 * startOfLocalWeek(Date.UTC(2026, 11, 2, 9), 1); //=> Date.UTC(2026, 10, 30) (Monday)
 * ```
 */
export function startOfLocalWeek(localMs: number, weekStartsOn: DayOfWeek): number {
  if (!Number.isInteger(weekStartsOn) || weekStartsOn < 0 || weekStartsOn > 6) {
    invalidArgument("startOfLocalWeek", "weekStartsOn", "an integer from 0 (Sunday) to 6 (Saturday)", weekStartsOn);
  }
  const day = localStartOfDay(localMs);
  const back = (localDayOfWeek(day) - weekStartsOn + 7) % 7;
  return day - back * millisecondsInDay;
}

/**
 * The usual weekend days of a country (ISO 3166 alpha-2), for defaults. Unknown codes get
 * Saturday-Sunday. Sources: national labour law summaries (Iran: Friday, public sector also
 * Thursday since 2025 in some provinces; Israel: Friday-Saturday; Gulf states: Friday-Saturday).
 *
 * @throws {WfmError} `invalid-argument` when `country` is not valid (the message says what it must be).
 * @example
 * ```ts
 * defaultWeekendDays("IR"); //=> [5]
 * defaultWeekendDays("IL"); //=> [5, 6]
 * defaultWeekendDays("DE"); //=> [6, 0]
 * ```
 */
export function defaultWeekendDays(country: string): readonly DayOfWeek[] {
  if (typeof country !== "string") invalidArgument("defaultWeekendDays", "country", "an ISO 3166 country code such as \"IR\"", country);
  switch (country.trim().toUpperCase()) {
    case "IR":
    case "AF":
      return [5];
    case "IL":
    case "SA":
    case "AE":
    case "QA":
    case "KW":
    case "BH":
    case "OM":
    case "JO":
    case "EG":
      return [5, 6];
    default:
      return [6, 0];
  }
}

/**
 * Whether `localMs` falls on one of `weekendDays`.
 *
 * @throws {WfmError} `invalid-argument` when `weekendDays` is not valid (the message says what it must be).
 * @example
 * ```ts
 * isLocalWeekend(Date.UTC(2026, 11, 4), [5]); //=> true (Friday)
 * isLocalWeekend(Date.UTC(2026, 11, 5), [5]); //=> false (Saturday in Iran is a working day)
 * ```
 */
export function isLocalWeekend(localMs: number, weekendDays: readonly DayOfWeek[]): boolean {
  if (!Array.isArray(weekendDays)) invalidArgument("isLocalWeekend", "weekendDays", "an array of weekday numbers (0 = Sunday)", weekendDays);
  return weekendDays.includes(localDayOfWeek(localMs) as DayOfWeek);
}

/**
 * The seven weekdays in order from `weekStartsOn`, e.g. Saturday first for Iran.
 *
 * @example
 * ```ts
 * weekdayOrder(6); //=> [6, 0, 1, 2, 3, 4, 5]
 * ```
 */
export function weekdayOrder(weekStartsOn: DayOfWeek): readonly DayOfWeek[] {
  return Array.from({ length: 7 }, (_, i) => ((weekStartsOn + i) % 7) as DayOfWeek);
}

/**
 * Name of a weekday as in {@link dayNames}.
 *
 * @example
 * ```ts
 * dayOfWeekName(6); //=> "saturday"
 * ```
 */
export function dayOfWeekName(day: DayOfWeek): string {
  return dayNames[day]!;
}
