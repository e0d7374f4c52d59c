import { requireObject, requireOptions } from "../errors.js";
import type { MipModelData } from "../schedule/mip.js";

/**
 * A small row-wise builder for MIP models that emits the CSC arrays HiGHS takes: add variables
 * (cost, bounds, integrality), add rows as sparse sums with lower/upper bounds, then `build()`.
 *
 * @module
 */

/** A sparse linear term list: [variable index, coefficient] pairs. */
export type LinearTerms = readonly (readonly [number, number])[];

/** Builds a {@link MipModelData} row by row. */
export class MipBuilder {
  private readonly cost: number[] = [];
  private readonly lower: number[] = [];
  private readonly upper: number[] = [];
  private readonly integer: number[] = [];
  private readonly rowLower: number[] = [];
  private readonly rowUpper: number[] = [];
  private readonly columns: [number, number][][] = [];
  /** Constant added to the objective. */
  offset = 0;

  /** Adds a variable; returns its index. */
  variable(options: { cost?: number; lower?: number; upper?: number; integer?: boolean }): number {
    const { cost = 0, lower = 0, upper = Infinity, integer = false } = options;
    this.cost.push(cost);
    this.lower.push(lower);
    this.upper.push(upper);
    this.integer.push(integer ? 1 : 0);
    this.columns.push([]);
    return this.cost.length - 1;
  }

  /** Number of variables so far. */
  get numCols(): number {
    return this.cost.length;
  }

  /** Number of rows so far. */
  get numRows(): number {
    return this.rowLower.length;
  }

  /** Adds the row lower <= sum(coef x) <= upper; returns its index. Terms on the same variable are summed. */
  row(terms: LinearTerms, lower: number, upper: number): number {
    const r = this.rowLower.length;
    this.rowLower.push(lower);
    this.rowUpper.push(upper);
    const merged = new Map<number, number>();
    for (const [j, a] of terms) merged.set(j, (merged.get(j) ?? 0) + a);
    for (const [j, a] of merged) if (a !== 0) this.columns[j]!.push([r, a]);
    return r;
  }

  /** Adds to a variable's objective coefficient. */
  addCost(j: number, cost: number): void {
    this.cost[j]! += cost;
  }

  /** The CSC model. */
  build(): MipModelData {
    const numCols = this.cost.length;
    const numRows = this.rowLower.length;
    const starts = new Int32Array(numCols + 1);
    let nnz = 0;
    for (let j = 0; j < numCols; j++) {
      starts[j] = nnz;
      nnz += this.columns[j]!.length;
    }
    starts[numCols] = nnz;
    const indices = new Int32Array(nnz);
    const values = new Float64Array(nnz);
    let k = 0;
    for (const column of this.columns) {
      column.sort((a, b) => a[0] - b[0]);
      for (const [r, a] of column) {
        indices[k] = r;
        values[k++] = a;
      }
    }
    return {
      numCols,
      numRows,
      colCost: Float64Array.from(this.cost),
      colLower: Float64Array.from(this.lower),
      colUpper: Float64Array.from(this.upper),
      rowLower: Float64Array.from(this.rowLower),
      rowUpper: Float64Array.from(this.rowUpper),
      matrix: { format: "csc", numRows, numCols, starts, indices, values },
      integrality: Int32Array.from(this.integer),
      offset: this.offset,
    };
  }
}

/** Options of {@link addWorkRestPath}. */
export interface WorkRestPathOptions {
  /** Whether the person may work each day of the horizon (false on leave or days off). */
  readonly workable: readonly boolean[];
  /** Most working days in a row. */
  readonly maxWorkRun: number;
  /** Fewest working days in a row, unless the run touches the horizon's first or last day. */
  readonly minWorkRun: number;
  /** Fewest days off in a row, unless the run touches the horizon's first or last day. */
  readonly minRestRun: number;
}

/**
 * Adds one person's days as a path of alternating runs: a continuous variable per allowed run of
 * work (a, b) (days a..b-1, length within [minWorkRun, maxWorkRun] unless it touches an end of the
 * horizon, every day workable) and per allowed run of rest, with flow conservation from day 0 to
 * day H. The path polytope is integral (a network matrix), so the run-length rules cost no LP
 * weakness; the caller links the person's daily work to the returned terms:
 * sum_s x_{d,s} = sum of the runs covering day d.
 *
 * @returns per day, the run variables that cover it (coefficient 1)
 * Reference: the network-flow ("stint") formulations of nurse rostering, e.g. Burke, De
 * Causmaecker, Vanden Berghe, Van Landeghem, "The state of the art of nurse rostering", J.
 * Scheduling 7 (2004).
 * @throws {WfmError} `invalid-argument` when the options are not an object or lack `workable`, `maxWorkRun`, `minWorkRun` or `minRestRun`.
 */
export function addWorkRestPath(b: MipBuilder, options: WorkRestPathOptions): [number, number][][] {
  requireObject("addWorkRestPath", "b", b);
  requireOptions("addWorkRestPath", options, ["workable", "maxWorkRun", "minWorkRun", "minRestRun"]);
  const { workable, maxWorkRun, minWorkRun, minRestRun } = options;
  const H = workable.length;
  const list = () => Array.from({ length: H + 1 }, () => [] as [number, number][]);
  const workIn = list();
  const workOut = list();
  const restIn = list();
  const restOut = list();
  const covering: [number, number][][] = Array.from({ length: H }, () => []);
  for (let a = 0; a < H; a++) {
    for (let end = a + 1; end <= H && end - a <= maxWorkRun && workable[end - 1]; end++) {
      if (end - a < minWorkRun && a > 0 && end < H) continue;
      const y = b.variable({ upper: 1 });
      workOut[a]!.push([y, 1]);
      workIn[end]!.push([y, 1]);
      for (let d = a; d < end; d++) covering[d]!.push([y, 1]);
    }
    for (let end = a + 1; end <= H; end++) {
      if (end - a < minRestRun && a > 0 && end < H) continue;
      const z = b.variable({ upper: 1 });
      restOut[a]!.push([z, 1]);
      restIn[end]!.push([z, 1]);
    }
  }
  const negative = (terms: [number, number][]) => terms.map(([j, v]) => [j, -v] as const);
  b.row([...workOut[0]!, ...restOut[0]!], 1, 1);
  for (let t = 1; t < H; t++) {
    b.row([...workIn[t]!, ...negative(restOut[t]!)], 0, 0);
    b.row([...restIn[t]!, ...negative(workOut[t]!)], 0, 0);
  }
  return covering;
}
