/**
 * Local wall-clock time as a plain number.
 *
 * Contact-centre exports carry the **local** start of each interval, usually without a time zone.
 * wfm-kit keeps that wall-clock reading as `localMs`: the milliseconds since 1970-01-01T00:00 of
 * the wall-clock fields, computed as if they were UTC (`Date.UTC(y, m - 1, d, hh, mm)`). Adding
 * `intervalMinutes * 60_000` moves to the next interval, `localMs / 86_400_000` counts days, and
 * nothing depends on the time zone of the machine that runs the code, so reports are
 * byte-identical everywhere. A UTC offset written in the input (`+03:30`) is kept for output but
 * does not change `localMs`.
 *
 * @module
 */

/** Milliseconds in one minute. */
export const millisecondsInMinute = 60_000;
/** Milliseconds in one hour. */
export const millisecondsInHour = 3_600_000;
/** Milliseconds in one day. */
export const millisecondsInDay = 86_400_000;
/** Minutes in one day. */
export const minutesInDay = 1440;

/** How a timestamp was written, so output can be written the same way. */
export interface TimestampStyle {
  /** `"T"` for ISO 8601 (`2026-12-01T08:00`), `" "` for `2026-12-01 08:00`. */
  readonly separator: "T" | " ";
  /** Whether seconds were written (`08:00:00`). */
  readonly seconds: boolean;
  /** Whether only a date was written (daily data). */
  readonly dateOnly: boolean;
  /** UTC offset as written (`"Z"`, `"+03:30"`), or `null` when none was written. */
  readonly offset: string | null;
}

/** The default style: `2026-12-01T08:00`. */
export const isoMinuteStyle: TimestampStyle = { separator: "T", seconds: false, dateOnly: false, offset: null };

/** A parsed local timestamp. */
export interface ParsedLocalTimestamp {
  /** Wall-clock milliseconds (see the module comment). */
  readonly localMs: number;
  /** How it was written. */
  readonly style: TimestampStyle;
}

const timestampPattern =
  /^(\d{4})-(\d{2})-(\d{2})(?:([T ])(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/;

/**
 * Parses `YYYY-MM-DD`, `YYYY-MM-DDTHH:mm[:ss]`, `YYYY-MM-DD HH:mm[:ss]`, each optionally followed
 * by `Z` or a UTC offset (`+03:30`, `-0500`), into wall-clock milliseconds. Returns `null` for text
 * that is not such a timestamp or names an impossible date (2026-02-30, 24:00).
 *
 * @example
 * ```ts
 * parseLocalTimestamp("1999-01-01T06:00")?.localMs; //=> 915170400000
 * parseLocalTimestamp("2026-12-01 08:30+03:30")?.style.offset; //=> "+03:30"
 * parseLocalTimestamp("2026-02-30"); //=> null
 * ```
 */
export function parseLocalTimestamp(text: string): ParsedLocalTimestamp | null {
  if (typeof text !== "string") return null;
  const match = timestampPattern.exec(text.trim());
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const hour = match[5] === undefined ? 0 : Number(match[5]);
  const minute = match[6] === undefined ? 0 : Number(match[6]);
  const second = match[7] === undefined ? 0 : Number(match[7]);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const localMs = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(localMs);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return {
    localMs,
    style: {
      separator: match[4] === " " ? " " : "T",
      seconds: match[7] !== undefined,
      dateOnly: match[4] === undefined,
      offset: match[8] ?? null,
    },
  };
}

const two = (n: number) => String(n).padStart(2, "0");

/**
 * Writes wall-clock milliseconds in a {@link TimestampStyle}.
 *
 * @example
 * ```ts
 * formatLocalTimestamp(915170400000); //=> "1999-01-01T06:00"
 * formatLocalTimestamp(915170400000, { separator: " ", seconds: true, dateOnly: false, offset: "+02:00" });
 * //=> "1999-01-01 06:00:00+02:00"
 * ```
 */
export function formatLocalTimestamp(localMs: number, style: TimestampStyle = isoMinuteStyle): string {
  const d = new Date(localMs);
  const date = `${String(d.getUTCFullYear()).padStart(4, "0")}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}`;
  if (style.dateOnly) return date;
  const time = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}${style.seconds ? `:${two(d.getUTCSeconds())}` : ""}`;
  return `${date}${style.separator}${time}${style.offset ?? ""}`;
}

/**
 * The date part `YYYY-MM-DD` of wall-clock milliseconds.
 *
 * @example
 * ```ts
 * formatLocalDate(915170400000); //=> "1999-01-01"
 * ```
 */
export function formatLocalDate(localMs: number): string {
  return formatLocalTimestamp(localMs, { separator: "T", seconds: false, dateOnly: true, offset: null });
}

/**
 * Day of the week, 0 = Sunday ... 6 = Saturday (as `Date.getDay`).
 *
 * @example
 * ```ts
 * localDayOfWeek(915170400000); //=> 5 (1999-01-01 was a Friday)
 * ```
 */
export function localDayOfWeek(localMs: number): number {
  // As `new Date(localMs).getUTCDay()` (NaN outside the Date range), by arithmetic: 1970-01-01
  // was a Thursday. A Date per call made this the hot spot of staffing millions of intervals.
  if (!(Math.abs(localMs) <= 8.64e15)) return Number.NaN;
  const day = Math.floor(Math.trunc(localMs) / millisecondsInDay);
  return (((day + 4) % 7) + 7) % 7;
}

/**
 * Minutes since local midnight, 0..1439.
 *
 * @example
 * ```ts
 * localMinuteOfDay(915170400000); //=> 360
 * ```
 */
export function localMinuteOfDay(localMs: number): number {
  const minutes = Math.floor(localMs / millisecondsInMinute);
  return ((minutes % minutesInDay) + minutesInDay) % minutesInDay;
}

/**
 * Wall-clock milliseconds of the local midnight that starts the day of `localMs`.
 *
 * @example
 * ```ts
 * localStartOfDay(915170400000); //=> 915148800000
 * ```
 */
export function localStartOfDay(localMs: number): number {
  return Math.floor(localMs / millisecondsInDay) * millisecondsInDay;
}

/** Day names indexed by {@link localDayOfWeek}. */
export const dayNames = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"] as const;

/** A day name. */
export type DayName = (typeof dayNames)[number];

/** One open range of a day: minutes since midnight, `closeMinute` exclusive. */
export interface OpeningRange {
  /** Opening minute, 0..1439. */
  readonly openMinute: number;
  /** Closing minute, 0..1440; not after `openMinute` means the range runs past midnight. */
  readonly closeMinute: number;
}

/**
 * The hours a centre is open, per day of the week (only the seven day names). An interval is
 * open when its start lies in one of the day's ranges. A range whose `closeMinute` is not after
 * `openMinute` runs past midnight into the next day (22:00-06:00). A day left out is closed all
 * day. Validated by `validateOpeningHours` (`calendar/opening-hours.ts`).
 */
export type OpeningHours = { readonly [Day in DayName]?: readonly OpeningRange[] };

/**
 * Whether an interval starting at `localMs` is inside the opening hours. With `hours` undefined
 * the centre is open around the clock.
 *
 * @example
 * ```ts
 * const weekdays = { monday: [{ openMinute: 420, closeMinute: 1260 }] };
 * isOpenAt(weekdays, Date.UTC(2026, 10, 23, 8)); //=> true  (Monday 08:00)
 * isOpenAt(weekdays, Date.UTC(2026, 10, 23, 22)); //=> false (Monday 22:00)
 * ```
 */
export function isOpenAt(hours: OpeningHours | undefined, localMs: number): boolean {
  if (hours === undefined || hours === null) return true;
  const minute = localMinuteOfDay(localMs);
  const today = dayNames[localDayOfWeek(localMs)]!;
  const yesterday = dayNames[(localDayOfWeek(localMs) + 6) % 7]!;
  for (const range of hours[today] ?? []) {
    if (range.closeMinute > range.openMinute) {
      if (minute >= range.openMinute && minute < range.closeMinute) return true;
    } else if (minute >= range.openMinute) {
      return true;
    }
  }
  for (const range of hours[yesterday] ?? []) {
    if (range.closeMinute <= range.openMinute && minute < range.closeMinute) return true;
  }
  return false;
}
