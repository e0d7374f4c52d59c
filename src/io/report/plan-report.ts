import { formatLocalDate, localMinuteOfDay, localStartOfDay, parseLocalTimestamp } from "../../calendar/local-time.js";
import type { PlanResult } from "../../plan/plan-month.js";
import type { PlanSimulationBasis } from "../../plan/plan-simulation.js";
import { renderTable, wholeCountsWithTotal, type TableColumn } from "../render.js";
import { kpiNoteText } from "../kpi-notes.js";
import { balanceHeatmapSpec, barChartSpec, coverageChartSpec, dayLabels, forecastChartSpec, renderChartSvg, type BarDatum, type HeatmapCell } from "./charts.js";
import { lastDayOfPeriod, localeFormat, type Locale, type LocaleFormat } from "../locale/index.js";
import type { HeadlineFigure, ReportDocument, ReportSection, ReportTable } from "./document.js";
const ms = (timestamp: string) => parseLocalTimestamp(timestamp)!.localMs;

/** The CSV files `wfm plan` writes beside the report, by file name. */
export function planCsvFiles(plan: PlanResult): Map<string, string> {
  const files = new Map<string, string>();
  type F = PlanResult["forecast"]["intervals"][number];
  const forecastColumns: TableColumn<F>[] = [
    { key: "timestamp", value: (r) => r.timestamp },
    { key: "channel", value: (r) => r.channel },
    { key: "calls", value: (r) => r.calls },
    { key: "lower", value: (r) => r.lower },
    { key: "upper", value: (r) => r.upper },
    { key: "ahtSeconds", value: (r) => r.ahtSeconds },
  ];
  files.set("forecast.csv", renderTable(plan.forecast.intervals, forecastColumns, "csv"));
  type S = PlanResult["staffing"]["intervals"][number];
  const staffingColumns: TableColumn<S>[] = [
    { key: "timestamp", value: (r) => r.timestamp },
    { key: "channel", value: (r) => r.channel },
    { key: "calls", value: (r) => r.calls },
    { key: "ahtSeconds", value: (r) => r.ahtSeconds },
    { key: "trafficErlangs", value: (r) => r.trafficErlangs },
    { key: "requiredAgents", value: (r) => r.requiredAgents },
    { key: "scheduledAgents", value: (r) => r.scheduledAgents },
    { key: "serviceLevel", value: (r) => r.serviceLevel },
    { key: "asaSeconds", value: (r) => r.asaSeconds },
    { key: "occupancy", value: (r) => r.occupancy },
    { key: "abandonProbability", value: (r) => r.abandonProbability },
  ];
  if (plan.staffing.intervals.some((r) => r.callbackShare !== undefined)) {
    staffingColumns.push({ key: "callbackShare", value: (r) => r.callbackShare ?? null }, { key: "callbacksInTimeShare", value: (r) => r.callbacksInTimeShare ?? null });
  }
  files.set("staffing.csv", renderTable(plan.staffing.intervals, staffingColumns, "csv"));
  if (plan.schedule !== null) {
    type Sh = PlanResult["schedule"] extends infer X ? (X extends { shifts: readonly (infer Y)[] } ? Y : never) : never;
    const shiftColumns: TableColumn<Sh>[] = [
      { key: "date", value: (r) => r.date },
      { key: "start", value: (r) => r.start },
      { key: "end", value: (r) => r.end },
      { key: "breaks", value: (r) => r.breaks },
      { key: "agents", value: (r) => r.agents },
      { key: "template", value: (r) => r.template },
      { key: "team", value: (r) => r.team },
      { key: "paidHours", value: (r) => r.paidHours },
    ];
    files.set("schedule.csv", renderTable(plan.schedule.shifts, shiftColumns, "csv"));
    type C = PlanResult["schedule"] extends infer X ? (X extends { coverage: readonly (infer Y)[] } ? Y : never) : never;
    const coverageColumns: TableColumn<C>[] = [
      { key: "timestamp", value: (r) => r.timestamp },
      { key: "team", value: (r) => r.team },
      { key: "required", value: (r) => r.required },
      { key: "scheduled", value: (r) => r.scheduled },
      { key: "shortfall", value: (r) => r.shortfall },
      { key: "excess", value: (r) => r.excess },
      { key: "serviceLevel", value: (r) => r.serviceLevel },
    ];
    files.set("coverage.csv", renderTable(plan.schedule.coverage, coverageColumns, "csv"));
  }
  if (plan.cost !== null) {
    const rows: { scenario: string; category: string; name: string; quantity: string; unit: string; rate: string; amount: string }[] = plan.cost.lines.map((l) => ({
      scenario: "base",
      ...l,
    }));
    rows.push({ scenario: "base", category: "total", name: "total", quantity: "", unit: "", rate: "", amount: plan.cost.total });
    const columns: TableColumn<(typeof rows)[number]>[] = ["scenario", "category", "name", "quantity", "unit", "rate", "amount"].map((key) => ({
      key,
      value: (r) => r[key as keyof typeof r],
    }));
    files.set("costs.csv", renderTable(rows, columns, "csv"));
    if (plan.scenarios !== null) {
      type Sc = PlanResult["scenarios"] extends infer X ? (X extends readonly (infer Y)[] ? Y : never) : never;
      const scenarioColumns: TableColumn<Sc>[] = [
        { key: "scenario", value: (s) => s.name },
        { key: "agentFte", value: (s) => s.agentFte },
        { key: "totalFte", value: (s) => s.totalFte },
        { key: "total", value: (s) => s.total },
        { key: "deltaTotal", value: (s) => s.deltaTotal },
        { key: "costPerHandledMinute", value: (s) => s.costPerHandledMinute },
        { key: "costPerContact", value: (s) => s.costPerContact },
        { key: "costPerOrder", value: (s) => s.costPerOrder },
        { key: "serviceLevel", value: (s) => s.serviceLevel },
      ];
      files.set("scenarios.csv", renderTable(plan.scenarios, scenarioColumns, "csv"));
    }
  }
  return files;
}

/**
 * The model's service level beside the simulated one, per channel, and the intervals where they
 * disagree materially (the first few listed), for the staffing and schedule sections, in the
 * locale's words and digits.
 *
 * @param what - which plan was simulated: the staffing plan or the schedule
 * @param f - the locale. @defaultValue English
 */
export function simulationTables(
  basis: PlanSimulationBasis | null | undefined,
  replications: number,
  what: "staffing" | "schedule",
  f: LocaleFormat = localeFormat("en"),
): { tables: ReportTable[]; notes: string[] } {
  if (basis === null || basis === undefined) return { tables: [], notes: [] };
  const m = f.messages.simulation;
  const whatText = m.what[what];
  const pctOf = (v: number | null) => (v === null ? "-" : f.percent(v));
  const plusMinus = (v: number | null) => (v === null ? "-" : m.plusMinus(f.digits((v * 100).toFixed(1))));
  const count = (n: number) => f.digits(String(n));
  const stamp = (timestamp: string) => f.timestamp(ms(timestamp)) ?? timestamp;
  const table: ReportTable = {
    title: m.title(whatText, count(replications)),
    columns: [...m.columns],
    numeric: [1, 2, 3, 4, 5],
    rows: basis.channels.map((c) => [c.channel, pctOf(c.modelServiceLevel), pctOf(c.simulatedServiceLevel), plusMinus(c.halfWidth), pctOf(c.abandonRate), m.ofIntervals(count(c.disagreeingIntervals), count(c.intervals))]),
  };
  const disagreeing = basis.intervals.filter((i) => i.disagrees);
  const notes =
    disagreeing.length === 0
      ? [m.agrees(whatText)]
      : [
          m.disagrees(
            whatText,
            disagreeing
              .slice(0, 8)
              .map((i) => m.interval({ timestamp: stamp(i.timestamp), channel: i.channel, model: pctOf(i.modelServiceLevel), simulated: pctOf(i.simulatedServiceLevel), halfWidth: plusMinus(i.halfWidth) }))
              .join(m.separator),
            disagreeing.length > 8 ? count(disagreeing.length - 8) : null,
          ),
        ];
  return { tables: [table], notes };
}


/** The staffing table's rows: contacts rounded once, the "all" row's contacts the sum of the channels shown (as the headline's). */
export function staffingRows(t: PlanResult["staffing"]["totals"], f: LocaleFormat = localeFormat("en")): string[][] {
  const num = f.number;
  const pct = f.percent;
  const name = (channel: string) => (channel === "all" ? f.messages.staffing.all : channel);
  const contacts = wholeCountsWithTotal(t.channels.map((c) => c.calls));
  const row = (c: (typeof t.channels)[number], calls: number) => [name(c.channel), num(calls), pct(c.serviceLevel), num(c.asaSeconds, 1), pct(c.occupancy), num(c.scheduledHours), num(c.fte, 1), num(c.peakScheduledAgents)];
  return [...t.channels.map((c, i) => row(c, contacts.shown[i]!)), row(t.all, contacts.total)];
}

/** The staffing section's priority-class table (voice channels with classes), or none. */
export function staffingClassTables(t: PlanResult["staffing"]["totals"], f: LocaleFormat = localeFormat("en")): { title: string; columns: string[]; numeric: number[]; rows: string[][] }[] {
  if (t.classes === undefined) return [];
  const k = f.messages.staffing.classColumns;
  const target = (sl: number | null, seconds: number) => (sl === null ? "-" : f.messages.staffing.classTarget(f.percent(sl), f.number(seconds)));
  return [
    {
      title: f.messages.staffing.classesTitle,
      columns: [k.channel, k.class, k.share, k.contacts, k.target, k.serviceLevel, k.worst, k.asa],
      numeric: [2, 3, 5, 6, 7],
      rows: t.classes.map((c) => [c.channel, c.name, f.percent(c.share), f.number(Math.round(c.calls)), target(c.targetServiceLevel, c.targetAnswerSeconds), f.percent(c.serviceLevel), f.percent(c.worstServiceLevel), f.number(c.asaSeconds, 1)]),
    },
  ];
}

/**
 * The cost section's per-class table (a channel's cost split by its classes' handled minutes,
 * cost per contact per class) and outbound revenue table (contacts, revenue, revenue / cost), or none.
 *
 * @param c - the plan's rounded cost (`summary.json`'s `cost`)
 * @param f - the locale @defaultValue English
 * @example
 * ```ts
 * costClassAndRevenueTables(plan.cost!)[0]?.rows[0]; //=> ["voice", "vip", "300.00", "60", "300", "5.0000"]
 * ```
 */
export function costClassAndRevenueTables(c: NonNullable<PlanResult["cost"]>, f: LocaleFormat = localeFormat("en")): ReportTable[] {
  const cm = f.messages.cost;
  const cc = cm.perChannelColumns;
  const dec = (v: string | null) => (v === null ? "-" : f.decimal(v));
  const tables: ReportTable[] = [];
  const rows = c.channels.flatMap((ch) => (ch.classes ?? []).map((k) => [ch.channel, k.name, dec(k.cost), f.number(k.handledContacts), f.number(k.handledMinutes), dec(k.costPerContact)]));
  if (rows.length > 0) tables.push({ title: cm.perClassTitle, columns: [cc.channel, cm.className, cc.cost(c.currency), cc.handledContacts, cc.handledMinutes, cc.perContact], numeric: [2, 3, 4, 5], rows });
  if (c.outbound !== undefined) {
    tables.push({
      columns: [cm.outboundContacts, cm.outboundRevenue(c.currency), cm.revenueToCost],
      numeric: [0, 1, 2],
      rows: [[f.number(c.outbound.contacts), dec(c.outbound.revenue), dec(c.outbound.revenueToCost)]],
    });
  }
  return tables;
}

/**
 * The staffing section's call-back table (voice channels with call-back offers), or none: per
 * channel, the share of calls that took a call-back, sum(calls x callbackShare) / sum(calls), and
 * the share of call-backs made in time, weighted by call-backs, over open intervals with calls;
 * and the worst interval's in-time share.
 *
 * @param intervals - the plan's staffing intervals
 * @param f - the locale @defaultValue English
 * @example
 * ```ts
 * // 100 calls (10% took a call-back, all in time) and 300 calls (20%, half in time):
 * staffingCallbackTables(plan.staffing.intervals)[0]?.rows[0]; //=> ["voice", "400", "17.5%", "57.1%", "50.0%"]
 * ```
 */
export function staffingCallbackTables(intervals: PlanResult["staffing"]["intervals"], f: LocaleFormat = localeFormat("en")): ReportTable[] {
  const by = new Map<string, { calls: number; callbacks: number; inTime: number; worst: number | null }>();
  for (const r of intervals) {
    if (r.callbackShare === undefined) continue;
    const c = by.get(r.channel) ?? { calls: 0, callbacks: 0, inTime: 0, worst: null };
    by.set(r.channel, c);
    if (!r.open || r.calls <= 0) continue;
    const callbacks = r.calls * r.callbackShare;
    c.calls += r.calls;
    c.callbacks += callbacks;
    if (r.callbacksInTimeShare !== null && r.callbacksInTimeShare !== undefined) {
      c.inTime += callbacks * r.callbacksInTimeShare;
      if (callbacks > 0) c.worst = c.worst === null ? r.callbacksInTimeShare : Math.min(c.worst, r.callbacksInTimeShare);
    }
  }
  if (by.size === 0) return [];
  const k = f.messages.staffing.callbackColumns;
  return [
    {
      title: f.messages.staffing.callbackTitle,
      columns: [k.channel, k.contacts, k.callbackShare, k.inTime, k.worstInTime],
      numeric: [1, 2, 3, 4],
      rows: [...by.entries()].map(([channel, c]) => [
        channel,
        f.number(Math.round(c.calls)),
        f.percent(c.calls > 0 ? c.callbacks / c.calls : null),
        f.percent(c.callbacks > 0 ? c.inTime / c.callbacks : null),
        f.percent(c.worst),
      ]),
    },
  ];
}

/** Daily contacts of the history, for the history-and-forecast chart. */
export interface DailyHistory {
  readonly localMs: number;
  readonly calls: number;
}

/** Sums interval rows into days. */
export function dailyTotals(rows: readonly { localMs: number; calls: number }[]): DailyHistory[] {
  const byDay = new Map<number, number>();
  for (const r of rows) {
    const day = localStartOfDay(r.localMs);
    byDay.set(day, (byDay.get(day) ?? 0) + r.calls);
  }
  return [...byDay.entries()].sort((a, b) => a[0] - b[0]).map(([localMs, calls]) => ({ localMs, calls }));
}


/**
 * The plan's period in a locale: its label (title) and its subtitle line (dates, days, interval
 * length, calendar).
 *
 * @param locale - `"en"` or `"fa"`. @defaultValue "en"
 * @example
 * ```ts
 * planPeriodText(plan, "fa").label; //=> "دسامبر ۲۰۲۶ (۱۰ آذر تا ۱۰ دی ۱۴۰۵)" for December 2026
 * ```
 */
export function planPeriodText(plan: PlanResult, locale: Locale = "en"): { label: string; subtitle: string } {
  const f = localeFormat(locale);
  const p = plan.period;
  const label = f.period({ label: p.label, calendar: p.calendar, start: p.start, end: p.end });
  const subtitle = f.messages.period.subtitle({
    start: f.date(p.start),
    end: f.date(p.end),
    lastDay: f.date(lastDayOfPeriod(p.end)),
    days: f.number(p.days),
    intervalMinutes: f.number(p.intervalMinutes),
    calendar: f.messages.period.calendars[p.calendar],
  });
  return { label, subtitle };
}

/**
 * Builds the monthly plan report: the headline, then one section per step of the cycle (last
 * month, forecast, staffing, schedule, cost, scenarios), with charts rendered to SVG. Every word
 * comes from the locale's message catalogue (`src/io/locale/`); the figures are the same in every
 * locale, only written in its digits, separators and calendar.
 *
 * @param plan - `planMonth`'s result
 * @param history - daily contacts of the history (all channels), for the forecast chart
 * @param options.footer - a line at the bottom
 * @param options.locale - `"en"` or `"fa"` (Persian: right to left, Persian digits, Solar Hijri dates). @defaultValue "en"
 */
export async function buildPlanReport(
  plan: PlanResult,
  history: readonly DailyHistory[],
  options: { footer?: string; locale?: Locale; /** Sections appended at the end (e.g. the teams section). */ extraSections?: readonly ReportSection[] } = {},
): Promise<ReportDocument> {
  const f = localeFormat(options.locale ?? "en");
  const m = f.messages;
  const pct = f.percent;
  const num = f.number;
  const money = f.money;
  const dec = f.decimal;
  const period = planPeriodText(plan, f.locale);
  const chart = { locale: f };
  const persian = f.locale !== "en";
  const scenarioLabel = (name: string) => (name === "base" ? m.scenarios.base : name);
  const currency = plan.headline.currency;
  const headline: HeadlineFigure[] = [
    { label: m.headline.contacts, value: num(plan.headline.contacts), note: Object.entries(plan.headline.contactsByChannel).map(([c, v]) => m.headline.channelContacts(c, num(v))).join(m.list) },
    { label: m.headline.agentFte, value: num(plan.headline.agentFte, 1), note: m.headline.withSupporting(num(plan.headline.totalFte, 1)) },
    { label: m.headline.serviceLevel, value: pct(plan.headline.serviceLevel), note: plan.schedule === null ? m.headline.ofStaffingPlan : m.headline.ofSchedule },
  ];
  if (plan.headline.totalCost !== null) {
    headline.push(
      { label: m.headline.totalCost, value: money(plan.headline.totalCost, currency), note: plan.cost?.basis === "shift schedule" ? m.headline.fromSchedule : m.headline.fromStaffingPlan },
      { label: m.headline.costPerHandledMinute, value: money(plan.headline.costPerHandledMinute, currency) },
      { label: m.headline.costPerContact, value: money(plan.headline.costPerContact, currency) },
      { label: m.headline.costPerOrder, value: money(plan.headline.costPerOrder, currency), note: plan.cost?.orders === null ? m.headline.noSalesTarget : m.headline.ordersPlanned(num(plan.cost?.orders ?? null)) },
    );
  }
  const sections: ReportSection[] = [];
  const monthText = f.month;
  const channelName = (channel: string) => (channel === "all" ? m.staffing.all : channel);

  // Last month
  if (plan.lastMonth !== null) {
    const lm = plan.lastMonth;
    const channels = [...new Set(lm.kpis.filter((k) => k.period === lm.month).map((k) => k.channel))];
    const rowsFor = (name: string, label: string, format: (v: number | null) => string) => [
      label,
      ...channels.map((c) => format((lm.kpis.find((k) => k.period === lm.month && k.channel === c)?.metrics as unknown as Record<string, number | null>)?.[name] ?? null)),
    ];
    const table: ReportTable = {
      title: m.lastMonth.tableTitle(monthText(lm.month), lm.previousMonth === null ? null : monthText(lm.previousMonth)),
      columns: [m.lastMonth.kpi, ...channels.map(channelName)],
      numeric: channels.map((_, i) => i + 1),
      rows: [
        rowsFor("offered", m.lastMonth.offered, (v) => num(v)),
        rowsFor("answered", m.lastMonth.answered, (v) => num(v)),
        rowsFor("abandonRate", m.lastMonth.abandonRate, (v) => pct(v)),
        rowsFor("serviceLevel", m.lastMonth.serviceLevel, (v) => pct(v)),
        rowsFor("asaSeconds", m.lastMonth.asa, (v) => num(v, 1)),
        rowsFor("ahtSeconds", m.lastMonth.aht, (v) => num(v, 1)),
        rowsFor("occupancy", m.lastMonth.occupancy, (v) => pct(v)),
        rowsFor("contactsPerOrder", m.lastMonth.contactsPerOrder, (v) => num(v, 3)),
      ],
    };
    const notes = lm.noteDetails.map((n) => kpiNoteText(n, f));
    if (lm.tickets !== null) {
      notes.unshift(
        m.lastMonth.tickets({
          month: monthText(lm.tickets.month),
          created: f.digits(String(lm.tickets.created)),
          resolved: f.digits(String(lm.tickets.resolved)),
          fcr: pct(lm.tickets.fcr),
          mttr: lm.tickets.mttrSeconds === null ? m.none : m.lastMonth.hours(num(lm.tickets.mttrSeconds / 3600, 1)),
        }),
      );
    }
    sections.push({ id: "last-month", title: m.lastMonth.title(monthText(lm.month)), tables: [table], notes: [...notes, ...lm.definitions.map((d) => m.kpi.definitionText(d))] });
  }

  // Forecast
  const forecastDaily = new Map<number, { calls: number; lower: number; upper: number }>();
  for (const r of plan.forecast.intervals) {
    const day = localStartOfDay(ms(r.timestamp));
    const cell = forecastDaily.get(day) ?? { calls: 0, lower: 0, upper: 0 };
    cell.calls += r.calls;
    cell.lower += r.lower;
    cell.upper += r.upper;
    forecastDaily.set(day, cell);
  }
  const points = [
    ...history.map((h) => ({ localMs: h.localMs, actual: h.calls })),
    ...[...forecastDaily.entries()].sort((a, b) => a[0] - b[0]).map(([localMs, c]) => ({ localMs, forecast: c.calls, lower: c.lower, upper: c.upper })),
  ];
  const q = plan.forecast.quantile;
  const methodName = (method: string) => m.forecast.methods[method] ?? method;
  sections.push({
    id: "forecast",
    title: m.forecast.title(period.label),
    paragraphs: [
      m.forecast.intro({
        lowerPercent: f.digits(`${Math.round((1 - q) * 100)}%`),
        upperPercent: f.digits(`${Math.round(q * 100)}%`),
        planTo: plan.forecast.planTo === "point" ? "point" : "quantile",
        quantilePercent: f.digits(`${Math.round(q * 100)}%`),
      }),
    ],
    charts: [
      {
        id: "forecast",
        title: m.forecast.chartTitle,
        svg: await renderChartSvg(
          forecastChartSpec(points, {
            yTitle: m.charts.contactsPerDay,
            actualLabel: m.charts.history,
            forecastLabel: m.charts.forecast,
            ...(persian ? { dayLabels: dayLabels(points.map((p) => p.localMs), f) } : {}),
          }),
          "forecast",
          m.forecast.chartTitle,
          chart,
        ),
      },
    ],
    tables: [
      {
        title: m.forecast.backtestTitle,
        columns: [m.forecast.columns.channel, m.forecast.columns.method, m.forecast.columns.wape, m.forecast.columns.mape, m.forecast.columns.bias, m.forecast.columns.rmse, m.forecast.columns.used],
        numeric: [2, 3, 4, 5],
        rows: plan.forecast.channels.flatMap((c) =>
          c.backtest.map((bt) => [c.channel, methodName(bt.method), pct(bt.wape), pct(bt.mape), pct(bt.bias), num(bt.rmse, 2), bt.method === c.method ? m.forecast.yes : ""]),
        ),
      },
    ],
    notes: plan.forecast.channels.flatMap((c) => [
      m.forecast.channelNote({
        channel: c.channel,
        contacts: num(c.contacts),
        method: methodName(c.method),
        origins: num(c.backtestOrigins),
        coverage: pct(c.coverageUpper),
        anomalous: num(c.anomalousDays.length),
        days: c.anomalousDays.length > 0 ? c.anomalousDays.map((d) => f.date(d)).join(m.list) : null,
      }),
      ...c.warnings.map((w) => m.forecast.warning(c.channel, m.forecast.warningText(w, f.date))),
    ]),
  });

  // Staffing
  const t = plan.staffing.totals;
  const staffingSimulation = simulationTables(plan.simulation?.staffing, plan.simulation?.replications ?? 0, "staffing", f);
  const sc = m.staffing.columns;
  sections.push({
    id: "staffing",
    title: m.staffing.title,
    paragraphs: [m.staffing.intro(num(t.hoursPerFtePerMonth))],
    tables: [
      {
        columns: [sc.channel, sc.contacts, sc.serviceLevel, sc.asa, sc.occupancy, sc.paidHours, sc.fte, sc.peakAgents],
        numeric: [1, 2, 3, 4, 5, 6, 7],
        rows: staffingRows(t, f),
      },
      ...staffingClassTables(t, f),
      ...staffingCallbackTables(plan.staffing.intervals, f),
      {
        title: m.staffing.supportingTitle(plan.headline.supportBasis),
        columns: [m.staffing.supportingColumns.role, m.staffing.supportingColumns.fte, m.staffing.supportingColumns.headcount],
        numeric: [1, 2],
        rows: t.supportingStaff.roles.map((r) => [r.role, num(r.fte, 1), num(r.headcount)]),
      },
      ...staffingSimulation.tables,
    ],
    ...(staffingSimulation.notes.length > 0 ? { notes: staffingSimulation.notes } : {}),
  });

  // Schedule
  if (plan.schedule !== null) {
    const s = plan.schedule;
    const scheduleSimulation = simulationTables(plan.simulation?.schedule, plan.simulation?.replications ?? 0, "schedule", f);
    const byTime = new Map<string, { required: number; scheduled: number }>();
    for (const c of s.coverage) {
      const cell = byTime.get(c.timestamp) ?? { required: 0, scheduled: 0 };
      cell.required += c.required;
      cell.scheduled += c.scheduled;
      byTime.set(c.timestamp, cell);
    }
    const coveragePoints = [...byTime.entries()].map(([timestamp, c]) => ({ localMs: ms(timestamp), ...c }));
    const intervalHours = plan.period.intervalMinutes / 60;
    const heat = new Map<string, HeatmapCell & { balance: number }>();
    for (const p of coveragePoints) {
      const day = formatLocalDate(p.localMs);
      const hour = Math.floor(localMinuteOfDay(p.localMs) / 60);
      const key = `${day} ${hour}`;
      const cell = heat.get(key) ?? { day, hour, balance: 0 };
      heat.set(key, { ...cell, balance: cell.balance + (p.scheduled - p.required) * intervalHours });
    }
    const heatDays = [...new Set([...heat.values()].map((c) => c.day))];
    const sm = m.schedule;
    sections.push({
      id: "schedule",
      title: sm.title,
      paragraphs: [sm.intro],
      charts: [
        {
          id: "coverage",
          title: sm.coverageTitle,
          svg: await renderChartSvg(
            coverageChartSpec(coveragePoints, {
              yTitle: m.charts.agentsOnFloor,
              requiredLabel: m.charts.required,
              scheduledLabel: m.charts.scheduled,
              ...(persian ? { dayLabels: dayLabels(coveragePoints.map((p) => p.localMs), f) } : {}),
            }),
            "coverage",
            sm.coverageTitle,
            chart,
          ),
          caption: sm.coverageCaption,
        },
        {
          id: "heatmap",
          title: sm.heatmapTitle,
          svg: await renderChartSvg(
            balanceHeatmapSpec([...heat.values()], {
              xTitle: m.charts.hourOfDay,
              legendTitle: m.charts.balance,
              ...(persian
                ? {
                    dayLabels: Object.fromEntries(heatDays.map((d) => [d, f.date(d)])),
                    hourLabels: Object.fromEntries(Array.from({ length: 24 }, (_, h) => [String(h), num(h)])),
                  }
                : {}),
            }),
            "heatmap",
            sm.heatmapTitle,
            chart,
          ),
          caption: sm.heatmapCaption,
        },
      ],
      tables: [
        {
          columns: [sm.columns.team, sm.columns.status, sm.columns.gap, sm.columns.shifts, sm.columns.paidHours, sm.columns.shortfall, sm.columns.excess, sm.columns.efficiency, sm.columns.serviceLevel],
          numeric: [2, 3, 4, 5, 6, 7, 8],
          rows: s.teams.map((team) => [
            team.team,
            sm.statuses[team.status] ?? team.status,
            pct(team.gap, 2),
            num(team.shiftsStarted),
            num(team.paidHours),
            num(team.shortfallAgentHours, 1),
            num(team.excessAgentHours, 1),
            pct(team.efficiency),
            pct(team.serviceLevel),
          ]),
        },
        ...scheduleSimulation.tables,
      ],
      ...(scheduleSimulation.notes.length > 0 ? { notes: scheduleSimulation.notes } : {}),
    });
  }

  // Cost
  if (plan.cost !== null) {
    const c = plan.cost;
    const cm = m.cost;
    const bars: BarDatum[] = c.lines.map((l) => ({ label: cm.lineName(l), value: Number(l.amount) }));
    sections.push({
      id: "cost",
      title: cm.title,
      paragraphs: [cm.intro(period.label, c.basis, c.currency)],
      charts: [{ id: "cost-breakdown", title: cm.chartTitle, svg: await renderChartSvg(barChartSpec(bars, { xTitle: c.currency }), "cost-breakdown", cm.chartTitle, chart) }],
      tables: [
        {
          columns: [cm.columns.line, cm.columns.category, cm.columns.quantity, cm.columns.unit, cm.columns.rate, cm.columns.amount(c.currency)],
          numeric: [2, 4, 5],
          rows: [
            ...c.lines.map((l) => [cm.lineName(l), cm.categories[l.category] ?? l.category, dec(l.quantity), cm.units[l.unit] ?? l.unit, dec(l.rate), dec(l.amount)]),
            [cm.total, "", "", "", "", dec(c.total)],
          ],
        },
        {
          title: cm.perChannelTitle,
          columns: [
            cm.perChannelColumns.channel,
            cm.perChannelColumns.cost(c.currency),
            cm.perChannelColumns.handledContacts,
            cm.perChannelColumns.handledMinutes,
            cm.perChannelColumns.perContact,
            cm.perChannelColumns.perHandledMinute,
          ],
          numeric: [1, 2, 3, 4, 5],
          rows: c.channels.map((ch) => [ch.channel, dec(ch.cost), num(ch.handledContacts), num(ch.handledMinutes), dec(ch.costPerContact), dec(ch.costPerHandledMinute)]),
        },
        ...costClassAndRevenueTables(c, f),
      ],
    });
  }

  // Scenarios
  if (plan.scenarios !== null && plan.cost !== null) {
    const sc = plan.scenarios;
    const cur = plan.cost.currency;
    const wm = m.scenarios;
    sections.push({
      id: "scenarios",
      title: wm.title,
      paragraphs: [wm.intro],
      charts: [
        {
          id: "scenarios",
          title: wm.chartTitle,
          svg: await renderChartSvg(
            barChartSpec(sc.map((s) => ({ label: scenarioLabel(s.name), value: Number(s.total) })), { xTitle: wm.chartAxis(cur) }),
            "scenarios",
            wm.chartTitle,
            chart,
          ),
        },
      ],
      tables: [
        {
          columns: [wm.columns.scenario, wm.columns.agentFte, wm.columns.total(cur), wm.columns.vsBase, wm.columns.perMinute, wm.columns.perContact, wm.columns.perOrder, wm.columns.serviceLevel],
          numeric: [1, 2, 3, 4, 5, 6, 7],
          rows: sc.map((s) => [
            scenarioLabel(s.name),
            num(s.agentFte, 1),
            dec(s.total),
            s.name === "base" ? "" : wm.delta(dec(s.deltaTotal), pct(s.deltaFraction)),
            dec(s.costPerHandledMinute),
            dec(s.costPerContact),
            dec(s.costPerOrder),
            pct(s.serviceLevel),
          ]),
        },
      ],
      notes: sc.filter((s) => s.name !== "base").map((s) => wm.description(s.name, s.description)),
    });
  }

  return {
    title: m.title(plan.name, period.label),
    subtitle: period.subtitle,
    headline,
    sections: [...sections, ...(options.extraSections ?? [])],
    ...(options.footer === undefined ? {} : { footer: options.footer }),
    ...(f.locale === "en" ? {} : { locale: f.locale }),
  };
}
