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
import { localeFormat, locales, type LocaleFormat } from "../../io/locale/index.js";
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
  locale?: string;
}

function optionError(option: string, message: string, value?: unknown): never {
  throw new WfmError({ code: "invalid-option", option, message, value });
}

function period(flags: ForecastFlags, lf: LocaleFormat): { startLocalMs: number; endLocalMs: number; label: string; shown: string } {
  const calendar = parseChoiceOption("--calendar", flags.calendar, calendarChoices) as PlanningCalendar;
  if (flags.month !== undefined && flags.start !== undefined) optionError("--month", "give either --month or --start with --days, not both");
  if (flags.month !== undefined) {
    if (flags.days !== undefined) optionError("--days", "--days goes with --start, not with --month");
    if (!/^\s*\d{4}-\d{1,2}\s*$/.test(flags.month) || !(Number(flags.month.split("-")[1]) >= 1 && Number(flags.month.split("-")[1]) <= 12)) {
      optionError("--month", `expected YYYY-MM such as 2026-12 (or 1404-09 with --calendar persian), got ${JSON.stringify(flags.month)}`, flags.month);
    }
    const m = planningMonth({ month: flags.month, calendar });
    const month = flags.month.trim();
    return { startLocalMs: m.startLocalMs, endLocalMs: m.endLocalMs, label: `${calendar} month ${flags.month}`, shown: lf.messages.forecastCli.periodMonth(
        lf.messages.period.calendars[calendar],
        lf.locale === "en" ? flags.month : lf.period({ label: month, calendar, start: formatLocalDate(m.startLocalMs), end: formatLocalDate(m.endLocalMs) }),
      ),
    };
  }
  if (flags.start !== undefined) {
    const parsed = parseLocalTimestamp(flags.start);
    if (!parsed || !parsed.style.dateOnly) optionError("--start", `expected a date YYYY-MM-DD, got ${JSON.stringify(flags.start)}`, flags.start);
    const days = flags.days === undefined ? 7 : parseNumberOption("--days", flags.days, { min: 1, max: 366, integer: true });
    return {
      startLocalMs: parsed.localMs,
      endLocalMs: parsed.localMs + days * millisecondsInDay,
      label: `${days} days from ${flags.start}`,
      shown: lf.messages.forecastCli.periodDays(lf.digits(String(days)), lf.locale === "en" ? flags.start : lf.date(formatLocalDate(parsed.localMs))),
    };
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
      .option("--locale <locale>", "language of the table output and the summary on stderr: en or fa (Persian digits, Solar Hijri dates); csv and json do not change", "en")
      .action(async (history: string, flags: ForecastFlags) => {
        const lf = localeFormat(parseChoiceOption("--locale", flags.locale ?? "en", locales));
        const fm = lf.messages.forecastCli;
        const methodName = (name: string) => fm.methods[name] ?? name;
        const pctText = (v: number) => lf.digits(formatPercent(v));
        const method = parseChoiceOption("--method", flags.method, methodChoices) as ForecastMethodChoice;
        const format = flags.format === undefined ? "csv" : parseChoiceOption("--format", flags.format, formatChoices);
        const quantile = parseDecimal(flags.quantile);
        if (!(quantile > 0.5 && quantile < 1)) {
          optionError("--quantile", `expected a probability above 0.5 and below 1 such as 0.8, got ${JSON.stringify(flags.quantile)}`, flags.quantile);
        }
        const weekStart = parseDayOfWeek(flags.weekStart);
        if (weekStart === null) optionError("--week-start", `expected a day name such as saturday or a number 0-6 (0 = Sunday), got ${JSON.stringify(flags.weekStart)}`, flags.weekStart);
        const { startLocalMs, endLocalMs, label, shown } = period(flags, lf);
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
        const staleNote = staleHistory(history, lastBefore + series.intervalMinutes * 60_000, startLocalMs, Boolean(flags.forceHistory), flags.month !== undefined ? "--month" : "--start", lf);
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

        if (staleNote !== null) io.stderr(`${fm.note(staleNote)}\n`);
        for (const { channel, result } of results) {
          const prefix = multi ? fm.channelPrefix(channel) : "";
          const chosen = result.backtest.methods.find((m) => m.method === result.method);
          const summary = fm.summary({
            label: shown,
            intervals: lf.digits(String(result.rows.length)),
            contacts: lf.digits(formatFixed(result.rows.reduce((s, r) => s + r.calls, 0), 0)),
            method: methodName(result.method),
            wape: chosen ? pctText(chosen.wape) : null,
            origins: lf.digits(String(result.backtest.origins.length)),
            quantile: lf.digits(String(Math.round(quantile * 100))),
            coverage: Number.isFinite(result.backtest.coverageUpper) ? pctText(result.backtest.coverageUpper) : null,
            anomalous: lf.digits(String(result.anomalies.length)),
            anomalousCount: result.anomalies.length,
          });
          io.stderr(`${prefix}${summary}\n`);
          for (const w of result.warnings) io.stderr(`${prefix}${fm.note(lf.messages.forecast.warningText(w, lf.date))}\n`);
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
          forecastText = dailyTable(rows, weekStart, multi, results.length, lf);
        } else {
          forecastText = renderTable(rows, columns, "csv");
        }

        if (flags.backtest) {
          const bt = results.flatMap(({ channel, result }) =>
            result.backtest.methods.map((m) => ({ channel, chosen: m.method === result.method, ...m })),
          );
          type B = (typeof bt)[number];
          const btFormat = flags.format === "json" ? "json" : flags.format === "csv" ? "csv" : "table";
          // CSV and JSON keep the English keys and plain figures; the table is in the locale.
          const bl = btFormat === "table" ? lf : localeFormat("en");
          const bc = bl.messages.forecastCli.backtestColumns;
          const bname = (name: string) => bl.messages.forecastCli.methods[name] ?? name;
          const bpct = (v: number) => bl.digits(formatPercent(v));
          const btColumns: TableColumn<B>[] = [
            ...(multi ? [{ key: "channel", title: bc.channel, value: (r: B) => r.channel }] : []),
            { key: "method", title: bc.method, value: (r) => r.method, text: (r) => `${bname(r.method)}${r.chosen ? bl.messages.forecastCli.used : ""}` },
            { key: "wape", title: bc.wape, value: (r) => r.wape, text: (r) => bpct(r.wape) },
            { key: "wapeOrdinaryDays", title: bc.wapeOrdinaryDays, value: (r) => r.wapeOrdinaryDays, text: (r) => bpct(r.wapeOrdinaryDays) },
            { key: "mape", title: bc.mape, value: (r) => r.mape, text: (r) => bpct(r.mape) },
            { key: "bias", title: bc.bias, value: (r) => r.bias, text: (r) => bpct(r.bias) },
            { key: "rmse", title: bc.rmse, value: (r) => r.rmse, text: (r) => bl.digits(formatFixed(r.rmse, 2)) },
            { key: "intervals", title: bc.intervals, value: (r) => r.intervals, text: (r) => bl.digits(String(r.intervals)) },
          ];
          let text = bt.length === 0 && btFormat === "table" ? `${fm.noBacktest}\n` : renderTable(bt, btColumns, btFormat);
          if (btFormat === "table") {
            const day = (ms: number) => lf.date(formatLocalDate(ms));
            for (const { channel, result } of results) {
              const b = result.backtest;
              const prefix = multi ? fm.channelPrefix(channel) : "";
              if (result.anomalies.length > 0) {
                text += `${prefix}${fm.anomalous(result.anomalies.map((a) => fm.anomalousDay(day(a.dateMs), lf.digits(formatFixed(a.calls, 0)), lf.digits(formatFixed(a.expectedCalls, 0)))).join(lf.messages.list))}\n`;
              }
              if (b.origins.length > 0) {
                text += `${prefix}${fm.origins({
                  origins: lf.digits(String(b.origins.length)),
                  first: day(b.origins[0]!),
                  last: day(b.origins[b.origins.length - 1]!),
                  horizonDays: lf.digits(String(b.horizonDays)),
                  coverageUpper: pctText(b.coverageUpper),
                  quantile: pctText(quantile),
                  coverageBand: pctText(b.coverageBand),
                  band: pctText(2 * quantile - 1),
                })}\n`;
              }
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
function dailyTable(rows: readonly OutRow[], weekStart: DayOfWeek, multi: boolean, channelCount: number, lf: LocaleFormat): string {
  const fm = lf.messages.forecastCli;
  const whole = (v: number) => lf.digits(formatFixed(v, 0));
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
  const names = fm.weekdays;
  const weekOf = new Map<string, number>();
  for (const r of rows) {
    const dayMs = Math.floor(r.localMs / millisecondsInDay) * millisecondsInDay;
    const key = `${dayMs}|${r.channel}`;
    const d = days.get(key) ?? { label: lf.date(formatLocalDate(dayMs)), weekday: names[localDayOfWeek(dayMs)]!, channel: r.channel, calls: 0, lower: 0, upper: 0, peak: 0, intervals: 0 };
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
    out.push({ label: fm.weekOf(lf.date(formatLocalDate(currentWeek!))), weekday: "", channel: channelCount > 1 ? fm.all : week[0]!.channel, calls: total((d) => d.calls), lower: Number.NaN, upper: Number.NaN, peak: week.reduce((m, d) => Math.max(m, d.peak), Number.NEGATIVE_INFINITY), intervals: total((d) => d.intervals) });
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
      { key: "date", title: fm.columns.date, value: (d) => d.label },
      { key: "day", title: fm.columns.day, value: (d) => d.weekday },
      ...(multi ? [{ key: "channel", title: fm.columns.channel, value: (d: Day) => d.channel }] : []),
      { key: "calls", title: fm.columns.calls, value: (d) => d.calls, text: (d) => whole(d.calls) },
      { key: "lower", title: fm.columns.lower, value: (d) => d.lower, text: (d) => (Number.isNaN(d.lower) ? "" : whole(d.lower)) },
      { key: "upper", title: fm.columns.upper, value: (d) => d.upper, text: (d) => (Number.isNaN(d.upper) ? "" : whole(d.upper)) },
      { key: "peak", title: fm.columns.peak, value: (d) => d.peak, text: (d) => lf.digits(formatFixed(d.peak, 1)) },
      { key: "intervals", title: fm.columns.intervals, value: (d) => d.intervals, text: (d) => lf.digits(String(d.intervals)) },
    ],
    "table",
  );
}
