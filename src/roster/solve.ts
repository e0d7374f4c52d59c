import { WfmError, invalidArgument, requireObject } from "../errors.js";
import { solveMip, type MipModelData, type MipResult, type MipSolveOptions, type MipStatus } from "../schedule/mip.js";
import type { ScheduleProgress } from "../schedule/solve.js";
import { checkRoster, type RosterCheck } from "./check.js";
import { solveWithNeighbourhoods } from "./lns.js";
import { buildRosterModel, type RosterModel, type RosterSlack } from "./model.js";
import type { Roster, RosterDemand, RosterProblem } from "./problem.js";

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
  /** When infeasible: the hard rules the relaxed model had to break, and by how much. */
  readonly conflicts: readonly RosterConflict[];
  /**
   * Whether the relaxed model was solved to optimality (within the relative gap), so the least
   * slack is needed; otherwise no roster keeping every rule was found within the time limit.
   */
  readonly conflictsProven: boolean;
}

/**
 * A first roster, agent by agent (within `timeLimitSeconds`; agents left when it runs out start
 * with no shifts): each agent gets their best days for the demand the agents before
 * them left unfilled (a one-agent roster MIP, solved exactly in a few milliseconds), under all their
 * own rules; minimum cover and hours may still fall short (the elastic model prices that).
 */
export async function greedyRoster(problem: RosterProblem, options: { timeLimitSeconds?: number } = {}): Promise<Roster> {
  requireObject("greedyRoster", "problem", problem, ["days", "firstWeekday", "templates", "agents", "requests", "demand", "rules"]);
  const started = Date.now();
  const budgetMs = (options.timeLimitSeconds ?? Infinity) * 1000;
  const roster: Record<string, string[]> = {};
  const filled = new Map<RosterDemand, number>(problem.demand.map((d) => [d, 0]));
  for (const agent of problem.agents) {
    const mine = problem.demand.filter((d) => d.team === undefined || d.team === agent.team);
    const residual = mine.map((d) => ({ ...d, agents: Math.max(0, d.agents - filled.get(d)!), minimum: Math.max(0, (d.minimum ?? 0) - filled.get(d)!) }));
    const one: RosterProblem = { ...problem, agents: [agent], requests: problem.requests.filter((r) => r.agent === agent.id), demand: residual };
    // the agent's own rules are (almost) hard here; a minimum the agent cannot help meet is left to the others
    const model = buildRosterModel(one, { elastic: true, slackWeight: SLACK_WEIGHT, coverSlackWeight: 2 * problem.rules.shortfallWeight + 1 });
    const left = (budgetMs - (Date.now() - started)) / 1000;
    const result = left > 0.05 ? await solveMip(model.data, { timeLimitSeconds: Math.min(5, left), relativeGap: 0 }) : { values: null };
    const days = result.values === null ? new Array<string>(problem.days).fill("") : decode(one, model, result.values).roster[agent.id]!;
    roster[agent.id] = days;
    mine.forEach((d) => days[d.day] === d.template && filled.set(d, filled.get(d)! + 1));
  }
  return roster;
}

/** The assignment columns of a roster as a partial MIP start. */
function startOf(problem: RosterProblem, model: RosterModel, roster: Roster): { indices: number[]; values: number[] } {
  const indices: number[] = [];
  const values: number[] = [];
  Object.values(roster).forEach((days, a) =>
    model.assign[a]!.forEach((columns, d) =>
      columns.forEach((j, t) => {
        if (j < 0) return;
        indices.push(j);
        values.push(days[d] === problem.templates[t]!.name ? 1 : 0);
      }),
    ),
  );
  return { indices, values };
}

/** Price of one unit of slack (an agent short of a hard minimum, an hour of contract, a weekend, a night, a shift). */
const SLACK_WEIGHT = 1e5;

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
 * the solver's is refused (`solver-failed`). The model solved is the elastic one: minimum cover,
 * hours, shifts, weekends and nights limits may be broken at a high price (1e5 per agent, hour,
 * shift, weekend or night), so the search always holds a roster; when the best roster still
 * breaks some of them, the result is `status: "infeasible"` with those rules and days as
 * `conflicts` (proven when the relaxed optimum needs them).
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
  requireObject("solveRoster", "problem", problem, ["days", "firstWeekday", "templates", "agents", "requests", "demand", "rules"]);
  const { runMip = solveMip, onProgress, ...mipOptions } = options;
  if (mipOptions.timeLimitSeconds !== undefined && !(mipOptions.timeLimitSeconds > 0 && Number.isFinite(mipOptions.timeLimitSeconds))) {
    invalidArgument("solveRoster", "timeLimitSeconds", "a positive finite number", mipOptions.timeLimitSeconds);
  }
  // The elastic model: the relaxable hard rules carry a priced slack, so a roster (all days off at
  // worst) always exists and the search never stalls looking for a first one. A roster with no
  // slack keeps every hard rule; the bound is valid for the strict model too (slack >= 0).
  const model = buildRosterModel(problem, { elastic: true, slackWeight: SLACK_WEIGHT });
  const size = { variables: model.data.numCols, constraints: model.data.numRows, nonzeros: model.data.matrix.indices.length };
  const timeLimitSeconds = mipOptions.timeLimitSeconds ?? 60;
  const greedyStarted = Date.now();
  const greedy = await greedyRoster(problem, { timeLimitSeconds: timeLimitSeconds * 0.4 });
  const greedySeconds = (Date.now() - greedyStarted) / 1000;
  const result = await solveWithNeighbourhoods({
    model: model.data,
    groups: model.assign.map((days) => days.flat().filter((j) => j >= 0)),
    startPartial: startOf(problem, model, greedy),
    runMip,
    timeLimitSeconds: Math.max(1, timeLimitSeconds - greedySeconds),
    ...(mipOptions.relativeGap === undefined ? {} : { relativeGap: mipOptions.relativeGap }),
    ...(mipOptions.highsOptions ? { highsOptions: mipOptions.highsOptions } : {}),
    ...(onProgress ? { onProgress } : {}),
  });
  if (result.values === null) {
    return { status: result.status, roster: null, check: null, objective: null, bound: result.bound, gap: null, solveSeconds: result.solveSeconds + greedySeconds, size, conflicts: [], conflictsProven: false };
  }
  const conflicts: RosterConflict[] = [];
  for (const s of model.slacks) {
    const amount = result.values[s.column]!;
    if (amount > 1e-6) {
      const { column: _column, ...rest } = s;
      conflicts.push({ ...rest, amount: Math.round(amount * 1e6) / 1e6 });
    }
  }
  if (conflicts.length > 0) {
    // proven when the relaxed model is solved to optimality (within the relative gap)
    const proven = result.status === "optimal";
    return { status: "infeasible", roster: null, check: null, objective: null, bound: null, gap: null, solveSeconds: result.solveSeconds + greedySeconds, size, conflicts, conflictsProven: proven };
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
  const difference = bound === null ? 0 : objective - bound;
  const gap = bound === null ? null : difference <= 1e-9 * Math.max(1, Math.abs(objective)) ? 0 : difference / Math.max(Math.abs(objective), 1e-9);
  return { status: result.status, roster, check, objective, bound, gap, solveSeconds: result.solveSeconds + greedySeconds, size, conflicts: [], conflictsProven: false };
}
