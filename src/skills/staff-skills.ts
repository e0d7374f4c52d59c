import type { Highs } from "highs";
import { invalidArgument, requireOptions } from "../errors.js";
import { loadHighsRuntime } from "../schedule/solve.js";
import { resolveSkillModel, type ResolvedSkillModel, type SkillModel } from "./model.js";
import type { SimulationResult } from "../simulation/types.js";
import { resolveSimulation, serviceLevelOf, simulateStaffing, type ResolvedSimulation } from "./simulation-check.js";
import { intervalRequirements, singleTypeRequirement } from "./requirements.js";
import { solveTransferProgram } from "./transfer-lp.js";

/**
 * Multi-skill staffing: the cheapest whole number of agents per group and interval such that
 * every contact type meets its target (see {@link staffSkills}).
 *
 * @module
 */

/** Options of {@link staffSkills}: the skill model plus solver settings. */
export interface StaffSkillsOptions extends SkillModel {
  /** A loaded HiGHS runtime; loaded once per process otherwise. */
  readonly highs?: Highs;
  /**
   * Fewest agents, as a share of each interval's agents, in groups with two or more skills, in
   * [0, 1) (e.g. 0.2: a fifth of the floor cross-trained). @defaultValue 0
   */
  readonly minimumCrossTrainedShare?: number;
  /** The simulation check. @defaultValue enabled, 20 replications, seed 1 */
  readonly simulation?: SimulationSettings;
}

/** Settings of the simulation check (see {@link staffSkills}). */
export interface SimulationSettings {
  /** Run the check. @defaultValue true */
  readonly enabled?: boolean;
  /** Independent replications of each simulated interval, >= 2. @defaultValue 20 */
  readonly replications?: number;
  /** Seed of the runs (the same seed for every candidate staffing: common random numbers). @defaultValue 1 */
  readonly seed?: number;
  /** Most agents the correction may add in one interval, >= 0. @defaultValue 50 */
  readonly maxAddedAgents?: number;
}

/** The simulated service level of one contact type, with its confidence interval. */
export interface TypeServiceLevel {
  readonly type: string;
  /** The type's target. */
  readonly targetServiceLevel: number;
  /** Contacts offered (the weight in totals). */
  readonly offered: number;
  /** Mean over replications of the share answered within T (abandoned contacts count as not answered). */
  readonly mean: number;
  /** Lower and upper end of the 95% confidence interval (Student t over the replications). */
  readonly lower: number;
  readonly upper: number;
  /** Whether the simulation shows a miss with confidence: the upper end is below the target. */
  readonly missesTarget: boolean;
}

/** One interval of a multi-skill staffing. */
export interface SkillStaffingInterval {
  /** Interval index (0-based). */
  readonly index: number;
  /** Contacts offered per type (tier-2 inflow included), in the order of `contactTypes`. */
  readonly offered: readonly number[];
  /** Single-skill requirement N_j of each type (Erlang C, or Erlang A with a patience). */
  readonly singleSkillAgents: readonly number[];
  /** Agents per group, in the order of `agentGroups`. */
  readonly agents: readonly number[];
  /** Σ_g costPerHour_g × agents_g. */
  readonly costPerHour: number;
  /** Agents per group from the skill-transfer program, before the simulation check. */
  readonly programAgents: readonly number[];
  /** Simulated service level per type (null without the simulation check). */
  readonly serviceLevels: readonly TypeServiceLevel[] | null;
}

/** Totals of one agent group over the horizon. */
export interface SkillGroupTotals {
  readonly group: string;
  /** Σ_t agents × interval hours. */
  readonly agentHours: number;
  /** Most agents in one interval. */
  readonly peakAgents: number;
  /** agentHours × costPerHour. */
  readonly cost: number;
}

/** Result of {@link staffSkills}. */
export interface SkillStaffing {
  readonly intervalMinutes: number;
  readonly contactTypes: readonly string[];
  readonly agentGroups: readonly string[];
  readonly intervals: readonly SkillStaffingInterval[];
  readonly groups: readonly SkillGroupTotals[];
  /** Σ over groups of agent-hours. */
  readonly agentHours: number;
  /** Σ over groups of cost. */
  readonly cost: number;
  /** Service level per type over the horizon, weighted by contacts (empty without the simulation check). */
  readonly serviceLevels: readonly TypeServiceLevel[];
  /** How the staffing was found: the program alone, or the program and the simulation check. */
  readonly method: "skill-transfer program" | "skill-transfer program + simulation check";
}

/**
 * Validates `minimumCrossTrainedShare` (a share needs a group with two or more skills).
 *
 * @throws {WfmError} `invalid-argument` when `minimumCrossTrainedShare` is not valid (the message says what it must be).
 */
export function checkCrossTrainedShare(fn: string, resolved: ResolvedSkillModel, share: number | undefined): number {
  if (share === undefined || share === 0) return 0;
  if (!(Number.isFinite(share) && share > 0 && share < 1)) invalidArgument(fn, "minimumCrossTrainedShare", "a fraction in [0, 1)", share);
  if (!resolved.skills.some((list) => list.length >= 2)) invalidArgument(fn, "minimumCrossTrainedShare", "0 when no agent group has two or more skills", share);
  return share;
}

/** The resolved model and one staffing interval per index (shared by the steps that follow). */
export async function transferStaffing(resolved: ResolvedSkillModel, highs: Highs, fn: string, crossTrainedShare = 0): Promise<SkillStaffingInterval[]> {
  const intervalSeconds = resolved.model.intervalMinutes * 60;
  const types = resolved.model.contactTypes;
  const cache = new Map<string, { agents: readonly number[]; costPerHour: number }>();
  return resolved.offered.map((offered, index) => {
    const where = `${fn}: interval ${index}`;
    const aht = resolved.aht[index]!;
    const deferred = resolved.deferredAgents[index]!;
    const singleSkillAgents = offered.map((calls, j) => (types[j]!.deferred === true ? deferred[j]! : singleTypeRequirement(types[j]!, calls, intervalSeconds, where, aht[j]!)));
    const key = `${offered.join(",")};${aht.join(",")};${deferred.join(",")}`;
    let solved = cache.get(key);
    if (solved === undefined) {
      solved = solveTransferProgram(highs, resolved, intervalRequirements(resolved, offered, aht, where, deferred), crossTrainedShare);
      cache.set(key, solved);
    }
    return { index, offered, singleSkillAgents, agents: solved.agents, costPerHour: solved.costPerHour, programAgents: solved.agents, serviceLevels: null };
  });
}

/** Totals per group and overall. */
export function staffingTotals(resolved: ResolvedSkillModel, intervals: readonly SkillStaffingInterval[]): Pick<SkillStaffing, "groups" | "agentHours" | "cost"> {
  const hours = resolved.model.intervalMinutes / 60;
  const groups = resolved.model.agentGroups.map((g, i) => {
    let agentHours = 0;
    let peakAgents = 0;
    for (const row of intervals) {
      agentHours += row.agents[i]! * hours;
      peakAgents = Math.max(peakAgents, row.agents[i]!);
    }
    return { group: g.name, agentHours, peakAgents, cost: agentHours * resolved.cost[i]! };
  });
  return { groups, agentHours: groups.reduce((s, g) => s + g.agentHours, 0), cost: groups.reduce((s, g) => s + g.cost, 0) };
}

/**
 * Staffs a multi-skill centre: the agents per group and interval, at least cost, such that every
 * contact type meets its service-level target.
 *
 * Method, per interval:
 * 1. the single-skill requirement N_j of each type, and the pooled requirement N(A) of each set
 *    A of types linked by shared agents (Erlang C, or Erlang A with a patience; `./requirements.ts`);
 * 2. the skill-transfer program of Bhulai, Koole and Pot (2008) in its Hall form: minimise
 *    Σ_g c_g x_g subject to Σ_{g serving some type of A} x_g >= N(A) for every set A, x_g whole,
 *    solved with HiGHS (`./transfer-lp.ts`); identical intervals are solved once;
 * 3. the simulation check on the project's simulator (`src/simulation`, with the routing the
 *    model names: priority by skill order, longest-idle agent, overflow after a delay; the same
 *    seed for every candidate): add an agent to the cheapest group serving a type wherever the
 *    type misses its target with confidence (upper end of the 95% interval below it) or misses
 *    it on average while missing it over the horizon (a group with two or more skills when the
 *    cheapest would break `minimumCrossTrainedShare`); then, interval by interval, moves that
 *    lower the cost, kept where every type still meets its target on average: remove an agent
 *    (where every type meets its target with confidence), pool (single-skill agents of one or
 *    two groups replaced by one agent fewer of a cross-trained group), unpool (cross-trained
 *    agents replaced by as many cheaper single-skill ones); then add again where needed.
 *
 * With one skill per group and no overflow, step 2 gives x_g = N_j (single-skill staffing,
 * exactly) and step 3 only reports the simulated service levels. Handle times per agent group
 * (`ahtSecondsByType`) enter step 1 at the groups' own handle times where every group serving a
 * type serves it at the same speed, step 2 as each group's relative speed (the capacity of one of
 * its agents, `intervalRequirements`), and step 3 in the simulator (the serving group's handle
 * time); a type served by groups at different speeds is corrected as a shared skill is. On five small cases (2 types,
 * 3 groups) the answer equals the optimum found by exhaustive search on the same simulation
 * (`test/skills/simulation-check.test.ts`). The check tests the service level only (ASA and
 * occupancy targets act in steps 1-2).
 *
 * References: S. Bhulai, G. Koole, A. Pot, "Simple methods for shift scheduling in multiskill call
 * centers", M&SOM 10(3), 2008; A. N. Avramidis, W. Chan, P. L'Ecuyer, "Staffing multi-skill call
 * centers via search methods and a performance approximation", IIE Transactions 41(6), 2009.
 *
 * @throws {WfmError} `invalid-argument` for a bad model (named by path, e.g.
 *   `agentGroups[1].skills[0]`) or setting, `infeasible` when no agent count meets a type's
 *   target, `solver-failed` when HiGHS fails
 *
 * @example
 * ```ts
 * const staffing = await staffSkills({ intervalMinutes: 15,
 *   contactTypes: [
 *     { name: "billing", volumes: [200], ahtSeconds: 240, targetServiceLevel: 0.8, targetAnswerSeconds: 20 },
 *     { name: "tech", volumes: [150], ahtSeconds: 360, targetServiceLevel: 0.8, targetAnswerSeconds: 20 }],
 *   agentGroups: [{ name: "all", skills: ["billing", "tech"] }] });
 * staffing.intervals[0].singleSkillAgents; //=> [60, 67]
 * staffing.intervals[0].programAgents; //=> [122]
 * staffing.serviceLevels.map((s) => s.type); //=> ["billing", "tech"] (simulated, with 95% intervals)
 * ```
 */
export async function staffSkills(options: StaffSkillsOptions): Promise<SkillStaffing> {
  requireOptions("staffSkills", options, ["intervalMinutes", "contactTypes", "agentGroups"]);
  const fn = "staffSkills";
  const resolved = resolveSkillModel(fn, options);
  const share = checkCrossTrainedShare(fn, resolved, options.minimumCrossTrainedShare);
  const settings = options.simulation?.enabled === false ? null : resolveSimulation(fn, options.simulation);
  const highs = options.highs ?? (await loadHighsRuntime());
  const program = await transferStaffing(resolved, highs, fn, share);
  const names = options.contactTypes.map((c) => c.name);
  const base = {
    intervalMinutes: options.intervalMinutes,
    contactTypes: names,
    agentGroups: options.agentGroups.map((g) => g.name),
  };
  if (settings === null) {
    return { ...base, intervals: program, ...staffingTotals(resolved, program), serviceLevels: [], method: "skill-transfer program" };
  }
  const checked = simulationCheck(resolved, program, settings, share);
  return { ...base, ...checked, ...staffingTotals(resolved, checked.intervals), method: "skill-transfer program + simulation check" };
}

/** Whether some type is served by groups with different handle times. */
function mixedSpeeds(resolved: ResolvedSkillModel): boolean {
  return resolved.model.contactTypes.some((_, j) => {
    const speeds = new Set(resolved.skills.flatMap((list, g) => (list.includes(j) ? [resolved.speed[g]![j]!] : [])));
    return speeds.size > 1;
  });
}

/**
 * The group that gets one more agent when type j misses: cheapest per unit of speed on j, then j earliest in its skills,
 * then fewest skills (among groups with two or more skills when `multiOnly`).
 */
function groupToAdd(resolved: ResolvedSkillModel, j: number, multiOnly = false): number {
  let best = -1;
  for (let g = 0; g < resolved.skills.length; g++) {
    const position = resolved.skills[g]!.indexOf(j);
    if (position < 0 || (multiOnly && resolved.skills[g]!.length < 2)) continue;
    if (best < 0) {
      best = g;
      continue;
    }
    const key = (x: number) => [resolved.cost[x]! / resolved.speed[x]![j]!, resolved.skills[x]!.indexOf(j), resolved.skills[x]!.length];
    const [c1, p1, l1] = key(g);
    const [c2, p2, l2] = key(best);
    if (c1! < c2! || (c1 === c2 && (p1! < p2! || (p1 === p2 && l1! < l2!)))) best = g;
  }
  return best;
}

function typeLevel(resolved: ResolvedSkillModel, j: number, offered: number, stats: SimulationResult["period"]["contactTypes"][number]): TypeServiceLevel {
  const type = resolved.model.contactTypes[j]!;
  const sl = serviceLevelOf(stats) ?? { mean: 1, lower: 1, upper: 1 };
  return { type: type.name, targetServiceLevel: type.targetServiceLevel, offered, mean: sl.mean, lower: sl.lower, upper: sl.upper, missesTarget: offered > 0 && sl.upper < type.targetServiceLevel };
}

/**
 * The simulation check (a local search on the simulator, with common random numbers):
 *
 * 1. Add: simulate; for every interval where a type misses its target with confidence (the upper
 *    end of the 95% interval of its simulated service level is below the target), or where its
 *    mean is below the target while the type misses its target over the whole horizon, add one
 *    agent to the cheapest group serving it; repeat until no type misses (at most
 *    `maxAddedAgents` per interval).
 * 2. Trim: in every interval where each type meets its target on average, try the largest-saving
 *    untried move (a removal where each type meets it with confidence, a pooling or an unpooling
 *    move; keeping the minimums and the cross-trained share); simulate all intervals' moves at
 *    once, keep a move where every type's mean still meets its target, undo it elsewhere; repeat
 *    until no interval has a move left (an interval stops after 12 rejected moves in a row); then
 *    step 1 once more (a move can push a queue into the next interval).
 *
 * With one skill per group and no overflow, the Erlang answer is exact for the simulated queue
 * (M/M/N) and the staffing is only reported, never changed.
 */
function simulationCheck(
  resolved: ResolvedSkillModel,
  program: readonly SkillStaffingInterval[],
  settings: ResolvedSimulation,
  crossTrainedShare: number,
): { intervals: SkillStaffingInterval[]; serviceLevels: TypeServiceLevel[] } {
  const agents = program.map((row) => [...row.agents]);
  const added = new Array<number>(program.length).fill(0);
  // Corrected where the analytic step is not exact: shared skills, or one type served by groups
  // at different speeds (heterogeneous servers).
  const correct = resolved.skills.some((list) => list.length >= 2) || mixedSpeeds(resolved);
  const types = resolved.model.contactTypes;
  const minimum = resolved.model.agentGroups.map((g) => g.minimumAgents ?? 0);
  // Deferred types are checked over the horizon only (their items are answered hours later, in
  // other intervals): the per-interval decisions look at the inbound types.
  const deferred = types.map((c) => c.deferred === true);
  const active = (t: number, j: number) => resolved.offered[t]![j]! > 0 && !deferred[j]!;
  // A trim keeps, for each deferred type, at least its deferred-work agents among its groups.
  const deferredHolds = (t: number, row: readonly number[]) =>
    types.every((_, j) => !deferred[j] || resolved.skills.reduce((s, list, g) => s + (list.includes(j) ? row[g]! : 0), 0) >= resolved.deferredAgents[t]![j]!);
  const multi = resolved.skills.map((list) => list.length >= 2);
  const shareHolds = (row: readonly number[]) => {
    const total = row.reduce((s, x) => s + x, 0);
    const cross = row.reduce((s, x, g) => s + (multi[g] ? x : 0), 0);
    return cross >= crossTrainedShare * total - 1e-9;
  };
  let result = simulateStaffing(resolved, agents, settings);
  // 1. Add (again after trimming: a removal can move a queue into the next interval).
  const addUntilMet = () => {
    while (correct) {
      const periodMiss = types.map((type, j) => {
        if (deferred[j]) return false;
        const sl = serviceLevelOf(result.period.contactTypes[j]!);
        return sl !== null && sl.mean < type.targetServiceLevel;
      });
      let changed = false;
      result.intervals.forEach((slice, t) => {
        types.forEach((type, j) => {
          if (!active(t, j) || added[t]! >= settings.maxAddedAgents) return;
          const sl = serviceLevelOf(slice.contactTypes[j]!);
          if (sl === null) return;
          if (sl.upper < type.targetServiceLevel || (periodMiss[j] && sl.mean < type.targetServiceLevel)) {
            const g = groupToAdd(resolved, j);
            agents[t]![g]!++;
            if (!shareHolds(agents[t]!)) {
              const crossGroup = groupToAdd(resolved, j, true);
              if (crossGroup >= 0) (agents[t]![g]!--, agents[t]![crossGroup]!++);
            }
            added[t]!++;
            changed = true;
          }
        });
      });
      if (!changed) break;
      result = simulateStaffing(resolved, agents, settings);
    }
  };
  addUntilMet();
  // 2. Trim: moves that lower the cost, tried interval by interval, kept where every type still
  // meets its target on average. A removal is tried where every type meets its target with
  // confidence; a pooling move (agents of one or two single-skill groups replaced by one agent
  // fewer of a cross-trained group serving their types) or an unpooling move (cross-trained agents
  // replaced by as many cheaper single-skill ones) wherever every type meets it on average.
  const single = resolved.skills.map((list) => (list.length === 1 ? list[0]! : -1));
  const candidates = (t: number, comfortable: boolean): number[][] => {
    const moves: { delta: number[]; saving: number }[] = [];
    const groups = agents[t]!.length;
    if (comfortable) {
      for (let g = 0; g < groups; g++) {
        const delta = new Array<number>(groups).fill(0);
        delta[g] = -1;
        moves.push({ delta, saving: resolved.cost[g]! });
      }
    }
    // Pooling moves: p agents fewer in single-skill group g1, q fewer in g2, p + q - 1 more in a
    // cross-trained group m serving both types (one agent fewer in all), p, q <= 3.
    for (let m = 0; m < groups; m++) {
      if (!multi[m]) continue;
      for (let g1 = 0; g1 < groups; g1++) {
        const a = single[g1]!;
        if (a < 0 || !resolved.skills[m]!.includes(a)) continue;
        for (let g2 = -1; g2 < groups; g2++) {
          if (g2 >= 0 && (g2 <= g1 || single[g2]! < 0 || single[g2] === a || !resolved.skills[m]!.includes(single[g2]!))) continue;
          for (let p = 1; p <= 3; p++) {
            for (let q = g2 < 0 ? 0 : 1; q <= (g2 < 0 ? 0 : 3); q++) {
              const r = p + q - 1;
              if (r === 0) continue;
              const saving = p * resolved.cost[g1]! + (g2 < 0 ? 0 : q * resolved.cost[g2]!) - r * resolved.cost[m]!;
              if (saving <= 1e-9) continue;
              const delta = new Array<number>(groups).fill(0);
              delta[g1] = -p;
              if (g2 >= 0) delta[g2] = -q;
              delta[m] = r;
              moves.push({ delta, saving });
            }
          }
        }
      }
      // Unpooling moves: r <= 2 cross-trained agents replaced by as many single-skill ones, when
      // that is cheaper.
      const servedBy = (g: number) => single[g]! >= 0 && resolved.skills[m]!.includes(single[g]!);
      for (let g1 = 0; g1 < groups; g1++) {
        if (!servedBy(g1)) continue;
        for (let g2 = g1; g2 < groups; g2++) {
          if (!servedBy(g2)) continue;
          for (const [p, q] of g1 === g2 ? [[1, 0], [2, 0]] : [[1, 1]]) {
            const r = p! + q!;
            const saving = r * resolved.cost[m]! - p! * resolved.cost[g1]! - q! * resolved.cost[g2]!;
            if (saving <= 1e-9) continue;
            const delta = new Array<number>(groups).fill(0);
            delta[m] = -r;
            delta[g1]! += p!;
            delta[g2]! += q!;
            moves.push({ delta, saving });
          }
        }
      }
    }
    moves.sort((x, y) => y.saving - x.saving);
    return moves.map((move) => move.delta);
  };
  const tried = program.map(() => new Set<string>());
  const done = new Uint8Array(program.length);
  // An interval stops after this many rejected moves in a row (bounds the runs on many groups).
  const patience = 12;
  const rejected = new Uint8Array(program.length);
  // The slices the moves are decided on: the last trial's, except where a move was undone (there
  // the slice before the move, which the undo restored); one fresh run at the end.
  let slices = result.intervals;
  let stale = false;
  while (correct) {
    const applied: [number, number[]][] = [];
    slices.forEach((slice, t) => {
      if (done[t] === 1) return;
      const levels = types.map((_, j) => (active(t, j) ? serviceLevelOf(slice.contactTypes[j]!) : null));
      const met = types.every((type, j) => levels[j] === null || levels[j]!.mean >= type.targetServiceLevel);
      const comfortable = types.every((type, j) => levels[j] === null || levels[j]!.lower > type.targetServiceLevel);
      if (!met) {
        done[t] = 1;
        return;
      }
      for (const delta of candidates(t, comfortable)) {
        const key = delta.join(",");
        if (tried[t]!.has(key)) continue;
        const next = agents[t]!.map((x, g) => x + delta[g]!);
        if (next.some((x, g) => x < minimum[g]!) || !shareHolds(next) || !deferredHolds(t, next)) continue;
        tried[t]!.add(key);
        agents[t] = next;
        applied.push([t, delta]);
        return;
      }
      done[t] = 1;
    });
    if (applied.length === 0) break;
    const trial = simulateStaffing(resolved, agents, settings);
    const undone = new Set<number>();
    for (const [t, delta] of applied) {
      const holds = types.every((type, j) => {
        if (!active(t, j)) return true;
        const sl = serviceLevelOf(trial.intervals[t]!.contactTypes[j]!);
        return sl === null || sl.mean >= type.targetServiceLevel;
      });
      if (holds) {
        tried[t]!.clear();
        rejected[t] = 0;
      } else {
        agents[t] = agents[t]!.map((x, g) => x - delta[g]!);
        undone.add(t);
        if (++rejected[t]! >= patience) done[t] = 1;
      }
    }
    const before = slices;
    slices = trial.intervals.map((slice, t) => (undone.has(t) ? before[t]! : slice));
    result = trial;
    stale = undone.size > 0;
  }
  if (stale) result = simulateStaffing(resolved, agents, settings);
  addUntilMet();
  const intervals = program.map((row, t) => ({
    ...row,
    agents: agents[t]!,
    costPerHour: agents[t]!.reduce((s, x, g) => s + x * resolved.cost[g]!, 0),
    serviceLevels: types.map((_, j) => typeLevel(resolved, j, resolved.offered[t]![j]!, result.intervals[t]!.contactTypes[j]!)),
  }));
  const totalOffered = types.map((_, j) => resolved.offered.reduce((s, row) => s + row[j]!, 0));
  return { intervals, serviceLevels: types.map((_, j) => typeLevel(resolved, j, totalOffered[j]!, result.period.contactTypes[j]!)) };
}
