import type { Highs } from "highs";
import { invalidArgument, requireOptions } from "../errors.js";
import { loadHighsRuntime } from "../schedule/solve.js";
import { teamDesignGroups, teamDesigns, type TeamDesign } from "./designs.js";
import type { AgentGroup, ContactType, SkillRouting } from "./model.js";
import { staffSkills, type SimulationSettings, type SkillStaffing, type TypeServiceLevel } from "./staff-skills.js";

/**
 * Team design comparison: the same contact types staffed as dedicated teams, one pooled team,
 * and partially cross-trained teams (and the centre's own groups), each by {@link staffSkills}
 * with its simulation check, side by side: agents, FTE, cost, and the simulated service level
 * of every type with its confidence interval. This is the number a manager takes to a
 * reorganisation meeting: what cross-training saves, and what it does to each queue.
 *
 * @module
 */

/** Whole days the horizon covers (a day of opening hours, 07:00-22:00, is one day). */
function horizonDays(intervalCount: number, intervalMinutes: number): number {
  return Math.ceil((intervalCount * intervalMinutes) / 1440 - 1e-9);
}

/** Options of {@link compareTeamDesigns}. */
export interface CompareTeamDesignsOptions {
  /** Interval length, minutes. */
  readonly intervalMinutes: number;
  readonly contactTypes: readonly ContactType[];
  /** The centre's own groups, compared as the design `"current"`. @defaultValue none */
  readonly agentGroups?: readonly AgentGroup[];
  /** @defaultValue {} */
  readonly routing?: SkillRouting;
  /** Designs to compare, in order. @defaultValue dedicated, pooled, cross-trained (then current when `agentGroups` is given) */
  readonly designs?: readonly (TeamDesign | "current")[];
  /** Cost of a single-skill agent-hour, > 0. @defaultValue 1 */
  readonly costPerHour?: number;
  /** Extra cost per extra skill, fraction of `costPerHour`, >= 0. @defaultValue 0 */
  readonly crossTrainingPremium?: number;
  /** Share of agents with two skills in the cross-trained design, in (0, 1). @defaultValue 0.2 */
  readonly crossTrainedShare?: number;
  /** Paid hours of one full-time agent in a month, > 0. @defaultValue 160 */
  readonly hoursPerFtePerMonth?: number;
  /** Share of paid time not available for contacts, in [0, 1). @defaultValue 0 */
  readonly shrinkage?: number;
  /** Simulation settings of every design's check. */
  readonly simulation?: SimulationSettings;
  /** A loaded HiGHS runtime. */
  readonly highs?: Highs;
}

/** One design's result. */
export interface TeamDesignResult {
  readonly design: TeamDesign | "current";
  readonly agentGroups: readonly AgentGroup[];
  readonly staffing: SkillStaffing;
  /** Σ agent-hours on the floor over the horizon. */
  readonly agentHours: number;
  /** Most agents on the floor in one interval (all groups). */
  readonly peakAgents: number;
  /** Paid FTE: agentHours / (1 − shrinkage) / FTE hours of the horizon. */
  readonly fte: number;
  /** Σ_g agent-hours × cost per hour. */
  readonly cost: number;
  /** Agents with two or more skills, as a share of agent-hours. */
  readonly crossTrainedShare: number;
  /** Simulated service level of every type over the horizon (weighted by contacts), with its confidence interval. */
  readonly serviceLevels: readonly TypeServiceLevel[];
}

/** Result of {@link compareTeamDesigns}. */
export interface TeamDesignComparison {
  readonly intervalMinutes: number;
  readonly intervalCount: number;
  /** FTE hours of one full-time agent over the horizon: hoursPerFtePerMonth × 12 / 365.25 × days (whole days covered). */
  readonly hoursPerFte: number;
  readonly designs: readonly TeamDesignResult[];
}

/**
 * Compares team designs for the same contact types (see the module comment). Each design is
 * staffed by {@link staffSkills} (skill-transfer program, then the simulation check adding agents
 * where a type misses its target); every design is simulated with the same seed (common random
 * numbers), so differences between designs are not sampling noise.
 *
 * FTE = agent-hours / (1 − shrinkage) / (hoursPerFtePerMonth × 12 / 365.25 × days), with the
 * whole days the horizon covers (one day of opening hours counts as one day): the agents to
 * employ if every day looked like the horizon.
 *
 * @throws {WfmError} as {@link staffSkills}; `invalid-argument` for a bad cost, share, shrinkage
 *   or design name
 *
 * @example
 * ```ts
 * const r = await compareTeamDesigns({ intervalMinutes: 15, contactTypes: [
 *   { name: "billing", volumes: [200], ahtSeconds: 240, targetServiceLevel: 0.8, targetAnswerSeconds: 20 },
 *   { name: "tech", volumes: [150], ahtSeconds: 360, targetServiceLevel: 0.8, targetAnswerSeconds: 20 }] });
 * r.designs.map((d) => [d.design, d.peakAgents]); //=> [["dedicated", 127], ["pooled", 120], ["cross-trained", 120]]
 * ```
 */
export async function compareTeamDesigns(options: CompareTeamDesignsOptions): Promise<TeamDesignComparison> {
  requireOptions("compareTeamDesigns", options, ["intervalMinutes", "contactTypes"]);
  const fn = "compareTeamDesigns";
  const { intervalMinutes, contactTypes } = options;
  const share = options.crossTrainedShare ?? 0.2;
  const shrinkage = options.shrinkage ?? 0;
  const hoursPerFtePerMonth = options.hoursPerFtePerMonth ?? 160;
  if (!(Number.isFinite(share) && share > 0 && share < 1)) invalidArgument(fn, "crossTrainedShare", "a fraction in (0, 1)", share);
  if (!(Number.isFinite(shrinkage) && shrinkage >= 0 && shrinkage < 1)) invalidArgument(fn, "shrinkage", "a fraction in [0, 1)", shrinkage);
  if (!(Number.isFinite(hoursPerFtePerMonth) && hoursPerFtePerMonth > 0)) invalidArgument(fn, "hoursPerFtePerMonth", "a positive finite number", hoursPerFtePerMonth);
  const designs = options.designs ?? [...teamDesigns, ...(options.agentGroups === undefined ? [] : (["current"] as const))];
  designs.forEach((d, i) => {
    if (d === "current" ? options.agentGroups === undefined : !teamDesigns.includes(d)) {
      invalidArgument(fn, `designs[${i}]`, `one of ${[...teamDesigns, ...(options.agentGroups === undefined ? [] : ["current"])].join(", ")}`, d);
    }
  });
  const highs = options.highs ?? (await loadHighsRuntime());
  const results: TeamDesignResult[] = [];
  let intervalCount = 0;
  for (const design of designs) {
    const agentGroups =
      design === "current"
        ? options.agentGroups!
        : teamDesignGroups({
            design,
            contactTypes,
            ...(options.costPerHour === undefined ? {} : { costPerHour: options.costPerHour }),
            ...(options.crossTrainingPremium === undefined ? {} : { crossTrainingPremium: options.crossTrainingPremium }),
          });
    const crossTrained = design === "cross-trained" && agentGroups.some((g) => g.skills.length >= 2);
    const staffing = await staffSkills({
      intervalMinutes,
      contactTypes,
      agentGroups,
      ...(options.routing === undefined ? {} : { routing: options.routing }),
      ...(crossTrained ? { minimumCrossTrainedShare: share } : {}),
      ...(options.simulation === undefined ? {} : { simulation: options.simulation }),
      highs,
    });
    intervalCount = staffing.intervals.length;
    const hours = intervalMinutes / 60;
    let multiHours = 0;
    let peakAgents = 0;
    for (const row of staffing.intervals) {
      let total = 0;
      row.agents.forEach((x, g) => {
        total += x;
        if (agentGroups[g]!.skills.length >= 2) multiHours += x * hours;
      });
      peakAgents = Math.max(peakAgents, total);
    }
    const days = horizonDays(intervalCount, intervalMinutes);
    const hoursPerFte = (hoursPerFtePerMonth * 12 * days) / 365.25;
    results.push({
      design,
      agentGroups,
      staffing,
      agentHours: staffing.agentHours,
      peakAgents,
      fte: hoursPerFte > 0 ? staffing.agentHours / (1 - shrinkage) / hoursPerFte : 0,
      cost: staffing.cost,
      crossTrainedShare: staffing.agentHours > 0 ? multiHours / staffing.agentHours : 0,
      serviceLevels: staffing.serviceLevels,
    });
  }
  const days = horizonDays(intervalCount, intervalMinutes);
  return { intervalMinutes, intervalCount, hoursPerFte: (hoursPerFtePerMonth * 12 * days) / 365.25, designs: results };
}
