import { dayNames, formatLocalDate, localDayOfWeek, localMinuteOfDay, millisecondsInMinute } from "../calendar/local-time.js";
import { costBreakdown, roundCost, type CostModel, type ChannelActivity } from "../cost/cost-model.js";
import type { KpiInterval, KpiOrders } from "../cost/kpi.js";
import { ticketKpis, type Ticket, type TicketKpis } from "../cost/tickets.js";
import { WfmError, requireOptions } from "../errors.js";
import { forecastAccuracy } from "../forecast/accuracy.js";
import type { SpecialDay } from "../forecast/types.js";
import { agentAdherence, type AdherenceReport, type AgentScheduleSegment, type AgentStateSegment } from "./adherence.js";
import { predictQueue, type ChannelQueueModel } from "./model.js";
import { simulateReview, type ReviewSimulation } from "./review-simulation.js";
import { shapleyValues } from "./shapley.js";
import type { ReviewPlan, ReviewPlanInterval } from "./types.js";
import { compareText } from "../order.js";

/**
 * The month's review: plan against actual.
 *
 * - forecast accuracy on the open intervals (WAPE, bias, share inside the prediction band);
 * - targets: service level, abandonment and ASA achieved against the target and the plan;
 * - why: the service-level change from the plan's prediction to the model at actual inputs,
 *   split into volume, handle time, staffing and shrinkage/adherence by Shapley values;
 * - calibration for the next plan: volume bias, actual AHT by interval of week, patience implied
 *   by abandonment (Erlang A), actual shrinkage, and the model's error against achieved SL;
 * - adherence and conformance from an agent state log; actual cost against the planned cost.
 *
 * @module
 */

/** The four factors of the attribution, in bit order of the coalition masks. */
export const attributionFactors = ["volume", "handleTime", "staffing", "shrinkage"] as const;
/** One factor of the attribution. */
export type AttributionFactor = (typeof attributionFactors)[number];

/** Forecast accuracy of one group of open intervals. */
export interface AccuracyRow {
  /** `"2026-12"`, `"2026-12-05"` or `"08:00"`. */
  readonly period: string;
  /** A channel, or `"all"`. */
  readonly channel: string;
  readonly intervals: number;
  readonly actualContacts: number;
  readonly forecastContacts: number;
  /** Sums of the band's lower and upper bounds, contacts. */
  readonly lowerContacts: number;
  readonly upperContacts: number;
  /** Σ|f - a| / Σa, fraction; null when Σa = 0. */
  readonly wape: number | null;
  /** Σ(f - a) / Σa, fraction, positive = over-forecast; null when Σa = 0. */
  readonly bias: number | null;
  /** Share of intervals with lower <= actual <= upper. */
  readonly bandCoverage: number | null;
}

/** A day the forecast missed most. */
export interface WorstDay {
  readonly date: string;
  readonly channel: string;
  readonly actualContacts: number;
  readonly forecastContacts: number;
  /** (forecast - actual) / actual, fraction. */
  readonly error: number | null;
  /** The special-days file's label for the day, when it was known. */
  readonly label: string | null;
}

/** Service level change of one group, split by factor. All values are fractions (0.01 = 1 point). */
export interface AttributionRow {
  readonly period: string;
  readonly channel: string;
  /** Target service level (contact-weighted over channels for `"all"`). */
  readonly target: number | null;
  /** Model at the plan's inputs: planned contacts, AHT, head count and shrinkage. */
  readonly planned: number;
  readonly volume: number;
  readonly handleTime: number;
  readonly staffing: number;
  readonly shrinkage: number;
  /** Model at the actual inputs = planned + the four components (exactly). */
  readonly modelled: number;
  /** Achieved - modelled: what the model does not explain; null without answeredWithinTarget. */
  readonly modelError: number | null;
  /** Answered within T / offered; null without answeredWithinTarget. */
  readonly achieved: number | null;
  readonly plannedContacts: number;
  readonly actualContacts: number;
}

/** Targets of one channel for the month. */
export interface TargetRow {
  readonly channel: string;
  readonly serviceLevel: { readonly target: number | null; readonly planned: number | null; readonly achieved: number | null };
  readonly abandonRate: { readonly target: number | null; readonly planned: number | null; readonly achieved: number | null };
  readonly asaSeconds: { readonly target: number | null; readonly planned: number | null; readonly achieved: number | null };
}

/** Targets of one channel on one day (`"2026-12-05"`) or hour of day (`"08:00"`, over the month's days). */
export interface TargetPeriodRow extends TargetRow {
  readonly period: string;
  /** Planned contacts (the plan's staffing volume) and offered contacts of the period. */
  readonly plannedContacts: number;
  readonly actualContacts: number;
}

/** Calibration of one channel for the next plan. */
export interface ChannelCalibration {
  readonly channel: string;
  /** Actual / forecast contacts over the open intervals of the days not in the special-days file: multiply the next forecast by it. */
  readonly volumeFactor: number | null;
  /** Mean patience fitted by Erlang A to the month's abandonment, seconds (voice). */
  readonly patienceSeconds: number | null;
  /** Lower bound of the mean patience from waits: Σ answered wait / abandoned, seconds. */
  readonly patienceLowerBoundSeconds: number | null;
  /** Planned shrinkage, weighted by scheduled head count, fraction. */
  readonly plannedShrinkage: number | null;
  /** Actual shrinkage: 1 - staffed time / scheduled floor time, fraction. */
  readonly shrinkage: number | null;
  /** 1 - staffed time / paid time of the schedule, fraction (the paid time includes breaks). */
  readonly shrinkageOfPaidTime: number | null;
  /** Planned AHT over the month, contact-weighted, seconds. */
  readonly plannedAhtSeconds: number | null;
  /** Actual AHT over the month, seconds. */
  readonly ahtSeconds: number | null;
  /** Actual AHT by day name and HH:MM of the interval, seconds. */
  readonly ahtSecondsByIntervalOfWeek: Readonly<Record<string, Readonly<Record<string, number>>>> | null;
  /** Planned AHT by the same keys, seconds. */
  readonly plannedAhtSecondsByIntervalOfWeek: Readonly<Record<string, Readonly<Record<string, number>>>> | null;
  /** Contact-weighted mean of achieved - model SL per interval, fraction. */
  readonly serviceLevelModelError: number | null;
  /** Contact-weighted mean of |achieved - model SL| per interval, fraction. */
  readonly serviceLevelModelAbsoluteError: number | null;
}

/** Cost of the month, planned against actual (money as decimal strings). */
export interface ReviewCost {
  readonly currency: string;
  readonly planned: { readonly total: string; readonly costPerContact: string | null; readonly costPerOrder: string | null; readonly orders: number | null; readonly contacts: number };
  readonly actual: {
    readonly total: string;
    readonly costPerContact: string | null;
    readonly costPerOrder: string | null;
    readonly costPerHandledMinute: string | null;
    readonly orders: number | null;
    readonly handledContacts: number;
    readonly staffedHours: number;
    readonly paidHours: number;
  };
  readonly channels: readonly { readonly channel: string; readonly plannedCost: string | null; readonly actualCost: string; readonly plannedCostPerContact: string | null; readonly actualCostPerContact: string | null }[];
}

/** Result of {@link reviewMonth}: what `wfm review` writes as review.json. */
export interface ReviewResult {
  readonly month: string;
  readonly period: { readonly start: string; readonly end: string; readonly intervalMinutes: number };
  readonly channels: readonly string[];
  readonly forecastAccuracy: {
    readonly month: readonly AccuracyRow[];
    readonly days: readonly AccuracyRow[];
    readonly hours: readonly AccuracyRow[];
    readonly worstDays: readonly WorstDay[];
  };
  readonly targets: readonly TargetRow[];
  /** The same figures per channel and day, and per channel and hour of day (the interval's start, HH:MM). */
  readonly targetsByPeriod: { readonly days: readonly TargetPeriodRow[]; readonly hours: readonly TargetPeriodRow[] };
  readonly attribution: {
    readonly method: string;
    readonly factors: readonly AttributionFactor[];
    readonly month: readonly AttributionRow[];
    readonly days: readonly AttributionRow[];
    readonly hours: readonly AttributionRow[];
  } | null;
  readonly calibration: { readonly month: string; readonly channels: readonly ChannelCalibration[] };
  /** The month's actual inputs simulated, beside the model and the achieved; null when skipped (replications 0). */
  readonly simulation: ReviewSimulation | null;
  readonly adherence: AdherenceReport | null;
  readonly cost: ReviewCost | null;
  readonly tickets: TicketKpis | null;
  /** Planned expected SL from the plan's headline, fraction. */
  readonly planExpectedServiceLevel: number | null;
  readonly definitions: readonly string[];
  readonly notes: readonly string[];
}

/** Options of {@link reviewMonth}. */
export interface ReviewMonthOptions {
  readonly plan: ReviewPlan;
  /** The month's interval report (the rows `wfm kpi` reads); rows outside the plan's month are left out. */
  readonly actual: { readonly intervals: readonly KpiInterval[]; readonly orders?: readonly KpiOrders[] };
  /** Special days, for the worst days' labels. @defaultValue [] */
  readonly events?: readonly SpecialDay[];
  /** The cost model, to cost the actual hours. @defaultValue no actual cost */
  readonly costModel?: CostModel;
  /** An agent state log and, for adherence, the agents' schedule. */
  readonly agents?: { readonly states: readonly AgentStateSegment[]; readonly schedule?: readonly AgentScheduleSegment[] };
  readonly tickets?: readonly Ticket[];
  /** Names of the inputs, for error messages. @defaultValue "the plan", "the report" */
  readonly names?: { readonly plan?: string; readonly actual?: string };
  /** Worst days listed per channel. @defaultValue 5 */
  readonly worstDays?: number;
  /** The simulator's view of the month ({@link simulateReview}); replications 0 skips it. @defaultValue `{ replications: 10, seed: 1 }` */
  readonly simulation?: { readonly replications?: number; readonly seed?: number };
}

interface Actual {
  offered: number;
  answered: number;
  abandoned: number;
  within: number;
  handle: number;
  staffed: number;
  wait: number;
}

type Field = "answered" | "abandoned" | "answeredWithinTarget" | "handleSeconds" | "staffedSeconds" | "waitSeconds";

interface Cell {
  plan: ReviewPlanInterval;
  model: ChannelQueueModel;
  actual: Actual | null;
  /** Schedule's floor head count for the channel, or the plan's head count without a schedule. */
  floor: number;
  /** Per coalition mask: contacts and SL, abandon, ASA. */
  calls: Float64Array;
  sl: Float64Array;
  abandon: Float64Array;
  asa: Float64Array;
  /** Actual inputs. */
  actualAht: number;
  actualAgents: number;
}

const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);
const hhmm = (localMs: number) => {
  const m = localMinuteOfDay(localMs);
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
};

function fail(message: string, path: string[], value?: unknown): never {
  throw new WfmError({ code: "invalid-argument", message, path, value });
}

/**
 * Reviews a month: the plan against the actual interval report (see the module comment).
 *
 * Attribution: for each interval the queue model is evaluated at the 16 combinations of plan
 * and actual values of four factors: volume (planned contacts -> offered), handle time (planned
 * AHT -> handle time / answered), staffing (the staffing plan's head count -> the schedule's
 * head count on the floor) and shrinkage/adherence (1 - planned shrinkage -> staffed time /
 * scheduled floor time). Agents on contacts = head count x availability. A group's service level
 * is Σ contacts x SL / Σ contacts at each combination, and its change from all-plan to all-actual
 * is split by Shapley values, so the four components add up exactly to the modelled change
 * whatever order one might have chosen; achieved - modelled is the model's error.
 *
 * @throws {WfmError} `invalid-argument` when options is not an object or plan or actual is missing,
 *   the report has no rows in the plan's month, its channels differ from the plan's, or its
 *   intervals are longer than the plan's
 *
 * @example
 * ```ts
 * const review = reviewMonth({ plan, actual: { intervals } });
 * review.attribution.month[0]; //=> { channel: "voice", planned: 0.86, volume: -0.05, ..., achieved: 0.78 }
 * ```
 */
export function reviewMonth(options: ReviewMonthOptions): ReviewResult {
  requireOptions("reviewMonth", options, ["plan", "actual"]);
  const { plan, events = [] } = options;
  const planName = options.names?.plan ?? "the plan";
  const actualName = options.names?.actual ?? "the report";
  const intervalMs = plan.intervalMinutes * millisecondsInMinute;
  const intervalSeconds = plan.intervalMinutes * 60;
  const notes: string[] = [];
  const month = plan.label;

  // 1. The report's rows in the plan's month, matched to the plan's intervals and channels.
  const inPeriod = options.actual.intervals.filter((r) => r.localMs >= plan.startLocalMs && r.localMs < plan.endLocalMs);
  if (inPeriod.length === 0) {
    const months = [...new Set(options.actual.intervals.map((r) => formatLocalDate(r.localMs).slice(0, 7)))].sort();
    fail(`${actualName} covers ${months.join(", ") || "no month"} but ${planName} is for ${month} (${formatLocalDate(plan.startLocalMs)} to ${formatLocalDate(plan.endLocalMs)}); review a month with the plan made for it`, ["actual", "intervals"]);
  }
  const outside = options.actual.intervals.length - inPeriod.length;
  if (outside > 0) notes.push(`${outside} report rows outside ${month} were left out`);
  const planChannels = plan.models.map((m) => m.channel);
  const actualChannels = [...new Set(inPeriod.map((r) => r.channel))];
  const missing = planChannels.filter((c) => !actualChannels.includes(c));
  const extra = actualChannels.filter((c) => !planChannels.includes(c));
  if (missing.length > 0 || extra.length > 0) {
    fail(
      `${actualName} has channels ${actualChannels.join(", ")} but ${planName} has ${planChannels.join(", ")}${extra.length > 0 ? ` (not planned: ${extra.join(", ")})` : ""}${missing.length > 0 ? ` (no actuals: ${missing.join(", ")})` : ""}`,
      ["actual", "channel"],
    );
  }
  const stamps = [...new Set(inPeriod.map((r) => r.localMs))].sort((a, b) => a - b);
  let step = Infinity;
  for (let i = 1; i < stamps.length; i++) step = Math.min(step, stamps[i]! - stamps[i - 1]!);
  if (Number.isFinite(step) && step > intervalMs) {
    fail(`${actualName} has ${step / millisecondsInMinute}-minute intervals, longer than ${planName}'s ${plan.intervalMinutes}-minute intervals`, ["actual", "intervals"]);
  }
  const has = (f: Field) => inPeriod.every((r) => r[f] !== undefined);
  const present = {
    answered: has("answered"),
    abandoned: has("abandoned"),
    within: has("answeredWithinTarget"),
    handle: has("handleSeconds") && has("answered"),
    staffed: has("staffedSeconds"),
    wait: has("waitSeconds") && has("answered"),
  };
  const lost = (what: string, column: string) => notes.push(`${what}: not measured, ${actualName} has no ${column} column (or it is empty on some rows)`);
  if (!present.within) lost("achieved service level, model error", "answeredWithinTarget");
  if (!present.abandoned) lost("achieved abandonment, fitted patience", "abandoned");
  if (!present.handle) lost("actual AHT (the handle-time factor stays at plan)", "handleSeconds or ahtSeconds with answered");
  if (!present.staffed) lost("actual shrinkage/adherence (that factor stays at plan), actual cost", "staffedSeconds");
  if (!present.wait) lost("achieved ASA, patience lower bound", "waitSeconds or asaSeconds with answered");

  const actualBy = new Map<string, Actual>();
  const slotOf = (localMs: number) => plan.startLocalMs + Math.floor((localMs - plan.startLocalMs) / intervalMs) * intervalMs;
  for (const r of inPeriod) {
    const key = `${slotOf(r.localMs)}\u0000${r.channel}`;
    const a = actualBy.get(key) ?? { offered: 0, answered: 0, abandoned: 0, within: 0, handle: 0, staffed: 0, wait: 0 };
    a.offered += r.offered;
    a.answered += r.answered ?? 0;
    a.abandoned += r.abandoned ?? 0;
    a.within += r.answeredWithinTarget ?? 0;
    a.handle += r.handleSeconds ?? 0;
    a.staffed += r.staffedSeconds ?? 0;
    a.wait += r.waitSeconds ?? 0;
    actualBy.set(key, a);
  }

  // 2. The schedule's head count on the floor per channel and interval.
  const floorOf = scheduledFloor(plan);
  if (plan.schedule === undefined) notes.push("the plan has no shift schedule: the staffing factor compares the staffing plan with itself (0)");

  const modelOf = new Map(plan.models.map((m) => [m.channel, m]));
  const cells: Cell[] = [];
  let missingRows = 0;
  for (const p of plan.intervals) {
    if (!p.open) continue;
    const model = modelOf.get(p.channel);
    if (model === undefined) continue;
    const actual = actualBy.get(`${p.localMs}\u0000${p.channel}`) ?? null;
    if (actual === null) missingRows++;
    cells.push({
      plan: p,
      model,
      actual,
      floor: floorOf.get(`${p.localMs}\u0000${p.channel}`) ?? p.scheduledAgents,
      calls: new Float64Array(16),
      sl: new Float64Array(16),
      abandon: new Float64Array(16),
      asa: new Float64Array(16),
      actualAht: p.ahtSeconds,
      actualAgents: 0,
    });
  }
  if (missingRows > 0) notes.push(`${missingRows} open plan intervals have no row in ${actualName}: left out of accuracy and attribution`);
  const measured = cells.filter((c) => c.actual !== null);

  // 3. Forecast accuracy.
  const dateOf = (ms: number) => formatLocalDate(ms);
  const accuracyRows = (key: (ms: number) => string): AccuracyRow[] => {
    const groups = new Map<string, Cell[]>();
    for (const c of measured) {
      for (const channel of [c.plan.channel, ...(planChannels.length > 1 ? ["all"] : [])]) {
        const k = `${key(c.plan.localMs)}\u0000${channel}`;
        const list = groups.get(k) ?? [];
        list.push(c);
        groups.set(k, list);
      }
    }
    const rows: AccuracyRow[] = [];
    for (const [k, list] of [...groups.entries()].sort(([a], [b]) => compareKeys(a, b, planChannels))) {
      const [period, channel] = k.split("\u0000") as [string, string];
      const acc = forecastAccuracy({ forecast: list.map((c) => c.plan.forecastCalls), actual: list.map((c) => c.actual!.offered) });
      const inside = list.filter((c) => c.actual!.offered >= c.plan.lowerCalls - 1e-9 && c.actual!.offered <= c.plan.upperCalls + 1e-9).length;
      rows.push({
        period,
        channel,
        intervals: list.length,
        actualContacts: acc.actualTotal,
        forecastContacts: list.reduce((s, c) => s + c.plan.forecastCalls, 0),
        lowerContacts: list.reduce((s, c) => s + c.plan.lowerCalls, 0),
        upperContacts: list.reduce((s, c) => s + c.plan.upperCalls, 0),
        wape: Number.isFinite(acc.wape) ? acc.wape : null,
        bias: Number.isFinite(acc.bias) ? acc.bias : null,
        bandCoverage: list.length > 0 ? inside / list.length : null,
      });
    }
    return rows;
  };
  const accuracyMonth = accuracyRows(() => month);
  const accuracyDays = accuracyRows(dateOf);
  const accuracyHours = accuracyRows(hhmm);
  const labels = new Map(events.map((e) => [formatLocalDate(e.dateMs), e.label]));
  const worstCount = options.worstDays ?? 5;
  const worstDays: WorstDay[] = planChannels.flatMap((channel) =>
    accuracyDays
      .filter((r) => r.channel === channel && r.actualContacts > 0)
      .map((r) => ({ date: r.period, channel, actualContacts: r.actualContacts, forecastContacts: r.forecastContacts, error: (r.forecastContacts - r.actualContacts) / r.actualContacts, label: labels.get(r.period) ?? null }))
      .sort((a, b) => Math.abs(b.error) - Math.abs(a.error) || compareText(a.date, b.date))
      .slice(0, worstCount),
  );

  // 4. Attribution: 16 evaluations per queued interval.
  const queued = measured.filter((c) => c.model.model !== "deferred");
  for (const c of queued) {
    const a = c.actual!;
    const p = c.plan;
    const availPlan = 1 - p.shrinkage;
    c.actualAht = present.handle && a.answered > 0 && a.handle > 0 ? a.handle / a.answered : p.ahtSeconds;
    let headsActual = c.floor;
    let availActual = availPlan;
    if (present.staffed) {
      if (c.floor > 0) availActual = a.staffed / (intervalSeconds * c.floor);
      else if (a.staffed > 0) headsActual = a.staffed / (intervalSeconds * (availPlan > 0 ? availPlan : 1));
    }
    c.actualAgents = headsActual * availActual;
    for (let mask = 0; mask < 16; mask++) {
      const calls = mask & 1 ? a.offered : p.calls;
      const aht = mask & 2 ? c.actualAht : p.ahtSeconds;
      const heads = mask & 4 ? headsActual : p.scheduledAgents;
      const avail = mask & 8 ? availActual : availPlan;
      c.calls[mask] = calls;
      if (!(aht > 0) || calls <= 0) {
        c.sl[mask] = 1;
        c.abandon[mask] = 0;
        c.asa[mask] = 0;
        continue;
      }
      const r = predictQueue({ model: c.model, callsPerInterval: calls, intervalSeconds, ahtSeconds: aht, agents: Math.max(0, heads * avail) });
      c.sl[mask] = r.serviceLevel;
      c.abandon[mask] = r.abandonProbability;
      c.asa[mask] = r.asaSeconds;
    }
  }
  if (measured.some((c) => c.model.model === "deferred")) notes.push("deferred channels (email, tickets) have no queue model: left out of the service-level attribution");
  const targetOf = (channel: string) => modelOf.get(channel)?.targetServiceLevel ?? null;
  const attributionRows = (key: (ms: number) => string): AttributionRow[] => {
    const groups = new Map<string, Cell[]>();
    for (const c of queued) {
      for (const channel of [c.plan.channel, ...(planChannels.length > 1 ? ["all"] : [])]) {
        const k = `${key(c.plan.localMs)}\u0000${channel}`;
        const list = groups.get(k) ?? [];
        list.push(c);
        groups.set(k, list);
      }
    }
    const rows: AttributionRow[] = [];
    for (const [k, list] of [...groups.entries()].sort(([a], [b]) => compareKeys(a, b, planChannels))) {
      const [period, channel] = k.split("\u0000") as [string, string];
      const values: number[] = [];
      let empty = false;
      for (let mask = 0; mask < 16; mask++) {
        let calls = 0;
        let sum = 0;
        for (const c of list) {
          calls += c.calls[mask]!;
          sum += c.calls[mask]! * c.sl[mask]!;
        }
        if (calls <= 0) empty = true;
        values.push(calls > 0 ? sum / calls : 1);
      }
      if (empty) continue;
      const phi = shapleyValues({ values });
      const offered = list.reduce((s, c) => s + c.actual!.offered, 0);
      const within = list.reduce((s, c) => s + c.actual!.within, 0);
      const achieved = present.within && offered > 0 ? within / offered : null;
      let target: number | null = null;
      if (channel === "all") {
        let w = 0;
        let t = 0;
        for (const c of list) {
          const ct = targetOf(c.plan.channel);
          if (ct === null) continue;
          w += c.actual!.offered;
          t += ct * c.actual!.offered;
        }
        target = w > 0 ? t / w : null;
      } else target = targetOf(channel);
      rows.push({
        period,
        channel,
        target,
        planned: values[0]!,
        volume: phi[0]!,
        handleTime: phi[1]!,
        staffing: phi[2]!,
        shrinkage: phi[3]!,
        modelled: values[15]!,
        modelError: achieved === null ? null : achieved - values[15]!,
        achieved,
        plannedContacts: list.reduce((s, c) => s + c.plan.calls, 0),
        actualContacts: offered,
      });
    }
    return rows;
  };
  const attribution =
    queued.length === 0
      ? null
      : {
          method: "Shapley values over 4 factors (16 model evaluations per interval): symmetric, so the components add up exactly to modelled - planned whatever the order",
          factors: [...attributionFactors],
          month: attributionRows(() => month),
          days: attributionRows(dateOf),
          hours: attributionRows(hhmm),
        };

  // 5. Targets: the month, each day and each hour of day, per channel.
  const targetFigures = (model: ChannelQueueModel, list: readonly Cell[]): Omit<TargetRow, "channel"> => {
    const plannedCalls = list.reduce((s, c) => s + c.calls[0]!, 0);
    const a = list.reduce((s, c) => ({ offered: s.offered + c.actual!.offered, answered: s.answered + c.actual!.answered, abandoned: s.abandoned + c.actual!.abandoned, within: s.within + c.actual!.within, wait: s.wait + c.actual!.wait }), {
      offered: 0,
      answered: 0,
      abandoned: 0,
      within: 0,
      wait: 0,
    });
    const weighted = (arr: "sl" | "abandon" | "asa") => ratio(list.reduce((s, c) => s + c.calls[0]! * c[arr][0]!, 0), plannedCalls);
    const erlangA = model.model === "erlang-a";
    return {
      serviceLevel: { target: model.targetServiceLevel, planned: weighted("sl"), achieved: present.within ? ratio(a.within, a.offered) : null },
      abandonRate: { target: model.maxAbandonProbability, planned: erlangA ? weighted("abandon") : null, achieved: present.abandoned ? ratio(a.abandoned, a.offered) : null },
      asaSeconds: { target: model.targetAsaSeconds, planned: weighted("asa"), achieved: present.wait ? ratio(a.wait, a.answered) : null },
    };
  };
  const queuedChannels = planChannels.filter((ch) => modelOf.get(ch)!.model !== "deferred");
  const targets: TargetRow[] = queuedChannels.map((channel) => ({ channel, ...targetFigures(modelOf.get(channel)!, queued.filter((c) => c.plan.channel === channel)) }));
  const targetPeriodRows = (key: (ms: number) => string): TargetPeriodRow[] => {
    const groups = new Map<string, Cell[]>();
    for (const c of queued) {
      const k = `${key(c.plan.localMs)}\u0000${c.plan.channel}`;
      const list = groups.get(k) ?? [];
      list.push(c);
      groups.set(k, list);
    }
    return [...groups.entries()]
      .sort(([a], [b]) => compareKeys(a, b, planChannels))
      .map(([k, list]) => {
        const [period, channel] = k.split("\u0000") as [string, string];
        return {
          period,
          channel,
          plannedContacts: list.reduce((s, c) => s + c.plan.calls, 0),
          actualContacts: list.reduce((s, c) => s + c.actual!.offered, 0),
          ...targetFigures(modelOf.get(channel)!, list),
        };
      });
  };
  const targetsByPeriod = { days: targetPeriodRows(dateOf), hours: targetPeriodRows(hhmm) };

  // 6. Calibration.
  const teamOf = new Map<string, { paidHours: number; channels: readonly string[] }>();
  for (const t of plan.schedule?.teams ?? []) for (const ch of t.channels) teamOf.set(ch, t);
  const floorHoursOfTeam = new Map<string, number>();
  for (const c of cells) {
    const team = teamOf.get(c.plan.channel);
    if (team === undefined) continue;
    const key = team.channels.join("\u0000");
    floorHoursOfTeam.set(key, (floorHoursOfTeam.get(key) ?? 0) + (c.floor * intervalSeconds) / 3600);
  }
  const calibrationChannels: ChannelCalibration[] = planChannels.map((channel) => {
    const model = modelOf.get(channel)!;
    const list = measured.filter((c) => c.plan.channel === channel);
    const usual = list.filter((c) => !labels.has(dateOf(c.plan.localMs)));
    const offered = usual.reduce((s, c) => s + c.actual!.offered, 0);
    const forecast = usual.reduce((s, c) => s + c.plan.forecastCalls, 0);
    const floorSeconds = list.reduce((s, c) => s + c.floor * intervalSeconds, 0);
    const staffed = list.reduce((s, c) => s + c.actual!.staffed, 0);
    const plannedShrinkage = ratio(list.reduce((s, c) => s + c.floor * c.plan.shrinkage, 0), list.reduce((s, c) => s + c.floor, 0));
    const team = teamOf.get(channel);
    let paidSeconds: number | null = null;
    if (team !== undefined) {
      const teamFloor = floorHoursOfTeam.get(team.channels.join("\u0000")) ?? 0;
      if (teamFloor > 0) paidSeconds = team.paidHours * 3600 * (floorSeconds / 3600 / teamFloor);
    }
    const answered = list.reduce((s, c) => s + c.actual!.answered, 0);
    const handle = list.reduce((s, c) => s + c.actual!.handle, 0);
    const plannedCalls = list.reduce((s, c) => s + c.plan.calls, 0);
    const profile = present.handle ? ahtProfile(list, intervalMs) : null;
    let errorSum = 0;
    let absSum = 0;
    let errorWeight = 0;
    if (present.within && model.model !== "deferred") {
      for (const c of list) {
        if (c.actual!.offered <= 0) continue;
        const e = c.actual!.within / c.actual!.offered - c.sl[15]!;
        errorSum += c.actual!.offered * e;
        absSum += c.actual!.offered * Math.abs(e);
        errorWeight += c.actual!.offered;
      }
    }
    const abandoned = list.reduce((s, c) => s + c.actual!.abandoned, 0);
    const waits = list.reduce((s, c) => s + c.actual!.wait, 0);
    return {
      channel,
      volumeFactor: ratio(offered, forecast),
      patienceSeconds: model.type === "voice" && present.abandoned ? fitPatience(list, model, intervalSeconds, abandoned, notes) : null,
      patienceLowerBoundSeconds: model.type === "voice" && present.abandoned && present.wait && abandoned > 0 ? waits / abandoned : null,
      plannedShrinkage,
      shrinkage: present.staffed && floorSeconds > 0 ? 1 - staffed / floorSeconds : null,
      shrinkageOfPaidTime: present.staffed && paidSeconds !== null && paidSeconds > 0 ? 1 - staffed / paidSeconds : null,
      plannedAhtSeconds: ratio(list.reduce((s, c) => s + c.plan.calls * c.plan.ahtSeconds, 0), plannedCalls),
      ahtSeconds: present.handle ? ratio(handle, answered) : null,
      ahtSecondsByIntervalOfWeek: profile?.actual ?? null,
      plannedAhtSecondsByIntervalOfWeek: profile?.planned ?? null,
      serviceLevelModelError: errorWeight > 0 ? errorSum / errorWeight : null,
      serviceLevelModelAbsoluteError: errorWeight > 0 ? absSum / errorWeight : null,
    };
  });

  // 7. The simulator's view: the month's actual inputs simulated (whole agents, fitted patience).
  const replications = options.simulation?.replications ?? 10;
  if (!Number.isInteger(replications) || replications < 0) fail(`simulation replications must be a whole number >= 0 (0 = no simulation), got ${replications}`, ["simulation", "replications"], replications);
  let simulation: ReviewSimulation | null = null;
  const simulated = queued.filter((c) => c.actual!.offered > 0);
  if (replications > 0 && simulated.length > 0) {
    const patienceSecondsOf = new Map(calibrationChannels.filter((c) => c.patienceSeconds !== null).map((c) => [c.channel, c.patienceSeconds]));
    simulation = simulateReview({
      models: plan.models,
      patienceSecondsOf,
      intervalMinutes: plan.intervalMinutes,
      measured: { within: present.within, abandoned: present.abandoned },
      replications,
      seed: options.simulation?.seed ?? 1,
      intervals: simulated.map((c) => {
        const agents = Math.max(0, Math.round(c.actualAgents));
        const patience = patienceSecondsOf.get(c.plan.channel);
        return {
          localMs: c.plan.localMs,
          channel: c.plan.channel,
          offered: c.actual!.offered,
          ahtSeconds: c.actualAht,
          agents,
          modelServiceLevel: c.actualAht > 0 ? predictQueue({ model: c.model, callsPerInterval: c.actual!.offered, intervalSeconds, ahtSeconds: c.actualAht, agents, ...(patience === undefined || patience === null ? {} : { patienceSeconds: patience }) }).serviceLevel : null,
          abandoned: c.actual!.abandoned,
          answeredWithinTarget: c.actual!.within,
        };
      }),
    });
  }

  // 8. Adherence, cost, tickets.
  const adherence = options.agents === undefined ? null : agentAdherence({ states: options.agents.states, ...(options.agents.schedule === undefined ? {} : { schedule: options.agents.schedule }), startLocalMs: plan.startLocalMs, endLocalMs: plan.endLocalMs });
  if (options.agents !== undefined && options.agents.schedule === undefined) notes.push("adherence and conformance need the agents' schedule (agent,start,end,activity); the state log alone gives time per state");
  let cost: ReviewCost | null = null;
  if (options.costModel !== undefined) {
    if (!present.staffed) notes.push("actual cost: not computed, the report has no staffedSeconds column");
    else cost = reviewCost(options.costModel, plan, measured, floorOf.size > 0, intervalSeconds, options.actual.orders ?? [], teamOf, floorHoursOfTeam);
  } else if (plan.cost !== undefined) notes.push("actual cost: not computed; pass the cost config (--cost) to cost the actual hours");
  const tickets = options.tickets === undefined ? null : ticketKpis({ tickets: options.tickets, month });

  const definitions = [
    "WAPE = Σ|forecast - actual| / Σ actual; bias = Σ(forecast - actual) / Σ actual (positive = over-forecast); band coverage = share of intervals with lower <= actual <= upper; over the intervals the centre was planned open",
    "service level = answered within T / offered (abandons count against it); ASA = total answer wait / answered; abandonment = abandoned / offered",
    "attribution: the queue model the plan used, evaluated per interval at the 16 combinations of plan and actual volume (contacts), handle time (AHT), staffing (head count: staffing plan -> shift schedule on the floor) and shrinkage/adherence (available share: 1 - planned shrinkage -> staffed time / scheduled floor time); agents on contacts = head count x available share, fractional agents interpolated linearly",
    "the components are Shapley values (each factor's marginal effect averaged over all 24 orders of the factors): symmetric, and they add up exactly to modelled - planned; model error = achieved - modelled",
    "patience: the mean patience at which Erlang A, fed the actual contacts, AHT and staffed agents of each interval, gives the month's abandoned count (bisection); lower bound = Σ answered wait / abandoned, since P(abandon) = E[time in queue] / mean patience in M/M/N+M and abandoners' waits are not in the report",
    "volume factor = Σ actual / Σ forecast over the open intervals of the days not in the special-days file (a campaign or outage is not a bias)",
    "shrinkage = 1 - staffed time / scheduled floor time (the plan's shrinkage definition); of paid time = 1 - staffed time / the schedule's paid hours (which include breaks)",
    "targets by day and by hour of day: the same figures over the intervals of each day, and of each interval start (HH:MM) over the month's days; planned = the model at the plan's inputs",
    ...(simulation === null ? [] : [`simulation: the month's actual inputs (offered contacts, AHT, staffed agents rounded to whole agents, the fitted patience) simulated as discrete events, ${simulation.replications} replications, seed ${simulation.seed}, queues carried over between intervals; model = the queue model at the same inputs; ± = 95% half-width over the replications`]),
    ...(cost === null ? [] : ["actual cost = the cost model on the handled contacts and minutes, the report's orders, and paid agent hours = the plan's paid hours x actual staffed hours / planned staffed hours, per channel (the report has staffed, not paid, time)"]),
  ];
  return {
    month,
    period: { start: formatLocalDate(plan.startLocalMs), end: formatLocalDate(plan.endLocalMs), intervalMinutes: plan.intervalMinutes },
    channels: planChannels,
    forecastAccuracy: { month: accuracyMonth, days: accuracyDays, hours: accuracyHours, worstDays },
    targets,
    targetsByPeriod,
    attribution,
    calibration: { month, channels: calibrationChannels },
    simulation,
    adherence,
    cost,
    tickets,
    planExpectedServiceLevel: plan.expectedServiceLevel ?? null,
    definitions,
    notes,
  };
}

function compareKeys(a: string, b: string, channels: readonly string[]): number {
  const [pa, ca] = a.split("\u0000") as [string, string];
  const [pb, cb] = b.split("\u0000") as [string, string];
  const rank = (c: string) => (c === "all" ? channels.length : channels.indexOf(c));
  return compareText(pa, pb) || rank(ca) - rank(cb);
}

/**
 * The schedule's agents on the floor per channel and plan interval: the team's floor agents
 * (mean over the interval's slots) shared among its channels by the staffing plan's head counts,
 * as `planMonth` shares them.
 */
function scheduledFloor(plan: ReviewPlan): Map<string, number> {
  const out = new Map<string, number>();
  const schedule = plan.schedule;
  if (schedule === undefined) return out;
  const intervalMs = plan.intervalMinutes * millisecondsInMinute;
  const slotMs = schedule.slotMinutes * millisecondsInMinute;
  const perInterval = Math.max(1, Math.round(intervalMs / slotMs));
  const slot = new Map<string, { required: number; scheduled: number }>();
  for (const c of schedule.coverage) slot.set(`${c.localMs}\u0000${c.team}`, c);
  const teamOf = new Map<string, string>();
  for (const t of schedule.teams) for (const ch of t.channels) teamOf.set(ch, t.team);
  const teamRequired = new Map<string, number>();
  for (const i of plan.intervals) {
    const team = teamOf.get(i.channel);
    if (team === undefined) continue;
    const key = `${i.localMs}\u0000${team}`;
    teamRequired.set(key, (teamRequired.get(key) ?? 0) + i.scheduledAgents);
  }
  for (const i of plan.intervals) {
    const team = teamOf.get(i.channel);
    if (team === undefined) continue;
    let floor = 0;
    for (let k = 0; k < perInterval; k++) floor += slot.get(`${i.localMs + k * slotMs}\u0000${team}`)?.scheduled ?? 0;
    floor /= perInterval;
    const required = teamRequired.get(`${i.localMs}\u0000${team}`) ?? 0;
    const share = required > 0 ? i.scheduledAgents / required : 1 / (schedule.teams.find((t) => t.team === team)?.channels.length ?? 1);
    out.set(`${i.localMs}\u0000${i.channel}`, floor * share);
  }
  return out;
}

function ahtProfile(list: readonly Cell[], _intervalMs: number): { actual: Record<string, Record<string, number>>; planned: Record<string, Record<string, number>> } {
  const sums = new Map<string, { handle: number; answered: number; planCalls: number; planHandle: number }>();
  for (const c of list) {
    const key = `${dayNames[localDayOfWeek(c.plan.localMs)]}\u0000${hhmm(c.plan.localMs)}`;
    const s = sums.get(key) ?? { handle: 0, answered: 0, planCalls: 0, planHandle: 0 };
    s.handle += c.actual!.handle;
    s.answered += c.actual!.answered;
    s.planCalls += c.plan.calls;
    s.planHandle += c.plan.calls * c.plan.ahtSeconds;
    sums.set(key, s);
  }
  const actual: Record<string, Record<string, number>> = {};
  const planned: Record<string, Record<string, number>> = {};
  for (const day of dayNames) {
    for (const [key, s] of [...sums.entries()].filter(([k]) => k.startsWith(`${day}\u0000`)).sort(([a], [b]) => compareText(a, b))) {
      const time = key.split("\u0000")[1]!;
      if (s.answered > 0) (actual[day] ??= {})[time] = Math.round((s.handle / s.answered) * 10) / 10;
      if (s.planCalls > 0) (planned[day] ??= {})[time] = Math.round((s.planHandle / s.planCalls) * 10) / 10;
    }
  }
  return { actual, planned };
}

/**
 * The mean patience at which Erlang A, fed each interval's actual contacts, AHT and staffed
 * agents, predicts the month's abandoned count: Σ offered_i P_ab,i(θ) = abandoned, solved by
 * bisection on log θ (P_ab falls as patience grows).
 */
function fitPatience(list: readonly Cell[], model: ChannelQueueModel, intervalSeconds: number, abandoned: number, notes: string[]): number | null {
  const usable = list.filter((c) => c.actual!.offered > 0 && c.actualAht > 0);
  if (usable.length === 0) return null;
  if (abandoned <= 0) {
    notes.push(`${model.channel}: no abandons in the month, so no patience can be fitted`);
    return null;
  }
  const predicted = (patienceSeconds: number) => {
    let sum = 0;
    for (const c of usable) {
      sum += c.actual!.offered * predictQueue({ model, callsPerInterval: c.actual!.offered, intervalSeconds, ahtSeconds: c.actualAht, agents: Math.max(0, c.actualAgents || c.floor * (1 - c.plan.shrinkage)), patienceSeconds }).abandonProbability;
    }
    return sum;
  };
  let lo = Math.log(1);
  let hi = Math.log(86_400);
  if (predicted(Math.exp(lo)) < abandoned) {
    notes.push(`${model.channel}: the abandons exceed what Erlang A predicts even at 1 s patience; patience not fitted`);
    return null;
  }
  if (predicted(Math.exp(hi)) > abandoned) {
    notes.push(`${model.channel}: the abandons are fewer than Erlang A predicts even at 24 h patience; patience not fitted`);
    return null;
  }
  for (let k = 0; k < 40; k++) {
    const mid = (lo + hi) / 2;
    if (predicted(Math.exp(mid)) > abandoned) lo = mid;
    else hi = mid;
  }
  return Math.exp((lo + hi) / 2);
}

function reviewCost(
  model: CostModel,
  plan: ReviewPlan,
  measured: readonly Cell[],
  hasSchedule: boolean,
  intervalSeconds: number,
  orders: readonly KpiOrders[],
  teamOf: ReadonlyMap<string, { paidHours: number; channels: readonly string[] }>,
  floorHoursOfTeam: ReadonlyMap<string, number>,
): ReviewCost {
  const channels: ChannelActivity[] = [];
  const byChannel = new Map<string, { staffed: number; plannedStaffed: number; plannedPaid: number; answered: number; handle: number }>();
  const atTime = new Map<number, number>();
  for (const c of measured) {
    const s = byChannel.get(c.plan.channel) ?? { staffed: 0, plannedStaffed: 0, plannedPaid: 0, answered: 0, handle: 0 };
    s.staffed += c.actual!.staffed / 3600;
    s.plannedStaffed += (c.floor * (1 - c.plan.shrinkage) * intervalSeconds) / 3600;
    const team = teamOf.get(c.plan.channel);
    const teamFloor = team === undefined ? 0 : (floorHoursOfTeam.get(team.channels.join("\u0000")) ?? 0);
    s.plannedPaid += hasSchedule && team !== undefined && teamFloor > 0 ? (team.paidHours * (c.floor * intervalSeconds)) / 3600 / teamFloor : (c.floor * intervalSeconds) / 3600;
    s.answered += c.actual!.answered;
    s.handle += c.actual!.handle;
    byChannel.set(c.plan.channel, s);
    atTime.set(c.plan.localMs, (atTime.get(c.plan.localMs) ?? 0) + c.actual!.staffed / intervalSeconds);
  }
  let staffedHours = 0;
  let paidHours = 0;
  for (const [channel, s] of byChannel) {
    // Paid hours move with staffed hours at the plan's paid-to-staffed ratio.
    const paid = s.plannedStaffed > 0 ? s.plannedPaid * (s.staffed / s.plannedStaffed) : s.staffed;
    staffedHours += s.staffed;
    paidHours += paid;
    channels.push({ channel, agentHours: paid, handledContacts: s.answered, handledMinutes: s.handle / 60 });
  }
  const monthOrders = orders.filter((o) => o.localMs >= plan.startLocalMs && o.localMs < plan.endLocalMs).reduce((s, o) => s + o.orders, 0);
  const hasOrders = orders.length > 0 && monthOrders > 0;
  const actual = roundCost(
    costBreakdown({
      model,
      activity: { basis: "actual", channels, peakAgents: Math.ceil(Math.max(0, ...atTime.values()) - 1e-9), ...(hasOrders ? { orders: monthOrders } : {}) },
    }),
  );
  const planCost = plan.cost;
  const handledContacts = channels.reduce((s, c) => s + c.handledContacts, 0);
  return {
    currency: actual.currency,
    planned: {
      total: planCost?.total ?? "",
      costPerContact: planCost?.costPerContact ?? null,
      costPerOrder: planCost?.costPerOrder ?? null,
      orders: planCost?.orders ?? null,
      contacts: planCost?.channels.reduce((s, c) => s + c.handledContacts, 0) ?? 0,
    },
    actual: {
      total: actual.total,
      costPerContact: actual.costPerContact,
      costPerOrder: actual.costPerOrder,
      costPerHandledMinute: actual.costPerHandledMinute,
      orders: hasOrders ? monthOrders : null,
      handledContacts,
      staffedHours: Math.round(staffedHours * 100) / 100,
      paidHours: Math.round(paidHours * 100) / 100,
    },
    channels: actual.channels.map((c) => {
      const p = planCost?.channels.find((x) => x.channel === c.channel);
      return { channel: c.channel, plannedCost: p?.cost ?? null, actualCost: c.cost, plannedCostPerContact: p?.costPerContact ?? null, actualCostPerContact: c.costPerContact };
    }),
  };
}
