import type { Command } from "commander";
import { resolve } from "node:path";
import { kpiReport, localMonthOf, type KpiMetrics, type KpiName, type KpiReport, type KpiRow } from "../../cost/kpi.js";
import { ticketKpis, type TicketKpis } from "../../cost/tickets.js";
import { readKpiCsv } from "../../io/kpi-csv.js";
import { writeFileAtomic } from "../../io/output.js";
import { renderTable, toJson, type TableColumn, type TableFormat } from "../../io/render.js";
import { readTicketCsv } from "../../io/tickets-csv.js";
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
}

/** How each KPI is labelled and printed in tables. */
const kpiText: Readonly<Record<KpiName, { title: string; kind: "count" | "fraction" | "seconds" | "ratio" }>> = {
  offered: { title: "offered", kind: "count" },
  answered: { title: "answered", kind: "count" },
  abandoned: { title: "abandoned", kind: "count" },
  abandonRate: { title: "abandonment rate", kind: "fraction" },
  serviceLevel: { title: "service level (in T / offered)", kind: "fraction" },
  serviceLevelOfAnswered: { title: "SL of answered (in T / answered)", kind: "fraction" },
  serviceLevelExcludingShortAbandons: { title: "SL excl. short abandons", kind: "fraction" },
  asaSeconds: { title: "ASA (s)", kind: "seconds" },
  ahtSeconds: { title: "AHT (s)", kind: "seconds" },
  handledMinutes: { title: "handled minutes", kind: "count" },
  staffedHours: { title: "staffed hours", kind: "count" },
  occupancy: { title: "occupancy", kind: "fraction" },
  orders: { title: "orders", kind: "count" },
  contactsPerOrder: { title: "contacts per order", kind: "ratio" },
};

const short: Readonly<Record<KpiName, string>> = {
  offered: "offered",
  answered: "answered",
  abandoned: "abandoned",
  abandonRate: "aband%",
  serviceLevel: "SL",
  serviceLevelOfAnswered: "SL ans",
  serviceLevelExcludingShortAbandons: "SL x",
  asaSeconds: "ASA s",
  ahtSeconds: "AHT s",
  handledMinutes: "handled min",
  staffedHours: "staffed h",
  occupancy: "occ",
  orders: "orders",
  contactsPerOrder: "C/O",
};

/** Prints a KPI value for tables. */
export function formatKpi(name: KpiName, value: number | null): string {
  if (value === null) return "-";
  switch (kpiText[name].kind) {
    case "count":
      return Number.isInteger(value) ? String(value) : value.toFixed(1);
    case "fraction":
      return `${(value * 100).toFixed(1)}%`;
    case "seconds":
      return value.toFixed(1);
    case "ratio":
      return value.toFixed(3);
  }
}

function formatChange(change: number | null, kind: "relative" | "points" | "seconds"): string {
  if (change === null) return "-";
  const sign = change > 0 ? "+" : change < 0 ? "" : "±";
  if (kind === "relative") return `${sign}${(change * 100).toFixed(1)}%`;
  if (kind === "points") return `${sign}${(change * 100).toFixed(1)} pt`;
  return `${sign}${change.toFixed(1)} s`;
}

function monthTable(report: KpiReport, format: TableFormat): string {
  const names = (Object.keys(kpiText) as KpiName[]).filter((k) => report.measurable[k]);
  type Line = { kpi: KpiName };
  const columns: TableColumn<Line>[] = [{ key: "kpi", title: "KPI", value: (l) => kpiText[l.kpi].title, align: "left" }];
  for (const channel of report.channels) {
    const row = report.months.find((r) => r.period === report.month && r.channel === channel)!;
    columns.push({ key: channel, title: channel, value: (l) => formatKpi(l.kpi, row.metrics[l.kpi]), align: "right" });
    if (report.previousMonth !== null) {
      columns.push({
        key: `${channel}Change`,
        title: `vs ${report.previousMonth}`,
        value: (l) => {
          const c = report.changes.find((x) => x.channel === channel && x.kpi === l.kpi);
          return c === undefined ? "-" : formatChange(c.change, c.kind);
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

function periodColumns(report: KpiReport, all: boolean, format: TableFormat): TableColumn<KpiRow>[] {
  const names = (Object.keys(kpiText) as KpiName[]).filter((k) => all || report.measurable[k]);
  const text = format === "csv" ? (name: KpiName, m: KpiMetrics) => (m[name] === null ? "" : String(m[name])) : (name: KpiName, m: KpiMetrics) => formatKpi(name, m[name]);
  return [
    { key: "period", value: (r) => r.period, align: "left" },
    { key: "channel", value: (r) => r.channel, align: "left" },
    ...names.map(
      (name): TableColumn<KpiRow> => ({
        key: name,
        title: format === "csv" ? name : short[name],
        value: (r) => r.metrics[name],
        text: (r) => text(name, r.metrics),
        align: "right",
      }),
    ),
  ];
}

function ticketLines(current: TicketKpis, previous: TicketKpis | null): string[] {
  const hours = (s: number | null) => (s === null ? "-" : `${(s / 3600).toFixed(1)} h`);
  const pct = (f: number | null) => (f === null ? "-" : `${(f * 100).toFixed(1)}%`);
  const vs = (a: number | null, b: number | null | undefined, kind: "points" | "hours") => {
    if (a === null || b === null || b === undefined) return "";
    const d = a - b;
    const sign = d > 0 ? "+" : d < 0 ? "" : "±";
    return kind === "points" ? ` (${sign}${(d * 100).toFixed(1)} pt vs ${previous!.month})` : ` (${sign}${(d / 3600).toFixed(1)} h vs ${previous!.month})`;
  };
  return [
    `tickets created ${current.month}: ${current.created} (${current.resolved} resolved, ${current.open} open)`,
    `FCR (resolved at first contact / resolved): ${pct(current.fcr)}${vs(current.fcr, previous?.fcr, "points")}`,
    `MTTR (mean created -> resolved): ${hours(current.mttrSeconds)}${vs(current.mttrSeconds, previous?.mttrSeconds, "hours")}; median ${hours(current.medianTtrSeconds)}`,
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
      .action(async (reportPath: string, options: KpiCommandOptions) => {
        const format = parseChoiceOption("--format", options.format, ["table", "csv", "json", "md"] as const);
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
          if (!tickets.hasFcr) ticketNotes.push(`FCR: not measured, ${options.tickets} has no contacts or resolvedAtFirstContact column`);
          if (!tickets.hasResolution) ticketNotes.push(`MTTR: not measured, ${options.tickets} has no resolvedAt column`);
        }

        let text: string;
        if (format === "json") {
          text = toJson({
            file: reportPath,
            ...report,
            tickets: ticketReport === null ? null : { ...ticketReport, previous: previousTickets?.created ? previousTickets : null },
            notes: [...report.notes, ...ticketNotes],
          });
        } else if (format === "csv") {
          const rows = by === "month" ? report.months : by === "day" ? report.days : report.hours;
          text = renderTable(rows, periodColumns(report, true, format), "csv");
        } else {
          const head = `${reportPath}: ${report.month}${report.previousMonth === null ? "" : ` vs ${report.previousMonth}`}, ${file.intervals.length} interval rows, channels ${file.channels.join(", ")}`;
          const body =
            by === "month" ? monthTable(report, format) : renderTable(by === "day" ? report.days : report.hours, periodColumns(report, false, format), format);
          const tail: string[] = [];
          if (ticketReport !== null) tail.push(...ticketLines(ticketReport, previousTickets?.created ? previousTickets : null));
          tail.push(...report.definitions.map((d) => `definition: ${d}`));
          tail.push(...[...report.notes, ...ticketNotes].map((n) => `note: ${n}`));
          const bullet = format === "md" ? "- " : "";
          text = `${head}\n\n${body}\n${tail.map((l) => `${bullet}${l}`).join("\n")}\n`;
        }
        if (options.out === undefined) io.stdout(text);
        else {
          const inputs = [resolve(io.cwd, reportPath), ...(options.tickets === undefined ? [] : [resolve(io.cwd, options.tickets)])];
          writeFileAtomic(resolve(io.cwd, options.out), text, { inputs });
        }
      });
  },
};
