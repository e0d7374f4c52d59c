import { WfmError, invalidArgument } from "../errors.js";
import { solveMip, type MipModelData, type MipResult, type MipSolveOptions, type MipStatus } from "../schedule/mip.js";
import type { ScheduleProgress } from "../schedule/solve.js";
import { checkRoster, type RosterCheck } from "./check.js";
import { solveWithNeighbourhoods } from "./lns.js";
import { buildRosterModel, type RosterModel, type RosterSlack } from "./model.js";
import type { Roster, RosterProblem } from "./problem.js";

/**
 * Solving a contact-centre roster: the exact MIP, every roster checked by the independent
 * checker, and when the hard rules cannot all hold, the rules and days that conflict.
 *
 * @module
 */

/** One hard rule that had to give way in the relaxed (elastic) model. */
export interface RosterConflict {
  readonly rule: RosterSlack["rule"];
  readonly agent: string;
  readonly day?: number;
  readonly template?: string;
  readonly team?: string;
  /** How far the rule had to be relaxed, in `unit`. */
  readonly amount: number;
  readonly unit: string;
}

/** Options of {@link solveRoster}. */
export interface SolveRosterOptions extends MipSolveOptions {
  readonly onProgress?: (progress: ScheduleProgress) => void;
  /** Runs the MIP (e.g. in a worker thread). @defaultValue solveMip in this thread */
  readonly runMip?: (model: MipModelData, options: MipSolveOptions & { onProgress?: (p: ScheduleProgress) => void }) => Promise<MipResult>;
}

/** A solved roster. */
export interface RosterResult {
  readonly status: MipStatus;
  /** The roster (null when none keeps the hard rules, or none was found in time). */
  readonly roster: Roster | null;
  /** The independent check of the roster. */
  readonly check: RosterCheck | null;
  /** The objective recomputed by the checker. */
  readonly objective: number | null;
  /** Best proven lower bound, or null. */
  readonly bound: number | null;
  /** (objective - bound) / max(|objective|, 1e-9), or null. */
  readonly gap: number | null;
  readonly solveSeconds: number;
  readonly size: { readonly variables: number; readonly constraints: number; readonly nonzeros: number };
  /** When infeasible: the hard rules a relaxed model had to break, and by how much. */
  readonly conflicts: readonly RosterConflict[];
}

function decode(problem: RosterProblem, model: RosterModel, values: Float64Array): { roster: Record<string, string[]>; fractional: string[] } {
  const fractional: string[] = [];
  const roster: Record<string, string[]> = {};
  problem.agents.forEach((agent, a) => {
    roster[agent.id] = model.assign[a]!.map((columns, d) => {
      let worked = "";
      columns.forEach((j, t) => {
        if (j < 0) return;
        const v = values[j]!;
        if (Math.abs(v - Math.round(v)) > 1e-6) fractional.push(`${agent.id} day ${d} ${problem.templates[t]!.name} = ${v}`);
        if (v > 0.5) worked = problem.templates[t]!.name;
      });
      return worked;
    });
  });
  return { roster, fractional };
}

/**
 * Solves a roster exactly with HiGHS. The returned roster is decoded from the integer values and
 * checked by {@link checkRoster}; a roster that breaks a hard rule or whose objective differs from
 * the solver's is refused (`solver-failed`). When the model is infeasible, a relaxed model in
 * which minimum cover, minutes, shifts, weekends and nights limits may be broken at a high price
 * is solved, and the broken rules are returned as `conflicts` (with `status: "infeasible"`).
 *
 * @param problem - the roster problem
 * @param options - time limit (s), relative gap, progress, the MIP runner
 * @returns status, roster, check, objective, bound, gap, conflicts
 * @throws {WfmError} `invalid-argument` for bad options; `solver-failed` when a roster fails the check
 *
 * @example
 * ```ts
 * const result = await solveRoster(problem, { timeLimitSeconds: 60, relativeGap: 0.01 });
 * result.check?.feasible; //=> true
 * ```
 */
export async function solveRoster(problem: RosterProblem, options: SolveRosterOptions = {}): Promise<RosterResult> {
  const { runMip = solveMip, onProgress, ...mipOptions } = options;
  if (mipOptions.timeLimitSeconds !== undefined && !(mipOptions.timeLimitSeconds > 0 && Number.isFinite(mipOptions.timeLimitSeconds))) {
    invalidArgument("solveRoster", "timeLimitSeconds", "a positive finite number", mipOptions.timeLimitSeconds);
  }
  const model = buildRosterModel(problem);
  const size = { variables: model.data.numCols, constraints: model.data.numRows, nonzeros: model.data.matrix.indices.length };
  const run = (data: MipModelData) => runMip(data, { ...mipOptions, ...(onProgress ? { onProgress } : {}) });
  const result = await solveWithNeighbourhoods({
    model: model.data,
    groups: model.assign.map((days) => days.flat().filter((j) => j >= 0)),
    runMip,
    timeLimitSeconds: mipOptions.timeLimitSeconds ?? 60,
    ...(mipOptions.relativeGap === undefined ? {} : { relativeGap: mipOptions.relativeGap }),
    ...(mipOptions.highsOptions ? { highsOptions: mipOptions.highsOptions } : {}),
    ...(onProgress ? { onProgress } : {}),
  });
  if (result.status === "infeasible") {
    const relaxed = buildRosterModel(problem, { elastic: true });
    const answer = await run(relaxed.data);
    const conflicts: RosterConflict[] = [];
    if (answer.values !== null) {
      for (const s of relaxed.slacks) {
        const amount = answer.values[s.column]!;
        if (amount > 1e-6) {
          const { column: _column, ...rest } = s;
          conflicts.push({ ...rest, amount: Math.round(amount * 1e6) / 1e6 });
        }
      }
    }
    return { status: "infeasible", roster: null, check: null, objective: null, bound: null, gap: null, solveSeconds: result.solveSeconds + answer.solveSeconds, size, conflicts };
  }
  if (result.values === null) {
    return { status: result.status, roster: null, check: null, objective: null, bound: result.bound, gap: null, solveSeconds: result.solveSeconds, size, conflicts: [] };
  }
  const { roster, fractional } = decode(problem, model, result.values);
  const check = checkRoster(problem, roster);
  const problems = [
    ...fractional.slice(0, 3).map((f) => `fractional ${f}`),
    ...check.violations.slice(0, 3).map((v) => v.message),
    ...(result.objective !== null && Math.abs(result.objective - check.objective) > 1e-6 * Math.max(1, Math.abs(check.objective))
      ? [`the checker's objective ${check.objective} differs from the solver's ${result.objective}`]
      : []),
  ];
  if (problems.length > 0) throw new WfmError({ code: "solver-failed", message: `the solver's roster failed the check: ${problems.join("; ")}` });
  const objective = check.objective;
  const bound = result.bound === null ? null : Math.min(result.bound, objective);
  const gap = bound === null ? null : Math.max(0, (objective - bound) / Math.max(Math.abs(objective), 1e-9));
  return { status: result.status, roster, check, objective, bound, gap, solveSeconds: result.solveSeconds, size, conflicts: [] };
}
