import { WfmError, requireObject } from "../errors.js";
import { requiredAgents } from "../queueing/required-agents.js";
import { requiredChatAgents } from "../staffing/chat.js";
import type { ContactType, ResolvedSkillModel } from "./model.js";

/**
 * The analytic staffing requirements the skill-transfer LP is built on: for every contact type
 * j its single-skill requirement N_j (exactly what `planStaffing` computes for a voice channel:
 * Erlang C, or Erlang A with a patience), and for every set A of types that agents can be shared
 * across, the requirement N(A) of A's pooled traffic.
 *
 * @module
 */

/** One requirement row: a set of types and the fewest agents able to serve them. */
export interface SkillRequirement {
  /** Contact type indices in the set (one index: a single-skill requirement). */
  readonly types: readonly number[];
  /** Fewest agents needed among the groups serving at least one of `types` (agents at the types' own handle times when `groupWeights` is given). */
  readonly agents: number;
  /**
   * What one agent of each group counts for in this row, by group (0 for a group serving none of
   * `types`): its relative speed on the row's traffic (see {@link intervalRequirements}).
   * @defaultValue 1 for every group serving one of `types`
   */
  readonly groupWeights?: readonly number[];
}

/**
 * The single-skill requirement of one type at `calls` contacts per interval and a handle time
 * (Erlang C, or Erlang A with a patience): the same number `planStaffing` gives a voice channel;
 * for a chat type (`concurrency`) the chat model's `requiredChatAgents`.
 *
 * @param ahtSecondsGiven - the handle time, seconds. @defaultValue type.ahtSeconds
 * @throws {WfmError} `infeasible` when no agent count meets the type's targets; `invalid-argument`
 *   when `type` is not a contact type (name, ahtSeconds and targets given)
 *
 * @example
 * ```ts
 * singleTypeRequirement({ name: "a", ahtSeconds: 180, targetServiceLevel: 0.8, targetAnswerSeconds: 20 }, 100, 1800, "here"); //=> 14
 * ```
 */
export function singleTypeRequirement(type: ContactType, calls: number, intervalSeconds: number, where: string, ahtSecondsGiven?: number): number {
  requireObject("singleTypeRequirement", "type", type, ["name", "ahtSeconds", "targetServiceLevel", "targetAnswerSeconds"]);
  const ahtSeconds = ahtSecondsGiven ?? type.ahtSeconds;
  if (calls === 0) return 0;
  const solved =
    type.concurrency === undefined
      ? voiceRequirement(type, calls, intervalSeconds, ahtSeconds)
      : requiredChatAgents({
          callsPerInterval: calls,
          intervalSeconds,
          ahtSeconds,
          concurrency: type.concurrency,
          ...(type.handleTimeFactorPerExtraChat === undefined ? {} : { handleTimeFactorPerExtraChat: type.handleTimeFactorPerExtraChat }),
          targetServiceLevel: type.targetServiceLevel,
          targetAnswerSeconds: type.targetAnswerSeconds,
          ...(type.targetAsaSeconds === undefined ? {} : { targetAsaSeconds: type.targetAsaSeconds }),
          ...(type.maxOccupancy === undefined ? {} : { maxOccupancy: type.maxOccupancy }),
        });
  if (!solved.feasible) throw new WfmError({ code: "infeasible", message: `${where}: ${type.name}: ${solved.reason}`, path: ["contactTypes"], value: calls });
  return solved.agents;
}

function voiceRequirement(type: ContactType, calls: number, intervalSeconds: number, ahtSeconds: number) {
  return requiredAgents({
    model: type.patienceSeconds === undefined ? "erlang-c" : "erlang-a",
    callsPerInterval: calls,
    intervalSeconds,
    ahtSeconds,
    targetServiceLevel: type.targetServiceLevel,
    targetAnswerSeconds: type.targetAnswerSeconds,
    ...(type.targetAsaSeconds === undefined ? {} : { targetAsaSeconds: type.targetAsaSeconds }),
    ...(type.maxOccupancy === undefined ? {} : { maxOccupancy: type.maxOccupancy }),
    ...(type.patienceSeconds === undefined ? {} : { patienceSeconds: type.patienceSeconds }),
  });
}

/**
 * The requirement of a pooled set of types: one FIFO queue with the summed traffic and the
 * call-weighted mean handle time (and mean patience when every type has one), staffed so that
 * every type's own target holds on the common wait distribution: N = max over j in A of the
 * requirement for j's target. Returns null when no agent count meets the targets.
 */
function pooledRequirement(types: readonly ContactType[], set: readonly number[], calls: readonly number[], aht: readonly number[], intervalSeconds: number): number | null {
  // Chat types get no pooling credit (no pooled chat model): the row is the sum of its parts.
  if (set.some((j) => types[j]!.concurrency !== undefined)) return null;
  let total = 0;
  let work = 0;
  let patienceWeighted = 0;
  let allPatient = true;
  for (const j of set) {
    total += calls[j]!;
    work += calls[j]! * aht[j]!;
    const p = types[j]!.patienceSeconds;
    if (p === undefined) allPatient = false;
    else patienceWeighted += calls[j]! * p;
  }
  if (total === 0) return 0;
  const ahtSeconds = work / total;
  let agents = 0;
  for (const j of set) {
    const t = types[j]!;
    const solved = requiredAgents({
      model: allPatient ? "erlang-a" : "erlang-c",
      callsPerInterval: total,
      intervalSeconds,
      ahtSeconds,
      targetServiceLevel: t.targetServiceLevel,
      targetAnswerSeconds: t.targetAnswerSeconds,
      ...(t.targetAsaSeconds === undefined ? {} : { targetAsaSeconds: t.targetAsaSeconds }),
      ...(t.maxOccupancy === undefined ? {} : { maxOccupancy: t.maxOccupancy }),
      ...(allPatient ? { patienceSeconds: patienceWeighted / total } : {}),
    });
    if (!solved.feasible) return null;
    agents = Math.max(agents, solved.agents);
  }
  return agents;
}

/**
 * The sets of types worth a pooled requirement row: every single type with traffic, and every
 * larger set of types with traffic that is connected by shared agents (two types are linked when
 * some group serves both). A set that splits into parts no group links adds nothing: its row is
 * the sum of its parts' rows. With one skill per group only single types remain.
 *
 * @example
 * ```ts
 * // Groups [a], [b, c]: a stands alone, b and c are linked.
 * requirementSets(resolved, [0, 1, 2]); //=> [[0], [1], [2], [1, 2]]
 * ```
 */
export function requirementSets(resolved: ResolvedSkillModel, active: readonly number[]): number[][] {
  requireObject("requirementSets", "resolved", resolved, ["model", "intervalCount", "skills", "cost", "aht", "offered", "speed"]);
  const m = resolved.model.contactTypes.length;
  const linked = Array.from({ length: m }, () => new Uint8Array(m));
  for (const list of resolved.skills) for (const a of list) for (const b of list) linked[a]![b] = 1;
  const sets: number[][] = [];
  const k = active.length;
  if (k > 16) {
    // Too many subsets: single types only (the transfer LP of Bhulai, Koole and Pot as published).
    return active.map((j) => [j]);
  }
  for (let mask = 1; mask < 1 << k; mask++) {
    const set: number[] = [];
    for (let b = 0; b < k; b++) if (mask & (1 << b)) set.push(active[b]!);
    // Connected? Grow from the first member through links.
    const seen = new Set<number>([set[0]!]);
    const stack = [set[0]!];
    while (stack.length > 0) {
      const a = stack.pop()!;
      for (const b of set) if (!seen.has(b) && linked[a]![b] === 1) (seen.add(b), stack.push(b));
    }
    if (seen.size === set.length) sets.push(set);
  }
  return sets;
}

/**
 * The requirement rows of one interval: N_j for each type with traffic, and for each connected
 * set A of two or more types N(A) = min(pooled requirement of A, Σ_{j in A} N_j) (sharing agents
 * never needs more than keeping them apart, so the pooled figure is capped by the dedicated one).
 *
 * Handle time per agent group (`ahtSecondsByType`, speeds s_gj = AHT_j / AHT_gj): when every
 * group serving a type of A serves it at the same speed s_j, the row is computed at the groups'
 * handle times AHT_j / s_j (exact Erlang for dedicated groups with their own AHT). Otherwise the
 * row stays at the types' handle times and an agent of group g counts for its relative speed on
 * A's traffic, w_gA = Σ_{j in A∩S_g} λ_j AHT_j / Σ_{j in A∩S_g} λ_j AHT_j / s_gj (the capacity
 * of the transfer program in standard agents; the simulation check corrects what the
 * linearisation misses). With equal handle times every weight is 1 and the rows are unchanged.
 *
 * Deferred types (`deferred: true`) take `deferredAgents[j]` (the deferred-work plan's agents for
 * the interval) as their own row, and a set A with inbound and deferred types needs
 * max(N(inbound part), ⌈A_in + Σ deferred agents⌉) with A_in the inbound traffic in Erlangs: the
 * deferred work fills the inbound agents' idle time, and more agents are needed only when the
 * total work exceeds them (the blending balance).
 *
 * @throws {WfmError} `infeasible` when no agent count meets a type's targets
 *
 * @example
 * ```ts
 * // One group serving both types of 200 and 150 calls per 15 min (AHT 240 s and 360 s):
 * intervalRequirements(resolved, [200, 150], [240, 360], "interval 0");
 * //=> [{ types: [0], agents: 60 }, { types: [1], agents: 67 }, { types: [0, 1], agents: 122 }]
 * ```
 */
export function intervalRequirements(resolved: ResolvedSkillModel, calls: readonly number[], aht: readonly number[], where: string, deferredAgents?: readonly number[]): SkillRequirement[] {
  requireObject("intervalRequirements", "resolved", resolved, ["model", "intervalCount", "skills", "cost", "aht", "offered", "speed"]);
  const types = resolved.model.contactTypes;
  const intervalSeconds = resolved.model.intervalMinutes * 60;
  const { skills, speed } = resolved;
  // The speed every group serving type j serves it at, or NaN when the groups differ.
  const common = types.map((_, j) => {
    let s = Number.NaN;
    for (let g = 0; g < skills.length; g++) {
      if (!skills[g]!.includes(j)) continue;
      if (Number.isNaN(s)) s = speed[g]![j]!;
      else if (s !== speed[g]![j]!) return Number.NaN;
    }
    return Number.isNaN(s) ? 1 : s;
  });
  const groupAht = aht.map((a, j) => (Number.isNaN(common[j]!) ? a : a / common[j]!));
  const isDeferred = types.map((c) => c.deferred === true);
  const active: number[] = [];
  const single = calls.map((c, j) => {
    if (isDeferred[j]) {
      const d = deferredAgents?.[j] ?? 0;
      if (d > 0) active.push(j);
      return d;
    }
    if (c > 0) active.push(j);
    return singleTypeRequirement(types[j]!, c, intervalSeconds, where, aht[j]!);
  });
  const singleAtGroups = calls.map((c, j) => (isDeferred[j] || groupAht[j] === aht[j] ? single[j]! : singleTypeRequirement(types[j]!, c, intervalSeconds, where, groupAht[j]!)));
  const rows = requirementSets(resolved, active).map((set) => inboundRow(set.filter((j) => !isDeferred[j]), set));
  return rows;

  /** The row of `set` from its inbound part, with the deferred work of the rest added by the blending balance. */
  function inboundRow(inbound: readonly number[], set: readonly number[]): SkillRequirement {
    if (inbound.length === set.length) return rowOf(set);
    const deferred = set.reduce((s, j) => s + (isDeferred[j] ? single[j]! : 0), 0);
    if (inbound.length === 0) return { types: set, agents: deferred };
    // The inbound part may fall apart without the deferred types (linked only through them): then
    // its requirement is the sum of its connected parts'.
    const parts = requirementSets(resolved, inbound).filter((part) => part.length === 1 || part.length === inbound.length);
    const whole = parts.some((part) => part.length === inbound.length) ? rowOf(inbound) : { types: inbound, agents: inbound.reduce((s, j) => s + rowOf([j]).agents, 0) };
    const traffic = inbound.reduce((s, j) => s + (calls[j]! * groupAht[j]!) / intervalSeconds, 0);
    const agents = Math.max(whole.agents, Math.ceil(traffic + deferred - 1e-9));
    if (whole.groupWeights === undefined) return { types: set, agents };
    // Groups that serve only the set's deferred types count fully.
    const groupWeights = whole.groupWeights.map((w, g) => (w === 0 && set.some((j) => isDeferred[j] && skills[g]!.includes(j)) ? 1 : w));
    return { types: set, agents, groupWeights };
  }

  function rowOf(set: readonly number[]): SkillRequirement {
    const uniform = set.every((j) => !Number.isNaN(common[j]!));
    if (uniform) {
      const separate = set.reduce((s, j) => s + singleAtGroups[j]!, 0);
      if (set.length === 1) return { types: set, agents: separate };
      const pooled = pooledRequirement(types, set, calls, groupAht, intervalSeconds);
      return { types: set, agents: pooled === null ? separate : Math.min(pooled, separate) };
    }
    const groupWeights = skills.map((list, g) => {
      let work = 0;
      let own = 0;
      for (const j of set) {
        if (!list.includes(j)) continue;
        work += calls[j]! * aht[j]!;
        own += (calls[j]! * aht[j]!) / speed[g]![j]!;
      }
      return own > 0 ? work / own : 0;
    });
    const separate = set.reduce((s, j) => s + single[j]!, 0);
    if (set.length === 1) return { types: set, agents: separate, groupWeights };
    const pooled = pooledRequirement(types, set, calls, aht, intervalSeconds);
    return { types: set, agents: pooled === null ? separate : Math.min(pooled, separate), groupWeights };
  }
}
