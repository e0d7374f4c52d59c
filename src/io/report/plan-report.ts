import { formatLocalDate, localMinuteOfDay, localStartOfDay, parseLocalTimestamp } from "../../calendar/local-time.js";
import type { PlanResult } from "../../plan/plan-month.js";
import type { PlanSimulationBasis } from "../../plan/plan-simulation.js";
import { renderTable, wholeCountsWithTotal, type TableColumn } from "../render.js";
import { balanceHeatmapSpec, barChartSpec, coverageChartSpec, forecastChartSpec, renderChartSvg, type BarDatum, type HeatmapCell } from "./charts.js";
import type { HeadlineFigure, ReportDocument, ReportSection, ReportTable } from "./document.js";

const pct = (v: number | null | undefined, d = 1) => (v === null || v === undefined || !Number.isFinite(v) ? "-" : `${(v * 100).toFixed(d)}%`);
const num = (v: number | null | undefined, d = 0) => (v === null || v === undefined || !Number.isFinite(v) ? "-" : v.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d }));
const money = (v: string | null | undefined, currency: string | null) => (v === null || v === undefined ? "-" : `${currency ?? ""} ${Number(v).toLocaleString("en-US", { minimumFractionDigits: Math.max(0, (v.split(".")[1] ?? "").length), maximumFractionDigits: 4 })}`.trim());
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
 * disagree materially (the first few listed), for the staffing and schedule sections.
 */
export function simulationTables(
  basis: PlanSimulationBasis | null | undefined,
  replications: number,
  what: string,
): { tables: ReportTable[]; notes: string[] } {
  if (basis === null || basis === undefined) return { tables: [], notes: [] };
  const pctOf = (v: number | null) => (v === null ? "-" : `${(v * 100).toFixed(1)}%`);
  const plusMinus = (v: number | null) => (v === null ? "-" : `± ${(v * 100).toFixed(1)}`);
  const table: ReportTable = {
    title: `Service level: the model against a simulation of the ${what} (${replications} replications, 95% interval)`,
    columns: ["channel", "model SL", "simulated SL", "95% ±", "simulated abandon", "intervals that disagree"],
    numeric: [1, 2, 3, 4, 5],
    rows: basis.channels.map((c) => [c.channel, pctOf(c.modelServiceLevel), pctOf(c.simulatedServiceLevel), plusMinus(c.halfWidth), pctOf(c.abandonRate), `${c.disagreeingIntervals} of ${c.intervals}`]),
  };
  const disagreeing = basis.intervals.filter((i) => i.disagrees);
  const notes =
    disagreeing.length === 0
      ? [`The simulation agrees with the model in every interval of the ${what} (no gap above 5 points and 3 standard errors).`]
      : [
          `Intervals where the ${what}'s model and simulation disagree by more than 5 points of service level and more than 3 standard errors of the simulation (queues carry over between intervals; the model treats each interval as steady): ` +
            disagreeing
              .slice(0, 8)
              .map((i) => `${i.timestamp} ${i.channel} model ${pctOf(i.modelServiceLevel)}, simulated ${pctOf(i.simulatedServiceLevel)} ${plusMinus(i.halfWidth)}`)
              .join("; ") +
            (disagreeing.length > 8 ? `; and ${disagreeing.length - 8} more (summary.json simulation).` : "."),
        ];
  return { tables: [table], notes };
}

/** The scenarios' base is the staffing plan (the schedule's cost is in the cost section). */
const scenarioLabel = (name: string) => (name === "base" ? "base (staffing plan)" : name);

/** The staffing table's rows: contacts rounded once, the "all" row's contacts the sum of the channels shown (as the headline's). */
export function staffingRows(t: PlanResult["staffing"]["totals"]): string[][] {
  const contacts = wholeCountsWithTotal(t.channels.map((c) => c.calls));
  const row = (c: (typeof t.channels)[number], calls: number) => [c.channel, num(calls), pct(c.serviceLevel), num(c.asaSeconds, 1), pct(c.occupancy), num(c.scheduledHours), num(c.fte, 1), num(c.peakScheduledAgents)];
  return [...t.channels.map((c, i) => row(c, contacts.shown[i]!)), row(t.all, contacts.total)];
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
 * Builds the monthly plan report: the headline, then one section per step of the cycle (last
 * month, forecast, staffing, schedule, cost, scenarios), with charts rendered to SVG.
 *
 * @param plan - `planMonth`'s result
 * @param history - daily contacts of the history (all channels), for the forecast chart
 */
export async function buildPlanReport(
  plan: PlanResult,
  history: readonly DailyHistory[],
  options: { footer?: string; /** Sections appended at the end (e.g. the teams section). */ extraSections?: readonly ReportSection[] } = {},
): Promise<ReportDocument> {
  const currency = plan.headline.currency;
  const headline: HeadlineFigure[] = [
    { label: "forecast contacts", value: num(plan.headline.contacts), note: Object.entries(plan.headline.contactsByChannel).map(([c, v]) => `${c} ${num(v)}`).join(", ") },
    { label: "agent FTE", value: num(plan.headline.agentFte, 1), note: `${num(plan.headline.totalFte, 1)} with supporting staff` },
    { label: "expected service level", value: pct(plan.headline.serviceLevel), note: plan.schedule === null ? "of the staffing plan" : "of the shift schedule" },
  ];
  if (plan.headline.totalCost !== null) {
    headline.push(
      { label: "total cost", value: money(plan.headline.totalCost, currency), note: plan.cost?.basis === "shift schedule" ? "from the shift schedule" : "from the staffing plan" },
      { label: "cost per handled minute", value: money(plan.headline.costPerHandledMinute, currency) },
      { label: "cost per contact", value: money(plan.headline.costPerContact, currency) },
      { label: "cost per order", value: money(plan.headline.costPerOrder, currency), note: plan.cost?.orders === null ? "no sales target given" : `${num(plan.cost?.orders ?? null)} orders planned` },
    );
  }
  const sections: ReportSection[] = [];

  // Last month
  if (plan.lastMonth !== null) {
    const lm = plan.lastMonth;
    const channels = [...new Set(lm.kpis.filter((k) => k.period === lm.month).map((k) => k.channel))];
    const rowsFor = (name: string, label: string, format: (v: number | null) => string) => [
      label,
      ...channels.map((c) => format((lm.kpis.find((k) => k.period === lm.month && k.channel === c)?.metrics as unknown as Record<string, number | null>)?.[name] ?? null)),
    ];
    const table: ReportTable = {
      title: `KPIs of ${lm.month}${lm.previousMonth === null ? "" : ` (previous month ${lm.previousMonth} in the data)`}`,
      columns: ["KPI", ...channels],
      numeric: channels.map((_, i) => i + 1),
      rows: [
        rowsFor("offered", "offered", (v) => num(v)),
        rowsFor("answered", "answered", (v) => num(v)),
        rowsFor("abandonRate", "abandonment rate", (v) => pct(v)),
        rowsFor("serviceLevel", "service level (within T / offered)", (v) => pct(v)),
        rowsFor("asaSeconds", "ASA (s)", (v) => num(v, 1)),
        rowsFor("ahtSeconds", "AHT (s)", (v) => num(v, 1)),
        rowsFor("occupancy", "occupancy", (v) => pct(v)),
        rowsFor("contactsPerOrder", "contacts per order", (v) => num(v, 3)),
      ],
    };
    const notes = [...lm.notes];
    if (lm.tickets !== null) {
      notes.unshift(
        `Tickets created in ${lm.tickets.month}: ${lm.tickets.created} (${lm.tickets.resolved} resolved); FCR ${pct(lm.tickets.fcr)}, MTTR ${lm.tickets.mttrSeconds === null ? "-" : `${(lm.tickets.mttrSeconds / 3600).toFixed(1)} h`}.`,
      );
    }
    sections.push({ id: "last-month", title: `1. Last month: ${lm.month}`, tables: [table], notes: [...notes, ...lm.definitions] });
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
  sections.push({
    id: "forecast",
    title: `2. Forecast for ${plan.period.label}`,
    paragraphs: [
      `Contacts per day: the history and the forecast, with the band between the ${Math.round((1 - q) * 100)}% and ${Math.round(q * 100)}% quantiles of the interval forecasts, summed per day (calibrated from backtest errors). Staffing plans to the ${plan.forecast.planTo === "point" ? "point forecast" : `${Math.round(q * 100)}% quantile`}.`,
    ],
    charts: [{ id: "forecast", title: "History and forecast, contacts per day", svg: await renderChartSvg(forecastChartSpec(points), "forecast", "History and forecast, contacts per day") }],
    tables: [
      {
        title: "Backtest: hourly accuracy of each method (rolling weekly origins, only data before each origin)",
        columns: ["channel", "method", "WAPE", "MAPE", "bias", "RMSE", "used"],
        numeric: [2, 3, 4, 5],
        rows: plan.forecast.channels.flatMap((c) => c.backtest.map((m) => [c.channel, m.method, pct(m.wape), pct(m.mape), pct(m.bias), num(m.rmse, 2), m.method === c.method ? "yes" : ""])),
      },
    ],
    notes: plan.forecast.channels.flatMap((c) => [
      `${c.channel}: ${num(c.contacts)} contacts with ${c.method}; ${c.backtestOrigins} backtest origins; upper-bound coverage ${pct(c.coverageUpper)}; ${c.anomalousDays.length} anomalous day(s) left out of the fits${c.anomalousDays.length > 0 ? ` (${c.anomalousDays.join(", ")})` : ""}.`,
      ...c.warnings.map((w) => `${c.channel}: ${w}`),
    ]),
  });

  // Staffing
  const t = plan.staffing.totals;
  const staffingSimulation = simulationTables(plan.simulation?.staffing, plan.simulation?.replications ?? 0, "staffing plan");
  sections.push({
    id: "staffing",
    title: "3. Staffing",
    paragraphs: [
      `Agents needed per interval and channel (Erlang C or A for voice, the concurrency chain for chat), grossed up for shrinkage. One FTE is ${num(t.hoursPerFtePerMonth)} paid hours a month.`,
    ],
    tables: [
      {
        columns: ["channel", "contacts", "service level", "ASA (s)", "occupancy", "paid hours", "FTE", "peak agents"],
        numeric: [1, 2, 3, 4, 5, 6, 7],
        rows: staffingRows(t),
      },
      {
        title: `Supporting staff (sized on ${plan.headline.supportBasis}, as in the headline and the cost)`,
        columns: ["role", "FTE", "headcount"],
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
    const scheduleSimulation = simulationTables(plan.simulation?.schedule, plan.simulation?.replications ?? 0, "schedule");
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
    sections.push({
      id: "schedule",
      title: "4. Shift schedule",
      paragraphs: [
        "Shifts chosen by a MIP (HiGHS) at the least paid cost plus a penalty per agent-hour of shortfall; every solution is re-verified from its integer counts. Agents on break are not on the floor.",
      ],
      charts: [
        {
          id: "coverage",
          title: "Required and scheduled agents per interval",
          svg: await renderChartSvg(coverageChartSpec(coveragePoints), "coverage", "Required and scheduled agents per interval"),
          caption: "Scheduled agents are on the floor (breaks subtracted); all teams together.",
        },
        {
          id: "heatmap",
          title: "Shortfall and excess by day and hour",
          svg: await renderChartSvg(balanceHeatmapSpec([...heat.values()]), "heatmap", "Shortfall and excess by day and hour"),
          caption: "Agent-hours scheduled minus required: red is short, blue is over.",
        },
      ],
      tables: [
        {
          columns: ["team", "status", "gap", "shifts", "paid hours", "shortfall h", "excess h", "efficiency", "service level"],
          numeric: [2, 3, 4, 5, 6, 7, 8],
          rows: s.teams.map((team) => [
            team.team,
            team.status,
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
    const bars: BarDatum[] = c.lines.map((l) => ({ label: l.name, value: Number(l.amount) }));
    sections.push({
      id: "cost",
      title: "5. Cost",
      paragraphs: [`Projected cost of ${plan.period.label} from the ${c.basis}, in ${c.currency}; money is exact decimal until this output and the lines add up to the total.`],
      charts: [{ id: "cost-breakdown", title: "Cost breakdown", svg: await renderChartSvg(barChartSpec(bars, { xTitle: c.currency }), "cost-breakdown", "Cost breakdown") }],
      tables: [
        {
          columns: ["line", "category", "quantity", "unit", "rate", `amount ${c.currency}`],
          numeric: [2, 4, 5],
          rows: [...c.lines.map((l) => [l.name, l.category, l.quantity, l.unit, l.rate, l.amount]), ["total", "", "", "", "", c.total]],
        },
        {
          title: "Per channel",
          columns: ["channel", `cost ${c.currency}`, "handled contacts", "handled minutes", "per contact", "per handled minute"],
          numeric: [1, 2, 3, 4, 5],
          rows: c.channels.map((ch) => [ch.channel, ch.cost, num(ch.handledContacts), num(ch.handledMinutes), ch.costPerContact ?? "-", ch.costPerHandledMinute ?? "-"]),
        },
      ],
    });
  }

  // Scenarios
  if (plan.scenarios !== null && plan.cost !== null) {
    const sc = plan.scenarios;
    const cur = plan.cost.currency;
    sections.push({
      id: "scenarios",
      title: "6. What-if scenarios",
      paragraphs: [
        "Each scenario recomputes the staffing plan and its cost. Scenarios are costed from the staffing plan, not from a new schedule, so they compare like with like: their base is the staffing plan's cost, below the schedule's cost in section 5 by the hours that shift shapes and breaks add.",
      ],
      charts: [
        {
          id: "scenarios",
          title: "Total cost by scenario",
          svg: await renderChartSvg(barChartSpec(sc.map((s) => ({ label: scenarioLabel(s.name), value: Number(s.total) })), { xTitle: `total cost ${cur}` }), "scenarios", "Total cost by scenario"),
        },
      ],
      tables: [
        {
          columns: ["scenario", "agent FTE", `total ${cur}`, "vs base", "per minute", "per contact", "per order", "service level"],
          numeric: [1, 2, 3, 4, 5, 6, 7],
          rows: sc.map((s) => [
            scenarioLabel(s.name),
            num(s.agentFte, 1),
            s.total,
            s.name === "base" ? "" : `${s.deltaTotal} (${pct(s.deltaFraction)})`,
            s.costPerHandledMinute ?? "-",
            s.costPerContact ?? "-",
            s.costPerOrder ?? "-",
            pct(s.serviceLevel),
          ]),
        },
      ],
      notes: sc.filter((s) => s.name !== "base").map((s) => `${s.name}: ${s.description}`),
    });
  }

  return {
    title: `${plan.name}: plan for ${plan.period.label}`,
    subtitle: `${plan.period.start} to ${plan.period.end} (exclusive), ${plan.period.days} days, ${plan.period.intervalMinutes}-minute intervals, ${plan.period.calendar} calendar`,
    headline,
    sections: [...sections, ...(options.extraSections ?? [])],
    ...(options.footer === undefined ? {} : { footer: options.footer }),
  };
}
