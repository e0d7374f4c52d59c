import { invalidArgument, requireOptions } from "../errors.js";

/**
 * Deferred work (email, tickets, back-office cases): no caller waits on the line, but every item
 * must be answered within a response window W (e.g. 24 hours). There is no queueing formula;
 * the plan is a workload balance with the backlog carried from interval to interval.
 *
 * 1. **Requirement.** The workload arriving in interval i, w_i = calls_i × AHT_i seconds, is
 *    spread evenly over the open intervals that lie wholly inside [start_i, start_i + W)
 *    (the arrival interval always counts). The agents required in interval j are
 *    ⌈Σ_i share_ij / (interval seconds × max occupancy)⌉, at least `minimumAgents` when open.
 *    When no open interval lies inside the window (a night closure longer than W), the work goes
 *    to the next open interval and is answered late. Window slots after the last interval count
 *    as open, and their share of the work is left in the final backlog (no end-of-plan spike).
 * 2. **Backlog.** A fluid FIFO queue is then run with those agents: items arrive at the start of
 *    their interval, agents work through the oldest items first at `agents × max occupancy`
 *    work-seconds per second, and an item completes at the moment its work is done. Each
 *    interval reports the backlog left at its end and the share of items completed in it that
 *    met their deadline (arrival + W).
 *
 * With every window holding an open interval, FIFO with the spread requirement answers every
 * item within W (FIFO is earliest-deadline-first for equal windows, and the spread is a
 * feasible schedule); the share drops below 100% only through closures or fewer agents.
 *
 * @module
 */

/** One interval of a deferred-work channel. */
export interface DeferredIntervalInput {
  /** Interval start, wall-clock milliseconds; strictly increasing. */
  readonly localMs: number;
  /** Items arriving, >= 0. */
  readonly calls: number;
  /** Handle time per item, seconds, > 0. */
  readonly ahtSeconds: number;
  /** Whether the centre works in this interval. @defaultValue true */
  readonly open?: boolean;
}

/** Options of {@link planDeferredWork}. */
export interface DeferredWorkOptions {
  /** Intervals in time order. */
  readonly intervals: readonly DeferredIntervalInput[];
  /** Interval length, minutes, > 0. */
  readonly intervalMinutes: number;
  /** Response window W, seconds, > 0 (86400 for 24 h). */
  readonly responseSeconds: number;
  /** Share of staffed time spent on items, in (0, 1]. @defaultValue 1 */
  readonly maxOccupancy?: number;
  /** Fewest agents in an open interval, a whole number >= 0. @defaultValue 0 */
  readonly minimumAgents?: number;
  /** Items waiting before the first interval (arrived at its start, with its AHT), >= 0. @defaultValue 0 */
  readonly initialBacklog?: number;
  /** Agents per interval to evaluate instead of the computed requirement (same length as `intervals`). */
  readonly agents?: readonly number[];
}

/** One interval of a deferred-work plan. */
export interface DeferredInterval {
  /** Agents working items (the requirement, or `options.agents`). */
  readonly requiredAgents: number;
  /** Work arriving, seconds (calls × AHT). */
  readonly arrivingWorkSeconds: number;
  /** Work done, seconds. */
  readonly workedSeconds: number;
  /** Share of the agents' time spent on items. */
  readonly occupancy: number;
  /** Items completed in the interval. */
  readonly completed: number;
  /** Items completed in the interval within their response window. */
  readonly completedWithinTarget: number;
  /** completedWithinTarget / completed, or `null` when nothing completed. */
  readonly answeredWithinTarget: number | null;
  /** Items waiting at the end of the interval (the carried backlog). */
  readonly backlog: number;
}

/** Result of {@link planDeferredWork}. */
export interface DeferredWorkPlan {
  readonly intervals: readonly DeferredInterval[];
  /** Items completed over the plan. */
  readonly completed: number;
  /** Items completed within their window. */
  readonly completedWithinTarget: number;
  /** completedWithinTarget / completed, or `null` when nothing completed. */
  readonly answeredWithinTarget: number | null;
  /** Items still waiting at the end. */
  readonly endBacklog: number;
}

/**
 * Staffs a deferred-work channel from its workload spread over the response window, and runs the
 * backlog through the plan (see the module comment).
 *
 * @throws {WfmError} `invalid-argument` for an input out of its domain or intervals out of order
 *
 * @example
 * ```ts
 * // 8 emails an hour for a day, 6 minutes each, answered within 4 hours
 * const intervals = Array.from({ length: 24 }, (_, h) => ({ localMs: h * 3_600_000, calls: 8, ahtSeconds: 360 }));
 * const plan = planDeferredWork({ intervals, intervalMinutes: 60, responseSeconds: 4 * 3600 });
 * plan.intervals[5].requiredAgents; //=> 1 (48 min of work an hour)
 * plan.answeredWithinTarget; //=> 1
 * ```
 */
export function planDeferredWork(options: DeferredWorkOptions): DeferredWorkPlan {
  requireOptions("planDeferredWork", options);
  const fn = "planDeferredWork";
  const { intervals, intervalMinutes, responseSeconds, maxOccupancy = 1, minimumAgents = 0, initialBacklog = 0, agents } = options;
  if (!(Number.isFinite(intervalMinutes) && intervalMinutes > 0)) invalidArgument(fn, "intervalMinutes", "a positive finite number", intervalMinutes);
  if (!(Number.isFinite(responseSeconds) && responseSeconds > 0)) invalidArgument(fn, "responseSeconds", "a positive finite number", responseSeconds);
  if (!(Number.isFinite(maxOccupancy) && maxOccupancy > 0 && maxOccupancy <= 1)) invalidArgument(fn, "maxOccupancy", "a fraction greater than 0 and at most 1", maxOccupancy);
  if (!(Number.isInteger(minimumAgents) && minimumAgents >= 0)) invalidArgument(fn, "minimumAgents", "a whole number >= 0", minimumAgents);
  if (!(Number.isFinite(initialBacklog) && initialBacklog >= 0)) invalidArgument(fn, "initialBacklog", "a finite number >= 0", initialBacklog);
  if (agents !== undefined && agents.length !== intervals.length) invalidArgument(fn, "agents", `one count per interval (${intervals.length})`, agents.length);
  const n = intervals.length;
  intervals.forEach((row, i) => {
    if (!(Number.isFinite(row.calls) && row.calls >= 0)) invalidArgument(fn, `intervals[${i}].calls`, "a finite number >= 0", row.calls);
    if (!(Number.isFinite(row.ahtSeconds) && row.ahtSeconds > 0)) invalidArgument(fn, `intervals[${i}].ahtSeconds`, "a positive finite number", row.ahtSeconds);
    if (i > 0 && !(row.localMs > intervals[i - 1]!.localMs)) invalidArgument(fn, `intervals[${i}].localMs`, "later than the interval before it", row.localMs);
    if (agents !== undefined && !(Number.isFinite(agents[i]) && agents[i]! >= 0)) invalidArgument(fn, `agents[${i}]`, "a finite number >= 0", agents[i]);
  });
  const intervalMs = intervalMinutes * 60_000;
  const intervalSeconds = intervalMinutes * 60;
  const windowMs = responseSeconds * 1000;
  const open = intervals.map((row) => row.open !== false);

  let staffed: number[];
  if (agents !== undefined) {
    staffed = [...agents];
  } else {
    // Spread each interval's work over the open intervals of its window (difference array).
    const openBefore = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) openBefore[i + 1] = openBefore[i]! + (open[i] ? 1 : 0);
    const diff = new Float64Array(n + 1);
    const direct = new Float64Array(n);
    let hi = 0;
    for (let i = 0; i < n; i++) {
      const row = intervals[i]!;
      const work = row.calls * row.ahtSeconds + (i === 0 ? initialBacklog * row.ahtSeconds : 0);
      if (hi < i) hi = i;
      while (hi + 1 < n && intervals[hi + 1]!.localMs + intervalMs <= row.localMs + windowMs) hi++;
      if (work === 0) continue;
      // Window slots past the last interval are taken as open: their share stays in the final backlog.
      const beyond = Math.max(0, Math.floor((row.localMs + windowMs - (intervals[n - 1]!.localMs + intervalMs)) / intervalMs));
      const openCount = openBefore[hi + 1]! - openBefore[i]! + beyond;
      if (openCount > beyond) {
        diff[i]! += work / openCount;
        diff[hi + 1]! -= work / openCount;
      } else if (beyond === 0) {
        let j = hi + 1;
        while (j < n && !open[j]) j++;
        if (j < n) direct[j]! += work;
      }
    }
    staffed = new Array<number>(n);
    let running = 0;
    for (let j = 0; j < n; j++) {
      running += diff[j]!;
      const need = (open[j] ? Math.max(0, running) : 0) + direct[j]!;
      const exact = need / (intervalSeconds * maxOccupancy);
      staffed[j] = open[j] ? Math.max(minimumAgents, Math.ceil(exact - 1e-9 * Math.max(1, exact))) : 0;
    }
  }

  // Fluid FIFO through the staffed intervals.
  const deadlines: number[] = [];
  const remaining: number[] = [];
  const handle: number[] = [];
  let head = 0;
  let backlog = 0;
  let completedAll = 0;
  let withinAll = 0;
  const out: DeferredInterval[] = [];
  for (let j = 0; j < n; j++) {
    const row = intervals[j]!;
    const arriving = row.calls + (j === 0 ? initialBacklog : 0);
    if (arriving > 0) {
      deadlines.push(row.localMs + windowMs);
      remaining.push(arriving);
      handle.push(row.ahtSeconds);
      backlog += arriving;
    }
    const people = staffed[j]!;
    const speed = people * maxOccupancy; // work-seconds per clock-second
    let capacity = speed * intervalSeconds;
    let cursor = row.localMs;
    const end = row.localMs + intervalMs;
    let completed = 0;
    let within = 0;
    let worked = 0;
    while (capacity > 0 && head < remaining.length) {
      const need = remaining[head]! * handle[head]!;
      const whole = need <= capacity * (1 + 1e-12);
      const workDone = whole ? need : capacity;
      const items = whole ? remaining[head]! : workDone / handle[head]!;
      const finish = whole ? Math.min(end, cursor + (workDone / speed) * 1000) : end;
      const deadline = deadlines[head]!;
      const share = finish <= deadline ? 1 : cursor >= deadline ? 0 : (deadline - cursor) / (finish - cursor);
      completed += items;
      within += items * share;
      worked += workDone;
      capacity -= workDone;
      cursor = finish;
      if (whole) {
        remaining[head] = 0;
        head++;
      } else {
        remaining[head] = remaining[head]! - items;
        capacity = 0;
      }
    }
    backlog = Math.max(0, backlog - completed);
    if (head === remaining.length) backlog = 0;
    completedAll += completed;
    withinAll += within;
    out.push({
      requiredAgents: people,
      arrivingWorkSeconds: row.calls * row.ahtSeconds,
      workedSeconds: worked,
      occupancy: people > 0 ? worked / (people * intervalSeconds) : 0,
      completed,
      completedWithinTarget: within,
      answeredWithinTarget: completed > 0 ? within / completed : null,
      backlog,
    });
  }
  return {
    intervals: out,
    completed: completedAll,
    completedWithinTarget: withinAll,
    answeredWithinTarget: completedAll > 0 ? withinAll / completedAll : null,
    endBacklog: backlog,
  };
}
