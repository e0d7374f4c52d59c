/**
 * Locales of the rendered outputs (the plan report and the `wfm plan` summary): the message
 * catalogue and how numbers and dates are written. Only the rendering differs between locales;
 * the numbers are the same, and JSON and CSV outputs stay locale-independent.
 *
 * - `en`: `12,345.6`, `81.2%`, ISO dates `2026-12-01`, left to right.
 * - `fa`: Persian digits and separators `۱۲٬۳۴۵٫۶`, `۸۱٫۲٪`, Solar Hijri dates `۱۰ آذر ۱۴۰۵`
 *   (date-fns-jalali), right to left.
 *
 * References: Unicode CLDR, Persian (fa) number symbols (decimal U+066B, group U+066C, percent
 * U+066A, digits U+06F0-U+06F9); Institute of Standards and Industrial Research of Iran, ISIRI
 * 6219 (Persian information interchange and display); the Solar Hijri arithmetic of jalaali-js
 * (Borkowski, "The Persian calendar for 3000 years", Earth, Moon and Planets 74, 1996), which
 * date-fns-jalali implements.
 *
 * @module
 */
import { format as formatJalali } from "date-fns-jalali";
import { WfmError } from "../../errors.js";
import { en, type Messages } from "./en.js";
import { fa } from "./fa.js";

export type { Messages } from "./en.js";

/** The locales a report can be rendered in. */
export const locales = ["en", "fa"] as const;

/** A report locale: `"en"` (default) or `"fa"` (Persian). */
export type Locale = (typeof locales)[number];

/** Everything a renderer needs to write in one locale. */
export interface LocaleFormat {
  readonly locale: Locale;
  /** The message catalogue. */
  readonly messages: Messages;
  /** HTML `lang`. */
  readonly lang: string;
  /** Writing direction. */
  readonly dir: "ltr" | "rtl";
  /** A number with exactly `decimals` places and thousands separators; `-` for null/non-finite. */
  number(value: number | null | undefined, decimals?: number): string;
  /** A fraction as a percentage, e.g. 0.812 -> `81.2%` / `۸۱٫۲٪`; `-` for null/non-finite. */
  percent(value: number | null | undefined, decimals?: number): string;
  /** A decimal string (money, quantities) as written, in the locale's digits; `-` for null. */
  decimal(value: string | null | undefined): string;
  /** An amount of money with its currency code, grouped, keeping the string's decimals. */
  money(value: string | null | undefined, currency: string | null): string;
  /** Digits and separators of figures inside a plain text (no other change). */
  digits(text: string): string;
  /** A date `YYYY-MM-DD`: itself in `en`, `D Month YYYY` in the Solar Hijri calendar in `fa`. */
  date(isoDate: string): string;
  /** A wall-clock timestamp (milliseconds) as `YYYY/MM/DD HH:mm` in the Solar Hijri calendar for `fa`; `null` in `en`, where the input's own style is kept. */
  timestamp(localMs: number): string | null;
  /** The day of the month of a date `YYYY-MM-DD`: `01` in `en`, the Solar Hijri day (`۱۰`) in `fa`. */
  dayOfMonth(isoDate: string): string;
  /** A day-and-month axis label of a chart (`01 Dec` / `۱۰ آذر`) from wall-clock milliseconds. */
  dayMonth(localMs: number): string;
  /** A Gregorian month `YYYY-MM` (e.g. last month's KPIs): itself in `en`; `نوامبر ۲۰۲۶ (۱۰ آبان تا ۹ آذر ۱۴۰۵)` in `fa`. */
  month(label: string): string;
  /** A Gregorian month `YYYY-MM` by name only, for narrow places: itself in `en`; `نوامبر ۲۰۲۶` in `fa`. */
  monthName(label: string): string;
  /** The planning period's label: `2026-12` in `en`; the Persian month name (and its Solar Hijri dates for a Gregorian month) in `fa`. */
  period(p: { label: string; calendar: "gregorian" | "persian"; start: string; end: string }): string;
}

const persianDigits = "۰۱۲۳۴۵۶۷۸۹";
const gregorianMonthsFa = ["ژانویه", "فوریه", "مارس", "آوریل", "مه", "ژوئن", "ژوئیه", "اوت", "سپتامبر", "اکتبر", "نوامبر", "دسامبر"];
const gregorianMonthsEn = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * Writes the figures in a text with Persian digits, `٬` for thousands and `٫` for decimals and
 * `٪` for percent: `12,345.6%` -> `۱۲٬۳۴۵٫۶٪`. Separators are replaced only between digits, so
 * prose punctuation is left alone.
 *
 * @example
 * ```ts
 * toPersianDigits("81.2% of 1,200"); //=> "۸۱٫۲٪ of ۱٬۲۰۰"
 * ```
 */
export function toPersianDigits(text: string): string {
  return text
    .replace(/(\d)\.(?=\d)/g, "$1٫")
    .replace(/(\d),(?=\d)/g, "$1٬")
    .replace(/(\d)%/g, "$1٪")
    .replace(/[0-9]/g, (d) => persianDigits[Number(d)]!);
}

/**
 * Reads back a number written by a {@link LocaleFormat} of any locale: Persian or Latin digits,
 * `٬`/`,` thousands, `٫`/`.` decimals, an optional `%`/`٪` (then divided by 100). `null` when the
 * text is not one number.
 *
 * @example
 * ```ts
 * parseLocalizedNumber("۸۱٫۲٪"); //=> 0.812
 * parseLocalizedNumber("12,345.6"); //=> 12345.6
 * ```
 */
export function parseLocalizedNumber(text: string): number | null {
  let t = text.trim().replace(/[۰-۹]/g, (d) => String(persianDigits.indexOf(d))).replace(/٫/g, ".").replace(/[٬,]/g, "");
  const percent = /[%٪]$/.test(t);
  if (percent) t = t.slice(0, -1);
  if (!/^[-+]?\d+(\.\d+)?$/.test(t)) return null;
  const value = Number(t);
  return percent ? Number((value / 100).toPrecision(12)) : value;
}

const isMissing = (v: number | null | undefined): v is null | undefined => v === null || v === undefined || !Number.isFinite(v);

const groupDecimal = (v: string) => {
  const decimals = (v.split(".")[1] ?? "").length;
  return Number(v).toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: Math.max(decimals, 4) });
};

function isoParts(isoDate: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!m) throw new WfmError({ code: "invalid-argument", path: ["date"], value: isoDate, message: `localeFormat: expected a date YYYY-MM-DD, got ${JSON.stringify(isoDate)}` });
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** A Solar Hijri `D Month YYYY` (or a pattern) of a Gregorian calendar date, independent of the machine's time zone. */
function jalali(year: number, month: number, day: number, pattern = "d MMMM yyyy"): string {
  // date-fns-jalali reads the Date's local fields; a local Date of that calendar day is exact.
  return formatJalali(new Date(year, month - 1, day, 12), pattern);
}

function lastDayOf(endExclusive: string): [number, number, number] {
  const [y, m, d] = isoParts(endExclusive);
  const last = new Date(Date.UTC(y, m - 1, d) - 86_400_000);
  return [last.getUTCFullYear(), last.getUTCMonth() + 1, last.getUTCDate()];
}

function build(locale: Locale): LocaleFormat {
  const persian = locale === "fa";
  const digits = persian ? toPersianDigits : (text: string) => text;
  const number = (value: number | null | undefined, decimals = 0) =>
    isMissing(value) ? "-" : digits(value.toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals }));
  const messages = persian ? fa : en;
  return {
    locale,
    messages,
    lang: locale,
    dir: persian ? "rtl" : "ltr",
    number,
    percent: (value, decimals = 1) => (isMissing(value) ? "-" : digits(`${(value * 100).toFixed(decimals)}%`)),
    decimal: (value) => (value === null || value === undefined ? "-" : digits(value)),
    money: (value, currency) => (value === null || value === undefined ? "-" : messages.money(currency ?? "", digits(groupDecimal(value)))),
    digits,
    date: (isoDate) => {
      if (!persian) return isoDate;
      const [y, m, d] = isoParts(isoDate);
      return digits(jalali(y, m, d));
    },
    dayOfMonth: (isoDate) => {
      const [y, m, d] = isoParts(isoDate);
      return persian ? digits(jalali(y, m, d, "d")) : String(d).padStart(2, "0");
    },
    timestamp: (localMs) => {
      if (!persian) return null;
      const t = new Date(localMs);
      const time = `${String(t.getUTCHours()).padStart(2, "0")}:${String(t.getUTCMinutes()).padStart(2, "0")}`;
      return digits(`${jalali(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate(), "yyyy/MM/dd")} ${time}`);
    },
    dayMonth: (localMs) => {
      const t = new Date(localMs);
      const [y, m, d] = [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()];
      return persian ? digits(jalali(y, m, d, "d MMMM")) : `${String(d).padStart(2, "0")} ${gregorianMonthsEn[m - 1]}`;
    },
    monthName: (label) => {
      const match = /^(\d{4})-(\d{2})$/.exec(label);
      if (!persian || !match) return digits(label);
      return digits(`${gregorianMonthsFa[Number(match[2]) - 1]} ${match[1]}`);
    },
    month: (label) => {
      const match = /^(\d{4})-(\d{2})$/.exec(label);
      if (!persian || !match) return digits(label);
      const [y, m] = [Number(match[1]), Number(match[2])];
      const iso = (yy: number, mm: number) => `${yy}-${String(mm).padStart(2, "0")}-01`;
      return build(locale).period({ label, calendar: "gregorian", start: iso(y, m), end: m === 12 ? iso(y + 1, 1) : iso(y, m + 1) });
    },
    period: ({ label, calendar, start, end }) => {
      if (!persian) return messages.period.label(label);
      const [sy, sm, sd] = isoParts(start);
      if (calendar === "persian") return digits(jalali(sy, sm, sd, "MMMM yyyy"));
      const [ly, lm, ld] = lastDayOf(end);
      const range = `${jalali(sy, sm, sd, "d MMMM")} تا ${jalali(ly, lm, ld)}`;
      const month = /^(\d{4})-(\d{2})$/.exec(label);
      if (!month) return digits(`${label} (${range})`);
      return digits(`${gregorianMonthsFa[Number(month[2]) - 1]} ${month[1]} (${range})`);
    },
  };
}

const built = new Map<Locale, LocaleFormat>();

/**
 * The formatter and messages of a locale.
 *
 * @param locale - `"en"` or `"fa"`. @defaultValue "en"
 * @throws {WfmError} `invalid-argument` for another locale
 * @example
 * ```ts
 * localeFormat("fa").percent(0.8123); //=> "۸۱٫۲٪"
 * localeFormat("fa").date("2026-12-01"); //=> "۱۰ آذر ۱۴۰۵"
 * localeFormat("en").number(12345.6, 1); //=> "12,345.6"
 * ```
 */
export function localeFormat(locale: Locale = "en"): LocaleFormat {
  if (!(locales as readonly string[]).includes(locale)) {
    throw new WfmError({ code: "invalid-argument", path: ["locale"], value: locale, message: `localeFormat: locale must be one of ${locales.join(", ")}, got ${JSON.stringify(locale)}` });
  }
  let f = built.get(locale);
  if (f === undefined) built.set(locale, (f = build(locale)));
  return f;
}

/**
 * The last day of a half-open period `[start, end)`: the day before `end`, `YYYY-MM-DD`.
 *
 * @throws {WfmError} `invalid-argument` when `endExclusive` is not `YYYY-MM-DD`
 * @example
 * ```ts
 * lastDayOfPeriod("2027-01-01"); //=> "2026-12-31"
 * ```
 */
export function lastDayOfPeriod(endExclusive: string): string {
  const [y, m, d] = lastDayOf(endExclusive);
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}
