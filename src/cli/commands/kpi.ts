import type { Command } from "commander";
import { resolve } from "node:path";
import { kpiReport, localMonthOf, type KpiMetrics, type KpiName, type KpiReport, type KpiRow } from "../../cost/kpi.js";
import { ticketKpis, type TicketKpis } from "../../cost/tickets.js";
import { readKpiCsv } from "../../io/kpi-csv.js";
import { kpiNoteText } from "../../io/kpi-notes.js";
import { writeFileAtomic } from "../../io/output.js";
import { renderTable, toJson, type TableColumn, type TableFormat } from "../../io/render.js";
import { readTicketCsv } from "../../io/tickets-csv.js";
import { localeFormat, locales, type LocaleFormat } from "../../io/locale/index.js";
import { WfmError } from "../../errors.js";
import { csvDates, dateFormatHelp, parseChoiceOption, parseNumberOption } from "../options.js";
import type { CommandModule } from "../command.js";
import type { CliIo } from "../io.js";

type By = "month" | "day" | "hour";

interface KpiCommandOptions {
  tickets?: string;
  month?: string;
  by: string;
  targetSeconds?: string;
  shortAbandonSeconds?: string;
  dateFormat?: string;
  format: string;
  out?: string;
  locale?: string;
}

/** How each KPI is printed in tables (its labels are in the locale catalogues, `kpi.titles` and `kpi.short`). */
const kpiKind: Readonly<Record<KpiName, "count" | "fraction" | "seconds" | "ratio">> = {
  offered: "count",
  answered: "count",
  abandoned: "count",
  abandonRate: "fraction",
  serviceLevel: "fraction",
  serviceLevelOfAnswered: "fraction",
  serviceLevelExcludingShortAbandons: "fraction",
  asaSeconds: "seconds",
  ahtSeconds: "seconds",
  handledMinutes: "count",
  staffedHours: "count",
  occupancy: "fraction",
  orders: "count",
  contactsPerOrder: "ratio",
};
const english = localeFormat("en");

/**
 * Prints a KPI value for tables: counts as whole numbers (one decimal when fractional), fractions
 * as percentages with one decimal, seconds with one decimal, ratios with three; `-` when missing.
 *
 * @param lf - the locale's digits. @defaultValue English
 * @example
 * ```ts
 * formatKpi("serviceLevel", 0.8123); //=> "81.2%"
 * ```
 */
export function formatKpi(name: KpiName, value: number | null, lf: LocaleFormat = english): string {
  if (value === null) return "-";
  switch (kpiKind[name]) {
    case "count":
      return lf.digits(Number.isInteger(value) ? String(value) : value.toFixed(1));
    case "fraction":
      return lf.digits(`${(value * 100).toFixed(1)}%`);
    case "seconds":
      return lf.digits(value.toFixed(1));
    case "ratio":
      return lf.digits(value.toFixed(3));
  }
}

function formatChange(change: number | null, kind: "relative" | "points" | "seconds", lf: LocaleFormat): string {
  if (change === null) return "-";
  const sign = change > 0 ? "+" : change < 0 ? "" : "±";
  if (kind === "relative") return lf.digits(`${sign}${(change * 100).toFixed(1)}%`);
  if (kind === "points") return lf.messages.kpi.points(lf.digits(`${sign}${(change * 100).toFixed(1)}`));
  return lf.messages.kpi.seconds(lf.digits(`${sign}${change.toFixed(1)}`));
}

/** A period of a KPI row as the locale writes it: a month, a date or an hour of day. */
function periodText(period: string, lf: LocaleFormat): string {
  if (/^\d{4}-\d{2}$/.test(period)) return lf.month(period);
  if (/^\d{4}-\d{2}-\d{2}$/.test(period)) return lf.date(period);
  return lf.digits(period);
}

function monthTable(report: KpiReport, format: TableFormat, lf: LocaleFormat): string {
  const m = lf.messages.kpi;
  const names = (Object.keys(kpiKind) as KpiName[]).filter((k) => report.measurable[k]);
  type Line = { kpi: KpiName };
  const columns: TableColumn<Line>[] = [{ key: "kpi", title: m.kpi, value: (l) => m.titles[l.kpi], align: "left" }];
  for (const channel of report.channels) {
    const row = report.months.find((r) => r.period === report.month && r.channel === channel)!;
    columns.push({ key: channel, title: channel === "all" ? lf.messages.staffing.all : channel, value: (l) => formatKpi(l.kpi, row.metrics[l.kpi], lf), align: "right" });
    if (report.previousMonth !== null) {
      columns.push({
        key: `${channel}Change`,
        title: m.versus(lf.monthName(report.previousMonth)),
        value: (l) => {
          const c = report.changes.find((x) => x.channel === channel && x.kpi === l.kpi);
          return c === undefined ? "-" : formatChange(c.change, c.kind, lf);
        },
        align: "right",
      });
    }
  }
  return renderTable(
    names.map((kpi) => ({ kpi })),
    columns,
    format,
  );
}

function periodColumns(report: KpiReport, all: boolean, format: TableFormat, lf: LocaleFormat = english): TableColumn<KpiRow>[] {
  const names = (Object.keys(kpiKind) as KpiName[]).filter((k) => all || report.measurable[k]);
  const csv = format === "csv";
  const text = csv ? (name: KpiName, m: KpiMetrics) => (m[name] === null ? "" : String(m[name])) : (name: KpiName, m: KpiMetrics) => formatKpi(name, m[name], lf);
  const m = lf.messages.kpi;
  return [
    { key: "period", ...(csv ? {} : { title: m.period, text: (r: KpiRow) => periodText(r.period, lf) }), value: (r) => r.period, align: "left" },
    { key: "channel", ...(csv ? {} : { title: m.channel, text: (r: KpiRow) => (r.channel === "all" ? lf.messages.staffing.all : r.channel) }), value: (r) => r.channel, align: "left" },
    ...names.map(
      (name): TableColumn<KpiRow> => ({
        key: name,
        title: csv ? name : m.short[name],
        value: (r) => r.metrics[name],
        text: (r) => text(name, r.metrics),
        align: "right",
      }),
    ),
  ];
}

function ticketLines(current: TicketKpis, previous: TicketKpis | null, lf: LocaleFormat): string[] {
  const m = lf.messages.kpi;
  const hours = (s: number | null) => (s === null ? "-" : m.hours(lf.digits((s / 3600).toFixed(1))));
  const pct = (f: number | null) => (f === null ? "-" : lf.digits(`${(f * 100).toFixed(1)}%`));
  const vs = (a: number | null, b: number | null | undefined, kind: "points" | "hours") => {
    if (a === null || b === null || b === undefined) return "";
    const d = a - b;
    const sign = d > 0 ? "+" : d < 0 ? "" : "±";
    const delta = kind === "points" ? m.points(lf.digits(`${sign}${(d * 100).toFixed(1)}`)) : m.hours(lf.digits(`${sign}${(d / 3600).toFixed(1)}`));
    return m.change(delta, lf.monthName(previous!.month));
  };
  return [
    m.ticketsCreated(lf.monthName(current.month), lf.digits(String(current.created)), lf.digits(String(current.resolved)), lf.digits(String(current.open))),
    m.fcr(pct(current.fcr), vs(current.fcr, previous?.fcr, "points")),
    m.mttr(hours(current.mttrSeconds), vs(current.mttrSeconds, previous?.mttrSeconds, "hours"), hours(current.medianTtrSeconds)),
  ];
}

/**
 * `wfm kpi REPORT.csv`: last month's KPIs from an interval report (and FCR/MTTR from a ticket
 * export), per month with the change against the previous month, per day, or per hour of day.
 */
export const kpiCommand: CommandModule = {
  name: "kpi",
  register(program: Command, io: CliIo) {
    program
      .command("kpi")
      .description("last month's KPIs from an interval report: SL, abandonment, ASA, AHT, occupancy, contacts per order, FCR, MTTR")
      .argument("<report>", "interval report CSV: timestamp, offered, answered, abandoned, answeredWithinTarget, handleSeconds or ahtSeconds, staffedSeconds, waitSeconds, channel, orders")
      .option("--tickets <file>", "ticket export CSV (id, createdAt, resolvedAt, contacts or resolvedAtFirstContact) for FCR and MTTR")
      .option("--month <YYYY-MM>", "month to report (default: the latest month in the report)")
      .option("--by <period>", "month (with the change vs the previous month), day, or hour (of day)", "month")
      .option("--target-seconds <seconds>", "the threshold T behind answeredWithinTarget (for the definitions)")
      .option("--short-abandon-seconds <seconds>", "the threshold behind shortAbandoned (for the definitions)")
      .option("--date-format <pattern>", dateFormatHelp)
      .option("--format <format>", "table, csv, json or md", "table")
      .option("--out <file>", "write to a file (atomically) instead of standard output")
      .option("--locale <locale>", "language of the table and md output: en or fa (Persian digits, Solar Hijri dates); csv and json do not change", "en")
      .action(async (reportPath: string, options: KpiCommandOptions) => {
        const format = parseChoiceOption("--format", options.format, ["table", "csv", "json", "md"] as const);
        const lf = localeFormat(parseChoiceOption("--locale", options.locale ?? "en", locales));
        const m = lf.messages.kpi;
        const by = parseChoiceOption("--by", options.by, ["month", "day", "hour"] as const) as By;
        if (options.month !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(options.month)) {
          throw new WfmError({ code: "invalid-option", option: "--month", message: `expected a month such as 2026-10, got ${JSON.stringify(options.month)}`, value: options.month });
        }
        const targetAnswerSeconds = options.targetSeconds === undefined ? undefined : parseNumberOption("--target-seconds", options.targetSeconds, { min: 0 });
        const shortAbandonSeconds = options.shortAbandonSeconds === undefined ? undefined : parseNumberOption("--short-abandon-seconds", options.shortAbandonSeconds, { min: 0 });
        const file = readKpiCsv(reportPath, { cwd: io.cwd, option: "<report>", ...csvDates(options) });
        const tickets = options.tickets === undefined ? undefined : readTicketCsv(options.tickets, { cwd: io.cwd, option: "--tickets", ...csvDates(options) });
        const months = new Set(file.intervals.map((r) => localMonthOf(r.localMs)));
        if (options.month !== undefined && !months.has(options.month)) {
          throw new WfmError({ code: "invalid-option", option: "--month", message: `${reportPath} has no rows in ${options.month}; it covers ${[...months].sort().join(", ")}`, value: options.month });
        }
        const report = kpiReport({
          intervals: file.intervals,
          orders: file.orders,
          ...(options.month === undefined ? {} : { month: options.month }),
          ...(targetAnswerSeconds === undefined ? {} : { targetAnswerSeconds }),
          ...(shortAbandonSeconds === undefined ? {} : { shortAbandonSeconds }),
        });
        const ticketReport = tickets === undefined ? null : ticketKpis({ tickets: tickets.tickets, month: report.month });
        const previousTickets = tickets === undefined || report.previousMonth === null ? null : ticketKpis({ tickets: tickets.tickets, month: report.previousMonth });
        const ticketNotes: string[] = [];
        if (tickets !== undefined) {
          if (!tickets.hasFcr) ticketNotes.push(m.fcrMissing(options.tickets!));
          if (!tickets.hasResolution) ticketNotes.push(m.mttrMissing(options.tickets!));
        }

        let text: string;
        if (format === "json") {
          // noteDetails are the notes as data for the text renderers; the JSON keeps its English notes.
          const { noteDetails: _noteDetails, ...reportJson } = report;
          text = toJson({
            file: reportPath,
            ...reportJson,
            tickets: ticketReport === null ? null : { ...ticketReport, previous: previousTickets?.created ? previousTickets : null },
            notes: [...report.notes, ...ticketNotes],
          });
        } else if (format === "csv") {
          const rows = by === "month" ? report.months : by === "day" ? report.days : report.hours;
          text = renderTable(rows, periodColumns(report, true, format), "csv");
        } else {
          const head = m.head({
            file: reportPath,
            month: lf.month(report.month),
            previous: report.previousMonth === null ? null : lf.month(report.previousMonth),
            rows: lf.digits(String(file.intervals.length)),
            channels: file.channels.join(lf.messages.list),
          });
          const body =
            by === "month" ? monthTable(report, format, lf) : renderTable(by === "day" ? report.days : report.hours, periodColumns(report, false, format, lf), format);
          const tail: string[] = [];
          if (ticketReport !== null) tail.push(...ticketLines(ticketReport, previousTickets?.created ? previousTickets : null, lf));
          tail.push(...report.definitions.map((d) => m.definition(m.definitionText(d))));
          tail.push(...[...report.noteDetails.map((n) => kpiNoteText(n, lf)), ...ticketNotes].map(m.note));
          const bullet = format === "md" ? "- " : "";
          text = `${head}\n\n${body}\n${tail.map((l) => `${bullet}${l}`).join("\n")}\n`;
          if (format === "md" && lf.dir === "rtl") text = `<div dir="rtl" lang="${lf.lang}">\n\n${text}\n</div>\n`;
        }
        if (options.out === undefined) io.stdout(text);
        else {
          const inputs = [resolve(io.cwd, reportPath), ...(options.tickets === undefined ? [] : [resolve(io.cwd, options.tickets)])];
          writeFileAtomic(resolve(io.cwd, options.out), text, { inputs });
        }
      });
  },
};
