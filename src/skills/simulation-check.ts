import { invalidArgument } from "../errors.js";
import { simulate } from "../simulation/simulate.js";
import type { SimulatedContactTypeStats, SimulationOptions, SimulationResult } from "../simulation/types.js";
import type { ResolvedSkillModel } from "./model.js";

/**
 * The bridge from a skill model and a staffing to the project's simulator (`src/simulation`):
 * contact types become simulated types with exponential handle times (and exponential patience
 * when given), tier-2 types get their inflow as Poisson volumes, agent groups keep their skills
 * in priority order, with overflow to non-primary groups after `routing.overflowAfterSeconds`.
 *
 * @module
 */

/** Checked simulation settings. */
export interface ResolvedSimulation {
  readonly replications: number;
  readonly seed: number;
  readonly maxAddedAgents: number;
}

/** Validates the simulation settings and fills in the defaults (20 replications, seed 1, 50 added agents). */
export function resolveSimulation(fn: string, settings: { replications?: number; seed?: number; maxAddedAgents?: number } | undefined): ResolvedSimulation {
  const replications = settings?.replications ?? 20;
  const seed = settings?.seed ?? 1;
  const maxAddedAgents = settings?.maxAddedAgents ?? 50;
  if (!(Number.isInteger(replications) && replications >= 2 && replications <= 10_000)) invalidArgument(fn, "simulation.replications", "a whole number from 2 to 10000", replications);
  if (!Number.isInteger(seed)) invalidArgument(fn, "simulation.seed", "a whole number", seed);
  if (!(Number.isInteger(maxAddedAgents) && maxAddedAgents >= 0)) invalidArgument(fn, "simulation.maxAddedAgents", "a whole number >= 0", maxAddedAgents);
  return { replications, seed, maxAddedAgents };
}

/**
 * The simulator's options for a staffing: `agents[t][g]` agents of group g in interval t. The run
 * starts with one interval of warm-up at the first interval's volumes and agents (a centre that
 * is already open), and every call of the same seed draws the same arrivals and handle times
 * (common random numbers), so two staffings are compared on the same contacts.
 */
export function simulationOptions(resolved: ResolvedSkillModel, agents: readonly (readonly number[])[], settings: ResolvedSimulation): SimulationOptions {
  const { model, offered } = resolved;
  const intervalSeconds = model.intervalMinutes * 60;
  const overflow = model.routing?.overflowAfterSeconds;
  return {
    intervalSeconds,
    contactTypes: model.contactTypes.map((c, j) => ({
      name: c.name,
      volumes: offered.map((row) => row[j]!),
      handleTime: { kind: "exponential" as const, meanSeconds: c.ahtSeconds },
      ...(c.ahtSecondsByInterval === undefined ? {} : { handleTimeMeanByInterval: c.ahtSecondsByInterval }),
      ...(c.patienceSeconds === undefined ? {} : { patience: { kind: "exponential" as const, meanSeconds: c.patienceSeconds } }),
      targetAnswerSeconds: c.targetAnswerSeconds,
    })),
    agentGroups: model.agentGroups.map((g, i) => ({
      name: g.name,
      skills: g.skills.map((name, k) => (k === 0 || overflow === undefined || overflow === 0 ? name : { contactType: name, afterWaitSeconds: overflow })),
      agents: agents.map((row) => row[i]!),
    })),
    replications: settings.replications,
    seed: settings.seed,
    warmupSeconds: intervalSeconds,
  };
}

/** Runs the simulator on a staffing (see {@link simulationOptions}). */
export function simulateStaffing(resolved: ResolvedSkillModel, agents: readonly (readonly number[])[], settings: ResolvedSimulation): SimulationResult {
  return simulate(simulationOptions(resolved, agents, settings));
}

/** The service level of a type in one slice as mean and 95% interval, clamped to [0, 1]. */
export function serviceLevelOf(stats: SimulatedContactTypeStats): { mean: number; lower: number; upper: number } | null {
  const sl = stats.serviceLevel;
  if (sl.mean === null) return null;
  const half = sl.halfWidth ?? 0;
  return { mean: sl.mean, lower: Math.max(0, sl.mean - half), upper: Math.min(1, sl.mean + half) };
}
