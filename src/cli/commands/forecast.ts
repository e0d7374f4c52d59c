import { resolve } from "node:path";
import type { Command } from "commander";
import { formatLocalDate, formatLocalTimestamp, localDayOfWeek, millisecondsInDay, parseLocalTimestamp } from "../../calendar/local-time.js";
import { planningMonth, type PlanningCalendar } from "../../calendar/planning-month.js";
import { parseDayOfWeek, startOfLocalWeek, type DayOfWeek } from "../../calendar/week.js";
import { WfmError } from "../../errors.js";
import { forecastByChannel } from "../../forecast/by-channel.js";
import type { ForecastMethodChoice, SpecialDay } from "../../forecast/types.js";
import { readHolidaysCsv } from "../../io/holidays.js";
import { readOrdersCsv } from "../../io/orders-csv.js";
import { checkOutputPaths, writeFileAtomic } from "../../io/output.js";
import { staleHistory, staleHistoryDays } from "../stale-history.js";
import { formatFixed, formatPercent, renderTable, toJson, type TableColumn } from "../../io/render.js";
import { readVolumeCsv } from "../../io/volume-csv.js";
import type { CommandModule } from "../command.js";
import type { CliIo } from "../io.js";
import { csvDates, dateFormatHelp, parseChoiceOption, parseDecimal, parseNumberOption } from "../options.js";
import { compareText } from "../../order.js";

const methodChoices = ["auto", "seasonal-naive", "seasonal-average", "holt-winters", "top-down", "driver", "combined"] as const;
const formatChoices = ["csv", "json", "table"] as const;
const calendarChoices = ["gregorian", "persian"] as const;

interface ForecastFlags {
  month?: string;
  start?: string;
  days?: string;
  calendar: string;
  method: string;
  holidays?: string;
  orders?: string;
  ordersTarget?: string;
  ratioPerWeekday?: boolean;
  backtest?: boolean;
  quantile: string;
  weekStart: string;
  dateFormat?: string;
  format?: string;
  out?: string;
  forceHistory?: boolean;
}

function optionError(option: string, message: string, value?: unknown): never {
  throw new WfmError({ code: "invalid-option", option, message, value });
}

function period(flags: ForecastFlags): { startLocalMs: number; endLocalMs: number; label: string } {
  const calendar = parseChoiceOption("--calendar", flags.calendar, calendarChoices) as PlanningCalendar;
  if (flags.month !== undefined && flags.start !== undefined) optionError("--month", "give either --month or --start with --days, not both");
  if (flags.month !== undefined) {
    if (flags.days !== undefined) optionError("--days", "--days goes with --start, not with --month");
    if (!/^\s*\d{4}-\d{1,2}\s*$/.test(flags.month) || !(Number(flags.month.split("-")[1]) >= 1 && Number(flags.month.split("-")[1]) <= 12)) {
      optionError("--month", `expected YYYY-MM such as 2026-12 (or 1404-09 with --calendar persian), got ${JSON.stringify(flags.month)}`, flags.month);
    }
    const m = planningMonth({ month: flags.month, calendar });
    return { startLocalMs: m.startLocalMs, endLocalMs: m.endLocalMs, label: `${calendar} month ${flags.month}` };
  }
  if (flags.start !== undefined) {
    const parsed = parseLocalTimestamp(flags.start);
    if (!parsed || !parsed.style.dateOnly) optionError("--start", `expected a date YYYY-MM-DD, got ${JSON.stringify(flags.start)}`, flags.start);
    const days = flags.days === undefined ? 7 : parseNumberOption("--days", flags.days, { min: 1, max: 366, integer: true });
    return { startLocalMs: parsed.localMs, endLocalMs: parsed.localMs + days * millisecondsInDay, label: `${days} days from ${flags.start}` };
  }
  return optionError("--month", "say what to forecast: --month YYYY-MM, or --start YYYY-MM-DD [--days N]");
}

interface OutRow {
  localMs: number;
  channel: string;
  calls: number;
  lower: number;
  upper: number;
  ahtSeconds?: number;
}

/**
 * `wfm forecast HISTORY.csv --month YYYY-MM`: contacts per interval for a planning month (or
 * `--start DATE --days N`), with prediction intervals, from the history (and the sales plan).
 */
export const forecastCommand: CommandModule = {
  name: "forecast",
  register(program: Command, io: CliIo) {
    program
      .command("forecast")
      .description("forecast contacts per interval for a month, with prediction intervals (feeds wfm staff)")
      .argument("<history>", "volume CSV: timestamp,calls [,ahtSeconds,channel,queue,orders]")
      .option("--month <YYYY-MM>", "planning month to forecast, e.g. 2026-12 or 1404-09 with --calendar persian")
      .option("--calendar <name>", "calendar of --month: gregorian or persian (Solar Hijri)", "gregorian")
      .option("--start <date>", "first day to forecast (YYYY-MM-DD), instead of --month")
      .option("--days <n>", "days to forecast from --start", undefined)
      .option("--method <name>", `method: ${methodChoices.join(", ")}`, "auto")
      .option("--holidays <file>", "special days CSV: date,label,kind (holiday, campaign, outage, closed)")
      .option("--orders <file>", "daily orders CSV (date,orders) for --method driver")
      .option("--orders-target <n>", "orders planned for the whole period (--method driver)")
      .option("--ratio-per-weekday", "driver: contacts-per-order ratio per weekday")
      .option("--backtest", "print the rolling-origin accuracy table of every method")
      .option("--quantile <q>", "planning quantile in (0.5, 1): upper = q-quantile, lower = (1-q)-quantile", "0.8")
      .option("--week-start <day>", "first day of the week in table output (e.g. saturday)", "monday")
      .option("--date-format <pattern>", dateFormatHelp)
      .option("--format <format>", `output format: ${formatChoices.join(", ")} (default csv; the --backtest table defaults to table)`)
      .option("--out <file>", "write the forecast to this file instead of standard output")
      .option("--force-history", `forecast from a history that ends more than ${staleHistoryDays} days before the period (noted on stderr)`)
      .action(async (history: string, flags: ForecastFlags) => {
        const method = parseChoiceOption("--method", flags.method, methodChoices) as ForecastMethodChoice;
        const format = flags.format === undefined ? "csv" : parseChoiceOption("--format", flags.format, formatChoices);
        const quantile = parseDecimal(flags.quantile);
        if (!(quantile > 0.5 && quantile < 1)) {
          optionError("--quantile", `expected a probability above 0.5 and below 1 such as 0.8, got ${JSON.stringify(flags.quantile)}`, flags.quantile);
        }
        const weekStart = parseDayOfWeek(flags.weekStart);
        if (weekStart === null) optionError("--week-start", `expected a day name such as saturday or a number 0-6 (0 = Sunday), got ${JSON.stringify(flags.weekStart)}`, flags.weekStart);
        const { startLocalMs, endLocalMs, label } = period(flags);
        const ordersTarget = flags.ordersTarget === undefined ? undefined : parseNumberOption("--orders-target", flags.ordersTarget, { min: 0 });
        if (method === "driver" && ordersTarget === undefined) optionError("--orders-target", "--method driver needs --orders-target N (orders planned for the period)");
        if (ordersTarget !== undefined && method !== "driver") optionError("--orders-target", "--orders-target is used by --method driver only");

        const inputs = [resolve(io.cwd, history), ...(flags.holidays ? [resolve(io.cwd, flags.holidays)] : []), ...(flags.orders ? [resolve(io.cwd, flags.orders)] : [])];
        if (flags.out !== undefined) checkOutputPaths([{ path: resolve(io.cwd, flags.out), option: "--out" }], { inputs });
        const series = readVolumeCsv(history, { cwd: io.cwd, allowGaps: true, ...csvDates(flags, parseChoiceOption("--calendar", flags.calendar, calendarChoices) as PlanningCalendar) });
        const events: SpecialDay[] = flags.holidays ? readHolidaysCsv(flags.holidays, { cwd: io.cwd, option: "--holidays", ...csvDates(flags, parseChoiceOption("--calendar", flags.calendar, calendarChoices) as PlanningCalendar) }) : [];
        let orders: { dateMs: number; orders: number }[] | undefined;
        if (flags.orders) orders = readOrdersCsv(flags.orders, { cwd: io.cwd, option: "--orders", ...csvDates(flags, parseChoiceOption("--calendar", flags.calendar, calendarChoices) as PlanningCalendar) });
        else if (series.hasOrders) {
          const byDay = new Map<number, number>();
          for (const row of series.rows) {
            const day = Math.floor(row.localMs / millisecondsInDay) * millisecondsInDay;
            byDay.set(day, (byDay.get(day) ?? 0) + (row.orders ?? 0));
          }
          orders = [...byDay.entries()].map(([dateMs, o]) => ({ dateMs, orders: o }));
        }
        if (method === "driver" && orders === undefined) optionError("--orders", "--method driver needs past orders: --orders FILE, or an orders column in the history");

        const firstMs = series.rows.reduce((m, r) => Math.min(m, r.localMs), Number.POSITIVE_INFINITY);
        if (firstMs >= startLocalMs) {
          optionError(flags.month !== undefined ? "--month" : "--start", `${label} starts on ${formatLocalDate(startLocalMs)}, but the history ${history} starts on ${formatLocalDate(firstMs)}: nothing to learn from`);
        }
        const lastBefore = series.rows.reduce((m, r) => (r.localMs < startLocalMs ? Math.max(m, r.localMs) : m), Number.NEGATIVE_INFINITY);
        const spanDays = Math.floor(lastBefore / millisecondsInDay) - Math.floor(firstMs / millisecondsInDay) + 1;
        if (spanDays < 7) {
          throw new WfmError({
            code: "invalid-file",
            file: history,
            message: `at least 7 days of history before ${formatLocalDate(startLocalMs)} are needed (one of each weekday), found ${spanDays}`,
          });
        }
        const staleNote = staleHistory(history, lastBefore + series.intervalMinutes * 60_000, startLocalMs, Boolean(flags.forceHistory), flags.month !== undefined ? "--month" : "--start");
        const results = forecastByChannel({
          rows: series.rows,
          intervalMinutes: series.intervalMinutes,
          startLocalMs,
          endLocalMs,
          method,
          events,
          quantile,
          monthCalendar: parseChoiceOption("--calendar", flags.calendar, calendarChoices) as PlanningCalendar,
          ...(method === "driver" ? { driver: { orders: orders!, targetOrders: ordersTarget!, perWeekday: Boolean(flags.ratioPerWeekday) } } : {}),
        });
        const multi = series.channels.length > 1 || series.rows.some((r) => r.channel !== "voice");
        const hasAht = results.some((r) => r.result.rows.some((row) => row.ahtSeconds !== undefined));
        const rows: OutRow[] = results.flatMap(({ channel, result }) => result.rows.map((row) => ({ ...row, channel })));
        rows.sort((a, b) => a.localMs - b.localMs || compareText(a.channel, b.channel));

        if (staleNote !== null) io.stderr(`note: ${staleNote}\n`);
        for (const { channel, result } of results) {
          const prefix = multi ? `${channel}: ` : "";
          const chosen = result.backtest.methods.find((m) => m.method === result.method);
          io.stderr(
            `${prefix}${label}: ${result.rows.length} intervals, ${formatFixed(result.rows.reduce((s, r) => s + r.calls, 0), 0)} contacts, method ${result.method}` +
              (chosen ? ` (backtest WAPE ${formatPercent(chosen.wape)}, ${result.backtest.origins.length} origins)` : "") +
              (Number.isFinite(result.backtest.coverageUpper) ? `, P${Math.round(quantile * 100)} coverage ${formatPercent(result.backtest.coverageUpper)}` : "") +
              `, ${result.anomalies.length} anomalous day${result.anomalies.length === 1 ? "" : "s"} left out\n`,
          );
          for (const w of result.warnings) io.stderr(`${prefix}note: ${w}\n`);
        }

        const ts = (ms: number) => formatLocalTimestamp(ms, series.style);
        const columns: TableColumn<OutRow>[] = [
          { key: "timestamp", value: (r) => ts(r.localMs) },
          ...(multi ? [{ key: "channel", value: (r: OutRow) => r.channel }] : []),
          { key: "calls", value: (r) => Number(r.calls.toFixed(2)), text: (r) => r.calls.toFixed(2) },
          { key: "lower", value: (r) => Number(r.lower.toFixed(2)), text: (r) => r.lower.toFixed(2) },
          { key: "upper", value: (r) => Number(r.upper.toFixed(2)), text: (r) => r.upper.toFixed(2) },
          ...(hasAht ? [{ key: "ahtSeconds", value: (r: OutRow) => (r.ahtSeconds === undefined || !Number.isFinite(r.ahtSeconds) ? null : Number(r.ahtSeconds.toFixed(1))), text: (r: OutRow) => (r.ahtSeconds === undefined || !Number.isFinite(r.ahtSeconds) ? "" : r.ahtSeconds.toFixed(1)) }] : []),
        ];

        let forecastText: string;
        if (format === "json") {
          forecastText = toJson({
            period: { start: formatLocalDate(startLocalMs), end: formatLocalDate(endLocalMs), label },
            quantile,
            channels: results.map(({ channel, result }) => ({
              channel,
              method: result.method,
              backtest: {
                origins: result.backtest.origins.map(formatLocalDate),
                horizonDays: result.backtest.horizonDays,
                coverageUpper: result.backtest.coverageUpper,
                coverageBand: result.backtest.coverageBand,
                methods: result.backtest.methods,
              },
              anomalies: result.anomalies.map((a) => ({ date: formatLocalDate(a.dateMs), calls: a.calls, expectedCalls: a.expectedCalls, zScore: a.zScore })),
              specialDayFactors: result.specialDayFactors,
              warnings: result.warnings,
            })),
            rows: JSON.parse(renderTable(rows, columns, "json")) as unknown,
          });
        } else if (format === "table") {
          forecastText = dailyTable(rows, weekStart, multi, results.length);
        } else {
          forecastText = renderTable(rows, columns, "csv");
        }

        if (flags.backtest) {
          const bt = results.flatMap(({ channel, result }) =>
            result.backtest.methods.map((m) => ({ channel, chosen: m.method === result.method, ...m })),
          );
          type B = (typeof bt)[number];
          const btColumns: TableColumn<B>[] = [
            ...(multi ? [{ key: "channel", value: (r: B) => r.channel }] : []),
            { key: "method", value: (r) => r.method, text: (r) => `${r.method}${r.chosen ? " *" : ""}` },
            { key: "wape", value: (r) => r.wape, text: (r) => formatPercent(r.wape) },
            { key: "wapeOrdinaryDays", title: "wape (ordinary days)", value: (r) => r.wapeOrdinaryDays, text: (r) => formatPercent(r.wapeOrdinaryDays) },
            { key: "mape", title: "mape (>=10)", value: (r) => r.mape, text: (r) => formatPercent(r.mape) },
            { key: "bias", value: (r) => r.bias, text: (r) => formatPercent(r.bias) },
            { key: "rmse", value: (r) => r.rmse, text: (r) => formatFixed(r.rmse, 2) },
            { key: "intervals", value: (r) => r.intervals },
          ];
          const btFormat = flags.format === "json" ? "json" : flags.format === "csv" ? "csv" : "table";
          let text = bt.length === 0 && btFormat === "table" ? "no backtest: the history is too short (a backtest origin needs 4 weeks of history before it)\n" : renderTable(bt, btColumns, btFormat);
          if (btFormat === "table") {
            for (const { channel, result } of results) {
              const b = result.backtest;
              if (result.anomalies.length > 0) {
                text += `${multi ? `${channel}: ` : ""}anomalous days left out of the fits (robust z beyond 3.5): ${result.anomalies.map((a) => `${formatLocalDate(a.dateMs)} (${formatFixed(a.calls, 0)} vs ${formatFixed(a.expectedCalls, 0)})`).join(", ")}\n`;
              }
              if (b.origins.length > 0) text += `${multi ? `${channel}: ` : ""}${b.origins.length} weekly origins ${b.origins.length ? `${formatLocalDate(b.origins[0]!)} .. ${formatLocalDate(b.origins[b.origins.length - 1]!)}` : ""}, horizon ${b.horizonDays} days; * = used. Interval coverage (leave-one-origin-out): ${formatPercent(b.coverageUpper)} at or below upper (nominal ${formatPercent(quantile)}), ${formatPercent(b.coverageBand)} within [lower, upper] (nominal ${formatPercent(2 * quantile - 1)})\n`;
            }
          }
          io.stdout(text);
        }
        if (flags.out !== undefined) {
          writeFileAtomic(resolve(io.cwd, flags.out), forecastText, { inputs, option: "--out" });
        } else if (!flags.backtest) {
          io.stdout(forecastText);
        }
      });
  },
};

/** One row per day (and per channel), with weekly subtotals starting on `weekStart`. */
function dailyTable(rows: readonly OutRow[], weekStart: DayOfWeek, multi: boolean, channelCount: number): string {
  interface Day {
    label: string;
    weekday: string;
    channel: string;
    calls: number;
    lower: number;
    upper: number;
    peak: number;
    intervals: number;
  }
  const days = new Map<string, Day>();
  const names = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
  const weekOf = new Map<string, number>();
  for (const r of rows) {
    const dayMs = Math.floor(r.localMs / millisecondsInDay) * millisecondsInDay;
    const key = `${dayMs}|${r.channel}`;
    const d = days.get(key) ?? { label: formatLocalDate(dayMs), weekday: names[localDayOfWeek(dayMs)]!, channel: r.channel, calls: 0, lower: 0, upper: 0, peak: 0, intervals: 0 };
    d.calls += r.calls;
    d.lower += r.lower;
    d.upper += r.upper;
    d.peak = Math.max(d.peak, r.calls);
    d.intervals++;
    days.set(key, d);
    weekOf.set(key, startOfLocalWeek(dayMs, weekStart));
  }
  const out: Day[] = [];
  let currentWeek: number | undefined;
  let week: Day[] = [];
  const flush = () => {
    if (week.length === 0) return;
    out.push(...week);
    const total = (f: (d: Day) => number) => week.reduce((s, d) => s + f(d), 0);
    out.push({ label: `week of ${formatLocalDate(currentWeek!)}`, weekday: "", channel: channelCount > 1 ? "all" : week[0]!.channel, calls: total((d) => d.calls), lower: Number.NaN, upper: Number.NaN, peak: week.reduce((m, d) => Math.max(m, d.peak), Number.NEGATIVE_INFINITY), intervals: total((d) => d.intervals) });
    week = [];
  };
  for (const [key, d] of days) {
    const w = weekOf.get(key)!;
    if (currentWeek !== undefined && w !== currentWeek) flush();
    currentWeek = w;
    week.push(d);
  }
  flush();
  return renderTable(
    out,
    [
      { key: "date", value: (d) => d.label },
      { key: "day", value: (d) => d.weekday },
      ...(multi ? [{ key: "channel", value: (d: Day) => d.channel }] : []),
      { key: "calls", value: (d) => d.calls, text: (d) => formatFixed(d.calls, 0) },
      { key: "lower", title: "sum of lower", value: (d) => d.lower, text: (d) => (Number.isNaN(d.lower) ? "" : formatFixed(d.lower, 0)) },
      { key: "upper", title: "sum of upper", value: (d) => d.upper, text: (d) => (Number.isNaN(d.upper) ? "" : formatFixed(d.upper, 0)) },
      { key: "peak", title: "peak interval", value: (d) => d.peak, text: (d) => formatFixed(d.peak, 1) },
      { key: "intervals", value: (d) => d.intervals },
    ],
    "table",
  );
}
