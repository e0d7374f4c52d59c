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
