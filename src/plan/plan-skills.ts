import { formatLocalTimestamp } from "../calendar/local-time.js";
import { invalidArgument, requireOptions } from "../errors.js";
import { simulate } from "../simulation/simulate.js";
import type { SimulationOptions, SimulationResult } from "../simulation/types.js";
import { skillModelFromChannels } from "../skills/from-channels.js";
import { resolveSkillModel, type ResolvedSkillModel } from "../skills/model.js";
import { serviceLevelOf, simulationOptions } from "../skills/simulation-check.js";
import { staffSkills } from "../skills/staff-skills.js";
import { scheduledAgents } from "../staffing/shrinkage.js";
import type { StaffingConfig, StaffingPlan } from "../staffing/plan.js";

/**
 * A monthly plan with agent groups: each group of the staffing config's `agentGroups` is a team
 * scheduled on its own requirement (the group's agents per interval from the skill-transfer
 * program of {@link staffSkills}, grossed up by shrinkage), and the scheduled headcount of all
 * groups is simulated together with the skills routing to give the service level per contact type.
 *
 * Reference: S. Bhulai, G. Koole, A. Pot (2008), "Simple methods for shift scheduling in
 * multiskill call centers", M&SOM 10(3) 411-420 (staff per interval by skill transfer, then
 * schedule each group on its own requirement).
 *
 * @module
 */

/** The requirement of each agent group over a month (see {@link agentGroupRequirements}). */
export interface AgentGroupRequirements {
  /** One team per group, its channels the group's skills in priority order. */
  readonly teams: readonly { readonly name: string; readonly channels: readonly string[] }[];
  /** Agents to schedule per team and interval start (wall-clock ms): ⌈agents on contacts / (1 − shrinkage)⌉. */
  readonly required: ReadonlyMap<string, ReadonlyMap<number, number>>;
  /** The month's skill model, resolved (for the simulation of the schedule). */
  readonly resolved: ResolvedSkillModel;
  /** Interval starts of the model, wall-clock ms. */
  readonly localMs: readonly number[];
  /** Shrinkage per group and model interval (the largest over the group's channels). */
  readonly shrinkage: readonly (readonly number[])[];
}

/**
 * The workload agent groups are staffed from: a staffing plan ({@link StaffingPlan}), or the rows
 * of a requirements CSV that `wfm staff --format csv` wrote (`wfm schedule`).
 */
export interface AgentGroupWorkload {
  /** Interval length, minutes. */
  readonly intervalMinutes: number;
  /** Rows per interval start (wall-clock ms) and channel: calls, handle time (seconds) and shrinkage (a fraction). */
  readonly intervals: readonly Pick<StaffingPlan["intervals"][number], "localMs" | "channel" | "calls" | "ahtSeconds" | "shrinkage">[];
}

/**
 * The agents each agent group needs in each schedule slot: the group's requirement per model
 * interval (see {@link agentGroupRequirements}) spread over the finer slots a shift grid uses
 * (hourly staffing with 15-minute breaks: four slots, each needing its hour's agents). Shared by
 * `planMonth` and `wfm schedule`, which schedule one team per group on these curves.
 *
 * @example
 * ```ts
 * groupSlotRequirement({ required: new Map([[0, 3], [3_600_000, 5]]), startLocalMs: 0, intervalMinutes: 60, slotMinutes: 30, slots: 4 });
 * //=> [3, 3, 5, 5]
 * ```
 */
export function groupSlotRequirement(options: {
  /** Agents per model interval start (wall-clock ms). */
  readonly required: ReadonlyMap<number, number>;
  /** Wall-clock ms of the first slot. */
  readonly startLocalMs: number;
  /** The model's interval length, minutes (a multiple of `slotMinutes`). */
  readonly intervalMinutes: number;
  /** The schedule's slot length, minutes. */
  readonly slotMinutes: number;
  /** Slots in the schedule. */
  readonly slots: number;
}): number[] {
  requireOptions("groupSlotRequirement", options, ["required", "startLocalMs", "intervalMinutes", "slotMinutes", "slots"]);
  const { required, startLocalMs, intervalMinutes, slotMinutes, slots } = options;
  const perInterval = Math.round(intervalMinutes / slotMinutes);
  const intervalMs = slotMinutes * 60_000;
  const curve = new Array<number>(slots).fill(0);
  for (const [localMs, agents] of required) {
    const first = Math.round((localMs - startLocalMs) / intervalMs);
    for (let slot = first; slot < first + perInterval; slot++) {
      if (slot >= 0 && slot < slots) curve[slot] = curve[slot]! + agents;
    }
  }
  return curve;
}

/**
 * The per-interval requirement of each agent group for a staffing plan: the voice channels the
 * groups serve become contact types ({@link skillModelFromChannels}), {@link staffSkills} finds
 * the cheapest agents per group and interval by the skill-transfer program (without its
 * simulation check: the schedule is simulated afterwards), and each group's agents are grossed
 * up by the interval's shrinkage, `⌈N_g / (1 − s)⌉`, as `planStaffing` does for a channel.
 * With one skill per group the requirement of each group is the single-skill requirement of its
 * channel, so the schedules equal those of one team per channel.
 *
 * @throws {WfmError} when `config.agentGroups` is missing or a skill is not a voice channel with a target (as `skillModelFromChannels`)
 *
 * @example
 * ```ts
 * const groups = await agentGroupRequirements({ plan: staffingPlan, config });
 * groups.teams; //=> [{ name: "generalists", channels: ["billing", "tech"] }, ...]
 * ```
 */
export async function agentGroupRequirements(options: { readonly plan: AgentGroupWorkload; readonly config: StaffingConfig }): Promise<AgentGroupRequirements> {
  requireOptions("agentGroupRequirements", options, ["plan", "config"]);
  const { plan, config } = options;
  if (config.agentGroups === undefined || config.agentGroups.length === 0) invalidArgument("agentGroupRequirements", "config.agentGroups", "a non-empty array", config.agentGroups);
  const groups = config.agentGroups;
  const skills = new Set(groups.flatMap((g) => g.skills));
  const rows = plan.intervals.filter((i) => skills.has(i.channel)).map((i) => ({ localMs: i.localMs, channel: i.channel, calls: i.calls, ahtSeconds: i.ahtSeconds }));
  const { model, localMs } = skillModelFromChannels({ intervals: rows, intervalMinutes: plan.intervalMinutes, config });
  const staffing = await staffSkills({ ...model, simulation: { enabled: false } });
  const shrinkageAt = new Map(plan.intervals.map((i) => [`${i.localMs}|${i.channel}`, i.shrinkage]));
  const shrinkage = groups.map((g) => localMs.map((ms) => Math.max(0, ...g.skills.map((c) => shrinkageAt.get(`${ms}|${c}`) ?? 0))));
  const required = new Map<string, Map<number, number>>();
  groups.forEach((g, k) => {
    const byInterval = new Map<number, number>();
    staffing.intervals.forEach((interval, t) => byInterval.set(localMs[t]!, scheduledAgents({ requiredAgents: interval.agents[k]!, shrinkage: shrinkage[k]![t]! })));
    required.set(g.name, byInterval);
  });
  return {
    teams: groups.map((g) => ({ name: g.name, channels: g.skills })),
    required,
    resolved: resolveSkillModel("agentGroupRequirements", model),
    localMs,
    shrinkage,
  };
}

/** The simulated service level of one contact type on the scheduled agent groups. */
export interface PlanSkillTypeServiceLevel {
  readonly type: string;
  readonly targetServiceLevel: number;
  /** Contacts offered over the month (forecast). */
  readonly offered: number;
  /** Mean over replications of answered within T / offered. */
  readonly serviceLevel: number | null;
  /** 95% half-width over the replications (Student t). */
  readonly halfWidth: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  /** The upper end of the interval is below the target. */
  readonly missesTarget: boolean;
  readonly abandonRate: number | null;
}

/** One agent group's schedule against its requirement, as simulated. */
export interface PlanSkillGroup {
  readonly group: string;
  readonly skills: readonly string[];
  /** Σ required agents × interval hours (after the shrinkage gross-up). */
  readonly requiredAgentHours: number;
  readonly peakRequired: number;
  /** Σ agents simulated on contacts × interval hours. */
  readonly simulatedAgentHours: number;
}

/** The schedule of the agent groups, simulated together with the routing. */
export interface PlanSkillSchedule {
  readonly replications: number;
  readonly seed: number;
  readonly groups: readonly PlanSkillGroup[];
  readonly contactTypes: readonly PlanSkillTypeServiceLevel[];
}

const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;

/**
 * Simulates the scheduled headcount of all agent groups together: per group and interval the
 * agents on the floor (the mean over the interval's schedule slots, breaks out) less the
 * interval's shrinkage, rounded down, in the simulator with the groups' skills in priority
 * order and the config's overflow delay; per contact type the month's service level
 * (SL = answered within T / offered) with its 95% interval over the replications.
 * Deterministic for a seed.
 *
 * @throws {WfmError} for invalid simulation settings (as `simulate`)
 *
 * @example
 * ```ts
 * const sim = await simulateAgentGroupSchedule({ groups, coverage: plan.schedule.coverage, replications: 20, seed: 1 });
 * sim.contactTypes[0]; //=> { type: "billing", serviceLevel: 0.86, halfWidth: 0.004, ... }
 * ```
 */
export async function simulateAgentGroupSchedule(options: {
  readonly groups: AgentGroupRequirements;
  /** The schedule's coverage rows (`timestamp`, `team`, `scheduled`), every slot of every team. */
  readonly coverage: readonly { readonly timestamp: string; readonly team: string; readonly scheduled: number }[];
  /** @defaultValue 20 */
  readonly replications?: number;
  /** @defaultValue 1 */
  readonly seed?: number;
  readonly run?: (options: SimulationOptions) => Promise<SimulationResult>;
}): Promise<PlanSkillSchedule> {
  requireOptions("simulateAgentGroupSchedule", options, ["groups", "coverage"]);
  const { groups, coverage } = options;
  const replications = options.replications ?? 20;
  const seed = options.seed ?? 1;
  const { resolved, localMs, shrinkage } = groups;
  const intervalMinutes = resolved.model.intervalMinutes;
  const stamps = localMs.map((ms) => formatLocalTimestamp(ms));
  const index = new Map(stamps.map((s, t) => [s, t]));
  const names = resolved.model.agentGroups.map((g) => g.name);
  const sums = names.map(() => new Array<number>(localMs.length).fill(0));
  const counts = names.map(() => new Array<number>(localMs.length).fill(0));
  const groupIndex = new Map(names.map((n, g) => [n, g]));
  for (const row of coverage) {
    const g = groupIndex.get(row.team);
    if (g === undefined) continue;
    // The slot's interval: its timestamp truncated to the plan's interval (slots are finer or equal).
    const minutes = Number(row.timestamp.slice(11, 13)) * 60 + Number(row.timestamp.slice(14, 16));
    const start = Math.floor(minutes / intervalMinutes) * intervalMinutes;
    const t = index.get(`${row.timestamp.slice(0, 11)}${String(Math.floor(start / 60)).padStart(2, "0")}:${String(start % 60).padStart(2, "0")}`);
    if (t === undefined) continue;
    sums[g]![t] = sums[g]![t]! + row.scheduled;
    counts[g]![t] = counts[g]![t]! + 1;
  }
  const agents = localMs.map((_, t) => names.map((_, g) => (counts[g]![t]! > 0 ? Math.floor((sums[g]![t]! / counts[g]![t]!) * (1 - shrinkage[g]![t]!) + 1e-9) : 0)));
  const sim = simulationOptions(resolved, agents, { replications, seed, maxAddedAgents: 0 });
  const result = options.run === undefined ? simulate(sim) : await options.run(sim);
  const hours = intervalMinutes / 60;
  return {
    replications,
    seed,
    groups: names.map((group, g) => {
      const required = [...(groups.required.get(group)?.values() ?? [])];
      return {
        group,
        skills: resolved.model.agentGroups[g]!.skills,
        requiredAgentHours: round(required.reduce((a, b) => a + b, 0) * hours, 2),
        peakRequired: Math.max(0, ...required),
        simulatedAgentHours: round(agents.reduce((s, row) => s + row[g]!, 0) * hours, 2),
      };
    }),
    contactTypes: resolved.model.contactTypes.map((c, j) => {
      const stats = result.period.contactTypes[j]!;
      const sl = serviceLevelOf(stats);
      const half = stats.serviceLevel.halfWidth;
      return {
        type: c.name,
        targetServiceLevel: c.targetServiceLevel,
        offered: round(resolved.offered.reduce((s, row) => s + row[j]!, 0), 2),
        serviceLevel: sl === null ? null : round(sl.mean, 6),
        halfWidth: half === null ? null : round(half, 6),
        lower: sl === null ? null : round(sl.lower, 6),
        upper: sl === null ? null : round(sl.upper, 6),
        missesTarget: sl !== null && sl.upper < c.targetServiceLevel,
        abandonRate: c.patienceSeconds === undefined || stats.abandonRate.mean === null ? null : round(stats.abandonRate.mean, 6),
      };
    }),
  };
}
