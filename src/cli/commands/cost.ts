import type { Command } from "commander";
import { resolve } from "node:path";
import { costBreakdown, roundCost, type ChannelActivity, type CostActivity, type CostBreakdown, type CostModel } from "../../cost/cost-model.js";
import { localMonthOf } from "../../cost/kpi.js";
import { roundMoney, type Money } from "../../cost/money.js";
import { compareScenarios, type PlannedWork, type ScenarioResult, type StaffingPlanner } from "../../cost/scenarios.js";
import { staffingPlanner, withScheduledHours } from "../../cost/staffing-planner.js";
import { WfmError } from "../../errors.js";
import { readKpiCsv } from "../../io/kpi-csv.js";
import { writeFileAtomic } from "../../io/output.js";
import { localeFormat, locales, type LocaleFormat } from "../../io/locale/index.js";
import { formatFixed, renderKeyValues, renderTable, toJson, type TableColumn } from "../../io/render.js";
import { readVolumeCsv } from "../../io/volume-csv.js";
import type { StaffingIntervalInput } from "../../staffing/plan.js";
import { loadConfigReaders, type ConfigReaders } from "../config-readers.js";
import { csvDates, dateFormatHelp, parseChoiceOption, parseDecimal, parseNumberOption, parsePercentOption } from "../options.js";
import type { CommandModule } from "../command.js";
import type { CliIo } from "../io.js";

interface CostOptions {
  config?: string;
  volumes?: string;
  staffing?: string;
  kpi?: string;
  month?: string;
  staffedHours?: string;
  shrinkage?: string;
  contacts?: string;
  handledMinutes?: string;
  peakAgents?: string;
  orders?: string;
  scenarios?: string;
  schedule?: string;
  dateFormat?: string;
  format: string;
  out?: string;
  locale?: string;
}

/** A text in the reader's locale (notes and the source line; JSON takes the English one). */
type Text = (lf: LocaleFormat) => string;
const english = localeFormat("en");

const optionError = (option: string, message: string, value?: unknown): never => {
  throw new WfmError({ code: "invalid-option", option, message, ...(value === undefined ? {} : { value }) });
};

/** `voice=52000,chat=18000` -> [["voice", 52000], ["chat", 18000]]. */
function parseChannelList(option: string, raw: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const part of raw.split(",")) {
    const m = /^\s*([^=\s]+)\s*=\s*([^\s]+)\s*$/.exec(part);
    const value = m ? parseDecimal(m[2]!) : Number.NaN;
    if (!m || !Number.isFinite(value) || value < 0) optionError(option, `expected CHANNEL=NUMBER pairs such as voice=52000,chat=18000, got ${JSON.stringify(raw)}`, raw);
    if (out.has(m![1]!)) optionError(option, `channel ${m![1]} is given twice`, raw);
    out.set(m![1]!, value);
  }
  return out;
}

/** What the command costs, with the notes that explain its inputs. */
interface Inputs {
  readonly work: PlannedWork;
  readonly planner: StaffingPlanner | null;
  readonly source: Text;
  readonly files: readonly string[];
  readonly notes: readonly Text[];
}

function projectedInputs(o: CostOptions, io: CliIo, model: CostModel, orders: number | undefined, { readStaffingConfig, readScheduleResult }: ConfigReaders): Inputs {
  if (o.staffing === undefined) optionError("--staffing", "--volumes needs --staffing staffing.json (the staffing config: targets, AHT, shrinkage)");
  const config = readStaffingConfig(o.staffing!, { cwd: io.cwd, option: "--staffing" });
  const series = readVolumeCsv(o.volumes!, { cwd: io.cwd, option: "--volumes", ...csvDates(o), ...(config.openingHours === undefined ? {} : { openingHours: config.openingHours }) });
  const key = (channel: string, queue: string | undefined) => (queue === undefined || queue === "" ? channel : `${channel}:${queue}`);
  const intervals: StaffingIntervalInput[] = series.rows.map((row) => ({
    localMs: row.localMs,
    channel: key(row.channel, row.queue),
    calls: row.calls,
    ...(row.ahtSeconds === undefined ? {} : { ahtSeconds: row.ahtSeconds }),
  }));
  const fileOrders = series.hasOrders ? series.rows.reduce((a, r) => a + (r.orders ?? 0), 0) : undefined;
  const totalOrders = orders ?? fileOrders;
  const planner = staffingPlanner({ intervals, intervalMinutes: series.intervalMinutes, config, ...(totalOrders === undefined ? {} : { orders: totalOrders }) });
  const notes: Text[] = [];
  const staffingHours = config.hoursPerFtePerMonth ?? 160;
  if (staffingHours !== model.hoursPerFte) {
    notes.push((lf) => lf.messages.costCli.notes.hoursPerFte(o.staffing!, lf.digits(String(staffingHours)), o.config!, lf.digits(String(model.hoursPerFte))));
  }
  if (totalOrders === undefined) notes.push((lf) => lf.messages.costCli.notes.ordersNoColumn);
  const planned = planner({});
  if (o.schedule !== undefined) {
    // The schedule pays the hours; the volumes still give the contacts and minutes handled.
    const schedule = readScheduleResult(o.schedule, { cwd: io.cwd, option: "--schedule" });
    const plannedHours = planned.activity.channels.reduce((sum, c) => sum + c.agentHours, 0);
    notes.push((lf) =>
      lf.messages.costCli.notes.scheduleHours(lf.digits(formatFixed(schedule.paidHours, 1)), o.schedule!, schedule.status, lf.digits(formatFixed(plannedHours, 1))),
    );
    return {
      work: { ...planned, activity: withScheduledHours(planned.activity, { paidHours: schedule.paidHours }) },
      planner: null,
      source: (lf) => lf.messages.costCli.projectedSchedule(o.volumes!, o.staffing!, o.schedule!),
      files: [o.volumes!, o.staffing!, o.schedule],
      notes,
    };
  }
  return { work: planned, planner, source: (lf) => lf.messages.costCli.projected(o.volumes!, o.staffing!), files: [o.volumes!, o.staffing!], notes };
}

function actualInputs(o: CostOptions, io: CliIo, orders: number | undefined): Inputs {
  const shrinkage = o.shrinkage === undefined ? 0 : parsePercentOption("--shrinkage", o.shrinkage, { exclusiveMax: true });
  const staffedHours = o.staffedHours === undefined ? undefined : parseNumberOption("--staffed-hours", o.staffedHours, { min: 0 });
  const peakOption = o.peakAgents === undefined ? undefined : parseNumberOption("--peak-agents", o.peakAgents, { min: 0 });
  const notes: Text[] = [];
  const files: string[] = [];
  let channels: ChannelActivity[];
  let peakAgents = peakOption;
  let reportOrders: number | undefined;
  let source: Text;
  if (o.kpi !== undefined && (o.contacts !== undefined || o.handledMinutes !== undefined)) {
    optionError(o.contacts !== undefined ? "--contacts" : "--handled-minutes", "the --kpi report gives contacts and handled minutes; leave --contacts and --handled-minutes out");
  }
  if (o.kpi === undefined && o.shrinkage !== undefined) optionError("--shrinkage", "--shrinkage grosses up the staffed time of a --kpi report; --staffed-hours are paid hours already");
  if (o.kpi !== undefined) {
    const file = readKpiCsv(o.kpi, { cwd: io.cwd, option: "--kpi", ...csvDates(o) });
    files.push(o.kpi);
    const months = [...new Set(file.intervals.map((r) => localMonthOf(r.localMs)))].sort();
    const month = o.month ?? months[months.length - 1]!;
    if (o.month !== undefined && !months.includes(o.month)) optionError("--month", `${o.kpi} has no rows in ${o.month}; it covers ${months.join(", ")}`, o.month);
    const rows = file.intervals.filter((r) => localMonthOf(r.localMs) === month);
    const has = (f: "staffedSeconds" | "answered" | "handleSeconds") => rows.every((r) => r[f] !== undefined);
    if (!has("staffedSeconds") && staffedHours === undefined) {
      optionError("--kpi", `${o.kpi} has no staffedSeconds column; give the month's paid agent hours with --staffed-hours`);
    }
    const kpi = o.kpi;
    if (!has("answered")) notes.push((lf) => lf.messages.costCli.notes.kpiNoAnswered(kpi));
    if (!has("handleSeconds")) notes.push((lf) => lf.messages.costCli.notes.kpiNoHandle(kpi));
    const gross = 1 / (1 - shrinkage);
    channels = file.channels
      .map((channel) => {
        const own = rows.filter((r) => r.channel === channel);
        return {
          channel,
          agentHours: (own.reduce((a, r) => a + (r.staffedSeconds ?? 0), 0) / 3600) * gross,
          handledContacts: own.reduce((a, r) => a + (r.answered ?? 0), 0),
          handledMinutes: own.reduce((a, r) => a + (r.handleSeconds ?? 0), 0) / 60,
        };
      })
      .filter((c) => rows.some((r) => r.channel === c.channel));
    if (peakAgents === undefined && has("staffedSeconds") && file.intervalMinutes !== null) {
      const perStamp = new Map<number, number>();
      for (const r of rows) perStamp.set(r.localMs, (perStamp.get(r.localMs) ?? 0) + r.staffedSeconds!);
      peakAgents = ([...perStamp.values()].reduce((m, v) => Math.max(m, v), Number.NEGATIVE_INFINITY) / (file.intervalMinutes * 60)) * gross;
    }
    if (file.orders.length > 0) reportOrders = file.orders.filter((x) => localMonthOf(x.localMs) === month).reduce((a, x) => a + x.orders, 0);
    source = (lf) => lf.messages.costCli.actualKpi(kpi, lf.monthName(month));
    if (shrinkage === 0 && staffedHours === undefined) notes.push((lf) => lf.messages.costCli.notes.paidNoShrinkage);
    else if (staffedHours === undefined) notes.push((lf) => lf.messages.costCli.notes.paidShrinkage(lf.digits(`${(shrinkage * 100).toFixed(1)}%`)));
  } else {
    if (staffedHours === undefined) optionError("--staffed-hours", "give the inputs: --volumes with --staffing (projected), or --kpi report.csv or --staffed-hours HOURS (actual)");
    const contacts = o.contacts === undefined ? new Map<string, number>() : parseChannelList("--contacts", o.contacts);
    const minutes = o.handledMinutes === undefined ? new Map<string, number>() : parseChannelList("--handled-minutes", o.handledMinutes);
    const names = [...new Set([...contacts.keys(), ...minutes.keys()])];
    if (names.length === 0) names.push("all");
    if (o.contacts === undefined) notes.push((lf) => lf.messages.costCli.notes.noContacts);
    if (o.handledMinutes === undefined) notes.push((lf) => lf.messages.costCli.notes.noMinutes);
    channels = names.map((channel) => ({ channel, agentHours: 0, handledContacts: contacts.get(channel) ?? 0, handledMinutes: minutes.get(channel) ?? 0 }));
    source = (lf) => lf.messages.costCli.actualStaffedHours;
  }
  if (staffedHours !== undefined) {
    // Spread the given hours over the channels by their staffed hours, else by handled minutes.
    const weights = channels.map((c) => c.agentHours);
    const basis = weights.some((w) => w > 0) ? weights : channels.map((c) => c.handledMinutes);
    const sum = basis.reduce((a, b) => a + b, 0);
    channels = channels.map((c, i) => ({ ...c, agentHours: sum > 0 ? (staffedHours * basis[i]!) / sum : staffedHours / channels.length }));
    const split = channels.length > 1 ? (weights.some((w) => w > 0) ? ("staffed" as const) : ("minutes" as const)) : null;
    notes.push((lf) => lf.messages.costCli.notes.staffedHours(lf.digits(String(staffedHours)), split));
  }
  const totalOrders = orders ?? reportOrders;
  if (totalOrders === undefined) notes.push((lf) => lf.messages.costCli.notes.noOrders);
  const activity: CostActivity = {
    basis: "actual",
    channels,
    ...(peakAgents === undefined ? {} : { peakAgents }),
    ...(totalOrders === undefined ? {} : { orders: totalOrders }),
  };
  return { work: { activity, serviceLevel: null }, planner: null, source, files, notes };
}

function seatCheck(model: CostModel, activity: CostActivity, configPath: string): void {
  if (activity.peakAgents !== undefined) return;
  const missing = model.sites.filter((s) => s.seatCostPerMonth !== undefined && s.seats === undefined);
  if (missing.length === 0) return;
  throw new WfmError(
    missing.map((s) => ({
      code: "invalid-option" as const,
      option: "--peak-agents",
      message: `site ${s.name} in ${configPath} has a seat cost but no seats; give seats in the config, --peak-agents N, or inputs with interval staffing (--kpi with staffedSeconds, --volumes)`,
    })),
  );
}

/** One cost line as printed (money as text). */
type LineRow = { readonly category: string; readonly name: string; readonly quantity: string; readonly unit: string; readonly rate: string; readonly amount: string };
const lineKeys = ["category", "name", "quantity", "unit", "rate", "amount"] as const;

const fmtNumber = (n: number, decimals: number) => (Number.isInteger(n) ? String(n) : n.toFixed(decimals));

function breakdownText(b: CostBreakdown, source: string, notes: readonly string[], format: "table" | "md", lf: LocaleFormat = english): string {
  const t = lf.messages.costCli;
  const cm = lf.messages.cost;
  const r = roundCost(b);
  const rows: LineRow[] = [...r.lines, { category: "total", name: "total", quantity: "", unit: "", rate: "", amount: r.total }];
  const dec = (v: string) => (v === "" ? "" : lf.decimal(v));
  const lines = renderTable(
    rows,
    [
      { key: "name", title: t.columns.line, value: (l) => (l.category === "total" ? cm.total : cm.lineName(l)), align: "left" },
      { key: "category", title: t.columns.category, value: (l) => cm.categories[l.category] ?? l.category, align: "left" },
      { key: "quantity", title: t.columns.quantity, value: (l) => dec(l.quantity), align: "right" },
      { key: "unit", title: t.columns.unit, value: (l) => cm.units[l.unit] ?? l.unit, align: "left" },
      { key: "rate", title: t.columns.rate, value: (l) => dec(l.rate), align: "right" },
      { key: "amount", title: t.columns.amount(b.currency), value: (l) => dec(l.amount), align: "right" },
    ],
    format,
  );
  const cc = cm.perChannelColumns;
  const channels = renderTable(
    r.channels,
    [
      { key: "channel", title: cc.channel, value: (c) => c.channel, align: "left" },
      { key: "cost", title: cc.cost(b.currency), value: (c) => dec(c.cost), align: "right" },
      { key: "contacts", title: cc.handledContacts, value: (c) => lf.digits(fmtNumber(Math.round(c.handledContacts), 0)), align: "right" },
      { key: "minutes", title: cc.handledMinutes, value: (c) => lf.digits(fmtNumber(c.handledMinutes, 1)), align: "right" },
      { key: "perContact", title: cc.perContact, value: (c) => (c.costPerContact === null ? "-" : dec(c.costPerContact)), align: "right" },
      { key: "perMinute", title: cc.perHandledMinute, value: (c) => (c.costPerHandledMinute === null ? "-" : dec(c.costPerHandledMinute)), align: "right" },
    ],
    format,
  );
  const classRows = r.channels.flatMap((c) => (c.classes ?? []).map((k) => ({ channel: c.channel, ...k })));
  const classes =
    classRows.length === 0
      ? ""
      : `${cm.perClassTitle}\n\n${renderTable(
          classRows,
          [
            { key: "channel", title: cc.channel, value: (k) => k.channel, align: "left" },
            { key: "class", title: cm.className, value: (k) => k.name, align: "left" },
            { key: "cost", title: cc.cost(b.currency), value: (k) => dec(k.cost), align: "right" },
            { key: "contacts", title: cc.handledContacts, value: (k) => lf.digits(fmtNumber(Math.round(k.handledContacts), 0)), align: "right" },
            { key: "minutes", title: cc.handledMinutes, value: (k) => lf.digits(fmtNumber(k.handledMinutes, 1)), align: "right" },
            { key: "perContact", title: cc.perContact, value: (k) => (k.costPerContact === null ? "-" : dec(k.costPerContact)), align: "right" },
          ],
          format,
        )}\n`;
  const revenue: [string, string][] =
    r.outbound === undefined
      ? []
      : [
          [cm.outboundContacts, lf.digits(fmtNumber(Math.round(r.outbound.contacts), 0))],
          [cm.outboundRevenue(b.currency), dec(r.outbound.revenue)],
          [cm.revenueToCost, r.outbound.revenueToCost === null ? "-" : dec(r.outbound.revenueToCost)],
        ];
  const support = Object.entries(b.supportHeadcount).map(([role, n]) => t.nameCount(role, lf.digits(String(n)))).join(lf.messages.list);
  const seats = Object.entries(b.seats).map(([site, n]) => t.nameCount(site, lf.digits(String(n)))).join(lf.messages.list);
  const summary = renderKeyValues(
    [
      [t.totalCost, t.amount(dec(r.total), b.currency)],
      [t.perHandledMinute, r.costPerHandledMinute === null ? "-" : dec(r.costPerHandledMinute)],
      [t.perContact, r.costPerContact === null ? "-" : dec(r.costPerContact)],
      [t.perOrder, r.costPerOrder === null ? "-" : t.perOrderValue(dec(r.costPerOrder), lf.digits(fmtNumber(b.orders!, 0)))],
      ...revenue,
      [t.paidHours, lf.digits(b.agentHours.toFixed(1))],
      [t.agentFte, lf.digits(String(r.agentFte))],
      ...(support === "" ? [] : [[t.supporting, support] as [string, string]]),
      ...(seats === "" ? [] : [[t.seats, seats] as [string, string]]),
    ],
    format,
  );
  const bullet = format === "md" ? "- " : "";
  const tail = [t.exact(lf.digits(String(b.minorUnits)), t.roundings[b.rounding] ?? b.rounding, lf.digits(String(b.minorUnits + 2))), ...notes.map(t.note)];
  const months = b.months === 1 ? "1" : b.months.toFixed(3);
  const text = `${t.head(source, b.currency, lf.digits(months), b.months === 1)}\n\n${lines}\n${channels}\n${classes}${summary}\n${tail.map((x) => bullet + x).join("\n")}\n`;
  return format === "md" && lf.dir === "rtl" ? `<div dir="rtl" lang="${lf.lang}">\n\n${text}\n</div>\n` : text;
}

function breakdownJson(b: CostBreakdown, source: string, notes: readonly string[]): string {
  const r = roundCost(b);
  return toJson({
    source,
    currency: b.currency,
    minorUnits: b.minorUnits,
    rounding: b.rounding,
    basis: b.basis,
    months: b.months,
    agentHours: b.agentHours,
    agentFte: r.agentFte,
    supportHeadcount: b.supportHeadcount,
    seats: b.seats,
    orders: b.orders,
    total: r.total,
    lines: r.lines,
    channels: r.channels,
    costPerHandledMinute: r.costPerHandledMinute,
    costPerContact: r.costPerContact,
    costPerOrder: r.costPerOrder,
    ...(r.outbound === undefined ? {} : { outbound: r.outbound }),
    exact: {
      total: b.total.toString(),
      costPerOrder: b.costPerOrder?.toString() ?? null,
      ...(b.outbound === undefined ? {} : { revenue: b.outbound.revenue.toString(), revenueToCost: b.outbound.revenueToCost?.toString() ?? null }),
    },
    notes,
  });
}

interface ScenarioRow {
  readonly name: string;
  readonly description: string;
  readonly agentFte: number;
  readonly totalFte: number;
  readonly total: string;
  readonly totalDelta: string;
  readonly totalDeltaFraction: number | null;
  readonly costPerHandledMinute: string | null;
  readonly costPerContact: string | null;
  readonly costPerOrder: string | null;
  readonly costPerOrderDelta: string | null;
  readonly serviceLevel: number | null;
  readonly serviceLevelDelta: number | null;
}

function scenarioRow(s: ScenarioResult): ScenarioRow {
  const { minorUnits, rounding } = s.cost;
  const money = (m: Money) => roundMoney(m, minorUnits, rounding);
  const rate = (m: Money | null) => (m === null ? null : roundMoney(m, minorUnits + 2, rounding));
  return {
    name: s.name,
    description: s.description,
    agentFte: s.cost.agentFte.toDecimalPlaces(1).toNumber(),
    totalFte: s.totalFte.toDecimalPlaces(1).toNumber(),
    total: money(s.cost.total),
    totalDelta: money(s.delta.total),
    totalDeltaFraction: s.delta.totalFraction,
    costPerHandledMinute: rate(s.cost.costPerHandledMinute),
    costPerContact: rate(s.cost.costPerContact),
    costPerOrder: rate(s.cost.costPerOrder),
    costPerOrderDelta: rate(s.delta.costPerOrder),
    serviceLevel: s.work.serviceLevel,
    serviceLevelDelta: s.delta.serviceLevel,
  };
}

function scenarioTable(rows: readonly ScenarioRow[], currency: string, format: "table" | "md", lf: LocaleFormat): string {
  const t = lf.messages.costCli;
  const sr = t.scenarioRows;
  const pct = (f: number | null) => (f === null ? "-" : lf.digits(`${(f * 100).toFixed(1)}%`));
  const signed = (text: string) => lf.digits(text.startsWith("-") ? text : `+${text}`);
  const dec = (v: string | null) => (v === null ? "-" : lf.decimal(v));
  const metrics: [string, (r: ScenarioRow) => string][] = [
    [sr.agentFte, (r) => lf.digits(r.agentFte.toFixed(1))],
    [sr.totalFte, (r) => lf.digits(r.totalFte.toFixed(1))],
    [sr.totalCost(currency), (r) => dec(r.total)],
    [sr.vsBase, (r) => (r.name === "base" ? "" : t.delta(signed(r.totalDelta), r.totalDeltaFraction === null ? "-" : signed(`${(r.totalDeltaFraction * 100).toFixed(1)}%`)))],
    [sr.perHandledMinute, (r) => dec(r.costPerHandledMinute)],
    [sr.perContact, (r) => dec(r.costPerContact)],
    [sr.perOrder, (r) => dec(r.costPerOrder)],
    [sr.expectedSl, (r) => pct(r.serviceLevel)],
    [
      sr.slVsBase,
      (r) =>
        r.name === "base" || r.serviceLevelDelta === null
          ? ""
          : t.points(lf.digits(`${r.serviceLevelDelta > 0 ? "+" : r.serviceLevelDelta < 0 ? "" : "±"}${(r.serviceLevelDelta * 100).toFixed(1)}`)),
    ],
  ];
  const columns: TableColumn<[string, (r: ScenarioRow) => string]>[] = [
    { key: "metric", title: "", value: (m) => m[0], align: "left" },
    ...rows.map((r): TableColumn<[string, (r: ScenarioRow) => string]> => ({ key: r.name, title: r.name, value: (m) => m[1](r), align: "right" })),
  ];
  return renderTable(metrics, columns, format);
}

/**
 * `wfm cost --config cost.json`: month-end cost with its breakdown, cost per handled minute, per
 * contact by channel and per order, projected from a staffing plan (`--volumes` + `--staffing`) or
 * actual (`--kpi` report or `--staffed-hours`); with `--scenarios`, what-if scenarios side by side.
 */
export const costCommand: CommandModule = {
  name: "cost",
  register(program: Command, io: CliIo) {
    program
      .command("cost")
      .description("month-end cost, cost per minute / contact / order, and what-if scenarios")
      .requiredOption("--config <file>", "cost config: currency, wages per site and role, overhead, seats, other costs (wfm schema cost)")
      .option("--volumes <file>", "projected: interval volume CSV, staffed with --staffing")
      .option("--staffing <file>", "projected: staffing config (targets, AHT, shrinkage)")
      .option("--kpi <file>", "actual: interval KPI report with staffedSeconds, answered, handleSeconds, orders")
      .option("--month <YYYY-MM>", "actual: the month of the --kpi report (default: its latest)")
      .option("--staffed-hours <hours>", "actual: paid agent hours of the month (overrides the report's staffed time)")
      .option("--shrinkage <percent>", "actual: gross the report's staffed (productive) time up to paid time, e.g. 30")
      .option("--contacts <list>", "actual without --kpi: handled contacts per channel, e.g. voice=52000,chat=18000")
      .option("--handled-minutes <list>", "actual without --kpi: handled minutes per channel, e.g. voice=250000,chat=140000")
      .option("--peak-agents <n>", "peak concurrent agents, to size seats when the inputs have no intervals")
      .option("--orders <n>", "orders in the month (cost per order)")
      .option("--scenarios <file>", "what-if scenarios (wfm schema scenarios); needs --volumes and --staffing")
      .option("--schedule <file>", "projected: take the paid hours from a schedule (wfm schedule --format json) instead of the staffing plan")
      .option("--date-format <pattern>", dateFormatHelp)
      .option("--format <format>", "table, csv, json or md", "table")
      .option("--out <file>", "write to a file (atomically) instead of standard output")
      .option("--locale <locale>", "language of the table and md output: en or fa (Persian terms and digits); csv and json do not change", "en")
      .action(async (o: CostOptions) => {
        const format = parseChoiceOption("--format", o.format, ["table", "csv", "json", "md"] as const);
        const lf = localeFormat(parseChoiceOption("--locale", o.locale ?? "en", locales));
        if (o.month !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(o.month)) optionError("--month", `expected a month such as 2026-10, got ${JSON.stringify(o.month)}`, o.month);
        if (o.volumes !== undefined && (o.kpi !== undefined || o.staffedHours !== undefined)) {
          optionError("--volumes", "choose projected inputs (--volumes with --staffing) or actual ones (--kpi, --staffed-hours), not both");
        }
        if (o.volumes === undefined && o.staffing !== undefined) optionError("--staffing", "--staffing needs --volumes (the interval volumes to staff)");
        if (o.scenarios !== undefined && o.volumes === undefined) optionError("--scenarios", "scenarios recompute staffing: give --volumes and --staffing");
        if (o.schedule !== undefined && o.volumes === undefined) {
          optionError("--schedule", "the schedule gives the paid hours, the volumes the contacts and minutes: give --volumes and --staffing too");
        }
        if (o.schedule !== undefined && o.scenarios !== undefined) {
          optionError("--schedule", "scenarios are costed from recomputed staffing plans, not from a schedule: drop --schedule or --scenarios (wfm plan does both)");
        }
        const orders = o.orders === undefined ? undefined : parseNumberOption("--orders", o.orders, { min: 0 });
        const readers = await loadConfigReaders();
        const { readCostConfig, readScenarioConfig } = readers;
        const model = readCostConfig(o.config!, { cwd: io.cwd, option: "--config" });
        const scenarios = o.scenarios === undefined ? undefined : readScenarioConfig(o.scenarios, { cwd: io.cwd, option: "--scenarios" });
        const inputs = o.volumes !== undefined ? projectedInputs(o, io, model, orders, readers) : actualInputs(o, io, orders);
        seatCheck(model, inputs.work.activity, o.config!);
        let text: string;
        if (scenarios === undefined) {
          const breakdown = costBreakdown({ model, activity: inputs.work.activity });
          if (format === "json") text = breakdownJson(breakdown, inputs.source(english), inputs.notes.map((n) => n(english)));
          else if (format === "csv") {
            const r = roundCost(breakdown);
            const rows: LineRow[] = [...r.lines, { category: "total", name: "total", quantity: "", unit: "", rate: "", amount: r.total }];
            text = renderTable(rows, lineKeys.map((key) => ({ key, value: (l: LineRow) => l[key] })), "csv");
          } else text = breakdownText(breakdown, inputs.source(lf), inputs.notes.map((n) => n(lf)), format, lf);
        } else {
          const result = compareScenarios({ model, planner: inputs.planner!, scenarios });
          const rows = [result.base, ...result.scenarios].map(scenarioRow);
          if (format === "json") {
            text = toJson({ source: inputs.source(english), currency: model.currency, scenarios: rows, notes: inputs.notes.map((n) => n(english)) });
          } else if (format === "csv") {
            const keys = Object.keys(rows[0]!) as (keyof ScenarioRow)[];
            text = renderTable(rows, keys.map((key) => ({ key, value: (r: ScenarioRow) => r[key] })), "csv");
          } else {
            const bullet = format === "md" ? "- " : "";
            const t = lf.messages.costCli;
            const described = rows.filter((r) => r.description !== "").map((r) => `${bullet}${lf.messages.scenarios.description(r.name, r.description)}`);
            const tail = [t.expectedSlNote, ...inputs.notes.map((n) => t.note(n(lf)))].map((x) => bullet + x);
            const head = t.scenarioHead(inputs.source(lf), model.currency, lf.digits(String(scenarios.length)), scenarios.length === 1);
            text = `${head}\n\n${scenarioTable(rows, model.currency, format, lf)}\n${[...described, ...tail].join("\n")}\n`;
            if (format === "md" && lf.dir === "rtl") text = `<div dir="rtl" lang="${lf.lang}">\n\n${text}\n</div>\n`;
          }
        }
        if (o.out === undefined) io.stdout(text);
        else {
          const read = [o.config!, ...inputs.files, ...(o.scenarios === undefined ? [] : [o.scenarios])].map((p) => resolve(io.cwd, p));
          writeFileAtomic(resolve(io.cwd, o.out), text, { inputs: read });
        }
      });
  },
};
