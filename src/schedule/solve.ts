import type { Highs } from "highs";
import { WfmError, invalidArgument, requireOptions } from "../errors.js";
import { buildShiftModel, type ShiftModel } from "./model.js";
import { columnIntervals, type BreakRule, type ShiftProblem } from "./problem.js";
import { verifySchedule, type ShiftAssignment, type VerifiedSchedule } from "./verify.js";
import { nowMs, runHighs, type MipProgress } from "./highs-run.js";

/** How a solve ended. */
export type ScheduleStatus =
  /** Optimal within the relative gap. */
  | "optimal"
  /** The time limit stopped the search; the best schedule found is returned. */
  | "time-limit"
  /** The model has no solution (hard coverage, limits). */
  | "infeasible"
  /** Stopped by the caller. */
  | "cancelled"
  /** No schedule: the solver failed or stopped before finding one. */
  | "no-solution"
  /**
   * A schedule, but the search ended without proving it within the gap of a bound (the solver's
   * own objective was an underestimate, e.g. DBAI's duties-per-week deviation).
   */
  | "feasible";

/** One progress report while the solver runs. */
export type ScheduleProgress = MipProgress;

/** Options of {@link solveShiftProblem}. */
export interface SolveShiftOptions {
  /**
   * Wall-clock limit for the whole solve (model building, LP-rounding start, branch and cut),
   * seconds (> 0). A solve stopped by it has status `time-limit`; its schedule may depend on the
   * machine's speed, while an `optimal` one does not. @defaultValue 60
   */
  readonly timeLimitSeconds?: number;
  /** Stop when (best - bound) / |best| is at most this fraction, in [0, 1). @defaultValue 0.0001 */
  readonly relativeGap?: number;
  /** Called with progress (elapsed, best objective, bound, gap) while HiGHS runs. */
  readonly onProgress?: (progress: ScheduleProgress) => void;
  /** Polled during the search; returning true stops it (status `cancelled`). */
  readonly shouldStop?: () => boolean;
  /** A loaded HiGHS runtime (e.g. a browser build with its own `locateFile`); loaded once otherwise. */
  readonly highs?: Highs;
  /** Extra HiGHS options by their native names (e.g. `{ mip_heuristic_effort: 0.2 }`), applied last. */
  readonly highsOptions?: Readonly<Record<string, number | string | boolean>>;
  /**
   * Start from a rounded LP relaxation with greedily placed breaks (see the solver notes).
   * @defaultValue true when some shift has breaks and there are no tours
   */
  readonly roundingStart?: boolean;
  /**
   * After the rounding start, re-solve two start days at a time with the rest fixed (fix and
   * optimise) while the schedule is not within the gap of the LP bound.
   * @defaultValue true
   */
  readonly dayWindows?: boolean;
  /** An initial schedule offered to the solver as a MIP start (only column counts are needed). */
  readonly start?: { readonly counts: readonly number[] };
}

/** A solved (or failed) schedule with its verification. */
export interface ScheduleSolution {
  readonly status: ScheduleStatus;
  /** The counts, when a schedule was found. */
  readonly assignment: ShiftAssignment | null;
  /** The schedule recomputed from its counts (null without a schedule). */
  readonly verified: VerifiedSchedule | null;
  /** Objective as HiGHS reported it (null without a schedule). */
  readonly solverObjective: number | null;
  /** Best proven lower bound on the objective (null when unknown). */
  readonly bound: number | null;
  /** Relative gap of the verified objective to the bound: (objective - bound) / max(|objective|, 1e-9). */
  readonly gap: number | null;
  /** Seconds spent building the model arrays. */
  readonly buildSeconds: number;
  /** Seconds the whole solve took (LP-rounding start and branch and cut). */
  readonly solveSeconds: number;
  /** Model size. */
  readonly size: { readonly variables: number; readonly constraints: number; readonly nonzeros: number };
  /** Intervals no shift column can cover although agents are required (hard mode infeasibility). */
  readonly uncoverable: readonly number[];
}

let highsPromise: Promise<Highs> | undefined;

/**
 * The solver package, imported on first use: through a variable, so that neither Node at start-up
 * nor a bundler building the core for a browser loads it (its loader imports `node:module`). A
 * page that schedules passes its own loaded runtime as `highs`.
 */
const highsPackage = "highs";

/** Loads the HiGHS WebAssembly runtime once per process (or page), importing the package on first use. */
export function loadHighsRuntime(): Promise<Highs> {
  highsPromise ??= (import(/* @vite-ignore */ /* webpackIgnore: true */ highsPackage) as Promise<{ default?: unknown }>).then((module) => {
    // The package ships CommonJS typings; at run time the ESM build's default export is the loader
    // itself, while a CommonJS interop may wrap it in `{ default }` (once or twice).
    let loader: unknown = module.default ?? module;
    while (typeof loader !== "function" && loader !== null && typeof loader === "object" && "default" in loader) loader = (loader as { default: unknown }).default;
    return (loader as () => Promise<Highs>)();
  });
  return highsPromise;
}

const now = nowMs;

/**
 * Intervals with a positive requirement that no column covers at all.
 *
 * @throws {WfmError} `invalid-argument` when the options are not an object or lack `required` or `columns`.
 */
export function uncoverableIntervals(problem: ShiftProblem): number[] {
  requireOptions("uncoverableIntervals", problem, ["required", "columns"]);
  const horizon = problem.required.length;
  const covered = new Uint8Array(horizon);
  for (const column of problem.columns) {
    if (column.maxAgents === 0) continue;
    for (let k = 0; k < column.lengthIntervals; k++) {
      let t = column.startInterval + k;
      if (problem.cyclic) t = ((t % horizon) + horizon) % horizon;
      else if (t < 0 || t >= horizon) continue;
      covered[t] = 1;
    }
  }
  const out: number[] = [];
  for (let t = 0; t < horizon; t++) if (problem.required[t]! > 0 && covered[t] === 0) out.push(t);
  return out;
}

/** What the LP relaxation gave: its optimum (a lower bound on every schedule) and the best verified rounding. */
interface RoundingResult {
  /** Optimum of the LP relaxation, or null when the LP did not finish. */
  readonly lpBound: number | null;
  /** The cheapest verified rounding, or null. */
  readonly best: { readonly objective: number; readonly assignment: ShiftAssignment } | null;
}

/**
 * A primal start by LP rounding: solve the LP relaxation, round the shift (or tour) counts up
 * when their fractional part exceeds a threshold (several thresholds are tried), place breaks
 * greedily where the floor has the most agents to spare, repair by descent, and keep the cheapest
 * rounding as verified by {@link verifySchedule}. Everything stops at `deadline` (ms, `now()`).
 * The LP optimum is returned too: it bounds every schedule from below.
 */
function lpRoundingStart(highs: Highs, problem: ShiftProblem, model: ShiftModel, deadline: number): RoundingResult {
  const { integrality: _integrality, ...lpData } = model.data;
  const lp = highs.createModel();
  let lpValues: Float64Array;
  let lpBound: number;
  try {
    lp.options.set({ output_flag: false, time_limit: Math.max(0.01, (deadline - now()) / 1000), random_seed: 0 });
    lp.passModel(lpData);
    if (lp.run().modelStatus !== highs.constants.modelStatus.optimal) return { lpBound: null, best: null };
    lpValues = lp.getSolution().colValue;
    lpBound = lp.getObjectiveValue();
  } finally {
    lp.dispose();
  }
  const tours = problem.tours ?? [];
  const layout = model.layout;
  let best: { objective: number; assignment: ShiftAssignment } | null = null;
  for (const threshold of [0.15, 0.3, 0.5, 0.7]) {
    if (now() >= deadline) break;
    const round = (value: number) => Math.floor(value + 1e-9) + (value - Math.floor(value + 1e-9) > threshold ? 1 : 0);
    let counts: number[];
    let tourCounts: number[] = [];
    let tourChoices: number[][][] = [];
    if (tours.length > 0) {
      tourCounts = tours.map((_, k) => round(lpValues[layout.tourStart + k]!));
      const fromTours = new Array<number>(problem.columns.length).fill(0);
      const driven = new Set<number>();
      tourChoices = tours.map((tour, k) => {
        for (const c of tour.columns) driven.add(c);
        if (tour.choices === undefined) {
          for (const c of tour.columns) fromTours[c]! += tourCounts[k]!;
          return [];
        }
        // A start band: the whole tour takes the day's alternative the LP used most.
        return tour.choices.map((alternatives, d) => {
          const first = layout.tourChoiceStart[k]![d]!;
          let best = 0;
          alternatives.forEach((_, i) => {
            if (lpValues[first + i]! > lpValues[first + best]!) best = i;
          });
          fromTours[alternatives[best]!]! += tourCounts[k]!;
          return alternatives.map((_, i) => (i === best ? tourCounts[k]! : 0));
        });
      });
      counts = problem.columns.map((_, c) => (driven.has(c) ? fromTours[c]! : round(lpValues[c]!)));
    } else {
      counts = problem.columns.map((_, c) => Math.min(round(lpValues[c]!), layout.columnUpper[c]!));
    }
    const breakCounts = greedyBreaks(problem, counts);
    const assignment = { counts, breakCounts, tourCounts, tourChoices };
    const verified = verifySchedule(problem, assignment);
    if (verified.valid && (best === null || verified.objective < best.objective)) best = { objective: verified.objective, assignment };
  }
  if (now() < deadline) {
    const repaired = repairByDescent(problem, layout, lpValues, deadline);
    if (repaired !== null && (best === null || repaired.objective < best.objective)) best = repaired;
  }
  if (best !== null && now() < deadline) {
    const improved = improveByLocalSearch(problem, best.assignment, deadline);
    if (improved !== null && improved.objective < best.objective - 1e-9) best = improved;
  }
  return { lpBound, best };
}

/**
 * From the floor of the LP counts, adds the unit (a shift column, or a weekly tour with its
 * columns) whose shifts cover the most short intervals (net of its cost and breaks) while that
 * pays, then removes units whose removal lowers the verified objective. A cheap descent: each step
 * re-places the breaks greedily and re-verifies. Tours with a start band are left to the MIP.
 */
function repairByDescent(
  problem: ShiftProblem,
  layout: ShiftModel["layout"],
  lpValues: ArrayLike<number>,
  deadline: number,
): { objective: number; assignment: ShiftAssignment } | null {
  const tours = problem.tours ?? [];
  if (tours.some((tour) => tour.choices !== undefined)) return null;
  const units: { columns: readonly number[]; upper: number; lp: number }[] =
    tours.length > 0
      ? tours.map((tour, k) => ({ columns: tour.columns, upper: Infinity, lp: lpValues[layout.tourStart + k]! }))
      : problem.columns.map((_, c) => ({ columns: [c], upper: layout.columnUpper[c]!, lp: lpValues[c]! }));
  const unitCounts = units.map((unit) => Math.min(Math.floor(unit.lp + 1e-9), unit.upper));
  const evaluate = () => {
    const counts = new Array<number>(problem.columns.length).fill(0);
    units.forEach((unit, u) => {
      for (const c of unit.columns) counts[c]! += unitCounts[u]!;
    });
    const assignment: ShiftAssignment = { counts, breakCounts: greedyBreaks(problem, counts), tourCounts: tours.length > 0 ? [...unitCounts] : [] };
    return { assignment, verified: verifySchedule(problem, assignment) };
  };
  let current = evaluate();
  const spans = problem.columns.map((column) => columnIntervals(problem, column.startInterval, column.lengthIntervals));
  const onBreak = problem.columns.map((column) => column.breaks.reduce((sum, rule) => sum + rule.durationIntervals, 0));
  for (let step = 0; step < 100_000 && now() < deadline; step++) {
    const shortfall = current.verified.shortfall;
    let bestUnit = -1;
    let bestGain = 0;
    units.forEach((unit, u) => {
      if (unitCounts[u]! >= unit.upper) return;
      let gain = 0;
      for (const c of unit.columns) {
        let short = 0;
        for (const t of spans[c]!) if (shortfall[t]! > 1e-9) short += Math.min(1, shortfall[t]!);
        gain += problem.shortfallCostPerInterval * Math.max(0, short - onBreak[c]!) - problem.columns[c]!.cost;
      }
      if (gain > bestGain) {
        bestGain = gain;
        bestUnit = u;
      }
    });
    if (bestUnit < 0) break;
    unitCounts[bestUnit]!++;
    const next = evaluate();
    if (next.verified.objective >= current.verified.objective) {
      unitCounts[bestUnit]!--;
      break;
    }
    current = next;
  }
  for (let pass = 0; pass < 3; pass++) {
    let improved = false;
    for (let u = 0; u < units.length && now() < deadline; u++) {
      while (unitCounts[u]! > 0) {
        unitCounts[u]!--;
        const next = evaluate();
        if (next.verified.valid && next.verified.objective < current.verified.objective - 1e-9) {
          current = next;
          improved = true;
        } else {
          unitCounts[u]!++;
          break;
        }
      }
    }
    if (!improved) break;
  }
  return current.verified.valid ? { objective: current.verified.objective, assignment: current.assignment } : null;
}

/**
 * Local search on individual agents (shift plus one start per break rule), with the floor kept
 * incrementally so each move costs O(shift length + break windows): re-place each agent's breaks
 * where the floor has most to spare, drop agents that do not pay, move an agent to a column
 * starting within 8 intervals, and add the agent that pays most, until nothing improves or the
 * deadline passes. Only for problems without tours, count or ratio limits, a distinct-shift
 * penalty or an excess cap (their moves would need more bookkeeping); the result is re-verified.
 */
function improveByLocalSearch(problem: ShiftProblem, start: ShiftAssignment, deadline: number): { objective: number; assignment: ShiftAssignment } | null {
  if ((problem.tours ?? []).length > 0 || (problem.ratioLimits ?? []).length > 0 || (problem.limits ?? []).length > 0) return null;
  if (problem.groupPenalty > 0 || problem.maxExcessAgents !== undefined) return null;
  const columns = problem.columns;
  const required = problem.required;
  const horizon = required.length;
  const shortCost = problem.hardCoverage ? 1e9 : problem.shortfallCostPerInterval;
  const overCost = problem.excessCostPerInterval;
  const intervalCost = (t: number, onFloor: number) => {
    const d = required[t]! - onFloor;
    return d > 0 ? shortCost * d : -overCost * d;
  };
  const floor = new Float64Array(horizon);
  const spans = columns.map((column) => Int32Array.from(columnIntervals(problem, column.startInterval, column.lengthIntervals)));
  const breakSpans = columns.map((column) =>
    column.breaks.map((rule) =>
      Array.from({ length: rule.latestStartOffset - rule.earliestStartOffset + 1 }, (_, k) =>
        Int32Array.from(columnIntervals(problem, column.startInterval + rule.earliestStartOffset + k, rule.durationIntervals)),
      ),
    ),
  );
  // Rules narrowest window first, as the greedy placement does.
  const width = (rule: BreakRule) => rule.latestStartOffset - rule.earliestStartOffset;
  const ruleOrder = columns.map((column) => column.breaks.map((_, r) => r).sort((a, b) => width(column.breaks[a]!) - width(column.breaks[b]!) || a - b));
  /** Adds `sign` agents on `ts`, returning the change of the coverage cost. */
  const shift = (ts: Int32Array, sign: number) => {
    let delta = 0;
    for (let i = 0; i < ts.length; i++) {
      const t = ts[i]!;
      delta += intervalCost(t, floor[t]! + sign) - intervalCost(t, floor[t]!);
      floor[t]! += sign;
    }
    return delta;
  };
  /** Places one break of rule r of column c where it costs least; returns its start and the change. */
  const placeBreak = (c: number, r: number) => {
    const options = breakSpans[c]![r]!;
    let bestK = 0;
    let bestDelta = Infinity;
    for (let k = 0; k < options.length; k++) {
      let delta = 0;
      for (const t of options[k]!) delta += intervalCost(t, floor[t]! - 1) - intervalCost(t, floor[t]!);
      if (delta < bestDelta - 1e-12) {
        bestDelta = delta;
        bestK = k;
      }
    }
    return { k: bestK, delta: shift(options[bestK]!, -1) };
  };
  const agentColumn: number[] = [];
  const agentBreaks: number[][] = [];
  /** Puts an agent on column c with its breaks placed greedily; returns the change of the objective. */
  const addAgent = (c: number): { breaks: number[]; delta: number } => {
    let delta = columns[c]!.cost + shift(spans[c]!, 1);
    const breaks = new Array<number>(columns[c]!.breaks.length).fill(0);
    for (const r of ruleOrder[c]!) {
      const placed = placeBreak(c, r);
      breaks[r] = placed.k;
      delta += placed.delta;
    }
    return { breaks, delta };
  };
  const removeAgent = (c: number, breaks: readonly number[]) => {
    let delta = -columns[c]!.cost;
    breaks.forEach((k, r) => (delta += shift(breakSpans[c]![r]![k]!, 1)));
    return delta + shift(spans[c]!, -1);
  };
  columns.forEach((column, c) => {
    const queues = column.breaks.map((_, r) => {
      const list: number[] = [];
      (start.breakCounts[c]?.[r] ?? []).forEach((n, k) => {
        for (let i = 0; i < n; i++) list.push(k);
      });
      return list;
    });
    for (let i = 0; i < start.counts[c]!; i++) {
      const breaks = queues.map((list) => list[i] ?? 0);
      agentColumn.push(c);
      agentBreaks.push(breaks);
      shift(spans[c]!, 1);
      breaks.forEach((k, r) => shift(breakSpans[c]![r]![k]!, -1));
    }
  });
  // Nearby starts of any template (within 8 intervals).
  const neighbours = columns.map((column, c) =>
    columns.flatMap((other, o) =>
      o !== c && Math.abs(other.startInterval - column.startInterval) <= 8 && other.maxAgents !== 0
        ? [o]
        : [],
    ),
  );
  const counts = new Array<number>(columns.length).fill(0);
  for (const c of agentColumn) counts[c]!++;
  const eps = 1e-9;
  for (let round = 0; round < 50 && now() < deadline; round++) {
    let improved = false;
    // Re-place breaks and drop or move agents.
    for (let a = 0; a < agentColumn.length && now() < deadline; a++) {
      const c = agentColumn[a]!;
      if (c < 0) continue;
      const old = agentBreaks[a]!;
      const removed = removeAgent(c, old);
      let bestDelta = 0;
      let bestColumn = -2; // -2: keep as it was, -1: drop
      if (removed < -eps) {
        bestDelta = removed;
        bestColumn = -1;
      }
      let bestBreaks: number[] = old;
      for (const target of [c, ...neighbours[c]!]) {
        if (columns[target]!.maxAgents !== undefined && counts[target]! - (target === c ? 1 : 0) >= columns[target]!.maxAgents!) continue;
        const added = addAgent(target);
        const total = removed + added.delta;
        if (total < bestDelta - eps) {
          bestDelta = total;
          bestColumn = target;
          bestBreaks = added.breaks;
        }
        removeAgent(target, added.breaks);
      }
      if (bestColumn === -2) {
        // Restore the agent as it was.
        shift(spans[c]!, 1);
        old.forEach((k, r) => shift(breakSpans[c]![r]![k]!, -1));
        continue;
      }
      improved = true;
      counts[c]!--;
      if (bestColumn === -1) {
        agentColumn[a] = -1;
        continue;
      }
      shift(spans[bestColumn]!, 1);
      bestBreaks.forEach((k, r) => shift(breakSpans[bestColumn]![r]![k]!, -1));
      agentColumn[a] = bestColumn;
      agentBreaks[a] = bestBreaks;
      counts[bestColumn]!++;
    }
    // Add the agents that pay most.
    for (let step = 0; step < 1000 && now() < deadline; step++) {
      let bestColumn = -1;
      let bestDelta = -eps;
      for (let c = 0; c < columns.length; c++) {
        if (columns[c]!.maxAgents !== undefined && counts[c]! >= columns[c]!.maxAgents!) continue;
        const added = addAgent(c);
        if (added.delta < bestDelta) {
          bestDelta = added.delta;
          bestColumn = c;
        }
        removeAgent(c, added.breaks);
      }
      if (bestColumn < 0) break;
      const added = addAgent(bestColumn);
      agentColumn.push(bestColumn);
      agentBreaks.push(added.breaks);
      counts[bestColumn]!++;
      improved = true;
    }
    if (!improved) break;
  }
  const breakCounts = columns.map((column) => column.breaks.map((rule) => new Array<number>(rule.latestStartOffset - rule.earliestStartOffset + 1).fill(0)));
  agentColumn.forEach((c, a) => {
    if (c >= 0) agentBreaks[a]!.forEach((k, r) => breakCounts[c]![r]![k]!++);
  });
  const assignment: ShiftAssignment = { counts, breakCounts, tourCounts: [] };
  const verified = verifySchedule(problem, assignment);
  return verified.valid ? { objective: verified.objective, assignment } : null;
}

/**
 * Fix and optimise by days (a rolling horizon over the incumbent): for each window of two
 * consecutive start days, every shift starting outside it keeps its agents and breaks, and the
 * window's shifts are re-solved exactly by branch and cut against what the fixed shifts leave
 * uncovered (required minus their floor, at least 0; an over-covered interval charges its excess
 * whatever the window does). A window's answer is kept when the whole schedule, re-verified, is
 * cheaper. Windows are small, so each solves in a fraction of the full model's time; the passes
 * stop at `deadline`, when a pass changes nothing, or once `goodEnough` (within the gap). Same restrictions as the local search.
 */
async function improveByDayWindows(
  highs: Highs,
  problem: ShiftProblem,
  start: { objective: number; assignment: ShiftAssignment },
  deadline: number,
  goodEnough: (objective: number) => boolean,
): Promise<{ objective: number; assignment: ShiftAssignment } | null> {
  if ((problem.tours ?? []).length > 0 || (problem.ratioLimits ?? []).length > 0 || (problem.limits ?? []).length > 0) return null;
  if (problem.groupPenalty > 0 || problem.maxExcessAgents !== undefined) return null;
  const days = [...new Set(problem.columns.map((column) => column.day))].sort((a, b) => a - b);
  if (days.length < 3) return null;
  const horizon = problem.required.length;
  let best = start;
  for (let pass = 0; pass < 3 && now() < deadline; pass++) {
    let improved = false;
    for (let w = 0; w + 1 < days.length && now() < deadline && !goodEnough(best.objective); w++) {
      const window = new Set([days[w]!, days[w + 1]!]);
      const free: number[] = [];
      problem.columns.forEach((column, c) => {
        if (window.has(column.day)) free.push(c);
      });
      // The floor of the fixed shifts, and the intervals the window's shifts can touch.
      const fixedFloor = new Float64Array(horizon);
      const touched = new Uint8Array(horizon);
      problem.columns.forEach((column, c) => {
        const x = best.assignment.counts[c]!;
        if (window.has(column.day)) {
          for (const t of columnIntervals(problem, column.startInterval, column.lengthIntervals)) touched[t] = 1;
          return;
        }
        if (x === 0) return;
        for (const t of columnIntervals(problem, column.startInterval, column.lengthIntervals)) fixedFloor[t]! += x;
        column.breaks.forEach((rule, r) =>
          best.assignment.breakCounts[c]![r]!.forEach((b, k) => {
            if (b === 0) return;
            for (const t of columnIntervals(problem, column.startInterval + rule.earliestStartOffset + k, rule.durationIntervals)) fixedFloor[t]! -= b;
          }),
        );
      });
      // On a non-cyclic axis the window's model keeps only the intervals its shifts touch.
      let lo = 0;
      let hi = horizon - 1;
      if (!problem.cyclic) {
        while (lo < horizon && touched[lo] === 0) lo++;
        while (hi > lo && touched[hi] === 0) hi--;
      }
      const sub: ShiftProblem = {
        ...problem,
        required: problem.required.slice(lo, hi + 1).map((r, i) => (touched[lo + i] ? Math.max(0, r - fixedFloor[lo + i]!) : 0)),
        columns: free.map((c) => ({ ...problem.columns[c]!, startInterval: problem.columns[c]!.startInterval - lo })),
        limits: [],
      };
      const remaining = (deadline - now()) / 1000;
      if (remaining <= 0.2) break;
      const solved = await solveShiftProblem(sub, {
        highs,
        timeLimitSeconds: Math.min(remaining, 10),
        relativeGap: 1e-4,
        roundingStart: false,
        start: { counts: free.map((c) => best.assignment.counts[c]!) },
      });
      if (solved.assignment === null) continue;
      const counts = [...best.assignment.counts];
      const breakCounts = best.assignment.breakCounts.map((perRule) => perRule.map((list) => [...list]));
      free.forEach((c, i) => {
        counts[c] = solved.assignment!.counts[i]!;
        breakCounts[c] = solved.assignment!.breakCounts[i]!.map((list) => [...list]);
      });
      const assignment: ShiftAssignment = { counts, breakCounts, tourCounts: [] };
      const verified = verifySchedule(problem, assignment);
      if (verified.valid && verified.objective < best.objective - 1e-9) {
        best = { objective: verified.objective, assignment };
        improved = true;
      }
    }
    if (!improved || goodEnough(best.objective)) break;
  }
  return best === start ? null : best;
}

/** Places each agent's breaks, narrowest windows first, where the floor has the most spare agents. */
function greedyBreaks(problem: ShiftProblem, counts: readonly number[]): number[][][] {
  const horizon = problem.required.length;
  const floor = new Float64Array(horizon);
  problem.columns.forEach((column, c) => {
    for (const t of columnIntervals(problem, column.startInterval, column.lengthIntervals)) floor[t]! += counts[c]!;
  });
  const out = problem.columns.map((column) => column.breaks.map((rule) => new Array<number>(rule.latestStartOffset - rule.earliestStartOffset + 1).fill(0)));
  const tasks: { c: number; r: number; width: number }[] = [];
  problem.columns.forEach((column, c) => column.breaks.forEach((rule, r) => tasks.push({ c, r, width: rule.latestStartOffset - rule.earliestStartOffset })));
  tasks.sort((a, b) => a.width - b.width || a.c - b.c || a.r - b.r);
  for (const { c, r } of tasks) {
    const column = problem.columns[c]!;
    const rule = column.breaks[r]!;
    for (let agent = 0; agent < counts[c]!; agent++) {
      let bestK = 0;
      let bestSpare = -Infinity;
      for (let k = 0; k <= rule.latestStartOffset - rule.earliestStartOffset; k++) {
        let spare = Infinity;
        for (const t of columnIntervals(problem, column.startInterval + rule.earliestStartOffset + k, rule.durationIntervals)) {
          spare = Math.min(spare, floor[t]! - problem.required[t]!);
        }
        if (spare > bestSpare) {
          bestSpare = spare;
          bestK = k;
        }
      }
      out[c]![r]![bestK]!++;
      for (const t of columnIntervals(problem, column.startInterval + rule.earliestStartOffset + bestK, rule.durationIntervals)) floor[t]! -= 1;
    }
  }
  return out;
}

/** The complete MIP column vector of an assignment (counts, breaks, tours, slacks, groups). */
function fullVector(problem: ShiftProblem, model: ShiftModel, assignment: ShiftAssignment): Float64Array {
  const layout = model.layout;
  const vector = new Float64Array(layout.numCols);
  const verified = verifySchedule(problem, assignment);
  assignment.counts.forEach((x, c) => (vector[c] = x));
  problem.columns.forEach((column, c) =>
    column.breaks.forEach((_, r) => assignment.breakCounts[c]![r]!.forEach((b, k) => (vector[layout.breakStart[c]![r]! + k] = b))),
  );
  assignment.tourCounts.forEach((z, k) => (vector[layout.tourStart + k] = z));
  assignment.tourChoices?.forEach((days, k) => days.forEach((split, d) => split.forEach((w, i) => (vector[layout.tourChoiceStart[k]![d]! + i] = w))));
  for (let t = 0; t < problem.required.length; t++) {
    if (layout.shortfallStart >= 0) vector[layout.shortfallStart + t] = verified.shortfall[t]!;
    vector[layout.excessStart + t] = verified.excess[t]!;
  }
  if (layout.groupStart >= 0) {
    problem.columns.forEach((column, c) => {
      if (assignment.counts[c]! > 0) vector[layout.groupStart + column.group] = 1;
    });
  }
  (problem.ratioLimits ?? []).forEach((ratio, i) => {
    const first = layout.ratioDeviationStart[i]!;
    if (first < 0) return;
    let num = 0;
    let den = 0;
    assignment.counts.forEach((x, c) => {
      num += (ratio.numerator[c] ?? 0) * x;
      den += (ratio.denominator[c] ?? 0) * x;
    });
    const d = ratio.denominatorUpperBound!;
    vector[first] = Math.max(0, num - ratio.upper * den) / d;
    vector[first + 1] = Math.max(0, ratio.lower * den - num) / d;
  });
  return vector;
}

/** Reads integer counts from a HiGHS column vector; null when a value is not within 1e-6 of an integer. */
function readAssignment(problem: ShiftProblem, model: ShiftModel, colValue: ArrayLike<number>): { assignment: ShiftAssignment; fractional: string[] } {
  const fractional: string[] = [];
  const round = (index: number, what: string) => {
    const value = colValue[index]!;
    const rounded = Math.round(value) + 0;
    if (Math.abs(value - rounded) > 1e-6) fractional.push(`${what} = ${value}`);
    return rounded;
  };
  const counts = problem.columns.map((_, c) => round(c, `column ${c}`));
  const breakCounts = problem.columns.map((column, c) =>
    column.breaks.map((rule, r) => {
      const first = model.layout.breakStart[c]![r]!;
      const width = rule.latestStartOffset - rule.earliestStartOffset + 1;
      return Array.from({ length: width }, (_, k) => round(first + k, `break ${rule.name} of column ${c}`));
    }),
  );
  const tourCounts = (problem.tours ?? []).map((tour, k) => round(model.layout.tourStart + k, `tour ${tour.name}`));
  const tourChoices = (problem.tours ?? []).map((tour, k) =>
    (tour.choices ?? []).map((alternatives, d) => alternatives.map((_, i) => round(model.layout.tourChoiceStart[k]![d]! + i, `tour ${tour.name} day ${d + 1} choice ${i}`))),
  );
  return { assignment: { counts, breakCounts, tourCounts, tourChoices }, fractional };
}

/**
 * Solves a {@link ShiftProblem} exactly with HiGHS (branch and cut) through its persistent API,
 * passing the model as sparse CSC arrays, then verifies the answer from its integer counts
 * ({@link verifySchedule}): the returned `verified.objective` is recomputed, never copied from
 * the solver. The native model is always disposed (the WebAssembly heap is not garbage collected).
 *
 * A solution HiGHS labels feasible but that fails verification (fractional counts, broken
 * constraints) is refused with a `solver-failed` error rather than returned.
 *
 * @param problem - the interval-level problem
 * @param options - time limit, gap, progress, cancellation, MIP start
 * @returns status, counts, verified schedule, bound, gap, timings
 * @throws {WfmError} `invalid-argument` for bad options; `solver-failed` when HiGHS errors or its answer fails verification
 *
 * @example
 * ```ts
 * const solution = await solveShiftProblem(problem, { timeLimitSeconds: 10, relativeGap: 0.01 });
 * solution.status; //=> "optimal"
 * solution.verified?.valid; //=> true
 * ```
 */
export async function solveShiftProblem(problem: ShiftProblem, options: SolveShiftOptions = {}): Promise<ScheduleSolution> {
  requireOptions("solveShiftProblem", problem, ["intervalMinutes", "required", "cyclic", "templateNames", "columns", "groupCount", "groupPenalty", "shortfallCostPerInterval", "excessCostPerInterval", "hardCoverage"]);
  const { timeLimitSeconds = 60, relativeGap = 1e-4, onProgress, shouldStop } = options;
  if (!(timeLimitSeconds > 0) || !Number.isFinite(timeLimitSeconds)) {
    invalidArgument("solveShiftProblem", "timeLimitSeconds", "a positive finite number", timeLimitSeconds);
  }
  if (!(relativeGap >= 0 && relativeGap < 1)) invalidArgument("solveShiftProblem", "relativeGap", "a fraction in [0, 1)", relativeGap);
  // The limit caps the whole solve: model building, the LP-rounding start and branch and cut.
  const started = now();
  const deadline = started + timeLimitSeconds * 1000;
  const remainingSeconds = () => (deadline - now()) / 1000;
  const highs = options.highs ?? (await loadHighsRuntime());

  const uncoverable = problem.hardCoverage ? uncoverableIntervals(problem) : [];
  const buildStarted = now();
  const model = buildShiftModel(problem);
  const buildSeconds = (now() - buildStarted) / 1000;
  const size = {
    variables: model.data.numCols,
    constraints: model.data.numRows,
    nonzeros: model.data.matrix.indices.length,
  };
  const elapsed = () => (now() - started) / 1000;
  const empty = (status: ScheduleStatus): ScheduleSolution => ({
    status,
    assignment: null,
    verified: null,
    solverObjective: null,
    bound: null,
    gap: null,
    buildSeconds,
    solveSeconds: elapsed(),
    size,
    uncoverable,
  });
  if (uncoverable.length > 0) return empty("infeasible");
  /** A found schedule, verified from its counts, with the best bound known. */
  const answer = (status: ScheduleStatus, assignment: ShiftAssignment, solverObjective: number, rawBound: number | null): ScheduleSolution => {
    const verified = verifySchedule(problem, assignment);
    const bound = rawBound !== null && Number.isFinite(rawBound) && Math.abs(rawBound) < 1e30 ? rawBound : null;
    const objective = verified.objective;
    const gap = bound === null ? null : Math.max(0, (objective - bound) / Math.max(Math.abs(objective), 1e-9));
    // "optimal" exactly when the verified objective is within the gap of a proven bound (the LP
    // bound can prove it for a schedule HiGHS had not yet proven when the limit stopped it).
    const proven = gap !== null && gap <= relativeGap + 1e-9;
    const finalStatus: ScheduleStatus = proven && (status === "optimal" || status === "time-limit") ? "optimal" : status === "optimal" ? "feasible" : status;
    return { status: finalStatus, assignment, verified, solverObjective, bound, gap, buildSeconds, solveSeconds: elapsed(), size, uncoverable };
  };

  // The LP relaxation and a rounding of it, inside the limit (at most 40% of it): its optimum is a
  // bound, and when the rounding is already within the gap of it, branch and cut is not needed.
  // Measured (benchmarks/schedule-speed.ts): with weekly tours HiGHS's own heuristics find better
  // schedules than a start from this rounding, so tours go to branch and cut directly.
  const wantsHeuristic = options.roundingStart ?? ((problem.tours ?? []).length === 0 && problem.columns.some((column) => column.breaks.length > 0));
  let rounding: RoundingResult =
    wantsHeuristic && !options.start ? lpRoundingStart(highs, problem, model, now() + 1000 * Math.min(remainingSeconds(), timeLimitSeconds * 0.4)) : { lpBound: null, best: null };
  const withinGap = (objective: number) => rounding.lpBound !== null && (objective - rounding.lpBound) / Math.max(Math.abs(objective), 1e-9) <= relativeGap;
  // Fix and optimise by day windows while the rounding is not within the gap (up to 75% of the limit).
  if (rounding.best !== null && !withinGap(rounding.best.objective) && options.dayWindows !== false) {
    const windowed = await improveByDayWindows(highs, problem, rounding.best, Math.min(deadline, started + 750 * timeLimitSeconds), withinGap);
    if (windowed !== null) rounding = { ...rounding, best: windowed };
  }
  if (rounding.best !== null && withinGap(rounding.best.objective)) {
    return answer("optimal", rounding.best.assignment, rounding.best.objective, rounding.lpBound);
  }
  if (remainingSeconds() <= 0.05 || shouldStop?.()) {
    const status: ScheduleStatus = shouldStop?.() ? "cancelled" : "time-limit";
    return rounding.best === null ? empty(status === "cancelled" ? "cancelled" : "no-solution") : answer(status, rounding.best.assignment, rounding.best.objective, rounding.lpBound);
  }
  const instance = highs.createModel();
  try {
    instance.options.set({
      output_flag: false,
      time_limit: Math.max(0.05, remainingSeconds()),
      mip_rel_gap: relativeGap,
      random_seed: 0,
    });
    if (options.highsOptions) instance.options.set(options.highsOptions as Parameters<typeof instance.options.set>[0]);
    instance.passModel(model.data);
    if (options.start) {
      const indices: number[] = [];
      const values: number[] = [];
      const groupsUsed = new Set<number>();
      options.start.counts.forEach((count, c) => {
        indices.push(c);
        values.push(count);
        if (count > 0) groupsUsed.add(problem.columns[c]!.group);
      });
      if (model.layout.groupStart >= 0) {
        for (let g = 0; g < problem.groupCount; g++) {
          indices.push(model.layout.groupStart + g);
          values.push(groupsUsed.has(g) ? 1 : 0);
        }
      }
      instance.setSolution({ indices: Int32Array.from(indices), values: Float64Array.from(values) });
    }
    if (rounding.best !== null) instance.setSolution({ colValue: fullVector(problem, model, rounding.best.assignment) });
    const { modelStatus: runStatus, hasSolution, bound: mipBound } = runHighs(highs, instance, { onProgress, shouldStop, startedMs: started });
    const codes = highs.constants.modelStatus;
    let status: ScheduleStatus;
    if (runStatus === codes.optimal) status = "optimal";
    else if (runStatus === codes.infeasible || runStatus === codes.unboundedOrInfeasible) status = "infeasible";
    else if (runStatus === codes.interrupted) status = "cancelled";
    else if (runStatus === codes.timeLimit) status = "time-limit";
    else status = hasSolution ? "time-limit" : "no-solution";
    const bounds = [mipBound ?? -Infinity, rounding.lpBound ?? -Infinity].filter((b) => Number.isFinite(b) && Math.abs(b) < 1e30);
    const bound = bounds.length === 0 ? null : Math.max(...bounds);
    if (status === "infeasible") return empty("infeasible");
    if (!hasSolution) {
      if (rounding.best !== null) return answer(status === "optimal" ? "time-limit" : status, rounding.best.assignment, rounding.best.objective, bound);
      return empty(status === "cancelled" ? "cancelled" : status === "optimal" ? "no-solution" : status === "time-limit" ? "no-solution" : status);
    }

    const solution = instance.getSolution();
    const solverObjective = instance.getObjectiveValue();
    const { assignment, fractional } = readAssignment(problem, model, solution.colValue);
    const verified = verifySchedule(problem, assignment);
    if (fractional.length > 0 || !verified.valid) {
      const reasons = [...fractional.slice(0, 3).map((f) => `fractional ${f}`), ...verified.problems.slice(0, 3)];
      throw new WfmError({
        code: "solver-failed",
        message: `the solver's schedule failed verification: ${reasons.join("; ")}`,
      });
    }
    if (rounding.best !== null && rounding.best.objective < verified.objective - 1e-9) {
      return answer(status, rounding.best.assignment, rounding.best.objective, bound);
    }
    return answer(status, assignment, solverObjective, bound);
  } finally {
    instance.dispose();
  }
}
