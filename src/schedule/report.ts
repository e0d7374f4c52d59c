import { requireOptions } from "../errors.js";
import { millisecondsInMinute } from "../calendar/local-time.js";
import { deliveredService } from "../staffing/delivered.js";
import type { ChannelConfig } from "../staffing/plan.js";
import type { ScheduleSolution, ScheduleStatus } from "./solve.js";
import type { TemplateProblem } from "./templates.js";
import { compareText } from "../order.js";

/** One shift instance of a schedule: a start, its breaks and how many agents work it. */
export interface ScheduledShift {
  readonly template: string;
  readonly startLocalMs: number;
  readonly endLocalMs: number;
  readonly agents: number;
  readonly paidHours: number;
  /** Break starts with their agent counts, in start order. */
  readonly breaks: readonly { readonly name: string; readonly startLocalMs: number; readonly endLocalMs: number; readonly agents: number }[];
}

/** Coverage of one interval by a schedule. */
export interface CoverageInterval {
  readonly localMs: number;
  readonly required: number;
  /** Agents on the floor (working and not on break). */
  readonly scheduled: number;
  readonly shortfall: number;
  readonly excess: number;
  /** Forecast calls of the interval, when known. */
  readonly calls?: number;
  /** Service level the schedule delivers (agents on the floor less shrinkage, the channel's model), when calls and AHT are known. */
  readonly serviceLevel?: number;
  /** Predicted average speed of answer, seconds (Infinity when unstable). */
  readonly asaSeconds?: number;
}

/** A schedule in wall-clock terms with its totals. */
export interface ScheduleReport {
  readonly status: ScheduleStatus;
  readonly shifts: readonly ScheduledShift[];
  readonly coverage: readonly CoverageInterval[];
  readonly totals: {
    readonly agentsScheduled: number;
    readonly paidHours: number;
    readonly shiftCost: number;
    readonly shortfallAgentHours: number;
    readonly excessAgentHours: number;
    readonly requiredAgentHours: number;
    /** Required agent-hours / scheduled productive (on-floor) agent-hours. */
    readonly efficiency: number;
    readonly distinctShifts: number;
    /** The verified objective (shift cost + penalties). */
    readonly objective: number;
    readonly solverObjective: number | null;
    readonly bound: number | null;
    readonly gap: number | null;
    readonly solveSeconds: number;
    readonly buildSeconds: number;
    /** Call-weighted predicted service level, when calls and AHT are known. */
    readonly serviceLevel?: number;
  };
}

/** Calls and handle time per interval, aligned with the requirement curve. */
export interface IntervalWorkload {
  readonly calls: readonly number[];
  readonly ahtSeconds: readonly number[];
  /** Service-level answer time, seconds, when the channel config gives none. @defaultValue 20 */
  readonly targetAnswerSeconds?: number;
  /** Shrinkage per interval (a fraction in [0, 1)): the share of the floor's agents not on contacts. @defaultValue 0 */
  readonly shrinkage?: readonly number[];
  /** The channel's name (its type by name, when `channel` is absent). @defaultValue "voice" */
  readonly channelName?: string;
  /** The channel's config: Erlang A with a patience, the chat chain for chat, Erlang C otherwise. */
  readonly channel?: ChannelConfig;
}

/**
 * Turns a verified solution into shifts, per-interval coverage and totals. With a workload, each
 * interval gets the service level and ASA the schedule delivers ({@link deliveredService}: the
 * agents on the floor less the interval's shrinkage, through the channel's own model, the same
 * function `planMonth` uses), and the totals the call-weighted service level.
 *
 * @param options.built - the problem built from templates
 * @param options.solution - the solver's verified solution
 * @param options.workload - calls and AHT per interval (optional)
 * @returns the report (empty shifts when there is no schedule)
 *
 * @throws {WfmError} `invalid-argument` when the options are not an object or lack `built` or `solution`.
 * @example
 * ```ts
 * const report = scheduleReport({ built, solution });
 * report.totals.shortfallAgentHours; //=> 0
 * ```
 */
export function scheduleReport(options: { built: TemplateProblem; solution: ScheduleSolution; workload?: IntervalWorkload }): ScheduleReport {
  requireOptions("scheduleReport", options, ["built", "solution"]);
  const { built, solution, workload } = options;
  const { problem, series } = built;
  const intervalMs = series.intervalMinutes * millisecondsInMinute;
  const hours = series.intervalMinutes / 60;
  const verified = solution.verified;
  const shifts: ScheduledShift[] = [];
  if (solution.assignment !== null) {
    problem.columns.forEach((column, c) => {
      const agents = solution.assignment!.counts[c] ?? 0;
      if (agents === 0) return;
      const info = built.columns[c]!;
      const breaks: ScheduledShift["breaks"][number][] = [];
      column.breaks.forEach((rule, r) => {
        (solution.assignment!.breakCounts[c]?.[r] ?? []).forEach((n, k) => {
          if (n === 0) return;
          const startMs = info.startLocalMs + (rule.earliestStartOffset + k) * intervalMs;
          breaks.push({ name: rule.name, startLocalMs: startMs, endLocalMs: startMs + rule.durationIntervals * intervalMs, agents: n });
        });
      });
      breaks.sort((a, b) => a.startLocalMs - b.startLocalMs || compareText(a.name, b.name));
      shifts.push({ template: info.template, startLocalMs: info.startLocalMs, endLocalMs: info.endLocalMs, agents, paidHours: column.paidHours, breaks });
    });
    shifts.sort((a, b) => a.startLocalMs - b.startLocalMs || compareText(a.template, b.template) || a.endLocalMs - b.endLocalMs);
  }
  const target = workload?.targetAnswerSeconds ?? 20;
  let weightedSl = 0;
  let callTotal = 0;
  const coverage: CoverageInterval[] = problem.required.map((required, t) => {
    const scheduled = verified?.scheduled[t] ?? 0;
    const row: CoverageInterval = {
      localMs: series.startLocalMs + t * intervalMs,
      required,
      scheduled,
      shortfall: verified?.shortfall[t] ?? required,
      excess: verified?.excess[t] ?? 0,
    };
    if (workload === undefined) return row;
    const calls = workload.calls[t] ?? 0;
    const aht = workload.ahtSeconds[t] ?? 0;
    const metrics =
      calls > 0 && aht > 0
        ? deliveredService({
            callsPerInterval: calls,
            intervalSeconds: series.intervalMinutes * 60,
            ahtSeconds: aht,
            scheduledAgents: Math.max(0, scheduled),
            shrinkage: workload.shrinkage?.[t] ?? 0,
            targetAnswerSeconds: target,
            ...(workload.channelName === undefined ? {} : { channelName: workload.channelName }),
            ...(workload.channel === undefined ? {} : { channel: workload.channel }),
          })
        : null;
    if (metrics !== null) {
      weightedSl += metrics.serviceLevel * calls;
      callTotal += calls;
      return { ...row, calls, serviceLevel: metrics.serviceLevel, asaSeconds: metrics.asaSeconds };
    }
    return { ...row, calls, serviceLevel: 1, asaSeconds: 0 };
  });
  const requiredAgentHours = problem.required.reduce((a, b) => a + b, 0) * hours;
  const onFloorHours = (verified?.scheduled ?? []).reduce((a, b) => a + b, 0) * hours;
  const sum = (list: readonly number[] | undefined) => (list ?? []).reduce((a, b) => a + b, 0);
  return {
    status: solution.status,
    shifts,
    coverage,
    totals: {
      agentsScheduled: verified?.shiftCount ?? 0,
      paidHours: verified?.paidHours ?? 0,
      shiftCost: verified?.shiftCost ?? 0,
      shortfallAgentHours: verified ? sum(verified.shortfall) * hours : requiredAgentHours,
      excessAgentHours: sum(verified?.excess) * hours,
      requiredAgentHours,
      efficiency: onFloorHours > 0 ? requiredAgentHours / onFloorHours : 0,
      distinctShifts: verified?.distinctShifts ?? 0,
      objective: verified?.objective ?? Number.NaN,
      solverObjective: solution.solverObjective,
      bound: solution.bound,
      gap: solution.gap,
      solveSeconds: solution.solveSeconds,
      buildSeconds: solution.buildSeconds,
      ...(workload === undefined ? {} : { serviceLevel: callTotal > 0 ? weightedSl / callTotal : 1 }),
    },
  };
}
