import { invalidArgument, requireObject } from "../errors.js";
import { simulate } from "../simulation/simulate.js";
import type { SimulatedContactTypeStats, SimulationOptions, SimulationResult } from "../simulation/types.js";
import type { ResolvedSkillModel } from "./model.js";

/**
 * The bridge from a skill model and a staffing to the project's simulator (`src/simulation`):
 * contact types become simulated types with exponential handle times (and exponential patience
 * when given), tier-2 types get their inflow as Poisson volumes, agent groups keep their skills
 * in priority order, with overflow to non-primary groups after `routing.overflowAfterSeconds`
 * and their own handle time per type (`ahtSecondsByType`: the simulator's
 * `handleTimeMeanSeconds`, the type's draw scaled for the serving group). Deferred types are the
 * simulator's `outbound` work (worked in idle time, oldest first) with the response window as T.
 *
 * @module
 */

/** Checked simulation settings. */
export interface ResolvedSimulation {
  readonly replications: number;
  readonly seed: number;
  readonly maxAddedAgents: number;
}

/**
 * Validates the simulation settings and fills in the defaults.
 *
 * @throws {WfmError} `invalid-argument` naming `simulation.replications`, `simulation.seed` or `simulation.maxAddedAgents`
 *
 * @example
 * ```ts
 * resolveSimulation("staffSkills", undefined); //=> { replications: 20, seed: 1, maxAddedAgents: 50 }
 * ```
 */
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
 *
 * @example
 * ```ts
 * simulationOptions(resolved, [[14]], { replications: 20, seed: 1, maxAddedAgents: 50 }).warmupSeconds; //=> 1800
 * ```
 */
export function simulationOptions(resolved: ResolvedSkillModel, agents: readonly (readonly number[])[], settings: ResolvedSimulation): SimulationOptions {
  requireObject("simulationOptions", "resolved", resolved, ["model", "intervalCount", "skills", "cost", "aht", "offered", "speed"]);
  requireObject("simulationOptions", "settings", settings, ["replications", "seed", "maxAddedAgents"]);
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
      // Deferred work: taken only by idle agents with no inbound contact of their skills waiting.
      ...(c.deferred === true ? { outbound: true } : {}),
      targetAnswerSeconds: c.targetAnswerSeconds,
    })),
    agentGroups: model.agentGroups.map((g, i) => ({
      name: g.name,
      skills: g.skills.map((name, k) => {
        const after = k === 0 || overflow === undefined || overflow === 0 ? 0 : overflow;
        const own = g.ahtSecondsByType?.[name];
        if (after === 0 && own === undefined) return name;
        return { contactType: name, ...(after === 0 ? {} : { afterWaitSeconds: after }), ...(own === undefined ? {} : { handleTimeMeanSeconds: own }) };
      }),
      agents: agents.map((row) => row[i]!),
      // Chat groups: the concurrency of their skills, with the chat model's even load.
      ...chatSettings(model.contactTypes.find((c) => c.name === g.skills[0])!),
    })),
    replications: settings.replications,
    seed: settings.seed,
    warmupSeconds: intervalSeconds,
  };
}

/** The simulator's concurrency settings of a group whose first skill is `type`. */
function chatSettings(type: { readonly concurrency?: number; readonly handleTimeFactorPerExtraChat?: number }) {
  if (type.concurrency === undefined) return {};
  return { concurrency: type.concurrency, chatRouting: "balanced" as const, ...(type.handleTimeFactorPerExtraChat === undefined ? {} : { handleTimeFactorPerExtraChat: type.handleTimeFactorPerExtraChat }) };
}

/**
 * Runs the simulator on a staffing (see {@link simulationOptions}); deterministic for a seed.
 *
 * @example
 * ```ts
 * const resolved = resolveSkillModel("x", { intervalMinutes: 30, contactTypes: [{ name: "a", volumes: [100],
 *   ahtSeconds: 180, targetServiceLevel: 0.8, targetAnswerSeconds: 20 }], agentGroups: [{ name: "A", skills: ["a"] }] });
 * simulateStaffing(resolved, [[14]], resolveSimulation("x", undefined)).intervals[0].contactTypes[0].serviceLevel.mean;
 * //=> about 0.89 (Erlang C: 0.8884)
 * ```
 */
export function simulateStaffing(resolved: ResolvedSkillModel, agents: readonly (readonly number[])[], settings: ResolvedSimulation): SimulationResult {
  requireObject("simulateStaffing", "resolved", resolved, ["model", "intervalCount", "skills", "cost", "aht", "offered", "speed"]);
  requireObject("simulateStaffing", "settings", settings, ["replications", "seed", "maxAddedAgents"]);
  return simulate(simulationOptions(resolved, agents, settings));
}

/**
 * The service level (SL_o: answered within T / offered) of a type in one slice as mean and 95%
 * interval (mean ± t(0.975, n − 1) s / √n), clamped to [0, 1]; null when no contact was offered.
 *
 * @example
 * ```ts
 * serviceLevelOf(result.period.contactTypes[0]); //=> { mean: 0.89, lower: 0.87, upper: 0.91 } (about)
 * ```
 */
export function serviceLevelOf(stats: SimulatedContactTypeStats): { mean: number; lower: number; upper: number } | null {
  const sl = stats.serviceLevel;
  if (sl.mean === null) return null;
  const half = sl.halfWidth ?? 0;
  return { mean: sl.mean, lower: Math.max(0, sl.mean - half), upper: Math.min(1, sl.mean + half) };
}
