import { invalidArgument, requireObject } from "../errors.js";
import { planDeferredWork } from "../staffing/deferred.js";

/**
 * The skill model: contact types with interval volumes, handle times and targets; agent groups
 * with the types they serve in priority order and their cost; the routing the simulator runs;
 * and tiers (a share of a type's handled contacts continues to a second-tier type with its own
 * handle time, e.g. a first line escalating to an advanced helpdesk).
 *
 * Plain data, so it can come from JSON (`src/io/skills-config.ts`). Times are seconds, ratios
 * fractions, costs per agent-hour in any currency.
 *
 * @module
 */

/** A share of a type's handled contacts that continues to a second-tier contact type. */
export interface Escalation {
  /** Share of handled contacts that continue, in [0, 1]. */
  readonly share: number;
  /** Name of the tier-2 contact type they continue as (its handle time and targets apply). */
  readonly to: string;
}

/** One contact type (a queue: billing calls, technical calls, chat, a tier-2 helpdesk). */
export interface ContactType {
  /** Unique name, referred to by agent groups' `skills`. */
  readonly name: string;
  /** Contacts arriving per interval, one entry per interval, >= 0. A tier-2 type may leave it out (its own arrivals are then 0). */
  readonly volumes?: readonly number[];
  /** Mean handle time, seconds, > 0 (exponential in the simulation, as in Erlang C). */
  readonly ahtSeconds: number;
  /** Mean handle time per interval, seconds, > 0, one per interval (the forecast's AHT). @defaultValue `ahtSeconds` throughout */
  readonly ahtSecondsByInterval?: readonly number[];
  /** Share to answer within `targetAnswerSeconds`, in [0, 1). */
  readonly targetServiceLevel: number;
  /** Answer-time threshold T, seconds, >= 0. */
  readonly targetAnswerSeconds: number;
  /** Highest ASA allowed, seconds. @defaultValue no limit */
  readonly targetAsaSeconds?: number;
  /** Highest occupancy allowed in the analytic step, in (0, 1]. @defaultValue no cap */
  readonly maxOccupancy?: number;
  /** Mean patience, seconds (Erlang A in the analytic step, abandonment in the simulation). @defaultValue infinite patience (Erlang C) */
  readonly patienceSeconds?: number;
  /** Tier: a share of this type's handled contacts continues to another type. @defaultValue none */
  readonly escalation?: Escalation;
  /**
   * Deferred work (email, tickets): no one waits on the line; the groups serving the type take its
   * items in their idle time (an agent with no inbound contact of its skills waiting), oldest
   * first, and `targetAnswerSeconds` is the response window W (e.g. 14400 for 4 hours):
   * `targetServiceLevel` is the share answered within W. Staffed by the project's deferred-work
   * plan (`planDeferredWork`: the workload spread over the window) inside the transfer program's
   * rows. No patience, ASA target or escalation. @defaultValue false
   */
  readonly deferred?: boolean;
  /**
   * Chat: chats one agent holds at once, k, a whole number from 1 to 100. A group serving a chat
   * type serves only types of the same concurrency and factor (its agents hold k contacts of any
   * of them). Staffed by the project's chat model (`requiredChatAgents`), simulated with the
   * group's concurrency and even load. No patience. @defaultValue 1 (one contact at a time)
   */
  readonly concurrency?: number;
  /** Chat: extra handle time per extra concurrent chat, a fraction of the handle time, >= 0. @defaultValue 0 */
  readonly handleTimeFactorPerExtraChat?: number;
}

/** A group of interchangeable agents with the same skills. */
export interface AgentGroup {
  /** Unique name. */
  readonly name: string;
  /** Contact types this group serves, highest priority first (an idle agent takes the first non-empty queue in this order). */
  readonly skills: readonly string[];
  /** Cost of one agent-hour (cross-trained agents may cost more), > 0. @defaultValue 1 */
  readonly costPerHour?: number;
  /** Fewest agents in every interval, a whole number >= 0. @defaultValue 0 */
  readonly minimumAgents?: number;
  /**
   * Mean handle time of this group's agents per contact type it serves, seconds, > 0, by type
   * name (juniors slower on technical calls, specialists faster). With a type's
   * `ahtSecondsByInterval` the group's handle time follows the same profile, scaled by
   * `ahtSecondsByType[type] / type.ahtSeconds`. @defaultValue each type's own handle time
   */
  readonly ahtSecondsByType?: Readonly<Record<string, number>>;
}

/** The routing the simulator runs. */
export interface SkillRouting {
  /**
   * Overflow: a waiting contact is offered only to its primary groups (those listing its type
   * first) until it has waited this long, then to every group with the skill. @defaultValue no
   * delay (every group with the skill from arrival)
   */
  readonly overflowAfterSeconds?: number;
}

/** A complete skill model for a planning horizon of equal intervals. */
export interface SkillModel {
  /** Interval length, minutes, in (0, 1440]. */
  readonly intervalMinutes: number;
  readonly contactTypes: readonly ContactType[];
  readonly agentGroups: readonly AgentGroup[];
  /** @defaultValue {} */
  readonly routing?: SkillRouting;
}

/** A validated model with indices resolved. */
export interface ResolvedSkillModel {
  readonly model: SkillModel;
  readonly intervalCount: number;
  /** Skills of group g as type indices, in priority order. */
  readonly skills: readonly (readonly number[])[];
  /** Cost per agent-hour of each group. */
  readonly cost: readonly number[];
  /** Mean handle time per interval and type, seconds: `aht[t][j]`. */
  readonly aht: readonly (readonly number[])[];
  /** Offered contacts per interval and type, tier-2 inflows included: `offered[t][j]`. */
  readonly offered: readonly (readonly number[])[];
  /**
   * Relative speed of group g on type j, `speed[g][j]` = type.ahtSeconds / the group's handle
   * time for j (1 without `ahtSecondsByType`, and for types the group does not serve).
   */
  readonly speed: readonly (readonly number[])[];
  /**
   * Agents the deferred work of each type needs per interval, `deferredAgents[t][j]` (the
   * deferred-work plan's requirement: the workload spread over the response window at the
   * type's `maxOccupancy`); 0 for inbound types.
   */
  readonly deferredAgents: readonly (readonly number[])[];
}

const finite = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

/**
 * The contacts offered to each type in each interval: its own volume plus, for a tier-2 type,
 * share × the offered contacts of every type escalating to it (in the same interval: the output
 * of a stable M/M/N queue is Poisson with the input's rate, Burke's theorem, so the tier-2 stream
 * is Poisson with rate share × λ).
 */
function offeredContacts(types: readonly ContactType[], intervalCount: number, index: ReadonlyMap<string, number>): number[][] {
  // Order the types so a type's sources come before it (escalation chains have no cycles).
  const order: number[] = [];
  const state = new Uint8Array(types.length);
  const visit = (j: number, path: readonly string[]) => {
    if (state[j] === 2) return;
    if (state[j] === 1) invalidArgument("skills", `contactTypes[${j}].escalation.to`, "free of cycles", [...path, types[j]!.name].join(" -> "));
    state[j] = 1;
    types.forEach((source, i) => {
      if (source.escalation !== undefined && index.get(source.escalation.to) === j) visit(i, [...path, types[j]!.name]);
    });
    state[j] = 2;
    order.push(j);
  };
  types.forEach((_, j) => visit(j, []));
  const offered = Array.from({ length: intervalCount }, () => new Array<number>(types.length).fill(0));
  for (const j of order) {
    const type = types[j]!;
    for (let t = 0; t < intervalCount; t++) {
      offered[t]![j]! += type.volumes?.[t] ?? 0;
      if (type.escalation !== undefined) offered[t]![index.get(type.escalation.to)!]! += type.escalation.share * offered[t]![j]!;
    }
  }
  return offered;
}

/**
 * Validates a skill model and resolves names to indices, tier-2 inflows included.
 *
 * @param fn - the calling function's name, for messages
 * @throws {WfmError} `invalid-argument` naming the field, e.g. `agentGroups[1].skills[0]`
 *
 * @example
 * ```ts
 * const r = resolveSkillModel("staffSkills", { intervalMinutes: 15,
 *   contactTypes: [{ name: "calls", volumes: [100], ahtSeconds: 300, targetServiceLevel: 0.8, targetAnswerSeconds: 20,
 *     escalation: { share: 0.2, to: "helpdesk" } },
 *     { name: "helpdesk", ahtSeconds: 600, targetServiceLevel: 0.8, targetAnswerSeconds: 60 }],
 *   agentGroups: [{ name: "first line", skills: ["calls"] }, { name: "helpdesk", skills: ["helpdesk"] }] });
 * r.offered[0]; //=> [100, 20]
 * ```
 */
export function resolveSkillModel(fn: string, model: SkillModel): ResolvedSkillModel {
  if (typeof fn !== "string") invalidArgument("resolveSkillModel", "fn", "the calling function's name", fn);
  requireObject(fn, "model", model, ["intervalMinutes", "contactTypes", "agentGroups"]);
  const { intervalMinutes, contactTypes, agentGroups, routing } = model;
  if (!(finite(intervalMinutes) && intervalMinutes > 0 && intervalMinutes <= 1440)) invalidArgument(fn, "intervalMinutes", "a number of minutes in (0, 1440]", intervalMinutes);
  if (!Array.isArray(contactTypes) || contactTypes.length === 0) invalidArgument(fn, "contactTypes", "a non-empty array", contactTypes);
  if (!Array.isArray(agentGroups) || agentGroups.length === 0) invalidArgument(fn, "agentGroups", "a non-empty array", agentGroups);
  const index = new Map<string, number>();
  let intervalCount = -1;
  contactTypes.forEach((c, j) => {
    const at = (field: string) => `contactTypes[${j}].${field}`;
    if (typeof c.name !== "string" || c.name === "") invalidArgument(fn, at("name"), "a non-empty string", c.name);
    if (index.has(c.name)) invalidArgument(fn, at("name"), "unique among the contact types", c.name);
    index.set(c.name, j);
    if (!(finite(c.ahtSeconds) && c.ahtSeconds > 0)) invalidArgument(fn, at("ahtSeconds"), "a positive finite number", c.ahtSeconds);
    if (!(finite(c.targetServiceLevel) && c.targetServiceLevel >= 0 && c.targetServiceLevel < 1)) invalidArgument(fn, at("targetServiceLevel"), "a fraction in [0, 1)", c.targetServiceLevel);
    if (!(finite(c.targetAnswerSeconds) && c.targetAnswerSeconds >= 0)) invalidArgument(fn, at("targetAnswerSeconds"), "a finite number >= 0", c.targetAnswerSeconds);
    if (c.targetAsaSeconds !== undefined && !(finite(c.targetAsaSeconds) && c.targetAsaSeconds > 0)) invalidArgument(fn, at("targetAsaSeconds"), "a positive finite number", c.targetAsaSeconds);
    if (c.maxOccupancy !== undefined && !(finite(c.maxOccupancy) && c.maxOccupancy > 0 && c.maxOccupancy <= 1)) invalidArgument(fn, at("maxOccupancy"), "a fraction in (0, 1]", c.maxOccupancy);
    if (c.patienceSeconds !== undefined && !(finite(c.patienceSeconds) && c.patienceSeconds > 0)) invalidArgument(fn, at("patienceSeconds"), "a positive finite number", c.patienceSeconds);
    if (c.deferred !== undefined && typeof c.deferred !== "boolean") invalidArgument(fn, at("deferred"), "true or false", c.deferred);
    if (c.concurrency !== undefined) {
      if (!(Number.isInteger(c.concurrency) && c.concurrency >= 1 && c.concurrency <= 100)) invalidArgument(fn, at("concurrency"), "a whole number from 1 to 100", c.concurrency);
      for (const field of ["patienceSeconds", "deferred"] as const) {
        if (c[field] !== undefined) invalidArgument(fn, at(field), "left out for a chat type (concurrency)", c[field]);
      }
    }
    if (c.handleTimeFactorPerExtraChat !== undefined) {
      if (c.concurrency === undefined) invalidArgument(fn, at("handleTimeFactorPerExtraChat"), "given with a concurrency", c.handleTimeFactorPerExtraChat);
      if (!(finite(c.handleTimeFactorPerExtraChat) && c.handleTimeFactorPerExtraChat >= 0)) invalidArgument(fn, at("handleTimeFactorPerExtraChat"), "a finite number >= 0", c.handleTimeFactorPerExtraChat);
    }
    if (c.deferred === true) {
      if (!(c.targetAnswerSeconds > 0)) invalidArgument(fn, at("targetAnswerSeconds"), "a response window > 0 seconds for a deferred type", c.targetAnswerSeconds);
      for (const field of ["patienceSeconds", "targetAsaSeconds", "escalation"] as const) {
        if (c[field] !== undefined) invalidArgument(fn, at(field), "left out for a deferred type (no one waits on the line)", c[field]);
      }
    }
    if (c.volumes !== undefined) {
      if (!Array.isArray(c.volumes)) invalidArgument(fn, at("volumes"), "an array of contacts per interval", c.volumes);
      c.volumes.forEach((v: number, t: number) => {
        if (!(finite(v) && v >= 0)) invalidArgument(fn, at(`volumes[${t}]`), "a finite number >= 0", v);
      });
      if (intervalCount >= 0 && c.volumes.length !== intervalCount) invalidArgument(fn, at("volumes"), `${intervalCount} intervals long, as the first type's`, c.volumes.length);
      intervalCount = c.volumes.length;
    }
  });
  if (intervalCount < 0) invalidArgument(fn, "contactTypes[0].volumes", "given for at least one contact type", undefined);
  contactTypes.forEach((c, j) => {
    const byInterval = c.ahtSecondsByInterval;
    if (byInterval === undefined) return;
    if (!Array.isArray(byInterval) || byInterval.length !== intervalCount) invalidArgument(fn, `contactTypes[${j}].ahtSecondsByInterval`, `an array of ${intervalCount} handle times`, byInterval);
    byInterval.forEach((v: number, t: number) => {
      if (!(finite(v) && v > 0)) invalidArgument(fn, `contactTypes[${j}].ahtSecondsByInterval[${t}]`, "a positive finite number", v);
    });
  });
  contactTypes.forEach((c, j) => {
    if (c.escalation === undefined) return;
    const at = (field: string) => `contactTypes[${j}].escalation.${field}`;
    if (!(finite(c.escalation.share) && c.escalation.share >= 0 && c.escalation.share <= 1)) invalidArgument(fn, at("share"), "a fraction in [0, 1]", c.escalation.share);
    if (!index.has(c.escalation.to)) invalidArgument(fn, at("to"), `a contact type (${[...index.keys()].join(", ")})`, c.escalation.to);
    if (c.escalation.to === c.name) invalidArgument(fn, at("to"), "another contact type than itself", c.escalation.to);
  });
  const groupNames = new Set<string>();
  const served = new Uint8Array(contactTypes.length);
  const skills = agentGroups.map((g, i) => {
    const at = (field: string) => `agentGroups[${i}].${field}`;
    if (typeof g.name !== "string" || g.name === "") invalidArgument(fn, at("name"), "a non-empty string", g.name);
    if (groupNames.has(g.name)) invalidArgument(fn, at("name"), "unique among the agent groups", g.name);
    groupNames.add(g.name);
    if (!Array.isArray(g.skills) || g.skills.length === 0) invalidArgument(fn, at("skills"), "a non-empty array of contact type names", g.skills);
    const list = g.skills.map((name: string, k: number) => {
      const j = index.get(name);
      if (j === undefined) invalidArgument(fn, at(`skills[${k}]`), `a contact type (${[...index.keys()].join(", ")})`, name);
      if (g.skills.indexOf(name) !== k) invalidArgument(fn, at(`skills[${k}]`), "listed once", name);
      served[j] = 1;
      return j;
    });
    if (g.costPerHour !== undefined && !(finite(g.costPerHour) && g.costPerHour > 0)) invalidArgument(fn, at("costPerHour"), "a positive finite number", g.costPerHour);
    if (g.minimumAgents !== undefined && !(Number.isInteger(g.minimumAgents) && g.minimumAgents >= 0)) invalidArgument(fn, at("minimumAgents"), "a whole number >= 0", g.minimumAgents);
    // The simulator's agents hold k contacts of any of their skills: one concurrency per group.
    const chatKey = (j: number) => `${contactTypes[j]!.concurrency ?? 1}/${contactTypes[j]!.handleTimeFactorPerExtraChat ?? 0}`;
    (list as number[]).forEach((j: number, k: number) => {
      if (chatKey(j) !== chatKey((list as number[])[0]!)) invalidArgument(fn, at(`skills[${k}]`), `a type of the same concurrency and handleTimeFactorPerExtraChat as ${g.skills[0]} (a group's agents hold one kind of contact)`, g.skills[k]);
    });
    const byType = g.ahtSecondsByType;
    if (byType !== undefined) {
      if (typeof byType !== "object" || byType === null || Array.isArray(byType)) invalidArgument(fn, at("ahtSecondsByType"), "an object of handle times by contact type name", byType);
      for (const [name, seconds] of Object.entries(byType)) {
        if (!g.skills.includes(name)) invalidArgument(fn, at(`ahtSecondsByType.${name}`), `a skill of the group (${g.skills.join(", ")})`, name);
        if (!(finite(seconds) && seconds > 0)) invalidArgument(fn, at(`ahtSecondsByType.${name}`), "a positive finite number", seconds);
      }
    }
    return list;
  });
  const speed = agentGroups.map((g) => contactTypes.map((c) => {
    const seconds = g.ahtSecondsByType?.[c.name];
    return seconds === undefined ? 1 : c.ahtSeconds / seconds;
  }));
  const offered = offeredContacts(contactTypes, intervalCount, index);
  contactTypes.forEach((c, j) => {
    if (served[j] === 0 && offered.some((row) => row[j]! > 0)) invalidArgument(fn, `contactTypes[${j}].name`, "served by at least one agent group (list it in some agentGroups[].skills)", c.name);
  });
  const overflow = routing?.overflowAfterSeconds;
  if (overflow !== undefined && !(finite(overflow) && overflow >= 0)) invalidArgument(fn, "routing.overflowAfterSeconds", "a finite number >= 0", overflow);
  const aht = Array.from({ length: intervalCount }, (_, t) => contactTypes.map((c) => c.ahtSecondsByInterval?.[t] ?? c.ahtSeconds));
  const deferredAgents = Array.from({ length: intervalCount }, () => new Array<number>(contactTypes.length).fill(0));
  contactTypes.forEach((c, j) => {
    if (c.deferred !== true) return;
    const plan = planDeferredWork({
      intervals: offered.map((row, t) => ({ localMs: t * intervalMinutes * 60_000, calls: row[j]!, ahtSeconds: aht[t]![j]! })),
      intervalMinutes,
      responseSeconds: c.targetAnswerSeconds,
      ...(c.maxOccupancy === undefined ? {} : { maxOccupancy: c.maxOccupancy }),
    });
    plan.intervals.forEach((row, t) => (deferredAgents[t]![j] = row.requiredAgents));
  });
  return { model, intervalCount, aht, skills, cost: agentGroups.map((g) => g.costPerHour ?? 1), offered, speed, deferredAgents };
}
