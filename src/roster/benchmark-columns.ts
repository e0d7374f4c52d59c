import type { Highs } from "highs";
import type { MipModelData } from "../schedule/mip.js";
import { loadHighsRuntime } from "../schedule/solve.js";
import { seededRandom } from "../staffing/random.js";
import { invalidArgument, requireOptions } from "../errors.js";
import { requireRosterBenchmark, type RosterBenchmark } from "./benchmark.js";
import { cheapestLines, lineStateCount, type BenchmarkLine } from "./benchmark-lines.js";
import { MipBuilder } from "./model-builder.js";

/**
 * Column generation for a Curtois & Qu instance: the set-partitioning form of the roster, one
 * column per employee and line of work,
 *
 *   min  sum_{e,p} c_{e,p} lambda_{e,p} + sum_c (wu_c u_c + wo_c o_c)
 *   s.t. sum_p lambda_{e,p} = 1                                   for every employee e  (dual mu_e)
 *        sum_{e,p} a_{p,c} lambda_{e,p} + u_c - o_c = R_c          for every cover record c (dual pi_c)
 *
 * where c_{e,p} is what the line's requests cost and a_{p,c} = 1 when the line works the record's
 * shift on its day. Its LP relaxation is far tighter than the compact model's (each employee's
 * whole contract is inside the columns, not relaxed), and a line's reduced cost is
 * c_{e,p} - mu_e - sum_c a_{p,c} pi_c, so pricing is the employee's cheapest line under day costs
 * (`cheapestLines`). At every round, LP + sum_e min(0, least reduced cost of e) is a valid lower
 * bound on the roster's objective (Lagrangian bound), so the bound is valid even when the time
 * runs out before the LP converges.
 *
 * The pool of lines then gives the restricted master MIP ({@link masterModel}): the best roster
 * made of known lines, a neighbourhood unlike any fix-and-optimise one (whole lines of different
 * rosters recombined).
 *
 * References: G. Desaulniers, J. Desrosiers, M. M. Solomon (eds.), *Column Generation*, Springer
 * (2005); A. Legrain, J. Omer, S. Rosat, Mathematical Programming Computation 12 (2020) (branch and
 * price for nurse rostering); M. E. Lübbecke, J. Desrosiers, "Selected topics in column
 * generation", Operations Research 53 (2005) (the Lagrangian bound).
 *
 * @module
 */

/**
 * Lines known per employee (index as in `instance.employees`), without repeats: the columns of
 * the restricted master.
 *
 * @example
 * ```ts
 * const pool = new LinePool(2);
 * pool.add(0, Int8Array.from([0, -1])); //=> true
 * pool.add(0, Int8Array.from([0, -1])); //=> false (already known)
 * pool.size; //=> 1
 * ```
 */
export class LinePool {
  readonly lines: BenchmarkLine[][];
  private readonly seen: Set<string>[];
  constructor(employees: number) {
    this.lines = Array.from({ length: employees }, () => []);
    this.seen = Array.from({ length: employees }, () => new Set());
  }
  /** Adds a line of employee `employee`; false when the employee already has it. */
  add(employee: number, line: BenchmarkLine): boolean {
    const key = line.join(",");
    if (this.seen[employee]!.has(key)) return false;
    this.seen[employee]!.add(key);
    this.lines[employee]!.push(line);
    return true;
  }
  /** Lines in the pool, all employees together. */
  get size(): number {
    return this.lines.reduce((n, l) => n + l.length, 0);
  }
}

/** What the requests cost per employee: a constant (every shift-on weight) and a cost per day and shift type. */
interface RequestCosts {
  readonly constant: Float64Array;
  readonly dayCost: Float64Array[];
}

function requestCosts(instance: RosterBenchmark): RequestCosts {
  const H = instance.horizonDays;
  const S = instance.shifts.length;
  const shiftIndex = new Map(instance.shifts.map((s, i) => [s.id, i]));
  const employeeIndex = new Map(instance.employees.map((e, i) => [e.id, i]));
  const constant = new Float64Array(instance.employees.length);
  const dayCost = instance.employees.map(() => new Float64Array(H * S));
  for (const r of instance.shiftOnRequests) {
    const e = employeeIndex.get(r.employee)!;
    constant[e] = constant[e]! + r.weight;
    const costs = dayCost[e]!;
    const k = r.day * S + shiftIndex.get(r.shift)!;
    costs[k] = costs[k]! - r.weight;
  }
  for (const r of instance.shiftOffRequests) {
    const costs = dayCost[employeeIndex.get(r.employee)!]!;
    const k = r.day * S + shiftIndex.get(r.shift)!;
    costs[k] = costs[k]! + r.weight;
  }
  return { constant, dayCost };
}

/** The request cost of one line of one employee (the benchmark's shift-on and shift-off terms). */
function lineCost(costs: RequestCosts, employee: number, line: BenchmarkLine, S: number): number {
  let cost = costs.constant[employee]!;
  line.forEach((s, d) => {
    if (s >= 0) cost += costs.dayCost[employee]![d * S + s]!;
  });
  return cost;
}

/**
 * Whether column generation suits the instance: every employee's dynamic program has at most
 * `maxStates` states (`lineStateCount`).
 *
 * @param instance - a parsed instance
 * @param maxStates - the largest state space accepted. @defaultValue 2,000,000
 * @returns true when every employee's pricing is small enough
 * @throws {WfmError} `invalid-argument` for a value that is not an instance
 * @example
 * ```ts
 * columnGenerationFits(instance7); //=> true
 * ```
 */
export function columnGenerationFits(instance: RosterBenchmark, maxStates = 2_000_000): boolean {
  requireRosterBenchmark("columnGenerationFits", instance);
  return instance.employees.every((_, e) => lineStateCount(instance, e) <= maxStates);
}

/**
 * Which options each employee keeps on each day: `mask[e][d * (S + 1) + o]` is 1 when option o
 * is allowed (o = 0 a day off, o = s + 1 shift type s). Branch and price narrows it.
 */
export type LineMask = readonly Uint8Array[];

/** Whether a line keeps to the employee's mask. */
function keeps(line: BenchmarkLine, mask: Uint8Array | undefined, S: number): boolean {
  if (!mask) return true;
  for (let d = 0; d < line.length; d++) if (mask[d * (S + 1) + line[d]! + 1] === 0) return false;
  return true;
}

/** Options of {@link generateColumns}. */
export interface GenerateColumnsOptions {
  readonly instance: RosterBenchmark;
  /** Lines to start from (e.g. an incumbent roster's); priced lines are added to it. */
  readonly pool?: LinePool;
  /** Stop after this many seconds of {@link GenerateColumnsOptions.clockSeconds}. */
  readonly budgetSeconds: number;
  readonly clockSeconds?: () => number;
  /** New lines priced per employee and round. @defaultValue 4 */
  readonly linesPerRound?: number;
  /** The HiGHS runtime. @defaultValue the project's lazily loaded runtime */
  readonly highs?: Highs;
  /** Options allowed per employee and day (see {@link LineMask}). @defaultValue all */
  readonly mask?: LineMask;
  /**
   * Stop as soon as the bound rounded up reaches this (e.g. the incumbent: the node cannot hold a
   * better roster). @defaultValue none
   */
  readonly cutoff?: number;
  /** Price until the LP converges, even once the rounded bound can no longer rise. @defaultValue false */
  readonly converge?: boolean;
}

/** What {@link generateColumns} found. */
export interface GeneratedColumns {
  /** Every line known, per employee (the start lines and the priced ones). */
  readonly pool: LinePool;
  /** The best valid lower bound on the objective under the mask (Lagrangian; the LP optimum when converged); Infinity when the mask admits no line for some employee. */
  readonly bound: number;
  /** The restricted master LP's objective at the last round. */
  readonly lpObjective: number;
  /** True when no line has a negative reduced cost (the LP relaxation is solved). */
  readonly converged: boolean;
  readonly rounds: number;
  /** The last LP's positive line values: employee, index in the pool, value. */
  readonly support: readonly { readonly employee: number; readonly index: number; readonly value: number }[];
}

/**
 * Solves the LP relaxation of the set-partitioning roster by column generation (see the module
 * comment), from the given pool plus each employee's cheapest line by its requests alone, keeping
 * to the mask when one is given.
 *
 * @param options - the instance, a start pool, the budget on the chosen clock, mask and cutoff
 * @returns the pool of lines, the bound, the last LP objective, whether it converged, the LP's support
 * @throws {WfmError} `invalid-argument` for missing options or a value that is not an instance; `solver-failed` when HiGHS fails
 * @example
 * ```ts
 * const columns = await generateColumns({ instance, budgetSeconds: 60, converge: true });
 * columns.bound; //=> 1054.08 on Instance7 (optimum 1056), after 30 rounds and about 3 CPU s
 * ```
 * Reference: the module's references.
 */
export async function generateColumns(options: GenerateColumnsOptions): Promise<GeneratedColumns> {
  requireOptions("generateColumns", options, ["instance", "budgetSeconds"]);
  requireRosterBenchmark("generateColumns", options.instance);
  const { instance } = options;
  const highs = options.highs ?? (await loadHighsRuntime());
  const master = new MasterLp(instance, highs, options.pool ?? new LinePool(instance.employees.length));
  try {
    return generateOn(master, options);
  } finally {
    master.dispose();
  }
}

/**
 * The restricted master LP kept alive across rounds and branch-and-price nodes: every pool line
 * is a column, and a node's mask only sets the upper bound of the lines it forbids to 0, so
 * HiGHS's simplex starts each solve from the last basis.
 */
class MasterLp {
  readonly model: ReturnType<Highs["createModel"]>;
  readonly costs: RequestCosts;
  readonly coverAt: number[][];
  /** Per line column (from `firstLineColumn`), its employee and index in the pool. */
  readonly columns: { employee: number; index: number }[] = [];
  /** Per line column, its current upper bound (0 when the mask forbids it). */
  private readonly upper: number[] = [];
  private readonly firstLineColumn: number;
  /** Per employee, how many of its pool lines are columns already. */
  private readonly known: number[];
  constructor(
    readonly instance: RosterBenchmark,
    highs: Highs,
    readonly pool: LinePool,
  ) {
    this.costs = requestCosts(instance);
    this.coverAt = coverRows(instance);
    const empty = new LinePool(instance.employees.length);
    const master = masterModel(instance, empty, { relax: true });
    this.firstLineColumn = master.firstLineColumn;
    this.known = instance.employees.map(() => 0);
    this.model = highs.createModel();
    this.model.options.set({ output_flag: false });
    const { offset: _offset, ...data } = master.data;
    this.model.passModel(data as Parameters<typeof this.model.passModel>[0]);
  }
  /** Adds the pool's lines that are not columns yet, each allowed or not by `mask`. */
  sync(mask: LineMask | undefined): void {
    const E = this.instance.employees.length;
    const S = this.instance.shifts.length;
    for (let e = 0; e < E; e++) {
      const lines = this.pool.lines[e]!;
      for (let index = this.known[e]!; index < lines.length; index++) {
        const line = lines[index]!;
        const rows = [e];
        line.forEach((s, d) => {
          if (s >= 0) for (const c of this.coverAt[d * S + s]!) rows.push(E + c);
        });
        rows.sort((x, y) => x - y);
        const upper = keeps(line, mask?.[e], S) ? Infinity : 0;
        this.model.addCol(lineCost(this.costs, e, line, S), 0, upper, { indices: Int32Array.from(rows), values: new Float64Array(rows.length).fill(1) });
        this.columns.push({ employee: e, index });
        this.upper.push(upper);
      }
      this.known[e] = lines.length;
    }
  }
  /** Sets every line column's upper bound by the mask (only the ones that change). */
  restrict(mask: LineMask | undefined): void {
    const S = this.instance.shifts.length;
    const changed: number[] = [];
    const uppers: number[] = [];
    this.columns.forEach(({ employee, index }, k) => {
      const upper = keeps(this.pool.lines[employee]![index]!, mask?.[employee], S) ? Infinity : 0;
      if (upper !== this.upper[k]) {
        this.upper[k] = upper;
        changed.push(this.firstLineColumn + k);
        uppers.push(upper);
      }
    });
    if (changed.length > 0) this.model.changeColsBounds({ kind: "set", indices: Int32Array.from(changed) }, new Float64Array(changed.length), Float64Array.from(uppers));
  }
  /** The line columns' values, as a support list. */
  support(): { employee: number; index: number; value: number }[] {
    const colValue = this.model.getSolution().colValue;
    return this.columns.flatMap(({ employee, index }, k) => {
      const value = colValue[this.firstLineColumn + k]!;
      return value > 1e-9 ? [{ employee, index, value }] : [];
    });
  }
  /**
   * The benchmark objective of a roster given as lines (requests and cover), from the lines alone;
   * `evaluateRosterBenchmark` is the independent check.
   */
  objectiveOf(lines: readonly BenchmarkLine[]): number {
    const S = this.instance.shifts.length;
    let objective = lines.reduce((sum, line, e) => sum + lineCost(this.costs, e, line, S), 0);
    const worked = new Float64Array(this.instance.cover.length);
    for (const line of lines) line.forEach((s, d) => s >= 0 && this.coverAt[d * S + s]!.forEach((c) => (worked[c] = worked[c]! + 1)));
    this.instance.cover.forEach((c, i) => (objective += c.weightUnder * Math.max(0, c.requirement - worked[i]!) + c.weightOver * Math.max(0, worked[i]! - c.requirement)));
    return objective;
  }
  dispose(): void {
    this.model.dispose();
  }
}

/** {@link generateColumns} on a live master (its pool is the options' pool). */
function generateOn(master: MasterLp, options: GenerateColumnsOptions): GeneratedColumns {
  const { instance, budgetSeconds, clockSeconds = wall, linesPerRound = 4, mask, cutoff = Infinity } = options;
  const started = clockSeconds();
  const E = instance.employees.length;
  const H = instance.horizonDays;
  const S = instance.shifts.length;
  const { costs, coverAt, pool } = master;
  const dayCost = new Float64Array(H * S);
  const offCost = new Float64Array(H);
  /** Per day and shift type, the sum of its cover rows' duals (0 before the first LP). */
  const cellDual = new Float64Array(H * S);
  /** Day costs under the mask: Infinity where the mask forbids. */
  const priceFor = (e: number) => {
    const request = costs.dayCost[e]!;
    const m = mask?.[e];
    for (let d = 0; d < H; d++) {
      offCost[d] = m && m[d * (S + 1)] === 0 ? Infinity : 0;
      for (let s = 0; s < S; s++) {
        const k = d * S + s;
        dayCost[k] = m && m[d * (S + 1) + s + 1] === 0 ? Infinity : request[k]! - cellDual[k]!;
      }
    }
  };
  for (let e = 0; e < E; e++) {
    if (pool.lines[e]!.some((line) => keeps(line, mask?.[e], S))) continue;
    priceFor(e);
    const [line] = cheapestLines(instance, e, dayCost, 1, offCost);
    if (!line) return { pool, bound: Infinity, lpObjective: Infinity, converged: true, rounds: 0, support: [] };
    pool.add(e, line.line);
  }
  master.restrict(mask);
  master.sync(mask);
  let bound = -Infinity;
  let lpObjective = Infinity;
  let converged = false;
  let rounds = 0;
  for (;;) {
    master.model.run();
    rounds++;
    lpObjective = master.model.getObjectiveValue();
    const rowDual = master.model.getSolution().rowDual;
    for (let k = 0; k < H * S; k++) {
      let pi = 0;
      for (const c of coverAt[k]!) pi += rowDual[E + c]!;
      cellDual[k] = pi;
    }
    let reduced = 0;
    let added = 0;
    for (let e = 0; e < E; e++) {
      priceFor(e);
      const lines = cheapestLines(instance, e, dayCost, linesPerRound, offCost);
      const mu = rowDual[e]!;
      const best = lines.length > 0 ? costs.constant[e]! + lines[0]!.cost - mu : 0;
      reduced += Math.min(0, best);
      for (const priced of lines) if (costs.constant[e]! + priced.cost - mu < -1e-6 && pool.add(e, priced.line)) added++;
    }
    bound = Math.max(bound, lpObjective + reduced);
    if (added === 0) {
      converged = true;
      bound = Math.max(bound, lpObjective);
      break;
    }
    const rounded = Math.ceil(bound - 1e-6);
    if (rounded >= cutoff || (!options.converge && rounded >= Math.ceil(lpObjective - 1e-6)) || clockSeconds() - started >= budgetSeconds) break;
    master.sync(mask);
  }
  return { pool, bound, lpObjective, converged, rounds, support: master.support() };
}

/** Per day x shift type, the cover records on it (normally one or none). */
function coverRows(instance: RosterBenchmark): number[][] {
  const S = instance.shifts.length;
  const shiftIndex = new Map(instance.shifts.map((s, i) => [s.id, i]));
  const at: number[][] = Array.from({ length: instance.horizonDays * S }, () => []);
  instance.cover.forEach((c, i) => at[c.day * S + shiftIndex.get(c.shift)!]!.push(i));
  return at;
}

/** The restricted master over a pool of lines. */
export interface MasterModel {
  readonly data: MipModelData;
  /** The column of the first line; lines follow in pool order, employee by employee. */
  readonly firstLineColumn: number;
  /** Per line column (from `firstLineColumn`), its employee and index in the pool. */
  readonly columns: readonly { readonly employee: number; readonly index: number }[];
}

/**
 * The restricted master over the pool: one column per known line (binary unless `relax`), the
 * short and extra columns of each cover record, a convexity row per employee and a row per cover
 * record (see the module comment). Its MIP optimum is the best roster made of the pool's lines.
 *
 * @param instance - a parsed instance
 * @param pool - the lines (every employee needs at least one)
 * @param options - `relax`: continuous line columns (the LP); `mask`: only the lines that keep to it
 * @returns the CSC model, where the line columns start and which line each is
 * @throws {WfmError} `invalid-argument` for a value that is not an instance or a pool of another size
 * @example
 * ```ts
 * masterModel(instance, pool).data.numRows; //=> employees + cover records
 * ```
 */
export function masterModel(instance: RosterBenchmark, pool: LinePool, options: { relax?: boolean; mask?: LineMask } = {}): MasterModel {
  requireRosterBenchmark("masterModel", instance);
  if (!(pool instanceof LinePool) || pool.lines.length !== instance.employees.length) invalidArgument("masterModel", "pool", "a LinePool with one list per employee", pool);
  const E = instance.employees.length;
  const S = instance.shifts.length;
  const costs = requestCosts(instance);
  const coverAt = coverRows(instance);
  const b = new MipBuilder();
  const coverTerms: [number, number][][] = instance.cover.map((c) => [
    [b.variable({ cost: c.weightUnder, upper: c.requirement }), 1],
    [b.variable({ cost: c.weightOver }), -1],
  ]);
  const firstLineColumn = b.numCols;
  const convexity: [number, number][][] = instance.employees.map(() => []);
  const columns: { employee: number; index: number }[] = [];
  pool.lines.forEach((lines, e) =>
    lines.forEach((line, index) => {
      if (!keeps(line, options.mask?.[e], S)) return;
      const j = b.variable({ cost: lineCost(costs, e, line, S), upper: options.relax ? Infinity : 1, integer: !options.relax });
      convexity[e]!.push([j, 1]);
      line.forEach((s, d) => {
        if (s >= 0) for (const c of coverAt[d * S + s]!) coverTerms[c]!.push([j, 1]);
      });
      columns.push({ employee: e, index });
    }),
  );
  // rows: one per employee (0..E-1), then one per cover record (E + c)
  for (const terms of convexity) b.row(terms, 1, 1);
  instance.cover.forEach((c, i) => b.row(coverTerms[i]!, c.requirement, c.requirement));
  return { data: b.build(), firstLineColumn, columns };
}

/** Options of {@link branchAndPrice}. */
export interface BranchAndPriceOptions {
  readonly instance: RosterBenchmark;
  /** The budget, seconds of {@link BranchAndPriceOptions.clockSeconds}. */
  readonly budgetSeconds: number;
  readonly clockSeconds?: () => number;
  /** A roster already known (its lines join the pool, its objective prunes the tree). */
  readonly incumbent?: { readonly lines: readonly BenchmarkLine[]; readonly objective: number };
  /** Called with every better roster found, and the root's bound rounded up. */
  readonly onImproved?: (lines: readonly BenchmarkLine[], objective: number, bound: number) => void;
  /** Stop as soon as a roster costs at most this. @defaultValue none */
  readonly objectiveTarget?: number;
  /**
   * While no roster is known, the search may go on up to this many seconds, past the budget (so a
   * short budget still ends with the first dive's roster). @defaultValue the budget
   */
  readonly firstRosterSeconds?: number;
  readonly highs?: Highs;
  /** The root's mask: options held out everywhere in the tree (a neighbourhood). @defaultValue all allowed */
  readonly mask?: LineMask;
}

/** What {@link branchAndPrice} found. */
export interface BranchAndPriceResult {
  /** The best roster's lines per employee (the incumbent's when none better), or null. */
  readonly lines: readonly BenchmarkLine[] | null;
  readonly objective: number | null;
  /** The root's bound rounded up; the objective itself when the tree was searched to the end. */
  readonly bound: number;
  /** True when the whole tree was searched: the objective is optimal. */
  readonly complete: boolean;
  readonly nodes: number;
  readonly pool: LinePool;
}

/**
 * Branch and price on the set-partitioning roster: column generation at every node
 * ({@link generateColumns}), depth first, branching on an employee-day-option cell whose LP value
 * x = sum of the values of the lines that take it is fractional; the cell closest to 1 is chosen
 * and the branch that takes it is searched first (so the first path is a dive), the other branch
 * forbids it. A node whose bound, rounded up, is no better than the incumbent is pruned (the
 * objective is integral). A node whose LP is integral is a roster.
 *
 * @param options - the instance, the budget on the chosen clock, an incumbent, a target
 * @returns the best roster's lines, its objective, the bound, whether the search was complete, nodes searched
 * @throws {WfmError} `invalid-argument` for missing options or a value that is not an instance; `solver-failed` when HiGHS fails
 * @example
 * ```ts
 * const result = await branchAndPrice({ instance, budgetSeconds: 60 });
 * result.objective; //=> 1716 on Instance4, complete (proven optimal)
 * ```
 * Reference: C. Barnhart, E. L. Johnson, G. L. Nemhauser, M. W. P. Savelsbergh, P. H. Vance,
 * "Branch-and-price: column generation for solving huge integer programs", Operations Research 46
 * (1998); the module's references.
 */
export async function branchAndPrice(options: BranchAndPriceOptions): Promise<BranchAndPriceResult> {
  requireOptions("branchAndPrice", options, ["instance", "budgetSeconds"]);
  requireRosterBenchmark("branchAndPrice", options.instance);
  const { instance, budgetSeconds, clockSeconds = wall, objectiveTarget = -Infinity, firstRosterSeconds = budgetSeconds } = options;
  const highs = options.highs ?? (await loadHighsRuntime());
  const started = clockSeconds();
  const E = instance.employees.length;
  const H = instance.horizonDays;
  const S = instance.shifts.length;
  const pool = new LinePool(E);
  let best: { lines: readonly BenchmarkLine[]; objective: number } | null = options.incumbent ?? null;
  best?.lines.forEach((line, e) => pool.add(e, line));
  const master = new MasterLp(instance, highs, pool);
  const full = options.mask ?? Array.from({ length: E }, () => new Uint8Array(H * (S + 1)).fill(1));
  // open nodes with their parent's bound; the dive goes on with `next`, and when it ends, the
  // open node of the lowest bound is searched (the latest on a tie)
  const open: { mask: LineMask; bound: number }[] = [];
  let next: LineMask | null = full;
  let rootBound: number | null = null;
  let nodes = 0;
  const cells = H * (S + 1);
  const x = new Float64Array(E * cells);
  const lowest = (): LineMask | null => {
    let at = -1;
    open.forEach((node, i) => {
      if (at < 0 || node.bound <= open[at]!.bound) at = i;
    });
    return at < 0 ? null : open.splice(at, 1)[0]!.mask;
  };
  try {
    for (;;) {
      const mask: LineMask | null = next ?? lowest();
      next = null;
      if (mask === null) break;
      // without a roster yet, the budget stretches to `firstRosterSeconds` (the first dive's end)
      const left = (best === null ? Math.max(budgetSeconds, firstRosterSeconds) : budgetSeconds) - (clockSeconds() - started);
      if (left <= 0 || (best !== null && best.objective <= objectiveTarget)) {
        open.push({ mask, bound: -Infinity });
        break;
      }
      const cutoff = best === null ? Infinity : best.objective;
      const node = generateOn(master, { instance, pool, mask, cutoff, converge: true, budgetSeconds: left, clockSeconds });
      nodes++;
      const rounded = Math.ceil(node.bound - 1e-6);
      if (rootBound === null) rootBound = rounded;
      if (rounded >= cutoff) continue; // pruned (or no line keeps to the mask)
      if (!node.converged) {
        open.push({ mask, bound: node.bound }); // the time ran out inside the node
        break;
      }
      // the most certain fractional cell: x[e][d * (S + 1) + o] sums the values of e's lines taking o on d
      x.fill(0);
      for (const { employee, index, value } of node.support) {
        pool.lines[employee]![index]!.forEach((s, d) => {
          const k = employee * cells + d * (S + 1) + s + 1;
          x[k] = x[k]! + value;
        });
      }
      let branch: { e: number; k: number; value: number } | null = null;
      for (let at = 0; at < x.length; at++) {
        const v = x[at]!;
        if (v > 1e-6 && v < 1 - 1e-6 && (branch === null || v > branch.value)) branch = { e: Math.floor(at / cells), k: at % cells, value: v };
      }
      // each employee on its line of largest value: a roster (the LP's own when it is integral)
      const heaviest = new Array<{ index: number; value: number } | null>(E).fill(null);
      for (const { employee, index, value } of node.support) if (heaviest[employee] === null || value > heaviest[employee]!.value) heaviest[employee] = { index, value };
      if (heaviest.every((h) => h !== null)) {
        const lines = heaviest.map((h, e) => pool.lines[e]![h!.index]!);
        const objective = master.objectiveOf(lines);
        if (best === null || objective < best.objective) {
          best = { lines, objective };
          options.onImproved?.(lines, objective, rootBound!);
        }
      }
      if (branch === null) continue; // an integral LP: its roster is the one just taken
      const forbid: Uint8Array[] = [...mask];
      forbid[branch.e] = Uint8Array.from(mask[branch.e]!);
      forbid[branch.e]![branch.k] = 0;
      const take: Uint8Array[] = [...mask];
      take[branch.e] = Uint8Array.from(mask[branch.e]!);
      const day = Math.floor(branch.k / (S + 1));
      for (let o = 0; o <= S; o++) if (day * (S + 1) + o !== branch.k) take[branch.e]![day * (S + 1) + o] = 0;
      open.push({ mask: forbid, bound: node.bound });
      next = take;
    }
  } finally {
    master.dispose();
  }
  const complete = open.length === 0;
  return {
    lines: best?.lines ?? null,
    objective: best?.objective ?? null,
    bound: complete && best !== null ? best.objective : (rootBound ?? -Infinity),
    complete,
    nodes,
    pool,
  };
}

/** Options of {@link improveByBranchAndPrice}. */
export interface ImproveByBranchAndPriceOptions {
  readonly instance: RosterBenchmark;
  /** The roster to improve (lines per employee) and its objective. */
  readonly incumbent: { readonly lines: readonly BenchmarkLine[]; readonly objective: number };
  /** The budget, seconds of {@link ImproveByBranchAndPriceOptions.clockSeconds}. */
  readonly budgetSeconds: number;
  readonly clockSeconds?: () => number;
  /** Stop as soon as a roster costs at most this (e.g. the bound rounded up). @defaultValue none */
  readonly objectiveTarget?: number;
  /** Seed of the neighbourhood choice. @defaultValue 1 */
  readonly seed?: number;
  readonly onImproved?: (lines: readonly BenchmarkLine[], objective: number) => void;
  readonly highs?: Highs;
}

/**
 * Large-neighbourhood search whose neighbourhoods are solved by branch and price: hold every
 * employee-day cell outside the neighbourhood at the incumbent (a mask), and search the
 * neighbourhood with {@link branchAndPrice} (the incumbent as cutoff) for a few seconds. Two kinds,
 * chosen at random: some employees over the whole horizon, and every employee over a window of
 * days; each kind's size grows when its search ends complete without a gain and shrinks when it
 * runs out of time. The set-partitioning bound makes these searches prove far larger neighbourhoods
 * than a compact MIP can.
 *
 * @param options - the instance, the incumbent, the budget, a target, the seed
 * @returns the best roster's lines and objective, the neighbourhoods searched, and whether a
 *   neighbourhood of the whole instance was searched to the end (the roster is then optimal)
 * @throws {WfmError} `invalid-argument` for missing options or a value that is not an instance; `solver-failed` when HiGHS fails
 * @example
 * ```ts
 * const better = await improveByBranchAndPrice({ instance, incumbent, budgetSeconds: 60 });
 * better.objective <= incumbent.objective; //=> true
 * ```
 * Reference: P. Shaw, CP 1998 (large neighbourhood search); the references of {@link branchAndPrice}.
 */
export async function improveByBranchAndPrice(
  options: ImproveByBranchAndPriceOptions,
): Promise<{ lines: readonly BenchmarkLine[]; objective: number; neighbourhoods: number; proven: boolean }> {
  requireOptions("improveByBranchAndPrice", options, ["instance", "incumbent", "budgetSeconds"]);
  requireRosterBenchmark("improveByBranchAndPrice", options.instance);
  const { instance, budgetSeconds, clockSeconds = wall, objectiveTarget = -Infinity, seed = 1 } = options;
  const highs = options.highs ?? (await loadHighsRuntime());
  const started = clockSeconds();
  const E = instance.employees.length;
  const H = instance.horizonDays;
  const S = instance.shifts.length;
  const random = seededRandom(seed);
  let best = { lines: options.incumbent.lines, objective: options.incumbent.objective };
  const kinds = [
    { name: "employees", size: Math.min(E, 6), min: Math.min(E, 2), max: E, score: 1 },
    { name: "window", size: Math.min(H, 10), min: Math.min(H, 3), max: H, score: 1 },
  ];
  let neighbourhoods = 0;
  let proven = false;
  while (!proven && clockSeconds() - started < budgetSeconds && best.objective > objectiveTarget) {
    const total = kinds.reduce((sum, k) => sum + k.score, 0);
    let r = random() * total;
    const kind = kinds.find((k) => (r -= k.score) < 0) ?? kinds[0]!;
    let free: (e: number, d: number) => boolean;
    if (kind.name === "employees") {
      const chosen = new Set<number>();
      while (chosen.size < kind.size) chosen.add(Math.floor(random() * E));
      free = (e) => chosen.has(e);
    } else {
      const first = Math.floor(random() * (H - kind.size + 1));
      free = (_, d) => d >= first && d < first + kind.size;
    }
    const mask = best.lines.map((line, e) => {
      const m = new Uint8Array(H * (S + 1)).fill(1);
      line.forEach((s, d) => {
        if (free(e, d)) return;
        for (let o = 0; o <= S; o++) m[d * (S + 1) + o] = o === s + 1 ? 1 : 0;
      });
      return m;
    });
    const limit = Math.max(0.5, Math.min(10, budgetSeconds - (clockSeconds() - started)));
    const sub = await branchAndPrice({ instance, mask, incumbent: best, budgetSeconds: limit, clockSeconds, objectiveTarget, highs });
    neighbourhoods++;
    const improved = sub.objective !== null && sub.objective < best.objective;
    if (improved) {
      best = { lines: sub.lines!, objective: sub.objective! };
      options.onImproved?.(best.lines, best.objective);
    }
    // a neighbourhood of everything searched to the end proves the roster optimal
    proven = sub.complete && kind.size === kind.max;
    kind.score = 0.8 * kind.score + 0.2 * (improved ? 4 : 0.25);
    if (sub.complete && !improved) kind.size = Math.min(kind.max, kind.size + 1);
    else if (!sub.complete) kind.size = Math.max(kind.min, kind.size - 1);
  }
  return { ...best, neighbourhoods, proven };
}

const wall = () => (typeof performance !== "undefined" ? performance.now() : Date.now()) / 1000;
