import { requireOptions } from "../errors.js";
import { columnIntervals, type ShiftProblem } from "./problem.js";

/**
 * Where each kind of variable and row sits in the MIP built by {@link buildShiftModel}.
 *
 * Variables, in this order: one integer count x_c per shift column; one integer count b_{c,r,j}
 * per column, break rule and break start (Aykin's per-shift break variables); one integer count
 * z_k per weekly tour; one continuous shortfall u_t per interval (soft coverage only); one
 * continuous excess o_t per interval; one binary y_g per distinct-shift group (only when the
 * group penalty is positive).
 */
export interface ShiftModelLayout {
  readonly numCols: number;
  readonly numRows: number;
  /** First break variable of column c, rule r: `breakStart[c][r]`; its count is the window width. */
  readonly breakStart: readonly (readonly number[])[];
  /** Index of the first tour variable. */
  readonly tourStart: number;
  /**
   * For tours with a start band: `tourChoiceStart[k][d]` is the first of the choice variables of
   * tour k on working day d (one per alternative); empty for tours without choices.
   */
  readonly tourChoiceStart: readonly (readonly number[])[];
  /** Index of the first shortfall variable, or -1 in hard mode. */
  readonly shortfallStart: number;
  /** Index of the first excess variable. */
  readonly excessStart: number;
  /** Index of the first group variable, or -1 without a group penalty. */
  readonly groupStart: number;
  /**
   * For each ratio limit with a penalty and a finite denominator bound, the index of its two
   * deviation variables (above the upper bound, then below the lower one); -1 otherwise.
   */
  readonly ratioDeviationStart: readonly number[];
  /** Upper bound used for each column count (Infinity when none). */
  readonly columnUpper: readonly number[];
}

/** Sparse column-wise (CSC) MIP data in the shape the `highs` persistent API accepts. */
export interface ShiftModelData {
  readonly numCols: number;
  readonly numRows: number;
  readonly colCost: Float64Array;
  readonly colLower: Float64Array;
  readonly colUpper: Float64Array;
  readonly rowLower: Float64Array;
  readonly rowUpper: Float64Array;
  readonly matrix: {
    readonly format: "csc";
    readonly numRows: number;
    readonly numCols: number;
    readonly starts: Int32Array;
    readonly indices: Int32Array;
    readonly values: Float64Array;
  };
  /** 1 = integer, 0 = continuous, per column. */
  readonly integrality: Int32Array;
}

/** The MIP data and its layout. */
export interface ShiftModel {
  readonly data: ShiftModelData;
  readonly layout: ShiftModelLayout;
}

/**
 * Upper bound on the count of one column: its own `maxAgents`, and a peak-based cap. Without
 * breaks the cap is ceil(max required over the shift's intervals): an agent beyond it only adds
 * excess everywhere it works, so some optimal schedule respects it. With breaks the cap is
 * 2 ceil(peak) + 1 (a modelling limit, not a proof). Tour-driven columns get no peak cap (their
 * tours may need excess on some days). With an excess cap E and no breaks, also
 * min_t R_t + E over the shift's intervals (an exact cover has x_c <= min_t R_t).
 */
function columnUpperBound(problem: ShiftProblem, c: number, tourDriven: boolean): number {
  const column = problem.columns[c]!;
  let peak = 0;
  let trough = Infinity;
  for (const t of columnIntervals(problem, column.startInterval, column.lengthIntervals)) {
    peak = Math.max(peak, problem.required[t]!);
    trough = Math.min(trough, problem.required[t]!);
  }
  // A tour-driven column may carry excess its tours need on other days: no peak cap then, except
  // the modelling cap 2 ceil(peak) + 1 when a distinct-shift penalty needs a finite big-M.
  let cap = tourDriven
    ? problem.groupPenalty > 0
      ? 2 * Math.ceil(peak - 1e-9) + 1
      : Infinity
    : column.breaks.length === 0
      ? Math.ceil(peak - 1e-9)
      : 2 * Math.ceil(peak - 1e-9) + 1;
  // With an excess cap E and no breaks, the column's agents are all on the floor in each of its
  // intervals, and the floor never exceeds R_t + E there: x_c <= min_t R_t + E.
  if (column.breaks.length === 0 && problem.maxExcessAgents !== undefined) {
    cap = Math.min(cap, Math.floor(trough + problem.maxExcessAgents + 1e-9));
  }
  return Math.max(0, Math.min(column.maxAgents ?? Infinity, cap));
}

/**
 * Builds the shift-scheduling MIP as sparse CSC arrays (no LP text).
 *
 * minimise  sum_c cost_c x_c + s sum_t u_t + e sum_t o_t + g sum_g y_g
 * subject to, for every interval t:
 *   sum_{c covers t} x_c - sum_{c,r,j: break j of c covers t} b_{c,r,j} + u_t - o_t = R_t
 * and sum_j b_{c,r,j} = x_c (each agent takes each break once, Aykin 1996),
 * x_c = sum_{k through c} z_k for tour-driven columns (with a start band, x_c = the sum of the
 * choice variables w_{k,d,c} through c, where sum_c w_{k,d,c} = z_k on each working day d),
 * x_c <= U_c y_{group(c)}, the count limits,
 * and the ratio limits. u_t is absent in hard mode; o_t <= the excess cap.
 *
 * Reference: T. Aykin, "Optimal shift scheduling with multiple break windows", Management Science
 * 42(4):591-602 (1996).
 *
 * @param problem - the interval-level problem
 * @returns the model data and the layout needed to read a solution back
 *
 * @throws {WfmError} `invalid-argument` when the options are not an object or lack `required` or `columns`.
 * @example
 * ```ts
 * const { data } = buildShiftModel(problem);
 * data.numRows >= problem.required.length; //=> true
 * ```
 */
export function buildShiftModel(problem: ShiftProblem): ShiftModel {
  requireOptions("buildShiftModel", problem, ["required", "columns"]);
  const horizon = problem.required.length;
  const columns = problem.columns;
  const columnCount = columns.length;
  const tours = problem.tours ?? [];
  const limits = problem.limits ?? [];
  const ratios = problem.ratioLimits ?? [];
  const useGroups = problem.groupPenalty > 0;

  // ---- rows
  let rowCount = horizon; // coverage rows 0..T-1
  const breakRowOf: number[][] = [];
  for (let c = 0; c < columnCount; c++) {
    const rows: number[] = [];
    for (let r = 0; r < columns[c]!.breaks.length; r++) rows.push(rowCount++);
    breakRowOf.push(rows);
  }
  const tourDriven = new Int32Array(columnCount).fill(-1);
  for (const tour of tours) for (const c of tour.columns) if (tourDriven[c] === -1) tourDriven[c] = rowCount++;
  // A banded tour's day d: sum of its choice variables - z_k = 0.
  const choiceRowOf: number[][] = tours.map((tour) => (tour.choices ?? []).map(() => rowCount++));
  const groupRowOf = new Int32Array(columnCount).fill(-1);
  if (useGroups) for (let c = 0; c < columnCount; c++) groupRowOf[c] = rowCount++;
  const limitRowStart = rowCount;
  rowCount += limits.length;
  const ratioRowStart = rowCount;
  rowCount += 2 * ratios.length;

  const rowLower = new Float64Array(rowCount);
  const rowUpper = new Float64Array(rowCount);
  for (let t = 0; t < horizon; t++) {
    rowLower[t] = problem.required[t]!;
    rowUpper[t] = problem.required[t]!;
  }
  // break, tour rows: = 0 (already zero). group rows: <= 0.
  for (let c = 0; c < columnCount; c++) if (groupRowOf[c]! >= 0) rowLower[groupRowOf[c]!] = -Infinity;
  limits.forEach((limit, i) => {
    rowLower[limitRowStart + i] = limit.min ?? 0;
    rowUpper[limitRowStart + i] = limit.max ?? Infinity;
  });
  // ratio: lower*den - num <= 0  and  num - upper*den <= 0 (a soft ratio subtracts D x its
  // deviation variable; one whose denominator has no finite bound leaves the rows free).
  const softRatio = (ratio: (typeof ratios)[number]) => ratio.penaltyPerUnit !== undefined;
  const modelledDeviation = (ratio: (typeof ratios)[number]) => softRatio(ratio) && Number.isFinite(ratio.denominatorUpperBound ?? Infinity);
  ratios.forEach((ratio, i) => {
    const free = softRatio(ratio) && !modelledDeviation(ratio);
    rowLower[ratioRowStart + 2 * i] = -Infinity;
    rowUpper[ratioRowStart + 2 * i] = free ? Infinity : 0;
    rowLower[ratioRowStart + 2 * i + 1] = -Infinity;
    rowUpper[ratioRowStart + 2 * i + 1] = free ? Infinity : 0;
  });

  // ---- columns
  const costs: number[] = [];
  const lowers: number[] = [];
  const uppers: number[] = [];
  const integral: number[] = [];
  const starts: number[] = [0];
  const indices: number[] = [];
  const values: number[] = [];
  const push = (cost: number, lower: number, upper: number, isInteger: boolean, entries: [number, number][]) => {
    costs.push(cost);
    lowers.push(lower);
    uppers.push(upper);
    integral.push(isInteger ? 1 : 0);
    entries.sort((a, b) => a[0] - b[0]);
    // A shift longer than a cyclic horizon meets an interval twice: merge repeated rows.
    for (let k = 0; k < entries.length; k++) {
      let [row, value] = entries[k]!;
      while (k + 1 < entries.length && entries[k + 1]![0] === row) value += entries[++k]![1];
      if (value === 0) continue;
      indices.push(row);
      values.push(value);
    }
    starts.push(indices.length);
  };

  const limitEntries: [number, number][][] = Array.from({ length: columnCount }, () => []);
  limits.forEach((limit, i) => {
    for (const c of limit.columns) limitEntries[c]!.push([limitRowStart + i, 1]);
  });

  const columnUpper: number[] = [];
  for (let c = 0; c < columnCount; c++) {
    const column = columns[c]!;
    const entries: [number, number][] = [];
    for (const t of columnIntervals(problem, column.startInterval, column.lengthIntervals)) entries.push([t, 1]);
    for (const row of breakRowOf[c]!) entries.push([row, -1]);
    if (tourDriven[c]! >= 0) entries.push([tourDriven[c]!, 1]);
    if (groupRowOf[c]! >= 0) entries.push([groupRowOf[c]!, 1]);
    entries.push(...limitEntries[c]!);
    ratios.forEach((ratio, i) => {
      const num = ratio.numerator[c] ?? 0;
      const den = ratio.denominator[c] ?? 0;
      const a = ratio.lower * den - num;
      const b = num - ratio.upper * den;
      if (a !== 0) entries.push([ratioRowStart + 2 * i, a]);
      if (b !== 0) entries.push([ratioRowStart + 2 * i + 1, b]);
    });
    const upper = columnUpperBound(problem, c, tourDriven[c]! >= 0);
    columnUpper.push(upper);
    push(column.cost, 0, upper, true, entries);
  }

  const breakStart: number[][] = [];
  for (let c = 0; c < columnCount; c++) {
    const column = columns[c]!;
    const firsts: number[] = [];
    column.breaks.forEach((rule, r) => {
      firsts.push(costs.length);
      for (let j = rule.earliestStartOffset; j <= rule.latestStartOffset; j++) {
        const entries: [number, number][] = [[breakRowOf[c]![r]!, 1]];
        for (const t of columnIntervals(problem, column.startInterval + j, rule.durationIntervals)) entries.push([t, -1]);
        push(0, 0, columnUpper[c]!, true, entries);
      }
    });
    breakStart.push(firsts);
  }

  const tourStart = costs.length;
  tours.forEach((tour, k) => {
    const entries: [number, number][] =
      tour.choices === undefined ? tour.columns.map((c) => [tourDriven[c]!, -1]) : choiceRowOf[k]!.map((row) => [row, -1]);
    push(0, 0, Infinity, true, entries);
  });
  const tourChoiceStart: number[][] = tours.map((tour, k) =>
    (tour.choices ?? []).map((alternatives, d) => {
      const first = costs.length;
      for (const c of alternatives) push(0, 0, Infinity, true, [[tourDriven[c]!, -1], [choiceRowOf[k]![d]!, 1]]);
      return first;
    }),
  );

  let shortfallStart = -1;
  if (!problem.hardCoverage) {
    shortfallStart = costs.length;
    for (let t = 0; t < horizon; t++) push(problem.shortfallCostPerInterval, 0, problem.required[t]!, Number.isInteger(problem.required[t]), [[t, 1]]);
  }
  const excessStart = costs.length;
  for (let t = 0; t < horizon; t++) push(problem.excessCostPerInterval, 0, problem.maxExcessAgents ?? Infinity, Number.isInteger(problem.required[t]), [[t, -1]]);

  const ratioDeviationStart = ratios.map((ratio, i) => {
    if (!modelledDeviation(ratio)) return -1;
    const first = costs.length;
    const d = ratio.denominatorUpperBound!;
    push(ratio.penaltyPerUnit!, 0, Infinity, false, [[ratioRowStart + 2 * i + 1, -d]]);
    push(ratio.penaltyPerUnit!, 0, Infinity, false, [[ratioRowStart + 2 * i, -d]]);
    return first;
  });

  let groupStart = -1;
  if (useGroups) {
    groupStart = costs.length;
    const members: [number, number][][] = Array.from({ length: problem.groupCount }, () => []);
    for (let c = 0; c < columnCount; c++) {
      if (columnUpper[c]! > 0) members[columns[c]!.group]!.push([groupRowOf[c]!, -columnUpper[c]!]);
    }
    for (let g = 0; g < problem.groupCount; g++) push(problem.groupPenalty, 0, 1, true, members[g]!);
  }

  const numCols = costs.length;
  return {
    data: {
      numCols,
      numRows: rowCount,
      colCost: Float64Array.from(costs),
      colLower: Float64Array.from(lowers),
      colUpper: Float64Array.from(uppers),
      rowLower,
      rowUpper,
      matrix: {
        format: "csc",
        numRows: rowCount,
        numCols,
        starts: Int32Array.from(starts),
        indices: Int32Array.from(indices),
        values: Float64Array.from(values),
      },
      integrality: Int32Array.from(integral),
    },
    layout: {
      numCols,
      numRows: rowCount,
      breakStart,
      tourStart,
      tourChoiceStart,
      shortfallStart,
      excessStart,
      groupStart,
      ratioDeviationStart,
      columnUpper,
    },
  };
}
