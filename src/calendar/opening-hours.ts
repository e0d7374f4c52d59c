/**
 * Opening hours: validated, inferred from a history, and written for people.
 *
 * A centre that is not open around the clock has no rows while it is closed. Its opening hours
 * come from the config (`openingHours`) or, when the config gives none, from the history itself:
 * for each weekday, the longest run of interval slots (circular over the day) that never has a
 * row is the closure (when it lasts at least three hours), and every other slot of that weekday is
 * open. Missing rows inside the open hours stay gaps; a lunch closure (a second run of empty
 * slots) must be written in the config.
 *
 * @module
 */
import { invalidArgument, requireOptions } from "../errors.js";
import { dayNames, localDayOfWeek, localMinuteOfDay, minutesInDay, type DayName, type OpeningHours, type OpeningRange } from "./local-time.js";

const two = (n: number) => String(n).padStart(2, "0");
const hhmm = (minute: number) => `${two(Math.floor(minute / 60))}:${two(minute % 60)}`;

/**
 * Checks opening hours passed to the library as the CLI's config reader does: an object whose
 * keys are day names (`monday` ... `sunday`), each an array of `{ openMinute, closeMinute }`
 * with whole minutes (open 0..1439, close 0..1440), and no two ranges covering the same minute
 * of the week (an overnight range covers the next morning too).
 *
 * @param hours - the value to check
 * @param fn - the public function, for messages (`planStaffing`). @defaultValue "validateOpeningHours"
 * @param field - the option's path. @defaultValue "config.openingHours"
 * @throws {WfmError} `invalid-argument` naming the day and range
 * @example
 * ```ts
 * validateOpeningHours({ monday: [{ openMinute: 480, closeMinute: 1200 }] }, "planStaffing"); // ok
 * validateOpeningHours({ Monday: [] }, "planStaffing");
 * // throws: planStaffing: config.openingHours.Monday must be a day name: monday, tuesday, ... (lower case), got []
 * ```
 */
export function validateOpeningHours(hours: unknown, fn = "validateOpeningHours", field = "config.openingHours"): asserts hours is OpeningHours {
  if (typeof hours !== "object" || hours === null || Array.isArray(hours)) {
    invalidArgument(fn, field, "an object of day names to arrays of { openMinute, closeMinute }", hours);
  }
  const covered = new Int16Array(7 * minutesInDay).fill(-1);
  const owner: string[] = [];
  for (const [day, ranges] of Object.entries(hours)) {
    const d = (dayNames as readonly string[]).indexOf(day);
    if (d < 0) invalidArgument(fn, `${field}.${day}`, `a day name: ${dayNames.join(", ")} (lower case)`, ranges);
    if (ranges === undefined) continue;
    if (!Array.isArray(ranges)) invalidArgument(fn, `${field}.${day}`, "an array of { openMinute, closeMinute }", ranges);
    ranges.forEach((range: unknown, i: number) => {
      const at = `${field}.${day}[${i}]`;
      if (typeof range === "string") {
        invalidArgument(fn, at, `{ openMinute, closeMinute } in minutes since midnight ("HH:MM-HH:MM" is the staffing.json form, read by staffingConfigFromJson)`, range);
      }
      const r = range as Partial<OpeningRange> | null;
      if (typeof r !== "object" || r === null) invalidArgument(fn, at, "{ openMinute, closeMinute }", range);
      if (!(Number.isInteger(r.openMinute) && r.openMinute! >= 0 && r.openMinute! < minutesInDay)) invalidArgument(fn, `${at}.openMinute`, "a whole minute from 0 to 1439", r.openMinute);
      if (!(Number.isInteger(r.closeMinute) && r.closeMinute! >= 0 && r.closeMinute! <= minutesInDay)) invalidArgument(fn, `${at}.closeMinute`, "a whole minute from 0 to 1440", r.closeMinute);
      const open = r.openMinute!;
      const close = r.closeMinute! % minutesInDay;
      const length = close > open ? close - open : minutesInDay - open + close;
      const name = `${day} ${hhmm(open)}-${hhmm(close)}`;
      owner.push(name);
      for (let m = 0; m < length; m++) {
        const minuteOfWeek = (d * minutesInDay + open + m) % (7 * minutesInDay);
        const before = covered[minuteOfWeek]!;
        if (before >= 0) {
          invalidArgument(fn, at, `a range that overlaps no other (${name} overlaps ${owner[before]})`, range);
        }
        covered[minuteOfWeek] = owner.length - 1;
      }
    });
  }
}

/** Opening hours inferred from the rows of a history. */
export interface InferredOpeningHours {
  /** The hours, per weekday; `undefined` when every slot of every weekday has rows (24x7). */
  readonly openingHours: OpeningHours | undefined;
  /** Open slots of the week, index `weekday * slotsPerDay + slot` (weekday 0 = Sunday). */
  readonly openSlots: Uint8Array;
}

/**
 * Infers opening hours from the interval starts of a history: per weekday, the longest circular
 * run of slots that never has a row is closed, every other slot open (see the module comment).
 * A weekday without any row is closed all day. A run shorter than `minClosedMinutes` is not a
 * closure (a missing hour in a 24x7 file stays a gap).
 *
 * @param options.starts - interval starts, wall-clock milliseconds
 * @param options.intervalMinutes - interval length, dividing a day
 * @param options.minClosedMinutes - shortest run inferred as closed. @defaultValue 180
 * @throws {WfmError} `invalid-argument` when options is not an object, `starts` is missing or
 *   `intervalMinutes` does not divide a day
 * @example
 * ```ts
 * // Hourly rows 08:00-19:00 on Monday 2026-11-30:
 * const starts = Array.from({ length: 12 }, (_, h) => Date.UTC(2026, 10, 30, 8 + h));
 * inferOpeningHours({ starts, intervalMinutes: 60 }).openingHours; //=> { monday: [{ openMinute: 480, closeMinute: 1200 }] }
 * ```
 */
export function inferOpeningHours(options: { readonly starts: Iterable<number>; readonly intervalMinutes: number; readonly minClosedMinutes?: number }): InferredOpeningHours {
  requireOptions("inferOpeningHours", options, ["starts", "intervalMinutes"]);
  const { starts, intervalMinutes, minClosedMinutes = 180 } = options;
  if (!(Number.isInteger(intervalMinutes) && intervalMinutes > 0 && minutesInDay % intervalMinutes === 0)) {
    invalidArgument("inferOpeningHours", "intervalMinutes", "a whole number of minutes dividing a day", intervalMinutes);
  }
  const slotsPerDay = minutesInDay / intervalMinutes;
  const seen = new Uint8Array(7 * slotsPerDay);
  for (const ms of starts) seen[localDayOfWeek(ms) * slotsPerDay + Math.floor(localMinuteOfDay(ms) / intervalMinutes)] = 1;
  const openSlots = new Uint8Array(7 * slotsPerDay);
  const hours: { [Day in DayName]?: OpeningRange[] } = {};
  let allOpen = true;
  for (let d = 0; d < 7; d++) {
    const base = d * slotsPerDay;
    let any = false;
    for (let s = 0; s < slotsPerDay; s++) if (seen[base + s]) any = true;
    if (!any) {
      allOpen = false;
      continue;
    }
    // The longest circular run of empty slots: start and length.
    let bestStart = 0;
    let bestLength = 0;
    for (let s = 0; s < slotsPerDay; s++) {
      if (seen[base + s] || !seen[base + ((s + slotsPerDay - 1) % slotsPerDay)]) continue;
      let length = 0;
      while (length < slotsPerDay && !seen[base + ((s + length) % slotsPerDay)]) length++;
      if (length > bestLength) [bestStart, bestLength] = [s, length];
    }
    // A short run of empty slots is missing data, not a closure.
    if (bestLength * intervalMinutes < minClosedMinutes) bestLength = 0;
    for (let s = 0; s < slotsPerDay; s++) {
      const offset = (s - bestStart + slotsPerDay) % slotsPerDay;
      openSlots[base + s] = offset < bestLength ? 0 : 1;
    }
    if (bestLength > 0) allOpen = false;
    const ranges: OpeningRange[] = [];
    for (let s = 0; s < slotsPerDay; s++) {
      if (!openSlots[base + s] || (s > 0 && openSlots[base + s - 1])) continue;
      let e = s;
      while (e + 1 < slotsPerDay && openSlots[base + e + 1]) e++;
      ranges.push({ openMinute: s * intervalMinutes, closeMinute: ((e + 1) * intervalMinutes) % minutesInDay });
    }
    hours[dayNames[d]!] = ranges;
  }
  return { openingHours: allOpen ? undefined : hours, openSlots };
}

/** The words {@link formatOpeningHours} writes: day names, "closed", "24x7", and how days and ranges are joined. */
export interface OpeningHoursWords {
  readonly days: Readonly<Record<DayName, string>>;
  readonly closed: string;
  /** Open every day, all day (no openingHours). */
  readonly always: string;
  /** Between the first and last day of a run of days with the same hours (`Mon-Fri`). */
  readonly through: string;
  /** Between runs of days. */
  readonly separator: string;
}

const englishOpeningHoursWords: OpeningHoursWords = {
  days: { sunday: "Sun", monday: "Mon", tuesday: "Tue", wednesday: "Wed", thursday: "Thu", friday: "Fri", saturday: "Sat" },
  closed: "closed",
  always: "24x7",
  through: "-",
  separator: ", ",
};
const weekOrder: readonly DayName[] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/**
 * Opening hours as people write them: consecutive days with the same hours joined
 * (`Mon-Fri 08:00-20:00, Sat 09:00-13:00, Sun closed`); `24x7` for undefined.
 *
 * @throws {WfmError} `invalid-argument` when `hours` is neither an object nor undefined
 * @example
 * ```ts
 * formatOpeningHours({ monday: [{ openMinute: 480, closeMinute: 1200 }] });
 * //=> "Mon 08:00-20:00, Tue-Sun closed"
 * formatOpeningHours(undefined); //=> "24x7"
 * ```
 * @param words - the day names and words of another language (a renderer's locale); English by default
 */
export function formatOpeningHours(hours: OpeningHours | undefined, words: OpeningHoursWords = englishOpeningHoursWords): string {
  if (hours === undefined) return words.always;
  if (typeof hours !== "object" || hours === null) invalidArgument("formatOpeningHours", "hours", "opening hours (an object of day names) or undefined for 24x7", hours);
  const text = (day: DayName) => {
    const ranges = hours[day] ?? [];
    if (ranges.length === 0) return words.closed;
    return ranges.map((r) => (r.openMinute === r.closeMinute % minutesInDay && r.openMinute === 0 ? "00:00-24:00" : `${hhmm(r.openMinute)}-${hhmm(r.closeMinute === 0 ? minutesInDay : r.closeMinute)}`)).join(" ");
  };
  const parts: string[] = [];
  for (let i = 0; i < 7; ) {
    let j = i;
    while (j + 1 < 7 && text(weekOrder[j + 1]!) === text(weekOrder[i]!)) j++;
    parts.push(`${words.days[weekOrder[i]!]}${j > i ? `${words.through}${words.days[weekOrder[j]!]}` : ""} ${text(weekOrder[i]!)}`);
    i = j + 1;
  }
  return parts.join(words.separator);
}

/**
 * Opening hours in the form of `staffing.json` (`{ "monday": ["08:00-20:00"] }`), for a config
 * written from inferred hours.
 *
 * @throws {WfmError} `invalid-argument` when `hours` is not an object
 * @example
 * ```ts
 * openingHoursToJson({ monday: [{ openMinute: 480, closeMinute: 1200 }] }); //=> { monday: ["08:00-20:00"] }
 * ```
 */
export function openingHoursToJson(hours: OpeningHours): { [Day in DayName]?: string[] } {
  if (typeof hours !== "object" || hours === null) invalidArgument("openingHoursToJson", "hours", "opening hours (an object of day names)", hours);
  const out: { [Day in DayName]?: string[] } = {};
  for (const day of weekOrder) {
    const ranges = hours[day];
    if (ranges === undefined || ranges.length === 0) continue;
    out[day] = ranges.map((r) => `${hhmm(r.openMinute)}-${hhmm(r.closeMinute === 0 ? minutesInDay : r.closeMinute)}`);
  }
  return out;
}
