import { WfmError, invalidArgument, requireObject } from "../errors.js";
import { solveMip, type MipModelData, type MipResult, type MipSolveOptions, type MipStatus } from "../schedule/mip.js";
import type { ScheduleProgress } from "../schedule/solve.js";
import { checkRoster, intervalCoverage, type RosterCheck } from "./check.js";
import { seededRandom } from "../staffing/random.js";
import { rosterSummary } from "./summary.js";
import { buildRosterModel, type FairnessLevel, type RosterModel, type RosterSlack } from "./model.js";
import { familyOf, weekendsOf, type Roster, type RosterAgent, type RosterDemand, type RosterIntervalDemand, type RosterProblem, type RosterTemplate } from "./problem.js";

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
  /**
   * Independent parts ({@link rosterParts}) solved at the same time. Worth more than 1 only when
   * `runMip` runs each MIP on a thread of its own (the CLI's worker runner): the time limit then
   * buys that many threads' work. @defaultValue 1
   */
  readonly parallelParts?: number;
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
 * own rules; minimum cover and hours may still fall short (the elastic model prices that). So that
 * the first agents do not take all the work (leaving the last ones only their contract's minimum,
 * as excess) nor all the nights and weekends (the fairness spreads), each agent is capped at a fair
 * share: paid minutes at 115% of the demand's minutes x (their maximum / the eligible agents' maxima), no
 * less than their minimum; nights and weekends at the demand's nights / weekend-days per eligible
 * agent, rounded up.
 */
export async function greedyRoster(problem: RosterProblem, options: { timeLimitSeconds?: number } = {}): Promise<Roster> {
  requireObject("greedyRoster", "problem", problem, ["days", "firstWeekday", "templates", "agents", "requests", "demand", "rules"]);
  const started = Date.now();
  const budgetMs = (options.timeLimitSeconds ?? Infinity) * 1000;
  const roster: Record<string, string[]> = {};
  const filled = new Map<RosterDemand, number>(problem.demand.map((d) => [d, 0]));
  const byFamily = new Map<string, RosterTemplate[]>();
  for (const t of problem.templates) byFamily.set(familyOf(t), [...(byFamily.get(familyOf(t)) ?? []), t]);
  const paidOf = (family: string) => Math.min(...(byFamily.get(family) ?? []).map((t) => t.paidMinutes));
  const isNight = (family: string) => (byFamily.get(family) ?? []).some((t) => t.night);
  const can = (agent: RosterAgent, d: RosterDemand) => (d.team === undefined || d.team === agent.team) && (agent.templates.length === 0 || agent.templates.includes(d.template));
  const weekend = new Set(weekendsOf(problem).flat());
  // interval demand: its agent-minutes count towards the minutes share; coverage placed so far
  const intervalDemand = problem.intervalDemand ?? [];
  const serves = (agent: RosterAgent, d: RosterIntervalDemand) => d.team === undefined || d.team === agent.team;
  const covered = new Map(intervalDemand.map((d) => [d, new Array<number>(d.required.length).fill(0)]));
  const share = (agent: RosterAgent, amount: (d: RosterDemand) => number, limit: (x: RosterAgent) => number, perInterval?: (d: RosterIntervalDemand) => number) => {
    const mine = problem.demand.filter((d) => can(agent, d));
    const mineIntervals = perInterval === undefined ? [] : intervalDemand.filter((d) => serves(agent, d));
    const total = mine.reduce((sum, d) => sum + amount(d), 0) + mineIntervals.reduce((sum, d) => sum + perInterval!(d), 0);
    const peers = problem.agents.filter((x) => mine.some((d) => can(x, d)) || mineIntervals.some((d) => serves(x, d)));
    const capacity = peers.reduce((sum, x) => sum + Math.min(limit(x), 1e6), 0);
    return capacity > 0 ? (total * Math.min(limit(agent), 1e6)) / capacity : Infinity;
  };
  // the agents allowed the fewest templates first: the scarce templates (nights) stay open for those who may work them
  const families = new Set(problem.templates.map((t) => familyOf(t))).size;
  const order = problem.agents.map((agent, index) => ({ agent, index })).sort((x, y) => (x.agent.templates.length || families) - (y.agent.templates.length || families) || x.index - y.index);
  for (const { agent } of order) {
    const mine = problem.demand.filter((d) => d.team === undefined || d.team === agent.team);
    const residual = mine.map((d) => ({ ...d, agents: Math.max(0, d.agents - filled.get(d)!), minimum: Math.max(0, (d.minimum ?? 0) - filled.get(d)!) }));
    const minutes = share(
      agent,
      (d) => d.agents * paidOf(d.template),
      (x) => Math.min(x.maxMinutesPerPeriod, x.maxMinutesPerWeek * 5),
      (d) => d.required.reduce((sum, r) => sum + Math.max(0, r), 0) * d.intervalMinutes,
    );
    const nights = share(agent, (d) => (isNight(d.template) ? d.agents : 0), (x) => (x.maxNights > 0 ? 1 : 0));
    const weekendDays = share(agent, (d) => (weekend.has(d.day) ? d.agents : 0), () => 1);
    const capped: RosterAgent = {
      ...agent,
      maxMinutesPerPeriod: Math.max(agent.minMinutesPerPeriod, Math.min(agent.maxMinutesPerPeriod, Math.ceil((minutes * 1.15) / 60) * 60)),
      maxNights: Math.min(agent.maxNights, Math.ceil(nights * 1.05)),
      maxWeekends: Math.min(agent.maxWeekends, Math.max(1, Math.ceil(weekendDays / 2))),
    };
    const intervalResidual = intervalDemand.filter((d) => serves(agent, d)).map((d) => ({ ...d, required: d.required.map((r, i) => Math.max(0, r - covered.get(d)![i]!)) }));
    const one: RosterProblem = {
      ...problem,
      agents: [capped],
      requests: problem.requests.filter((r) => r.agent === agent.id),
      demand: residual,
      ...(intervalDemand.length > 0 ? { intervalDemand: intervalResidual } : {}),
    };
    // the agent's own rules are (almost) hard here; a minimum the agent cannot help meet is left to the others
    const model = buildRosterModel(one, { elastic: true, slackWeight: SLACK_WEIGHT, coverSlackWeight: 2 * problem.rules.shortfallWeight + 1 });
    const left = (budgetMs - (Date.now() - started)) / 1000;
    const result = left > 0.05 ? await solveMip(model.data, { timeLimitSeconds: Math.min(2, left), relativeGap: 0, highsOptions: ONE_AGENT_GAP }) : { values: null };
    let days = result.values === null ? new Array<string>(problem.days).fill("") : decode(one, model, result.values).roster[agent.id]!;
    // a cap that broke the agent's real rules (slack used): the uncapped agent instead
    if (result.values !== null && !checkRoster({ ...one, agents: [agent], demand: [] }, { [agent.id]: days }).feasible) {
      const plain = buildRosterModel({ ...one, agents: [agent] }, { elastic: true, slackWeight: SLACK_WEIGHT, coverSlackWeight: 2 * problem.rules.shortfallWeight + 1 });
      const again = await solveMip(plain.data, { timeLimitSeconds: Math.max(0.1, Math.min(2, left)), relativeGap: 0, highsOptions: ONE_AGENT_GAP });
      days = again.values === null ? new Array<string>(problem.days).fill("") : decode({ ...one, agents: [agent] }, plain, again.values).roster[agent.id]!;
    }
    roster[agent.id] = days;
    const family = new Map(problem.templates.map((t) => [t.name, familyOf(t)]));
    mine.forEach((d) => family.get(days[d.day] ?? "") === d.template && filled.set(d, filled.get(d)! + 1));
    for (const d of intervalDemand) {
      if (!serves(agent, d)) continue;
      const present = intervalCoverage({ ...problem, agents: [agent] }, { [agent.id]: days }, d);
      const sum = covered.get(d)!;
      present.forEach((n, i) => (sum[i]! += n));
    }
  }
  return Object.fromEntries(problem.agents.map((agent) => [agent.id, roster[agent.id]!]));
}

/**
 * One agent's MIP stops within 5 of its optimum (an absolute gap: the open demand's shortfall makes
 * its objective large, so a relative gap would give away whole shifts).
 */
const ONE_AGENT_GAP = { mip_abs_gap: 5 };

/** The assignment columns of a roster as a partial MIP start. */
function startOf(problem: RosterProblem, model: RosterModel, roster: Roster): { indices: number[]; values: number[] } {
  const indices: number[] = [];
  const values: number[] = [];
  // by the problem's agent order (Object.values would put numeric ids such as "7" before "10" first)
  problem.agents.forEach((agent, a) => {
    const days = roster[agent.id] ?? [];
    model.assign[a]!.forEach((columns, d) =>
      columns.forEach((j, t) => {
        if (j < 0) return;
        indices.push(j);
        values.push(days[d] === problem.templates[t]!.name ? 1 : 0);
      }),
    );
  });
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
 * The independent parts of a roster problem: agents are linked when they share a team (fairness
 * is per team) or can both count towards one demand row; requests belong to their agent. Each
 * part is a roster problem of its own whose objective adds up to the whole one (demand rows no
 * agent can fill go to the first part as a constant shortfall).
 *
 * @example
 * ```ts
 * rosterParts(problem).length; //=> 3 for three teams with per-team demand
 * ```
 */
export function rosterParts(problem: RosterProblem): RosterProblem[] {
  requireObject("rosterParts", "problem", problem, ["agents", "requests", "demand"]);
  const parent = problem.agents.map((_, a) => a);
  const find = (a: number): number => (parent[a] === a ? a : (parent[a] = find(parent[a]!)));
  const join = (a: number, b: number) => {
    parent[find(a)] = find(b);
  };
  const firstOfTeam = new Map<string, number>();
  problem.agents.forEach((agent, a) => {
    const first = firstOfTeam.get(agent.team);
    if (first === undefined) firstOfTeam.set(agent.team, a);
    else join(a, first);
  });
  const eligible = (d: { readonly team?: string }) => problem.agents.map((x, a) => a).filter((a) => d.team === undefined || problem.agents[a]!.team === d.team);
  for (const d of [...problem.demand, ...(problem.intervalDemand ?? [])]) {
    const list = eligible(d);
    for (const a of list.slice(1)) join(a, list[0]!);
  }
  const roots = [...new Set(problem.agents.map((_, a) => find(a)))];
  if (roots.length <= 1) return [problem];
  return roots.map((root, k) => {
    const agents = problem.agents.filter((_, a) => find(a) === root);
    const ids = new Set(agents.map((x) => x.id));
    return {
      ...problem,
      agents,
      requests: problem.requests.filter((r) => ids.has(r.agent)),
      demand: problem.demand.filter((d) => {
        const list = eligible(d);
        return list.length === 0 ? k === 0 : find(list[0]!) === root;
      }),
      ...(problem.intervalDemand === undefined
        ? {}
        : {
            intervalDemand: problem.intervalDemand.filter((d) => {
              const list = eligible(d);
              return list.length === 0 ? k === 0 : find(list[0]!) === root;
            }),
          }),
    };
  });
}

/** Days of the day-window neighbourhood. */
const WINDOW_DAYS = 4;

/**
 * Branch and cut from the start (20% of the time, for the bound and early improvements), then a
 * large-neighbourhood search made for rosters: each step re-solves exactly, in turn, four agents
 * at random; (twice) the agents at the extremes of the night, weekend (and holiday) counts plus one with a
 * request not granted (the fairness and request terms, which a random choice rarely improves); or every
 * agent of the part over a window of four days around a day still short (moving shifts between
 * agents); the rest fixed at the best roster. Then branch and cut from the best roster with the
 * time left, for the bound.
 */
async function improveRoster(options: {
  problem: RosterProblem;
  model: RosterModel;
  runMip: NonNullable<SolveRosterOptions["runMip"]>;
  start: { values: Float64Array; objective: number } | null;
  /** A bound known already (the LP relaxation's), or null. */
  lpBound: number | null;
  startPartial: { indices: number[]; values: number[] };
  timeLimitSeconds: number;
  relativeGap: number;
  highsOptions?: MipSolveOptions["highsOptions"];
  onProgress?: (p: ScheduleProgress) => void;
}): Promise<MipResult> {
  const { problem, model, runMip, start, timeLimitSeconds, relativeGap, highsOptions, onProgress } = options;
  const started = Date.now();
  const elapsed = () => (Date.now() - started) / 1000;
  const base = { relativeGap, ...(highsOptions ? { highsOptions } : {}), ...(onProgress ? { onProgress } : {}) };
  let first = await runMip(model.data, { ...base, timeLimitSeconds: Math.max(1, timeLimitSeconds * 0.2), ...(start ? { startValues: start.values } : { startPartial: options.startPartial }) });
  if (start && first.status !== "infeasible" && (first.values === null || first.objective === null || first.objective > start.objective + 1e-6)) {
    first = { ...first, status: first.status === "optimal" ? "optimal" : "time-limit", values: start.values, objective: start.objective };
  }
  if (first.status === "optimal" || first.status === "infeasible" || first.values === null || first.objective === null) return { ...first, solveSeconds: elapsed() };
  let best = { values: first.values, objective: first.objective };
  let bound = first.bound === null ? options.lpBound : options.lpBound === null ? first.bound : Math.max(first.bound, options.lpBound);
  const closeEnough = () => bound !== null && best.objective - bound <= relativeGap * Math.max(Math.abs(best.objective), 1e-9) + 1e-9;
  const random = seededRandom(1);
  const A = problem.agents.length;
  let step = 0;
  while (elapsed() < timeLimitSeconds * 0.85 && !closeEnough() && A > 0) {
    const { roster } = decode(problem, model, best.values);
    const fixAgent = new Array<boolean>(A).fill(true);
    let fixDay = (_d: number) => false;
    const kind = step % 4; // 0 random, 1 and 2 fairness extremes, 3 day window
    if (kind === 0) {
      // four agents at random
      const pick = new Set<number>();
      while (pick.size < Math.min(A, 4)) pick.add(Math.floor(random() * A));
      for (const k of pick) fixAgent[k] = false;
    } else if (kind !== 3) {
      const summary = rosterSummary(problem, roster);
      const pick = new Set<number>();
      const extremes = (value: (k: number) => number, eligible: (k: number) => boolean) => {
        const list = summary.map((_, k) => k).filter(eligible);
        if (list.length < 2) return;
        const sorted = list.sort((x, y) => value(x) - value(y) || random() - 0.5);
        pick.add(sorted[0]!).add(sorted[sorted.length - 1]!);
      };
      extremes((k) => summary[k]!.nights, (k) => problem.agents[k]!.maxNights > 0 && model.assign[k]!.some((c) => c.some((j, t) => j >= 0 && problem.templates[t]!.night)));
      extremes((k) => summary[k]!.weekends, () => true);
      if ((problem.holidays ?? []).length > 0) extremes((k) => summary[k]!.holidays, () => true);
      const unhappy = summary.map((x, k) => (x.requestsGranted < x.requests ? k : -1)).filter((k) => k >= 0);
      if (unhappy.length > 0) pick.add(unhappy[Math.floor(random() * unhappy.length)]!);
      while (pick.size < Math.min(A, 6)) pick.add(Math.floor(random() * A));
      for (const k of pick) fixAgent[k] = false;
    } else {
      // a window over a day still short (when any), else anywhere
      const family = new Map(problem.templates.map((t) => [t.name, familyOf(t)]));
      const short = problem.demand
        .filter((d) => problem.agents.filter((x) => (d.team === undefined || x.team === d.team) && family.get(roster[x.id]![d.day]!) === d.template).length < d.agents)
        .map((d) => d.day);
      for (const d of problem.intervalDemand ?? []) {
        intervalCoverage(problem, roster, d).forEach((n, i) => {
          if (n < (d.required[i] ?? 0) - 1e-9) short.push(Math.floor((i * d.intervalMinutes) / 1440));
        });
      }
      const around = short.length > 0 ? short[Math.floor(random() * short.length)]! - Math.floor(random() * WINDOW_DAYS) : Math.floor(random() * problem.days);
      const first = Math.max(0, Math.min(around, problem.days - WINDOW_DAYS));
      fixAgent.fill(false);
      fixDay = (d) => d < first || d >= first + WINDOW_DAYS;
    }
    step++;
    const colLower = Float64Array.from(model.data.colLower);
    const colUpper = Float64Array.from(model.data.colUpper);
    model.assign.forEach((days, k) =>
      days.forEach((columns, d) => {
        if (!fixAgent[k] && !fixDay(d)) return;
        for (const j of columns) {
          if (j < 0) continue;
          const v = Math.round(best.values[j]!);
          colLower[j] = v;
          colUpper[j] = v;
        }
      }),
    );
    const remaining = timeLimitSeconds * 0.85 - elapsed();
    if (remaining < 0.5) break;
    const sub = await runMip({ ...model.data, colLower, colUpper }, { relativeGap: 0, ...(highsOptions ? { highsOptions } : {}), timeLimitSeconds: Math.min(remaining, 5), startValues: best.values });
    if (sub.values !== null && sub.objective !== null && sub.objective < best.objective - 1e-6) {
      best = { values: sub.values, objective: sub.objective };
      onProgress?.({ elapsedSeconds: elapsed(), bestObjective: best.objective, bound, gap: bound === null ? null : (best.objective - bound) / Math.max(Math.abs(best.objective), 1e-9) });
    }
  }
  let status: MipStatus = "time-limit";
  const left = timeLimitSeconds - elapsed();
  if (!closeEnough() && left > 1) {
    const last = await runMip(model.data, { ...base, timeLimitSeconds: left, startValues: best.values });
    if (last.bound !== null) bound = bound === null ? last.bound : Math.max(bound, last.bound);
    if (last.values !== null && last.objective !== null && last.objective < best.objective - 1e-6) best = { values: last.values, objective: last.objective };
    if (last.status === "optimal") status = "optimal";
  }
  if (closeEnough()) status = "optimal";
  return { status, values: best.values, objective: best.objective, bound, solveSeconds: elapsed() };
}

/**
 * The fairness levels the LP relaxation points to: per group, the members' mean count m in the
 * relaxation's solution and its spread s = ceil(high - low) there (0 for weekends when the
 * relaxation splits them evenly; 1 for nights when their total does not divide evenly, by the
 * valid inequality); the levels are low = round(m - s / 2), high = low + s, except that a night or
 * holiday group split evenly around a mean that is not whole gets floor(m) and ceil(m).
 */
function levelsFromRelaxation(model: RosterModel, values: Float64Array): FairnessLevel[] {
  return model.fairness.map((group) => {
    const counts = group.counts.map((columns) => columns.reduce((sum, j) => sum + values[j]!, 0));
    const mean = counts.reduce((x, y) => x + y, 0) / Math.max(1, counts.length);
    const spread = Math.max(0, Math.ceil(values[group.high]! - values[group.low]! - 1e-6));
    // Nights and holidays count shifts, so the team's total pins their mean: when it is not whole no
    // even split exists, and the levels straddle it. A weekend count can move without moving any
    // work (one day of the weekend instead of two), so its even split sits at the rounded mean.
    if (spread === 0 && group.kind !== "weekends" && Math.abs(mean - Math.round(mean)) > 1e-6) {
      return { kind: group.kind, team: group.team, low: Math.floor(mean), high: Math.ceil(mean) };
    }
    const low = Math.max(0, Math.round(mean - spread / 2));
    return { kind: group.kind, team: group.team, low, high: low + spread };
  });
}

/**
 * A roster whose night and weekend spreads are held at the levels the LP relaxation points to
 * ({@link levelsFromRelaxation}): the same model with the groups' extremes bounded, solved by
 * branch and cut. Bounding each agent's count (not only the spread) leaves branch and cut a far
 * smaller search, so it often finds within seconds a roster whose spreads are already at the
 * relaxation's; that roster keeps every rule of the full model (only the extremes' bounds differ,
 * and the columns are the same), so it is a start for the full search (null when the relaxation
 * or the levelled model gives none within the time). Returns the relaxation's optimum too, a
 * lower bound on every roster of the full model.
 */
async function levelledRoster(
  problem: RosterProblem,
  model: RosterModel,
  runMip: NonNullable<SolveRosterOptions["runMip"]>,
  options: { timeLimitSeconds: number; relativeGap: number; greedy: Roster; highsOptions?: MipSolveOptions["highsOptions"] },
): Promise<{ start: { values: Float64Array; objective: number } | null; bound: number | null }> {
  const started = Date.now();
  const left = () => options.timeLimitSeconds - (Date.now() - started) / 1000;
  const relaxation = await runMip({ ...model.data, integrality: new Int32Array(model.data.numCols) }, { timeLimitSeconds: Math.max(1, options.timeLimitSeconds * 0.2), relativeGap: 0 });
  // the relaxation's optimum bounds every roster of the full model from below
  const bound = relaxation.status === "optimal" && relaxation.objective !== null ? relaxation.objective : null;
  if (relaxation.values === null || left() < 0.5) return { start: null, bound };
  // the strict model (no slack columns: a smaller LP), the greedy roster offered as a partial start
  const levelled = buildRosterModel(problem, { fairnessLevels: levelsFromRelaxation(model, relaxation.values) });
  const result = await runMip(levelled.data, {
    timeLimitSeconds: left(),
    relativeGap: options.relativeGap,
    startPartial: startOf(problem, levelled, options.greedy),
    ...(options.highsOptions ? { highsOptions: options.highsOptions } : {}),
  });
  if (result.values === null) return { start: null, bound };
  return { start: await completeRoster(problem, model, decode(problem, levelled, result.values).roster, Math.max(1, left())), bound };
}

/**
 * The full model's columns for a roster: its assignments fixed, the rest (weekends, fairness
 * extremes, shortfall, excess, slack) completed by HiGHS in a trivial solve. Null when none.
 */
async function completeRoster(problem: RosterProblem, model: RosterModel, roster: Roster, timeLimitSeconds: number): Promise<{ values: Float64Array; objective: number } | null> {
  const fixed = startOf(problem, model, roster);
  const colLower = Float64Array.from(model.data.colLower);
  const colUpper = Float64Array.from(model.data.colUpper);
  fixed.indices.forEach((j, k) => {
    colLower[j] = fixed.values[k]!;
    colUpper[j] = fixed.values[k]!;
  });
  const completed = await solveMip({ ...model.data, colLower, colUpper }, { timeLimitSeconds, relativeGap: 0 });
  return completed.values === null || completed.objective === null ? null : { values: completed.values, objective: completed.objective };
}

/** One part's answer. */
interface PartResult {
  readonly status: MipStatus;
  readonly roster: Record<string, string[]> | null;
  readonly objective: number | null;
  readonly bound: number | null;
  readonly conflicts: RosterConflict[];
  readonly proven: boolean;
}

async function solvePart(problem: RosterProblem, options: SolveRosterOptions, timeLimitSeconds: number): Promise<PartResult> {
  const { runMip = solveMip, onProgress, parallelParts: _lanes, ...mipOptions } = options;
  // The elastic model: the relaxable hard rules carry a priced slack, so a roster (all days off at
  // worst) always exists and the search never stalls looking for a first one. A roster with no
  // slack keeps every hard rule; the bound is valid for the strict model too (slack >= 0).
  const model = buildRosterModel(problem, { elastic: true, slackWeight: SLACK_WEIGHT });
  const started = Date.now();
  // the whole budget if need be: an agent left without a line of work breaks their minimum hours
  const greedy = await greedyRoster(problem, { timeLimitSeconds });
  const partial = startOf(problem, model, greedy);
  // the greedy roster as a complete start, then a levelled roster when it does better
  let start = await completeRoster(problem, model, greedy, Math.max(1, timeLimitSeconds * 0.1));
  const leftSeconds = () => timeLimitSeconds - (Date.now() - started) / 1000;
  let lpBound: number | null = null;
  if (model.fairness.length > 0 && leftSeconds() > 2) {
    const levelled = await levelledRoster(problem, model, runMip, { timeLimitSeconds: leftSeconds() * 0.5, greedy, relativeGap: mipOptions.relativeGap ?? 1e-4, ...(mipOptions.highsOptions ? { highsOptions: mipOptions.highsOptions } : {}) });
    lpBound = levelled.bound;
    if (levelled.start !== null && (start === null || levelled.start.objective < start.objective - 1e-6)) {
      start = levelled.start;
      onProgress?.({ elapsedSeconds: (Date.now() - started) / 1000, bestObjective: start.objective, bound: lpBound, gap: null });
    }
  }
  const result = await improveRoster({
    problem,
    model,
    runMip,
    start,
    lpBound,
    startPartial: partial,
    timeLimitSeconds: Math.max(1, timeLimitSeconds - (Date.now() - started) / 1000),
    relativeGap: mipOptions.relativeGap ?? 1e-4,
    ...(mipOptions.highsOptions ? { highsOptions: mipOptions.highsOptions } : {}),
    ...(onProgress ? { onProgress } : {}),
  });
  if (result.values === null) return { status: result.status, roster: null, objective: null, bound: result.bound, conflicts: [], proven: false };
  const conflicts: RosterConflict[] = [];
  for (const s of model.slacks) {
    const amount = result.values[s.column]!;
    if (amount > 1e-6) {
      const { column: _column, ...rest } = s;
      conflicts.push({ ...rest, amount: Math.round(amount * 1e6) / 1e6 });
    }
  }
  // proven when the relaxed model is solved to optimality (within the relative gap)
  if (conflicts.length > 0) return { status: "infeasible", roster: null, objective: null, bound: null, conflicts, proven: result.status === "optimal" };
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
  // every term of the objective is non-negative (weights, costs and spreads are), so 0 bounds it
  // too when branch and cut stopped before its root LP did
  const w = problem.rules;
  const nonNegative =
    [w.shortfallWeight, w.excessWeight, w.nightFairnessWeight, w.weekendFairnessWeight, w.holidayFairnessWeight ?? 0, w.intervalShortfallWeight ?? 100, w.intervalExcessWeight ?? 1, w.costWeight, w.stableStarts?.penaltyPerChange ?? 0].every((x) => x >= 0) &&
    problem.requests.every((r) => r.weight >= 0) &&
    problem.agents.every((x) => x.hourlyCost >= 0);
  const floor = nonNegative ? 0 : -Infinity;
  const raw = result.bound ?? (nonNegative ? 0 : null);
  const bound = raw === null ? null : Math.min(Math.max(floor, raw), check.objective);
  return { status: result.status, roster, objective: check.objective, bound, conflicts: [], proven: false };
}

/**
 * Solves a roster exactly with HiGHS. The problem is first split into its independent parts
 * ({@link rosterParts}: teams with their own demand), solved `parallelParts` at a time, each with a
 * share of the time limit proportional to its agents; the objectives and bounds add up. Per part:
 * a greedy roster ({@link greedyRoster}), a levelled roster (branch and cut with every team's night
 * and weekend counts held at the levels the LP relaxation points to, so the fairness spreads start
 * at their bound), then branch and cut on the full model from the better of the two, a
 * large-neighbourhood search while the gap is open, and branch and cut again for the bound. The returned roster is
 * decoded from the integer values and checked by {@link checkRoster}; a roster that breaks a hard
 * rule or whose objective differs from the solver's is refused (`solver-failed`). The model solved
 * is the elastic one: minimum cover, hours, shifts, weekends, nights and hard stable starts may be
 * broken at a high price (1e5 per agent, hour, shift, weekend, night or start change), so the
 * search always holds a roster; when the best roster still breaks some of them, the result is
 * `status: "infeasible"` with those rules and days as `conflicts` (proven when the relaxed optimum
 * needs them).
 *
 * @param problem - the roster problem
 * @param options - time limit (s), relative gap, progress, the MIP runner
 * @returns status, roster, check, objective, bound, gap, conflicts
 * @throws {WfmError} `invalid-argument` for bad options (time limit, `parallelParts`); `solver-failed` when a roster fails the check
 *
 * @example
 * ```ts
 * const result = await solveRoster(problem, { timeLimitSeconds: 60, relativeGap: 0.01 });
 * result.check?.feasible; //=> true
 * ```
 */
export async function solveRoster(problem: RosterProblem, options: SolveRosterOptions = {}): Promise<RosterResult> {
  requireObject("solveRoster", "problem", problem, ["days", "firstWeekday", "templates", "agents", "requests", "demand", "rules"]);
  if (options.timeLimitSeconds !== undefined && !(options.timeLimitSeconds > 0 && Number.isFinite(options.timeLimitSeconds))) {
    invalidArgument("solveRoster", "timeLimitSeconds", "a positive finite number", options.timeLimitSeconds);
  }
  if (options.parallelParts !== undefined && !(Number.isInteger(options.parallelParts) && options.parallelParts >= 1)) {
    invalidArgument("solveRoster", "parallelParts", "a whole number >= 1", options.parallelParts);
  }
  const started = Date.now();
  const timeLimitSeconds = options.timeLimitSeconds ?? 60;
  const parts = rosterParts(problem);
  const full = buildRosterModel(problem, { elastic: true, slackWeight: SLACK_WEIGHT }).data;
  const size = { variables: full.numCols, constraints: full.numRows, nonzeros: full.matrix.indices.length };
  // lanes take the parts in order; a part starting gets the time left x the lanes free (its own
  // included) x its share of the agents not started yet, at most the time left
  const lanes = options.parallelParts ?? 1;
  const results: PartResult[] = new Array<PartResult>(parts.length);
  let next = 0;
  let running = 0;
  let agentsUnstarted = problem.agents.length;
  const lane = async () => {
    while (next < parts.length) {
      const k = next++;
      const part = parts[k]!;
      const left = timeLimitSeconds - (Date.now() - started) / 1000;
      const share = Math.max(1, Math.min(left, (left * (lanes - running) * Math.max(1, part.agents.length)) / Math.max(1, agentsUnstarted)));
      agentsUnstarted -= part.agents.length;
      running++;
      results[k] = await solvePart(part, options, share);
      running--;
    }
  };
  await Promise.all(Array.from({ length: Math.min(lanes, parts.length) }, lane));
  const solveSeconds = (Date.now() - started) / 1000;
  const conflicts = results.flatMap((r) => r.conflicts);
  if (conflicts.length > 0) {
    const proven = results.every((r) => r.conflicts.length === 0 || r.proven);
    return { status: "infeasible", roster: null, check: null, objective: null, bound: null, gap: null, solveSeconds, size, conflicts, conflictsProven: proven };
  }
  const sum = (values: (number | null)[]) => (values.some((v) => v === null) ? null : values.reduce<number>((x, v) => x + v!, 0));
  const bound = sum(results.map((r) => r.bound));
  if (results.some((r) => r.roster === null)) {
    const status = results.find((r) => r.roster === null)!.status;
    return { status, roster: null, check: null, objective: null, bound, gap: null, solveSeconds, size, conflicts: [], conflictsProven: false };
  }
  const roster: Record<string, string[]> = {};
  for (const agent of problem.agents) roster[agent.id] = results.find((r) => r.roster![agent.id] !== undefined)!.roster![agent.id]!;
  const check = checkRoster(problem, roster);
  const partsObjective = sum(results.map((r) => r.objective))!;
  if (!check.feasible || Math.abs(partsObjective - check.objective) > 1e-6 * Math.max(1, Math.abs(check.objective))) {
    throw new WfmError({ code: "solver-failed", message: `the assembled roster failed the check: ${check.violations.slice(0, 3).map((v) => v.message).join("; ") || `objective ${check.objective} differs from the parts' ${partsObjective}`}` });
  }
  const objective = check.objective;
  const lower = bound === null ? null : Math.min(bound, objective);
  const difference = lower === null ? 0 : objective - lower;
  const gap = lower === null ? null : difference <= 1e-9 * Math.max(1, Math.abs(objective)) ? 0 : difference / Math.max(Math.abs(objective), 1e-9);
  const status: MipStatus = results.every((r) => r.status === "optimal") ? "optimal" : "time-limit";
  return { status, roster, check, objective, bound: lower, gap, solveSeconds, size, conflicts: [], conflictsProven: false };
}
