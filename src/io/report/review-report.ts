import { z } from "zod";
import { parseLocalTimestamp } from "../../calendar/local-time.js";
import { WfmError } from "../../errors.js";
import type { AttributionRow, ReviewResult } from "../../review/review-month.js";
import { parseJsonText, zodProblems } from "../json.js";
import { barChartSpec, forecastChartSpec, renderChartSvg, waterfallChartSpec, type WaterfallStep } from "./charts.js";
import type { HeadlineFigure, ReportDocument, ReportSection, ReportTable } from "./document.js";

const pct = (v: number | null | undefined, d = 1) => (v === null || v === undefined || !Number.isFinite(v) ? "-" : `${(v * 100).toFixed(d)}%`);
const pts = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? "-" : `${v > 0 ? "+" : v < 0 ? "" : "±"}${(v * 100).toFixed(1)} pt`);
const num = (v: number | null | undefined, d = 0) => (v === null || v === undefined || !Number.isFinite(v) ? "-" : v.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d }));
const signedPct = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? "-" : `${v > 0 ? "+" : ""}${(v * 100).toFixed(1)}%`);

/** The month's attribution row of a channel (or "all"), when there is one. */
function monthRow(review: ReviewResult, channel: string): AttributionRow | undefined {
  return review.attribution?.month.find((r) => r.channel === channel);
}

/** The channel the headline speaks for: "all" with several channels, else the only one. */
const mainChannel = (review: ReviewResult) => (review.channels.length > 1 ? "all" : review.channels[0]!);

/** The waterfall steps from target or plan to achieved for one attribution row. */
export function waterfallSteps(row: AttributionRow): WaterfallStep[] {
  return [
    { label: "planned", value: row.planned, kind: "total" },
    { label: "volume", value: row.volume, kind: "change" },
    { label: "handle time", value: row.handleTime, kind: "change" },
    { label: "staffing", value: row.staffing, kind: "change" },
    { label: "shrinkage", value: row.shrinkage, kind: "change" },
    { label: "modelled", value: row.modelled, kind: "total" },
    ...(row.modelError === null || row.achieved === null
      ? []
      : [
          { label: "model error", value: row.modelError, kind: "change" as const },
          { label: "achieved", value: row.achieved, kind: "total" as const },
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
export function attributionTable(rows: readonly AttributionRow[], title?: string): ReportTable {
  return {
    ...(title === undefined ? {} : { title }),
    columns: ["", "target", "planned", "volume", "handle time", "staffing", "shrinkage", "modelled", "model error", "achieved"],
    numeric: [1, 2, 3, 4, 5, 6, 7, 8, 9],
    rows: rows.map((r) => [r.channel === "all" || r.period.length > 7 ? `${r.period.length > 7 ? `${r.period} ` : ""}${r.channel}` : r.channel, pct(r.target), pct(r.planned), pts(r.volume), pts(r.handleTime), pts(r.staffing), pts(r.shrinkage), pct(r.modelled), pts(r.modelError), pct(r.achieved)]),
  };
}

/** Table: service level, abandonment and ASA against target and plan. */
export function targetsTable(review: ReviewResult): ReportTable {
  return {
    columns: ["channel", "SL target", "SL planned", "SL achieved", "aband. max", "aband. planned", "aband. achieved", "ASA target s", "ASA planned s", "ASA achieved s"],
    numeric: [1, 2, 3, 4, 5, 6, 7, 8, 9],
    rows: review.targets.map((t) => [
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
    ]),
  };
}

/** Table: forecast accuracy of the month per channel. */
export function accuracyTable(review: ReviewResult): ReportTable {
  return {
    columns: ["channel", "forecast", "actual", "WAPE", "bias", "inside band", "intervals"],
    numeric: [1, 2, 3, 4, 5, 6],
    rows: review.forecastAccuracy.month.map((r) => [r.channel, num(r.forecastContacts), num(r.actualContacts), pct(r.wape), signedPct(r.bias), pct(r.bandCoverage), num(r.intervals)]),
  };
}

/** Table: calibration per channel. */
export function calibrationTable(review: ReviewResult): ReportTable {
  return {
    columns: ["channel", "volume factor", "AHT planned s", "AHT actual s", "patience fitted s", "patience >= s", "shrinkage planned", "shrinkage actual", "of paid time", "SL model error"],
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
export async function buildReviewReport(review: ReviewResult, options: { name?: string; footer?: string } = {}): Promise<ReportDocument> {
  const main = mainChannel(review);
  const acc = review.forecastAccuracy.month.find((r) => r.channel === main);
  const attr = monthRow(review, main);
  const headline: HeadlineFigure[] = [
    { label: "forecast WAPE", value: pct(acc?.wape), note: `bias ${signedPct(acc?.bias)}, ${pct(acc?.bandCoverage)} of intervals inside the band` },
    { label: "service level achieved", value: pct(attr?.achieved), note: `target ${pct(attr?.target)}, planned ${pct(attr?.planned)}` },
  ];
  if (attr !== undefined) {
    const parts: [string, number][] = [
      ["volume", attr.volume],
      ["handle time", attr.handleTime],
      ["staffing", attr.staffing],
      ["shrinkage", attr.shrinkage],
    ];
    const biggest = [...parts].sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]))[0]!;
    headline.push({ label: "biggest cause", value: `${biggest[0]} ${pts(biggest[1])}`, note: `of ${pts(attr.modelled - attr.planned)} modelled change` });
  }
  if (review.cost !== null) {
    headline.push({ label: "cost per contact", value: `${review.cost.currency} ${review.cost.actual.costPerContact ?? "-"}`, note: `planned ${review.cost.planned.costPerContact ?? "-"}` });
  }
  const sections: ReportSection[] = [];

  // Forecast accuracy.
  const byDay = review.forecastAccuracy.days.filter((r) => r.channel === main);
  const withBand = byDay.map((r) => ({ localMs: parseLocalTimestamp(r.period)!.localMs, actual: r.actualContacts, forecast: r.forecastContacts, lower: r.lowerContacts, upper: r.upperContacts }));
  sections.push({
    id: "accuracy",
    title: "1. Forecast accuracy",
    paragraphs: ["Contacts per day, forecast against actual, with the forecast's prediction band summed per day; WAPE, bias and band coverage over the intervals the centre was open."],
    charts: [{ id: "forecast-vs-actual", title: "Forecast and actual contacts per day", svg: await renderChartSvg(forecastChartSpec(withBand, { actualLabel: "actual" }), "forecast-vs-actual", "Forecast and actual contacts per day") }],
    tables: [
      accuracyTable(review),
      {
        title: "Worst days (absolute daily error)",
        columns: ["date", "channel", "forecast", "actual", "error", "special day"],
        numeric: [2, 3, 4],
        rows: review.forecastAccuracy.worstDays.map((d) => [d.date, d.channel, num(d.forecastContacts), num(d.actualContacts), signedPct(d.error), d.label ?? ""]),
      },
    ],
  });

  // Targets.
  sections.push({
    id: "targets",
    title: "2. Targets",
    paragraphs: ["Service level, abandonment and ASA achieved against the target and against the plan's prediction (the queue model at the plan's contacts, AHT, head count and shrinkage)."],
    tables: [targetsTable(review)],
  });

  // Why.
  if (review.attribution !== null && attr !== undefined) {
    const hours = review.attribution.hours.filter((r) => r.channel === main);
    const bars = hours.flatMap((r) => [
      { label: r.period, value: r.planned, group: "planned" },
      ...(r.achieved === null ? [] : [{ label: r.period, value: r.achieved, group: "achieved" }]),
    ]);
    sections.push({
      id: "why",
      title: "3. Why: the service level from plan to actual",
      paragraphs: [
        `The plan's queue model re-evaluated with each actual input swapped in. ${review.attribution.method}. The model error is what the model does not explain (achieved - modelled).`,
      ],
      charts: [
        { id: "waterfall", title: `Service level, ${main}: planned to achieved`, svg: await renderChartSvg(waterfallChartSpec(waterfallSteps(attr), { yTitle: "service level", percent: true, baseline: waterfallBaseline(waterfallSteps(attr)) }), "waterfall", "Service level waterfall"), caption: "Green raised the service level, red lowered it; the axis starts below the lowest level, not at 0." },
        { id: "sl-by-hour", title: `Service level by hour of day, ${main}: planned and achieved`, svg: await renderChartSvg(barChartSpec(bars, { xTitle: "service level" }), "sl-by-hour", "Service level by hour of day") },
      ],
      tables: [attributionTable(review.attribution.month, "The month"), attributionTable(hours, `By hour of day, ${main}`)],
    });
  }

  // Calibration.
  sections.push({
    id: "calibration",
    title: "4. Calibration for the next plan",
    paragraphs: ["calibration.json carries these into `wfm plan --calibration`: the forecast times the volume factor, the actual AHT by interval of week, the fitted patience (voice, Erlang A) and the actual shrinkage."],
    tables: [calibrationTable(review)],
  });

  if (review.adherence !== null) {
    const a = review.adherence;
    sections.push({
      id: "adherence",
      title: "5. Adherence and conformance",
      tables: [
        {
          title: "Teams",
          columns: ["team", "scheduled h", "in adherence h", "adherence", "scheduled work h", "work h", "conformance"],
          numeric: [1, 2, 3, 4, 5, 6],
          rows: a.teams.map((t) => [t.name, num(t.scheduledHours, 1), num(t.inAdherenceHours, 1), pct(t.adherence), num(t.scheduledWorkHours, 1), num(t.workHours, 1), pct(t.conformance)]),
        },
        {
          title: "Agents",
          columns: ["agent", "team", "adherence", "conformance", "work h", "break h", "offline h"],
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
      title: "6. Cost",
      paragraphs: [`Actual cost: the cost model on the actual hours (the plan's paid hours moved in proportion to the staffed hours: ${num(c.actual.staffedHours)} staffed, ${num(c.actual.paidHours)} paid), the handled contacts and minutes and the orders. Money in ${c.currency}.`],
      tables: [
        {
          columns: ["", "planned", "actual"],
          numeric: [1, 2],
          rows: [
            ["total", c.planned.total, c.actual.total],
            ["per contact", c.planned.costPerContact ?? "-", c.actual.costPerContact ?? "-"],
            ["per order", c.planned.costPerOrder ?? "-", c.actual.costPerOrder ?? "-"],
            ["orders", num(c.planned.orders), num(c.actual.orders)],
          ],
        },
        {
          title: "Per channel",
          columns: ["channel", "planned", "actual", "planned per contact", "actual per contact"],
          numeric: [1, 2, 3, 4],
          rows: c.channels.map((x) => [x.channel, x.plannedCost ?? "-", x.actualCost, x.plannedCostPerContact ?? "-", x.actualCostPerContact ?? "-"]),
        },
      ],
    });
  }
  sections.push({ id: "notes", title: "Definitions and notes", notes: [...review.definitions, ...review.notes] });
  return {
    title: `${options.name ?? "Contact centre"}: review of ${review.month}, plan against actual`,
    subtitle: `${review.period.start} to ${review.period.end} (exclusive), ${review.period.intervalMinutes}-minute intervals, channels ${review.channels.join(", ")}`,
    headline,
    sections,
    ...(options.footer === undefined ? {} : { footer: options.footer }),
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
export function lastMonthReviewSection(review: ReviewResult): ReportSection {
  const main = mainChannel(review);
  const attr = monthRow(review, main);
  const acc = review.forecastAccuracy.month.find((r) => r.channel === main);
  const summary =
    attr === undefined
      ? ""
      : ` Service level: ${pct(attr.achieved)} achieved against ${pct(attr.target)} target and ${pct(attr.planned)} planned; volume ${pts(attr.volume)}, handle time ${pts(attr.handleTime)}, staffing ${pts(attr.staffing)}, shrinkage ${pts(attr.shrinkage)}, model error ${pts(attr.modelError)}.`;
  return {
    id: "last-month-review",
    title: `Last month: plan vs actual (${review.month})`,
    paragraphs: [`Forecast WAPE ${pct(acc?.wape)}, bias ${signedPct(acc?.bias)}, ${pct(acc?.bandCoverage)} of intervals inside the band.${summary}`],
    tables: [accuracyTable(review), targetsTable(review), ...(review.attribution === null ? [] : [attributionTable(review.attribution.month, "Service level from plan to actual (Shapley attribution)")]), calibrationTable(review)],
  };
}
