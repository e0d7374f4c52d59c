import { formatLocalDate, millisecondsInHour, millisecondsInDay } from "../calendar/local-time.js";
import { invalidArgument, requireOptions } from "../errors.js";

/**
 * Last month's contact-centre KPIs from an interval report.
 *
 * Every KPI is a ratio of sums over the intervals of a group (a day, an hour of the day, a month;
 * one channel or all), never a mean of interval ratios, so a quiet night hour weighs what it
 * carried:
 *
 * - abandonment rate = abandoned / offered;
 * - service level, three common definitions (SL_o is the headline figure):
 *   SL_o = answered within T / offered; SL_a = answered within T / answered;
 *   SL_x = answered within T / (offered - short abandons);
 * - ASA = total answer wait / answered; AHT (ACHT) = total handle time / answered;
 * - occupancy = handle time / staffed (logged-in productive) time;
 * - contacts per order (Call/Order) = offered / orders.
 *
 * A KPI whose inputs are missing from the report is `null` with a note naming the missing
 * column, never a zero that looks like a measurement. A KPI with a zero denominator (no calls
 * offered in a night hour) is `null` as well.
 *
 * @module
 */

/** One interval row of a KPI report (one channel of one interval). */
export interface KpiInterval {
  /** Interval start, wall-clock milliseconds (see `calendar/local-time`). */
  readonly localMs: number;
  /** Channel name (`"voice"` when the report has no channel column). */
  readonly channel: string;
  /** Contacts offered (arrived) in the interval. */
  readonly offered: number;
  /** Contacts answered (handled). */
  readonly answered?: number;
  /** Contacts abandoned before an answer. */
  readonly abandoned?: number;
  /** Contacts answered within the service-level threshold T. */
  readonly answeredWithinTarget?: number;
  /** Abandons within the short-abandon threshold (e.g. 5 s), excluded by SL_x. */
  readonly shortAbandoned?: number;
  /** Total handle time (talk + hold + after-contact work) of the answered contacts, seconds. */
  readonly handleSeconds?: number;
  /** Total logged-in productive agent time, seconds. */
  readonly staffedSeconds?: number;
  /** Total answer wait of the answered contacts, seconds. */
  readonly waitSeconds?: number;
}

/** Orders in one interval (counted once per timestamp, whatever the channels). */
export interface KpiOrders {
  readonly localMs: number;
  readonly orders: number;
}

/** The KPIs of one group of intervals. `null` = not measurable (see the report's notes). */
export interface KpiMetrics {
  readonly offered: number;
  readonly answered: number | null;
  readonly abandoned: number | null;
  /** abandoned / offered. */
  readonly abandonRate: number | null;
  /** SL_o = answered within T / offered (the headline definition). */
  readonly serviceLevel: number | null;
  /** SL_a = answered within T / answered. */
  readonly serviceLevelOfAnswered: number | null;
  /** SL_x = answered within T / (offered - short abandons). */
  readonly serviceLevelExcludingShortAbandons: number | null;
  /** Average speed of answer, seconds. */
  readonly asaSeconds: number | null;
  /** Average handle time, seconds. */
  readonly ahtSeconds: number | null;
  /** Total handle time, minutes. */
  readonly handledMinutes: number | null;
  /** Staffed (logged-in productive) time, hours. */
  readonly staffedHours: number | null;
  /** handle time / staffed time. */
  readonly occupancy: number | null;
  /** Orders in the group's intervals. */
  readonly orders: number | null;
  /** Contacts per order (Call/Order) = offered / orders. */
  readonly contactsPerOrder: number | null;
}

/** Names of the KPIs in {@link KpiMetrics}. */
export type KpiName = keyof KpiMetrics;

/** One row of a KPI table: a period, a channel (or `"all"`), and its KPIs. */
export interface KpiRow {
  /** `"2026-10"` (month), `"2026-10-05"` (day) or `"08:00"` (hour of day). */
  readonly period: string;
  /** A channel, or `"all"` for every channel together. */
  readonly channel: string;
  readonly metrics: KpiMetrics;
}

/** How a KPI's change against the previous month is expressed. */
export type KpiChangeKind = "relative" | "points" | "seconds";

/** The change of one KPI of one channel against the previous month. */
export interface KpiChange {
  readonly channel: string;
  readonly kpi: KpiName;
  readonly current: number | null;
  readonly previous: number | null;
  /** relative: (current - previous) / previous; points: current - previous (fractions); seconds: current - previous. */
  readonly change: number | null;
  readonly kind: KpiChangeKind;
}

/** The KPI report of one month. */
export interface KpiReport {
  /** The reported month, `YYYY-MM`. */
  readonly month: string;
  /** The previous month when the data holds it, else `null`. */
  readonly previousMonth: string | null;
  /** Channels in order of first appearance, then `"all"` when there are several. */
  readonly channels: readonly string[];
  /** The month's KPIs per channel (and previous month's, when present). */
  readonly months: readonly KpiRow[];
  /** Per calendar day of the month. */
  readonly days: readonly KpiRow[];
  /** Per hour of the day (00:00 .. 23:00), the month's intervals pooled. */
  readonly hours: readonly KpiRow[];
  /** Month over month change per channel and KPI (empty without a previous month). */
  readonly changes: readonly KpiChange[];
  /** Which KPIs the data can measure. */
  readonly measurable: Readonly<Record<KpiName, boolean>>;
  /** Definitions used (service level and the others), one sentence each. */
  readonly definitions: readonly string[];
  /** Why KPIs are missing, partial months, and similar remarks (English). */
  readonly notes: readonly string[];
  /** The same notes as data, one per entry of `notes` and in its order, for renderers that word them in another language. */
  readonly noteDetails: readonly KpiNote[];
}

/** A column (or, for `handleSeconds` and `waitSeconds`, a pair of alternative columns) of the interval report a KPI needs besides `offered`. */
export type KpiField = "answered" | "abandoned" | "answeredWithinTarget" | "shortAbandoned" | "handleSeconds" | "staffedSeconds" | "waitSeconds" | "orders";

/**
 * One note of {@link kpiReport} as data:
 * - `no-column`: the report has none of `columns`, so `kpis` are not measured;
 * - `column-partly-missing`: some rows lack `columns`, so `kpis` are not measured;
 * - `partial-month`: the data covers `coveredDays` of the `monthDays` days of `month` (`YYYY-MM`).
 */
export type KpiNote =
  | { readonly kind: "no-column" | "column-partly-missing"; readonly field: KpiField; readonly columns: readonly string[]; readonly kpis: readonly KpiName[] }
  | { readonly kind: "partial-month"; readonly month: string; readonly coveredDays: number; readonly monthDays: number };

/** Options of {@link kpiReport}. */
export interface KpiReportOptions {
  /** The report's interval rows, any order. */
  readonly intervals: readonly KpiInterval[];
  /** Orders per interval (contacts per order needs them). */
  readonly orders?: readonly KpiOrders[];
  /** The month to report, `YYYY-MM`. @defaultValue the latest month in `intervals` */
  readonly month?: string;
  /** The service-level threshold T the report's "answered within target" used, seconds (for the definitions). */
  readonly targetAnswerSeconds?: number;
  /** The short-abandon threshold, seconds (for the definitions). */
  readonly shortAbandonSeconds?: number;
}

interface Sums {
  offered: number;
  answered: number;
  abandoned: number;
  withinTarget: number;
  shortAbandoned: number;
  handleSeconds: number;
  staffedSeconds: number;
  waitSeconds: number;
  orders: number;
}

const emptySums = (): Sums => ({
  offered: 0,
  answered: 0,
  abandoned: 0,
  withinTarget: 0,
  shortAbandoned: 0,
  handleSeconds: 0,
  staffedSeconds: 0,
  waitSeconds: 0,
  orders: 0,
});

type Field = Exclude<KpiField, "orders">;

/** The report's columns that carry each field (either one will do). */
const fieldColumns: Readonly<Record<KpiField, readonly string[]>> = {
  answered: ["answered"],
  abandoned: ["abandoned"],
  answeredWithinTarget: ["answeredWithinTarget"],
  shortAbandoned: ["shortAbandoned"],
  handleSeconds: ["handleSeconds", "ahtSeconds"],
  staffedSeconds: ["staffedSeconds"],
  waitSeconds: ["waitSeconds", "asaSeconds"],
  orders: ["orders"],
};

/** The columns each KPI needs besides `offered`. */
const kpiNeeds: Readonly<Record<KpiName, readonly (Field | "orders")[]>> = {
  offered: [],
  answered: ["answered"],
  abandoned: ["abandoned"],
  abandonRate: ["abandoned"],
  serviceLevel: ["answeredWithinTarget"],
  serviceLevelOfAnswered: ["answeredWithinTarget", "answered"],
  serviceLevelExcludingShortAbandons: ["answeredWithinTarget", "shortAbandoned"],
  asaSeconds: ["waitSeconds", "answered"],
  ahtSeconds: ["handleSeconds", "answered"],
  handledMinutes: ["handleSeconds"],
  staffedHours: ["staffedSeconds"],
  occupancy: ["handleSeconds", "staffedSeconds"],
  orders: ["orders"],
  contactsPerOrder: ["orders"],
};

/** The KPI names in report order. */
export const kpiNames: readonly KpiName[] = Object.keys(kpiNeeds) as KpiName[];

const changeKind: Readonly<Record<KpiName, KpiChangeKind>> = {
  offered: "relative",
  answered: "relative",
  abandoned: "relative",
  abandonRate: "points",
  serviceLevel: "points",
  serviceLevelOfAnswered: "points",
  serviceLevelExcludingShortAbandons: "points",
  asaSeconds: "seconds",
  ahtSeconds: "seconds",
  handledMinutes: "relative",
  staffedHours: "relative",
  occupancy: "points",
  orders: "relative",
  contactsPerOrder: "relative",
};

const ratio = (numerator: number, denominator: number): number | null => (denominator > 0 ? numerator / denominator : null);

function metricsOf(s: Sums, measurable: Readonly<Record<KpiName, boolean>>): KpiMetrics {
  const m = (name: KpiName, value: () => number | null): number | null => (measurable[name] ? value() : null);
  return {
    offered: s.offered,
    answered: m("answered", () => s.answered),
    abandoned: m("abandoned", () => s.abandoned),
    abandonRate: m("abandonRate", () => ratio(s.abandoned, s.offered)),
    serviceLevel: m("serviceLevel", () => ratio(s.withinTarget, s.offered)),
    serviceLevelOfAnswered: m("serviceLevelOfAnswered", () => ratio(s.withinTarget, s.answered)),
    serviceLevelExcludingShortAbandons: m("serviceLevelExcludingShortAbandons", () => ratio(s.withinTarget, s.offered - s.shortAbandoned)),
    asaSeconds: m("asaSeconds", () => ratio(s.waitSeconds, s.answered)),
    ahtSeconds: m("ahtSeconds", () => ratio(s.handleSeconds, s.answered)),
    handledMinutes: m("handledMinutes", () => s.handleSeconds / 60),
    staffedHours: m("staffedHours", () => s.staffedSeconds / 3600),
    occupancy: m("occupancy", () => ratio(s.handleSeconds, s.staffedSeconds)),
    orders: m("orders", () => s.orders),
    contactsPerOrder: m("contactsPerOrder", () => ratio(s.offered, s.orders)),
  };
}

function add(s: Sums, row: KpiInterval): void {
  s.offered += row.offered;
  s.answered += row.answered ?? 0;
  s.abandoned += row.abandoned ?? 0;
  s.withinTarget += row.answeredWithinTarget ?? 0;
  s.shortAbandoned += row.shortAbandoned ?? 0;
  s.handleSeconds += row.handleSeconds ?? 0;
  s.staffedSeconds += row.staffedSeconds ?? 0;
  s.waitSeconds += row.waitSeconds ?? 0;
}

/**
 * `YYYY-MM` of wall-clock milliseconds.
 *
 * @example
 * ```ts
 * localMonthOf(Date.UTC(2026, 9, 31, 23)); //=> "2026-10"
 * ```
 */
export function localMonthOf(localMs: number): string {
  return formatLocalDate(localMs).slice(0, 7);
}

/** `formatLocalDate` memoised by day (a report has thousands of rows on a few dozen days). */
function dateKeys(): { date: (localMs: number) => string; month: (localMs: number) => string } {
  const cache = new Map<number, string>();
  const date = (localMs: number) => {
    const day = Math.floor(localMs / millisecondsInDay);
    let text = cache.get(day);
    if (text === undefined) cache.set(day, (text = formatLocalDate(day * millisecondsInDay)));
    return text;
  };
  return { date, month: (localMs) => date(localMs).slice(0, 7) };
}

function previousMonthOf(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, "0")}`;
}

function daysInMonth(month: string): number {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/**
 * The KPIs' names in the English notes of {@link kpiReport} (what a missing column leaves
 * unmeasured); the English locale words its notes with the same names.
 *
 * @example
 * ```ts
 * kpiLabels.abandonRate; //=> "abandonment rate"
 * ```
 */
export const kpiLabels: Readonly<Record<KpiName, string>> = {
  offered: "offered",
  answered: "answered",
  abandoned: "abandoned",
  abandonRate: "abandonment rate",
  serviceLevel: "service level",
  serviceLevelOfAnswered: "service level of answered",
  serviceLevelExcludingShortAbandons: "service level excluding short abandons",
  asaSeconds: "ASA",
  ahtSeconds: "AHT",
  handledMinutes: "handled minutes",
  staffedHours: "staffed hours",
  occupancy: "occupancy",
  orders: "orders",
  contactsPerOrder: "contacts per order",
};

/**
 * Computes the KPIs of one month per day, per hour of the day and for the month, per channel and
 * for all channels together, with the change against the previous month when the data holds it.
 *
 * The month is the latest calendar month in the data unless `month` is given; the previous month
 * is the calendar month before it (compared only when it has rows). Changes: counts relative
 * ((this - last) / last), rates in points (this - last, as fractions), times in seconds.
 *
 * @param options - see {@link KpiReportOptions}
 * @throws {WfmError} `invalid-argument` when `intervals` is empty, a count is negative or not
 *   finite, or `month` is not `YYYY-MM` or has no rows
 *
 * @example
 * ```ts
 * const report = kpiReport({
 *   intervals: [
 *     { localMs: Date.UTC(2026, 9, 1, 8), channel: "voice", offered: 100, answered: 90, abandoned: 10, answeredWithinTarget: 72 },
 *   ],
 * });
 * report.months[0].metrics.serviceLevel; //=> 0.72
 * report.months[0].metrics.serviceLevelOfAnswered; //=> 0.8
 * report.months[0].metrics.ahtSeconds; //=> null (no handle time column)
 * report.notes[1]; //=> "AHT, handled minutes, occupancy: not measured, the report has no handleSeconds or ahtSeconds column"
 * report.noteDetails[1]; //=> { kind: "no-column", field: "handleSeconds", columns: ["handleSeconds", "ahtSeconds"], kpis: ["ahtSeconds", "handledMinutes", "occupancy"] }
 * ```
 */
export function kpiReport(options: KpiReportOptions): KpiReport {
  requireOptions("kpiReport", options, ["intervals"]);
  const { intervals, orders = [], targetAnswerSeconds, shortAbandonSeconds } = options;
  const keys = dateKeys();
  if (intervals.length === 0) invalidArgument("kpiReport", "intervals", "a non-empty list of interval rows", intervals);
  intervals.forEach((row, i) => {
    for (const key of ["offered", "answered", "abandoned", "answeredWithinTarget", "shortAbandoned", "handleSeconds", "staffedSeconds", "waitSeconds"] as const) {
      const v = row[key];
      if (v !== undefined && !(Number.isFinite(v) && v >= 0)) invalidArgument("kpiReport", `intervals[${i}].${key}`, "a non-negative finite number", v);
    }
  });
  const month = options.month ?? keys.month(intervals.reduce((latest, r) => Math.max(latest, r.localMs), -Infinity));
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) invalidArgument("kpiReport", "month", "a month written YYYY-MM", month);
  const inMonth = intervals.filter((r) => keys.month(r.localMs) === month);
  if (inMonth.length === 0) invalidArgument("kpiReport", "month", "a month the data covers", month);
  const previous = previousMonthOf(month);
  const inPrevious = intervals.filter((r) => keys.month(r.localMs) === previous);
  const previousMonth = inPrevious.length > 0 ? previous : null;

  // Measurable: a column counts only when every row of the compared months carries it.
  const used = [...inMonth, ...inPrevious];
  const hasField = (f: Field) => used.every((r) => r[f] !== undefined);
  const usedOrders = orders.filter((o) => {
    const mo = keys.month(o.localMs);
    return mo === month || mo === previous;
  });
  const present: Record<Field | "orders", boolean> = {
    answered: hasField("answered"),
    abandoned: hasField("abandoned"),
    answeredWithinTarget: hasField("answeredWithinTarget"),
    shortAbandoned: hasField("shortAbandoned"),
    handleSeconds: hasField("handleSeconds"),
    staffedSeconds: hasField("staffedSeconds"),
    waitSeconds: hasField("waitSeconds"),
    orders: orders.length > 0 && usedOrders.length > 0,
  };
  const measurable = Object.fromEntries(kpiNames.map((k) => [k, kpiNeeds[k].every((f) => present[f])])) as Record<KpiName, boolean>;

  const notes: string[] = [];
  const noteDetails: KpiNote[] = [];
  const labels = kpiLabels;
  for (const field of Object.keys(present) as (Field | "orders")[]) {
    if (present[field]) continue;
    const lost = kpiNames.filter((k) => kpiNeeds[k].includes(field)).map((k) => labels[k]);
    const partial = field !== "orders" && used.some((r) => r[field] !== undefined);
    const label = lost.length > 0 ? `${lost[0]!.charAt(0).toUpperCase()}${lost[0]!.slice(1)}${lost.length > 1 ? `, ${lost.slice(1).join(", ")}` : ""}` : "";
    const columns = fieldColumns[field].join(" or ");
    notes.push(partial ? `${label}: not measured, ${columns} is missing on some rows` : `${label}: not measured, the report has no ${columns} column`);
    noteDetails.push({
      kind: partial ? "column-partly-missing" : "no-column",
      field,
      columns: fieldColumns[field],
      kpis: kpiNames.filter((k) => kpiNeeds[k].includes(field)),
    });
  }
  const monthDays = daysInMonth(month);
  const coveredDays = new Set(inMonth.map((r) => Math.floor(r.localMs / millisecondsInDay))).size;
  if (coveredDays < monthDays) {
    notes.push(`${month}: the data covers ${coveredDays} of its ${monthDays} days`);
    noteDetails.push({ kind: "partial-month", month, coveredDays, monthDays });
  }

  // Channels in order of first appearance.
  const channelList: string[] = [];
  for (const r of used) if (!channelList.includes(r.channel)) channelList.push(r.channel);
  const groups = channelList.length > 1 ? [...channelList, "all"] : channelList;

  const ordersBy = (key: (localMs: number) => string, rows: readonly KpiOrders[]) => {
    const map = new Map<string, number>();
    for (const o of rows) map.set(key(o.localMs), (map.get(key(o.localMs)) ?? 0) + o.orders);
    return map;
  };

  const table = (rows: readonly KpiInterval[], key: (localMs: number) => string, periods: readonly string[]): KpiRow[] => {
    const sums = new Map<string, Sums>();
    const sumsOf = (period: string, channel: string) => {
      const k = `${period}\u0000${channel}`;
      let s = sums.get(k);
      if (!s) sums.set(k, (s = emptySums()));
      return s;
    };
    for (const r of rows) {
      const period = key(r.localMs);
      add(sumsOf(period, r.channel), r);
      if (groups.length > 1) add(sumsOf(period, "all"), r);
    }
    const periodOrders = ordersBy(key, usedOrders);
    const out: KpiRow[] = [];
    for (const period of periods) {
      for (const channel of groups) {
        const s = sums.get(`${period}\u0000${channel}`);
        if (!s) continue;
        s.orders = periodOrders.get(period) ?? 0;
        out.push({ period, channel, metrics: metricsOf(s, measurable) });
      }
    }
    return out;
  };

  const monthPeriods = previousMonth === null ? [month] : [month, previousMonth];
  const months = table(used, keys.month, monthPeriods);
  const dayKeys = [...new Set(inMonth.map((r) => keys.date(r.localMs)))].sort();
  const days = table(inMonth, keys.date, dayKeys);
  const hourOf = (localMs: number) => `${String(Math.floor((localMs % millisecondsInDay) / millisecondsInHour)).padStart(2, "0")}:00`;
  const hourKeys = [...new Set(inMonth.map((r) => hourOf(r.localMs)))].sort();
  const hours = table(inMonth, hourOf, hourKeys);

  const changes: KpiChange[] = [];
  if (previousMonth !== null) {
    for (const channel of groups) {
      const now = months.find((r) => r.period === month && r.channel === channel);
      const before = months.find((r) => r.period === previousMonth && r.channel === channel);
      for (const kpi of kpiNames) {
        if (!measurable[kpi]) continue;
        const current = now?.metrics[kpi] ?? null;
        const prior = before?.metrics[kpi] ?? null;
        const kind = changeKind[kpi];
        let change: number | null = null;
        if (current !== null && prior !== null) change = kind === "relative" ? ratio(current - prior, prior) : current - prior;
        changes.push({ channel, kpi, current, previous: prior, change, kind });
      }
    }
  }

  const t = targetAnswerSeconds === undefined ? "T" : `${targetAnswerSeconds} s`;
  const short = shortAbandonSeconds === undefined ? "the short-abandon threshold" : `${shortAbandonSeconds} s`;
  const definitions = [
    `serviceLevel = answered within ${t} / offered (abandons count against it)`,
    `serviceLevelOfAnswered = answered within ${t} / answered (ignores abandons)`,
    `serviceLevelExcludingShortAbandons = answered within ${t} / (offered - abandons within ${short})`,
    "abandonRate = abandoned / offered; asaSeconds = total answer wait / answered; ahtSeconds = total handle time / answered",
    "occupancy = handle time / staffed time (above 100% where agents handle contacts concurrently, as in chat); contactsPerOrder = offered / orders",
    "every KPI is a ratio of sums over the period's intervals, not a mean of interval ratios",
  ];
  return {
    month,
    previousMonth,
    channels: groups,
    months,
    days,
    hours,
    changes,
    measurable,
    definitions,
    notes,
    noteDetails,
  };
}
