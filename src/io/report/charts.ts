import type { compile, TopLevelSpec } from "vega-lite";
import type { LocaleFormat } from "../locale/index.js";

/**
 * Charts for the HTML report, drawn by Vega-Lite and rendered to SVG by Vega in Node when the
 * report is built, so the report needs neither JavaScript nor a network to show them.
 *
 * Times are wall-clock milliseconds (`localMs`) on UTC scales, so the axes show the local times of
 * the input whatever the time zone of the machine building the report, and the same input gives
 * the same SVG bytes. Vega and Vega-Lite (a second of start-up) are imported on the first chart
 * only, so commands that draw none never load them.
 *
 * @module
 */

const palette = {
  actual: "#4b5563",
  forecast: "#2563eb",
  band: "#93c5fd",
  required: "#dc2626",
  scheduled: "#16a34a",
};

const baseConfig = {
  font: "system-ui, -apple-system, Segoe UI, Roboto, sans-serif",
  view: { stroke: null },
  axis: { labelFontSize: 11, titleFontSize: 12, gridColor: "#e5e7eb" },
  legend: { labelFontSize: 11, titleFontSize: 12, orient: "top" },
  background: "white",
} as const;

/** Vega-Lite's warnings go nowhere: the report must not write to the user's terminal. */
const silentLogger = {
  level(): number {
    return 0;
  },
  error(): typeof silentLogger {
    return silentLogger;
  },
  warn(): typeof silentLogger {
    return silentLogger;
  },
  info(): typeof silentLogger {
    return silentLogger;
  },
  debug(): typeof silentLogger {
    return silentLogger;
  },
} as unknown as NonNullable<Parameters<typeof compile>[1]>["logger"];

/** Vega's number format locale for Persian axes: Persian digits, `٬` thousands, `٫` decimals. */
const persianNumberLocale = {
  decimal: "٫",
  thousands: "٬",
  grouping: [3],
  currency: ["", ""],
  numerals: ["۰", "۱", "۲", "۳", "۴", "۵", "۶", "۷", "۸", "۹"],
  percent: "٪",
};

/**
 * Axis labels given by value, as a Vega expression (`{"key": "label"}[datum.value]`), falling back
 * to Vega's own label: dates in another calendar (Solar Hijri) or digits in another script. On a
 * time axis (`temporal`) the value is a date, looked up by its milliseconds.
 *
 * @example
 * ```ts
 * labelExpression({ "7": "۷" }); //=> `{"7":"۷"}['' + datum.value] || datum.label`
 * ```
 */
export function labelExpression(labels: Readonly<Record<string, string>>, options: { temporal?: boolean } = {}): string {
  return `${JSON.stringify(labels)}['' + ${options.temporal === true ? "time(datum.value)" : "datum.value"}] || datum.label`;
}

/**
 * The day-and-month labels of every day from the first to the last instant (wall-clock
 * milliseconds at local midnight), for the time axis of a chart in a locale: `{ [ms]: "10 آذر" }`.
 *
 * @example
 * ```ts
 * dayLabels([Date.UTC(2026, 11, 1)], localeFormat("fa")); //=> { "1796083200000": "۱۰ آذر" }
 * ```
 */
export function dayLabels(localMs: readonly number[], format: LocaleFormat): Record<string, string> {
  const labels: Record<string, string> = {};
  if (localMs.length === 0) return labels;
  const day = 86_400_000;
  const first = Math.floor(Math.min(...localMs) / day) * day;
  const last = Math.max(...localMs);
  for (let t = first; t <= last; t += day) labels[String(t)] = format.dayMonth(t);
  return labels;
}

/**
 * Renders a Vega-Lite spec to an SVG string, labelled for assistive technology and for tests
 * (`data-chart` attribute).
 *
 * @param spec - a Vega-Lite spec with inline data
 * @param id - the chart's id, written as `data-chart="id"` on the `<svg>`
 * @param title - the accessible name of the chart
 * @param options.locale - the report's locale: Persian digits and separators on the axes for `fa`
 */
export async function renderChartSvg(spec: TopLevelSpec, id: string, title: string, options: { locale?: LocaleFormat } = {}): Promise<string> {
  const [vega, { compile }] = await Promise.all([import("vega"), import("vega-lite")]);
  const compiled = compile({ ...spec, config: { ...baseConfig, ...(spec.config ?? {}) } } as TopLevelSpec, { logger: silentLogger }).spec;
  const persian = options.locale?.locale === "fa";
  const view = new vega.View(vega.parse(compiled), {
    renderer: "none",
    logLevel: vega.Error,
    ...(persian ? { locale: { number: persianNumberLocale } } : {}),
  } as ConstructorParameters<typeof vega.View>[1]);
  try {
    const svg = await view.toSVG();
    const escaped = title.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
    // Vega numbers gradients and clip paths with a process-wide counter: renumber them per chart
    // so the same report gives the same bytes however many charts the process drew before.
    const ids = new Map<string, string>();
    const local = svg.replace(/\b(gradient|clip)_?(\d+)\b/g, (match, kind: string) => {
      let name = ids.get(match);
      if (name === undefined) ids.set(match, (name = `${id}-${kind}-${ids.size + 1}`));
      return name;
    });
    return local.replace(/^<svg /, `<svg role="img" aria-label="${escaped}" data-chart="${id}" `);
  } finally {
    view.finalize();
  }
}

/** One point of the history-and-forecast chart. */
export interface ForecastChartPoint {
  readonly localMs: number;
  /** Observed contacts (history), when known. */
  readonly actual?: number;
  /** Forecast contacts, when forecast. */
  readonly forecast?: number;
  /** Lower bound of the prediction interval. */
  readonly lower?: number;
  /** Upper bound of the prediction interval. */
  readonly upper?: number;
}

/**
 * History (grey) and forecast (blue) contacts per day, with the prediction interval as a band.
 */
export function forecastChartSpec(
  points: readonly ForecastChartPoint[],
  options: { width?: number; yTitle?: string; actualLabel?: string; forecastLabel?: string; dayLabels?: Readonly<Record<string, string>> } = {},
): TopLevelSpec {
  const { width = 860, yTitle = "contacts per day", actualLabel = "history", forecastLabel = "forecast" } = options;
  const lines = points.flatMap((p) => [
    ...(p.actual === undefined ? [] : [{ t: p.localMs, value: p.actual, series: actualLabel }]),
    ...(p.forecast === undefined ? [] : [{ t: p.localMs, value: p.forecast, series: forecastLabel }]),
  ]);
  const band = points.filter((p) => p.lower !== undefined && p.upper !== undefined).map((p) => ({ t: p.localMs, lower: p.lower, upper: p.upper }));
  const axis = options.dayLabels === undefined ? { format: "%d %b" } : { format: "%d %b", labelExpr: labelExpression(options.dayLabels, { temporal: true }) };
  const x = { field: "t", type: "temporal", scale: { type: "utc" }, title: null, axis } as const;
  return {
    width,
    height: 220,
    layer: [
      {
        data: { values: band },
        mark: { type: "area", opacity: 0.35, color: palette.band },
        encoding: { x, y: { field: "lower", type: "quantitative", title: yTitle }, y2: { field: "upper" } },
      },
      {
        data: { values: lines },
        mark: { type: "line", strokeWidth: 1.5 },
        encoding: {
          x,
          y: { field: "value", type: "quantitative", title: yTitle },
          color: {
            field: "series",
            type: "nominal",
            title: null,
            scale: { domain: [actualLabel, forecastLabel], range: [palette.actual, palette.forecast] },
          },
        },
      },
    ],
  } as TopLevelSpec;
}

/** Required and scheduled agents in one interval. */
export interface CoverageChartPoint {
  readonly localMs: number;
  readonly required: number;
  readonly scheduled: number;
}

/** Required (red) against scheduled (green) agents per interval, as step lines. */
export function coverageChartSpec(
  points: readonly CoverageChartPoint[],
  options: { width?: number; yTitle?: string; requiredLabel?: string; scheduledLabel?: string; dayLabels?: Readonly<Record<string, string>> } = {},
): TopLevelSpec {
  const { width = 860, yTitle = "agents on the floor", requiredLabel = "required", scheduledLabel = "scheduled" } = options;
  const values = points.flatMap((p) => [
    { t: p.localMs, agents: p.required, series: requiredLabel },
    { t: p.localMs, agents: p.scheduled, series: scheduledLabel },
  ]);
  const axis = options.dayLabels === undefined ? { format: "%d %b" } : { format: "%d %b", labelExpr: labelExpression(options.dayLabels, { temporal: true }) };
  return {
    width,
    height: 220,
    data: { values },
    mark: { type: "line", interpolate: "step-after", strokeWidth: 1.2 },
    encoding: {
      x: { field: "t", type: "temporal", scale: { type: "utc" }, title: null, axis },
      y: { field: "agents", type: "quantitative", title: yTitle },
      color: { field: "series", type: "nominal", title: null, scale: { domain: [requiredLabel, scheduledLabel], range: [palette.required, palette.scheduled] } },
    },
  } as TopLevelSpec;
}

/** One cell of the day x hour heatmap. */
export interface HeatmapCell {
  /** Date `YYYY-MM-DD`. */
  readonly day: string;
  /** Hour of the day, 0..23. */
  readonly hour: number;
  /** Scheduled minus required agent-hours in that hour: negative is shortfall, positive excess. */
  readonly balance: number;
}

/** Day x hour heatmap of shortfall (red) and excess (blue) agent-hours. */
export function balanceHeatmapSpec(
  cells: readonly HeatmapCell[],
  options: { xTitle?: string; legendTitle?: string; dayLabels?: Readonly<Record<string, string>>; hourLabels?: Readonly<Record<string, string>> } = {},
): TopLevelSpec {
  const { xTitle = "hour of day", legendTitle = "over (+) / under (-)" } = options;
  const extent = Math.max(1, ...cells.map((c) => Math.abs(c.balance)));
  return {
    data: { values: cells.map((c) => ({ ...c })) },
    mark: { type: "rect" },
    width: { step: 26 },
    height: { step: 13 },
    encoding: {
      x: { field: "hour", type: "ordinal", title: xTitle, axis: { labelAngle: 0, ...(options.hourLabels === undefined ? {} : { labelExpr: labelExpression(options.hourLabels) }) } },
      y: { field: "day", type: "ordinal", title: null, ...(options.dayLabels === undefined ? {} : { axis: { labelExpr: labelExpression(options.dayLabels) } }) },
      color: {
        field: "balance",
        type: "quantitative",
        title: legendTitle,
        scale: { scheme: "redblue", domain: [-extent, extent] },
        legend: { orient: "right", gradientLength: 180, titleLimit: 260 },
      },
    },
  } as TopLevelSpec;
}

/** One line of a horizontal bar chart. */
export interface BarDatum {
  readonly label: string;
  readonly value: number;
  /** Optional group (colour), e.g. the scenario. */
  readonly group?: string;
}

/** Horizontal bars, e.g. the cost breakdown (`value` in currency units). */
export function barChartSpec(bars: readonly BarDatum[], options: { xTitle: string; width?: number }): TopLevelSpec {
  const { xTitle, width = 560 } = options;
  const grouped = bars.some((b) => b.group !== undefined);
  return {
    data: { values: bars.map((b) => ({ ...b })) },
    mark: { type: "bar", color: palette.forecast },
    width,
    height: { step: grouped ? 12 : 22 },
    encoding: {
      y: { field: "label", type: "nominal", title: null, sort: null },
      x: { field: "value", type: "quantitative", title: xTitle },
      ...(grouped ? { yOffset: { field: "group", sort: null }, color: { field: "group", type: "nominal", title: null, sort: null } } : {}),
    },
  } as TopLevelSpec;
}

/** One step of a waterfall: a start or end total, or a signed change. */
export interface WaterfallStep {
  readonly label: string;
  /** The change (for `kind: "change"`) or the level (for `kind: "total"`). */
  readonly value: number;
  readonly kind: "total" | "change";
}

/**
 * A waterfall: totals as full bars, changes as floating bars from the running level (green up,
 * red down), e.g. the service level from the plan's prediction to the achieved one. Totals start
 * at `baseline` (default 0) so that small changes on a high level stay visible.
 */
export function waterfallChartSpec(steps: readonly WaterfallStep[], options: { yTitle: string; width?: number; percent?: boolean; baseline?: number }): TopLevelSpec {
  const { yTitle, width = 560, percent = false, baseline = 0 } = options;
  let level = 0;
  const values = steps.map((s, i) => {
    const from = s.kind === "total" ? baseline : level;
    const to = s.kind === "total" ? s.value : level + s.value;
    level = to;
    return { order: i, label: s.label, from, to, kind: s.kind === "total" ? "level" : s.value >= 0 ? "up" : "down" };
  });
  return {
    data: { values },
    mark: { type: "bar" },
    width,
    height: 240,
    encoding: {
      x: { field: "label", type: "nominal", title: null, sort: null, axis: { labelAngle: 0 } },
      y: { field: "from", type: "quantitative", title: yTitle, ...(percent ? { axis: { format: ".0%" } } : {}), scale: { zero: baseline === 0 } },
      y2: { field: "to" },
      color: { field: "kind", type: "nominal", title: null, scale: { domain: ["level", "up", "down"], range: [palette.forecast, palette.scheduled, palette.required] }, legend: null },
    },
  } as TopLevelSpec;
}
