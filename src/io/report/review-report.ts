import { z } from "zod";
import { parseLocalTimestamp } from "../../calendar/local-time.js";
import { WfmError } from "../../errors.js";
import type { AttributionRow, ReviewResult } from "../../review/review-month.js";
import { parseJsonText, zodProblems } from "../json.js";
import { localeFormat, type Locale, type LocaleFormat } from "../locale/index.js";
import { barChartSpec, dayLabels, forecastChartSpec, renderChartSvg, waterfallChartSpec, type WaterfallStep } from "./charts.js";
import type { HeadlineFigure, ReportDocument, ReportSection, ReportTable } from "./document.js";

const missing = (v: number | null | undefined): v is null | undefined => v === null || v === undefined || !Number.isFinite(v);

/** The review's number writers in one locale (same figures in every locale). */
function writers(f: LocaleFormat) {
  return {
    pct: (v: number | null | undefined, d = 1) => f.percent(v, d),
    pts: (v: number | null | undefined) => (missing(v) ? "-" : f.messages.review.points(f.digits(`${v > 0 ? "+" : v < 0 ? "" : "±"}${(v * 100).toFixed(1)}`))),
    num: (v: number | null | undefined, d = 0) => f.number(v, d),
    signedPct: (v: number | null | undefined) => (missing(v) ? "-" : f.digits(`${v > 0 ? "+" : ""}${(v * 100).toFixed(1)}%`)),
    dec: (v: string | null | undefined) => f.decimal(v),
  };
}
const english = localeFormat("en");

/** The month's attribution row of a channel (or "all"), when there is one. */
function monthRow(review: ReviewResult, channel: string): AttributionRow | undefined {
  return review.attribution?.month.find((r) => r.channel === channel);
}

/** The channel the headline speaks for: "all" with several channels, else the only one. */
const mainChannel = (review: ReviewResult) => (review.channels.length > 1 ? "all" : review.channels[0]!);

/** The waterfall steps from target or plan to achieved for one attribution row. */
export function waterfallSteps(row: AttributionRow, f: LocaleFormat = english): WaterfallStep[] {
  const l = f.messages.review.steps;
  return [
    { label: l.planned, value: row.planned, kind: "total" },
    { label: l.volume, value: row.volume, kind: "change" },
    { label: l.handleTime, value: row.handleTime, kind: "change" },
    { label: l.staffing, value: row.staffing, kind: "change" },
    { label: l.shrinkage, value: row.shrinkage, kind: "change" },
    { label: l.modelled, value: row.modelled, kind: "total" },
    ...(row.modelError === null || row.achieved === null
      ? []
      : [
          { label: l.modelError, value: row.modelError, kind: "change" as const },
          { label: l.achieved, value: row.achieved, kind: "total" as const },
        ]),
  ];
}

/** A round baseline 5 points or more below the lowest level a waterfall reaches (at least 0). */
function waterfallBaseline(steps: readonly WaterfallStep[]): number {
  let level = 0;
  let lowest = Infinity;
  for (const s of steps) {
    level = s.kind === "total" ? s.value : level + s.value;
    lowest = Math.min(lowest, level);
  }
  return Math.max(0, Math.floor((lowest - 0.05) * 10) / 10);
}

/** Table: the month's service level per channel from planned to achieved. */
export function attributionTable(rows: readonly AttributionRow[], title?: string, f: LocaleFormat = english): ReportTable {
  const { pct, pts } = writers(f);
  const l = f.messages.review.steps;
  const channel = (c: string) => (c === "all" ? f.messages.staffing.all : c);
  return {
    ...(title === undefined ? {} : { title }),
    columns: ["", f.messages.review.attributionColumns.target, l.planned, l.volume, l.handleTime, l.staffing, l.shrinkage, l.modelled, l.modelError, l.achieved],
    numeric: [1, 2, 3, 4, 5, 6, 7, 8, 9],
    rows: rows.map((r) => [r.channel === "all" || r.period.length > 7 ? `${r.period.length > 7 ? `${f.digits(r.period)} ` : ""}${channel(r.channel)}` : r.channel, pct(r.target), pct(r.planned), pts(r.volume), pts(r.handleTime), pts(r.staffing), pts(r.shrinkage), pct(r.modelled), pts(r.modelError), pct(r.achieved)]),
  };
}

/** Table: service level, abandonment and ASA against target and plan. */
export function targetsTable(review: ReviewResult, f: LocaleFormat = english): ReportTable {
  return {
    columns: [...f.messages.review.targetsColumns],
    numeric: [1, 2, 3, 4, 5, 6, 7, 8, 9],
    rows: review.targets.map((t) => targetCells(t, f)),
  };
}

/** The cells of one targets row: the channel, then service level, abandonment and ASA as target, planned, achieved. */
function targetCells(t: ReviewResult["targets"][number], f: LocaleFormat): string[] {
  const { pct, num } = writers(f);
  return [
    t.channel,
    pct(t.serviceLevel.target),
    pct(t.serviceLevel.planned),
    pct(t.serviceLevel.achieved),
    pct(t.abandonRate.target),
    pct(t.abandonRate.planned),
    pct(t.abandonRate.achieved),
    num(t.asaSeconds.target, 0),
    num(t.asaSeconds.planned, 1),
    num(t.asaSeconds.achieved, 1),
  ];
}

/** Table: the targets per channel and day (`"days"`) or hour of day (`"hours"`), the period first. */
export function targetsByPeriodTable(review: ReviewResult, by: "days" | "hours", f: LocaleFormat = english, title?: string): ReportTable {
  const m = f.messages.review.targets;
  return {
    ...(title === undefined ? {} : { title }),
    columns: [by === "days" ? m.day : m.hour, ...f.messages.review.targetsColumns],
    numeric: [2, 3, 4, 5, 6, 7, 8, 9, 10],
    rows: review.targetsByPeriod[by].map((t) => [by === "days" ? f.date(t.period) : f.digits(t.period), ...targetCells(t, f)]),
  };
}

/** Table: the model, the simulator and the achieved service level per channel (null when the review was not simulated). */
export function simulationTable(review: ReviewResult, f: LocaleFormat = english, title?: string): ReportTable | null {
  const sim = review.simulation;
  if (sim === null) return null;
  const { pct, pts, num } = writers(f);
  return {
    ...(title === undefined ? {} : { title }),
    columns: [...f.messages.review.simulation.columns],
    numeric: [1, 2, 3, 4, 5, 6, 7, 8, 9],
    rows: sim.channels.map((c) => [
      c.channel,
      num(c.patienceSeconds, 1),
      pct(c.modelServiceLevel),
      pct(c.simulatedServiceLevel),
      missing(c.halfWidth) ? "-" : f.messages.review.points(f.digits(`±${(c.halfWidth * 100).toFixed(1)}`)),
      pct(c.achievedServiceLevel),
      pts(c.simulationError),
      pct(c.simulatedAbandonRate),
      pct(c.achievedAbandonRate),
      f.digits(`${c.disagreeingIntervals}/${c.intervals}`),
    ]),
  };
}

/** Table: forecast accuracy of the month per channel. */
export function accuracyTable(review: ReviewResult, f: LocaleFormat = english): ReportTable {
  const { pct, num, signedPct } = writers(f);
  return {
    columns: [...f.messages.review.accuracyColumns],
    numeric: [1, 2, 3, 4, 5, 6],
    rows: review.forecastAccuracy.month.map((r) => [r.channel, num(r.forecastContacts), num(r.actualContacts), pct(r.wape), signedPct(r.bias), pct(r.bandCoverage), num(r.intervals)]),
  };
}

/** Table: calibration per channel. */
export function calibrationTable(review: ReviewResult, f: LocaleFormat = english): ReportTable {
  const { pct, pts, num } = writers(f);
  return {
    columns: [...f.messages.review.calibrationColumns],
    numeric: [1, 2, 3, 4, 5, 6, 7, 8, 9],
    rows: review.calibration.channels.map((c) => [
      c.channel,
      num(c.volumeFactor, 3),
      num(c.plannedAhtSeconds, 1),
      num(c.ahtSeconds, 1),
      num(c.patienceSeconds, 1),
      num(c.patienceLowerBoundSeconds, 1),
      pct(c.plannedShrinkage),
      pct(c.shrinkage),
      pct(c.shrinkageOfPaidTime),
      pts(c.serviceLevelModelError),
    ]),
  };
}

/**
 * The review as a report document (review.html and review.md): the headline, forecast accuracy
 * with the forecast-vs-actual chart, targets, the attribution with its waterfall and the
 * planned-vs-achieved service level per hour of day, calibration, adherence and cost.
 *
 * @param review - `reviewMonth`'s result
 * @param options.name - the centre's name for the title
 */
export async function buildReviewReport(review: ReviewResult, options: { name?: string; footer?: string; locale?: Locale } = {}): Promise<ReportDocument> {
  const f = localeFormat(options.locale ?? "en");
  const m = f.messages.review;
  const { pct, pts, num, signedPct, dec } = writers(f);
  const persian = f.locale !== "en";
  const chart = { locale: f };
  const main = mainChannel(review);
  const mainName = main === "all" ? f.messages.staffing.all : main;
  const acc = review.forecastAccuracy.month.find((r) => r.channel === main);
  const attr = monthRow(review, main);
  const headline: HeadlineFigure[] = [
    { label: m.headline.wape, value: pct(acc?.wape), note: m.headline.wapeNote(signedPct(acc?.bias), pct(acc?.bandCoverage)) },
    { label: m.headline.serviceLevel, value: pct(attr?.achieved), note: m.headline.serviceLevelNote(pct(attr?.target), pct(attr?.planned)) },
  ];
  if (attr !== undefined) {
    const parts: [string, number][] = [
      [m.steps.volume, attr.volume],
      [m.steps.handleTime, attr.handleTime],
      [m.steps.staffing, attr.staffing],
      [m.steps.shrinkage, attr.shrinkage],
    ];
    const biggest = [...parts].sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]))[0]!;
    headline.push({ label: m.headline.biggestCause, value: `${biggest[0]} ${pts(biggest[1])}`, note: m.headline.biggestCauseNote(pts(attr.modelled - attr.planned)) });
  }
  if (review.cost !== null) {
    headline.push({ label: m.headline.costPerContact, value: f.messages.money(review.cost.currency, dec(review.cost.actual.costPerContact)), note: m.headline.plannedNote(dec(review.cost.planned.costPerContact)) });
  }
  const sections: ReportSection[] = [];

  // Forecast accuracy.
  const byDay = review.forecastAccuracy.days.filter((r) => r.channel === main);
  const withBand = byDay.map((r) => ({ localMs: parseLocalTimestamp(r.period)!.localMs, actual: r.actualContacts, forecast: r.forecastContacts, lower: r.lowerContacts, upper: r.upperContacts }));
  sections.push({
    id: "accuracy",
    title: m.accuracy.title,
    paragraphs: [m.accuracy.intro],
    charts: [
      {
        id: "forecast-vs-actual",
        title: m.accuracy.chartTitle,
        svg: await renderChartSvg(
          forecastChartSpec(withBand, {
            actualLabel: m.accuracy.actual,
            yTitle: f.messages.charts.contactsPerDay,
            forecastLabel: f.messages.charts.forecast,
            ...(persian ? { dayLabels: dayLabels(withBand.map((p) => p.localMs), f) } : {}),
          }),
          "forecast-vs-actual",
          m.accuracy.chartTitle,
          chart,
        ),
      },
    ],
    tables: [
      accuracyTable(review, f),
      {
        title: m.accuracy.worstTitle,
        columns: [...m.accuracy.worstColumns],
        numeric: [2, 3, 4],
        rows: review.forecastAccuracy.worstDays.map((d) => [f.date(d.date), d.channel, num(d.forecastContacts), num(d.actualContacts), signedPct(d.error), d.label ?? ""]),
      },
    ],
  });

  // Targets.
  sections.push({
    id: "targets",
    title: m.targets.title,
    paragraphs: [m.targets.intro],
    tables: [targetsTable(review, f), targetsByPeriodTable(review, "hours", f, m.targets.byHourTitle), targetsByPeriodTable(review, "days", f, m.targets.byDayTitle)],
  });

  // Why.
  if (review.attribution !== null && attr !== undefined) {
    const hours = review.attribution.hours.filter((r) => r.channel === main);
    const bars = hours.flatMap((r) => [
      { label: f.digits(r.period), value: r.planned, group: m.steps.planned },
      ...(r.achieved === null ? [] : [{ label: f.digits(r.period), value: r.achieved, group: m.steps.achieved }]),
    ]);
    sections.push({
      id: "why",
      title: m.why.title,
      paragraphs: [m.why.intro(review.attribution.method)],
      charts: [
        {
          id: "waterfall",
          title: m.why.waterfallTitle(mainName),
          svg: await renderChartSvg(
            waterfallChartSpec(waterfallSteps(attr, f), { yTitle: m.why.serviceLevel, percent: true, baseline: waterfallBaseline(waterfallSteps(attr, f)) }),
            "waterfall",
            m.why.waterfallName,
            chart,
          ),
          caption: m.why.waterfallCaption,
        },
        { id: "sl-by-hour", title: m.why.byHourTitle(mainName), svg: await renderChartSvg(barChartSpec(bars, { xTitle: m.why.serviceLevel }), "sl-by-hour", m.why.byHourName, chart) },
      ],
      tables: [attributionTable(review.attribution.month, m.why.month, f), attributionTable(hours, m.why.byHour(mainName), f)],
    });
  }

  // Calibration.
  sections.push({
    id: "calibration",
    title: m.calibration.title,
    paragraphs: [m.calibration.intro],
    tables: [calibrationTable(review, f), ...[simulationTable(review, f, review.simulation === null ? undefined : m.simulation.title(f.digits(String(review.simulation.replications)), f.digits(String(review.simulation.seed))))].filter((t): t is ReportTable => t !== null)],
  });

  if (review.adherence !== null) {
    const a = review.adherence;
    sections.push({
      id: "adherence",
      title: m.adherence.title,
      tables: [
        {
          title: m.adherence.teams,
          columns: [...m.adherence.teamColumns],
          numeric: [1, 2, 3, 4, 5, 6],
          rows: a.teams.map((t) => [t.name, num(t.scheduledHours, 1), num(t.inAdherenceHours, 1), pct(t.adherence), num(t.scheduledWorkHours, 1), num(t.workHours, 1), pct(t.conformance)]),
        },
        {
          title: m.adherence.agents,
          columns: [...m.adherence.agentColumns],
          numeric: [2, 3, 4, 5, 6],
          rows: a.agents.map((t) => [t.name, t.team, pct(t.adherence), pct(t.conformance), num(t.workHours, 1), num(t.hoursByActivity.break, 1), num(t.hoursByActivity.offline, 1)]),
        },
      ],
      notes: a.definitions,
    });
  }

  if (review.cost !== null) {
    const c = review.cost;
    sections.push({
      id: "cost",
      title: m.cost.title,
      paragraphs: [m.cost.intro(num(c.actual.staffedHours), num(c.actual.paidHours), c.currency)],
      tables: [
        {
          columns: [...m.cost.columns],
          numeric: [1, 2],
          rows: [
            [m.cost.total, dec(c.planned.total), dec(c.actual.total)],
            [m.cost.perContact, dec(c.planned.costPerContact), dec(c.actual.costPerContact)],
            [m.cost.perOrder, dec(c.planned.costPerOrder), dec(c.actual.costPerOrder)],
            [m.cost.orders, num(c.planned.orders), num(c.actual.orders)],
          ],
        },
        {
          title: m.cost.perChannel,
          columns: [...m.cost.perChannelColumns],
          numeric: [1, 2, 3, 4],
          rows: c.channels.map((x) => [x.channel, dec(x.plannedCost), dec(x.actualCost), dec(x.plannedCostPerContact), dec(x.actualCostPerContact)]),
        },
      ],
    });
  }
  sections.push({ id: "notes", title: m.notes, notes: [...review.definitions, ...review.notes] });
  return {
    title: m.title(options.name ?? m.defaultName, f.month(review.month)),
    subtitle: m.subtitle(f.date(review.period.start), f.date(review.period.end), f.number(review.period.intervalMinutes), review.channels.join(f.messages.list)),
    headline,
    sections,
    ...(options.footer === undefined ? {} : { footer: options.footer }),
    ...(f.locale === "en" ? {} : { locale: f.locale }),
  };
}

const reviewFileSchema = z
  .object({
    month: z.string(),
    channels: z.array(z.string()).min(1),
    forecastAccuracy: z.object({ month: z.array(z.object({ channel: z.string(), wape: z.number().nullable(), bias: z.number().nullable(), bandCoverage: z.number().nullable() }).loose()) }).loose(),
    targets: z.array(z.object({ channel: z.string() }).loose()),
    attribution: z.object({ method: z.string(), month: z.array(z.object({ channel: z.string(), planned: z.number(), volume: z.number(), handleTime: z.number(), staffing: z.number(), shrinkage: z.number(), modelled: z.number() }).loose()) }).loose().nullable(),
    calibration: z.object({ channels: z.array(z.object({ channel: z.string() }).loose()) }).loose(),
  })
  .loose();

/**
 * Reads a review.json back (for `wfm plan --review`), checking the parts the plan report shows.
 *
 * @throws {WfmError} `invalid-config` naming the file and field
 */
export function parseReviewJson(text: string, file: string): ReviewResult {
  const parsed = reviewFileSchema.safeParse(parseJsonText(text, file));
  if (!parsed.success) throw new WfmError(zodProblems(parsed.error, file));
  return parsed.data as unknown as ReviewResult;
}

/**
 * The "Last month: plan vs actual" section that opens a plan's report when `wfm plan --review`
 * names last month's review: forecast accuracy, targets, the attribution and what was calibrated.
 */
export function lastMonthReviewSection(review: ReviewResult, locale: Locale = "en"): ReportSection {
  const f = localeFormat(locale);
  const m = f.messages.review.lastMonth;
  const { pct, pts, signedPct } = writers(f);
  const main = mainChannel(review);
  const attr = monthRow(review, main);
  const acc = review.forecastAccuracy.month.find((r) => r.channel === main);
  const summary =
    attr === undefined
      ? ""
      : m.serviceLevel({
          achieved: pct(attr.achieved),
          target: pct(attr.target),
          planned: pct(attr.planned),
          volume: pts(attr.volume),
          handleTime: pts(attr.handleTime),
          staffing: pts(attr.staffing),
          shrinkage: pts(attr.shrinkage),
          modelError: pts(attr.modelError),
        });
  return {
    id: "last-month-review",
    title: m.title(f.month(review.month)),
    paragraphs: [`${m.forecast(pct(acc?.wape), signedPct(acc?.bias), pct(acc?.bandCoverage))}${summary}`],
    tables: [
      accuracyTable(review, f),
      targetsTable(review, f),
      ...(review.attribution === null ? [] : [attributionTable(review.attribution.month, m.attributionTitle, f)]),
      calibrationTable(review, f),
    ],
  };
}
