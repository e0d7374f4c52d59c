import { invalidArgument, requireOptions } from "../errors.js";
import { erlangA, erlangC } from "../queueing/index.js";
import type { SimulationOptions, SimulationResult } from "../simulation/types.js";
import { simulate } from "../simulation/simulate.js";
import { chatQueue } from "../staffing/chat.js";
import { defaultChannelType, type StaffingConfig } from "../staffing/plan.js";

/**
 * The plan against the simulator: every queue channel of a staffing plan or schedule simulated
 * over the month (queues carry over, handle times and arrivals random), its simulated service
 * level set beside the model's, and the intervals where the two disagree materially flagged.
 *
 * @module
 */

/** How one channel is modelled (from its staffing config). */
export interface PlanChannelModel {
  readonly channel: string;
  readonly type: "voice" | "chat";
  /** Mean exponential patience (Erlang A), or null (Erlang C: callers never abandon). */
  readonly patienceSeconds: number | null;
  readonly concurrency: number;
  readonly handleTimeFactorPerExtraChat: number;
  readonly targetAnswerSeconds: number;
}

/** One interval of one channel to simulate: its volume, AHT, agents on contacts and the model's SL. */
export interface PlanSimulationInput {
  readonly timestamp: string;
  readonly channel: string;
  readonly calls: number;
  readonly ahtSeconds: number;
  /** Agents available for contacts (after shrinkage). */
  readonly agents: number;
  /** The model's service level at those agents, or null (no calls). */
  readonly modelServiceLevel: number | null;
}

/** One interval of one channel, model against simulation. */
export interface PlanSimulatedInterval extends PlanSimulationInput {
  readonly simulatedServiceLevel: number | null;
  /** 95% half-width of the simulated service level over the replications. */
  readonly halfWidth: number | null;
  /** |model − simulated| exceeds the material gap (5 points) and 3 standard errors of the simulation. */
  readonly disagrees: boolean;
}

/** One channel over the month. */
export interface PlanSimulatedChannel {
  readonly channel: string;
  /** Calls-weighted model service level. */
  readonly modelServiceLevel: number | null;
  readonly simulatedServiceLevel: number | null;
  readonly halfWidth: number | null;
  readonly abandonRate: number | null;
  /** Intervals where model and simulation disagree materially. */
  readonly disagreeingIntervals: number;
  readonly intervals: number;
}

/** A plan (staffing or schedule) against the simulator. */
export interface PlanSimulationBasis {
  readonly channels: readonly PlanSimulatedChannel[];
  readonly intervals: readonly PlanSimulatedInterval[];
}

/** Options of {@link planSimulationOptions}. */
export interface PlanSimulationOptions {
  readonly models: readonly PlanChannelModel[];
  readonly inputs: readonly PlanSimulationInput[];
  readonly intervalMinutes: number;
  /** @defaultValue 20 */
  readonly replications?: number;
  /** @defaultValue 1 */
  readonly seed?: number;
}

/**
 * The {@link SimulationOptions} of a plan: one contact type and one agent group per channel,
 * volumes, AHT and agents per interval in timestamp order, exponential handle times, exponential
 * patience for Erlang A channels, the chat chain's concurrency and handle-time factor.
 *
 * @throws {WfmError} `invalid-argument` when options is not an object or models, inputs or intervalMinutes is missing
 * @example
 * ```ts
 * const { options } = planSimulationOptions({ models, inputs, intervalMinutes: 60 });
 * simulate(options).period.contactTypes[0].serviceLevel; //=> { mean, halfWidth, ... }
 * ```
 */
export function planSimulationOptions(o: PlanSimulationOptions): { readonly options: SimulationOptions; readonly timestamps: readonly string[] } {
  requireOptions("planSimulationOptions", o, ["models", "inputs", "intervalMinutes"]);
  const timestamps = [...new Set(o.inputs.map((i) => i.timestamp))].sort();
  const index = new Map(timestamps.map((t, i) => [t, i]));
  const I = timestamps.length;
  const intervalSeconds = o.intervalMinutes * 60;
  const models = o.models.filter((m) => o.inputs.some((i) => i.channel === m.channel));
  const contactTypes = models.map((m) => {
    const volumes = new Array<number>(I).fill(0);
    const aht = new Array<number>(I).fill(0);
    for (const input of o.inputs) {
      if (input.channel !== m.channel) continue;
      const i = index.get(input.timestamp)!;
      volumes[i] = input.calls;
      aht[i] = input.ahtSeconds;
    }
    const fallback = aht.find((a) => a > 0) ?? 300;
    const means = aht.map((a) => (a > 0 ? a : fallback));
    return {
      name: m.channel,
      volumes,
      handleTime: { kind: "exponential" as const, meanSeconds: fallback },
      handleTimeMeanByInterval: means,
      ...(m.patienceSeconds === null ? {} : { patience: { kind: "exponential" as const, meanSeconds: m.patienceSeconds } }),
      targetAnswerSeconds: m.targetAnswerSeconds,
    };
  });
  const agentGroups = models.map((m) => {
    const agents = new Array<number>(I).fill(0);
    for (const input of o.inputs) if (input.channel === m.channel) agents[index.get(input.timestamp)!] = Math.max(0, Math.floor(input.agents));
    return { name: m.channel, skills: [m.channel], agents, concurrency: m.concurrency, handleTimeFactorPerExtraChat: m.handleTimeFactorPerExtraChat };
  });
  return {
    timestamps,
    options: {
      intervalSeconds,
      intervalsPerDay: Math.max(1, Math.round(1440 / o.intervalMinutes)),
      contactTypes,
      agentGroups,
      replications: o.replications ?? 20,
      seed: o.seed ?? 1,
    },
  };
}

/** The service level gap that counts as a material disagreement (5 points). */
export const materialServiceLevelGap = 0.05;

/**
 * Sets a plan's model service levels beside a simulation of it (see {@link planSimulationOptions}):
 * per channel the calls-weighted model SL and the simulated SL with its 95% half-width, per
 * interval both and a flag where they disagree materially: the gap exceeds 5 points of service
 * level and 3 standard errors of the simulation (the referee tests' rule; with a month of
 * intervals a 95% interval alone would flag one interval in twenty by chance).
 *
 * @throws {WfmError} `invalid-argument` when options is not an object or models, inputs, intervalMinutes or result is missing
 * @example
 * ```ts
 * const basis = comparePlanWithSimulation({ models, inputs, intervalMinutes: 60, result: simulate(options) });
 * basis.channels[0]; //=> { channel: "voice", modelServiceLevel: 0.84, simulatedServiceLevel: 0.82, halfWidth: 0.004, ... }
 * ```
 */
export function comparePlanWithSimulation(o: PlanSimulationOptions & { readonly result: SimulationResult }): PlanSimulationBasis {
  requireOptions("comparePlanWithSimulation", o, ["models", "inputs", "intervalMinutes", "result"]);
  const { timestamps } = planSimulationOptions(o);
  const index = new Map(timestamps.map((t, i) => [t, i]));
  const models = o.models.filter((m) => o.inputs.some((i) => i.channel === m.channel));
  const typeIndex = new Map(models.map((m, t) => [m.channel, t]));
  const intervals: PlanSimulatedInterval[] = [];
  for (const input of o.inputs) {
    const t = typeIndex.get(input.channel);
    if (t === undefined) continue;
    const stats = o.result.intervals[index.get(input.timestamp)!]!.contactTypes[t]!;
    const sl = stats.serviceLevel;
    const simulated = input.calls > 0 ? sl.mean : null;
    const halfWidth = input.calls > 0 ? sl.halfWidth : null;
    // A quiet interval can give the same service level in every replication (all answered at
    // once): no spread measured, so the binomial worst case 0.5 / sqrt(contacts simulated) is the floor.
    const contacts = (stats.offered.mean ?? 0) * sl.replications;
    const standardError = input.calls > 0 ? Math.max(sl.standardError ?? 0, contacts > 0 ? 0.5 / Math.sqrt(contacts) : 0) : 0;
    const gap = simulated === null || input.modelServiceLevel === null ? 0 : Math.abs(simulated - input.modelServiceLevel);
    intervals.push({
      ...input,
      simulatedServiceLevel: simulated === null ? null : round6(simulated),
      halfWidth: halfWidth === null ? null : round6(halfWidth),
      disagrees: gap > materialServiceLevelGap && gap > 3 * standardError,
    });
  }
  const channels = models.map((m, t) => {
    const mine = intervals.filter((i) => i.channel === m.channel);
    let calls = 0;
    let weighted = 0;
    for (const i of mine) {
      if (i.modelServiceLevel === null) continue;
      calls += i.calls;
      weighted += i.calls * i.modelServiceLevel;
    }
    const period = o.result.period.contactTypes[t]!;
    return {
      channel: m.channel,
      modelServiceLevel: calls > 0 ? round6(weighted / calls) : null,
      simulatedServiceLevel: period.serviceLevel.mean === null ? null : round6(period.serviceLevel.mean),
      halfWidth: period.serviceLevel.halfWidth === null ? null : round6(period.serviceLevel.halfWidth),
      abandonRate: m.patienceSeconds === null || period.abandonRate.mean === null ? null : round6(period.abandonRate.mean),
      disagreeingIntervals: mine.filter((i) => i.disagrees).length,
      intervals: mine.length,
    };
  });
  return { channels, intervals };
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

/**
 * Simulates a plan and compares it with the model in one call (in this thread; the CLI passes
 * its own `run` to use worker threads).
 *
 * @throws {WfmError} `invalid-argument` when options is not an object or models, inputs or intervalMinutes is missing
 *   (a rejected promise), or the simulation's options are invalid (see `simulate`)
 * @example
 * ```ts
 * const basis = await simulatePlan({ models, inputs, intervalMinutes: 60, replications: 20 });
 * ```
 */
export async function simulatePlan(o: PlanSimulationOptions & { readonly run?: (options: SimulationOptions) => Promise<SimulationResult> }): Promise<PlanSimulationBasis> {
  requireOptions("simulatePlan", o, ["models", "inputs", "intervalMinutes"]);
  const { options } = planSimulationOptions(o);
  const result = o.run === undefined ? simulate(options) : await o.run(options);
  return comparePlanWithSimulation({ ...o, result });
}

/**
 * The service level a channel's model gives (Erlang A with patience, Erlang C without, the chat
 * chain for chat) at `agents` on contacts.
 *
 * @throws {WfmError} `invalid-argument` when `model` is not a channel model (type, patienceSeconds and
 *   targetAnswerSeconds given) or the second argument is not an object of calls, ahtSeconds, agents and intervalSeconds
 * @example
 * ```ts
 * modelServiceLevel({ channel: "voice", type: "voice", patienceSeconds: null, concurrency: 1, handleTimeFactorPerExtraChat: 0, targetAnswerSeconds: 20 },
 *   { calls: 100, ahtSeconds: 180, agents: 13, intervalSeconds: 1800 }); //=> 0.7955947884...
 * ```
 */
export function modelServiceLevel(model: PlanChannelModel, o: { calls: number; ahtSeconds: number; agents: number; intervalSeconds: number }): number | null {
  if (typeof model !== "object" || model === null) invalidArgument("modelServiceLevel", "model", "a channel model (see planChannelModels)", model);
  for (const field of ["type", "patienceSeconds", "targetAnswerSeconds"] as const) {
    if (model[field] === undefined) invalidArgument("modelServiceLevel", `model.${field}`, "given", undefined);
  }
  requireOptions("modelServiceLevel", o, ["calls", "ahtSeconds", "agents", "intervalSeconds"]);
  if (!(o.calls > 0) || !(o.ahtSeconds > 0)) return null;
  const common = { callsPerInterval: o.calls, intervalSeconds: o.intervalSeconds, ahtSeconds: o.ahtSeconds, agents: o.agents, targetAnswerSeconds: model.targetAnswerSeconds };
  if (model.type === "chat") return chatQueue({ ...common, concurrency: model.concurrency, handleTimeFactorPerExtraChat: model.handleTimeFactorPerExtraChat }).serviceLevel;
  if (model.patienceSeconds !== null) return erlangA({ ...common, patienceSeconds: model.patienceSeconds }).serviceLevel;
  return erlangC(common).serviceLevel;
}

/**
 * The simulation models of a staffing config's queue channels (voice and chat; deferred work is
 * not a queue and is left out), in the order given.
 *
 * @throws {WfmError} `invalid-argument` when `config` is not an object or `channels` is not an array
 * @example
 * ```ts
 * planChannelModels({ channels: { voice: { type: "voice", patienceSeconds: 90 } } }, ["voice"]);
 * //=> [{ channel: "voice", type: "voice", patienceSeconds: 90, concurrency: 1, handleTimeFactorPerExtraChat: 0, targetAnswerSeconds: 20 }]
 * ```
 */
export function planChannelModels(config: StaffingConfig, channels: readonly string[]): PlanChannelModel[] {
  if (typeof config !== "object" || config === null) invalidArgument("planChannelModels", "config", "a staffing config object", config);
  if (!Array.isArray(channels)) invalidArgument("planChannelModels", "channels", "an array of channel names", channels);
  const models: PlanChannelModel[] = [];
  for (const channel of channels) {
    const c = config.channels?.[channel];
    const type = c?.type ?? defaultChannelType(channel);
    if (type === "deferred") continue;
    const targetAnswerSeconds = c !== undefined && c.type !== "deferred" ? (c.targetAnswerSeconds ?? 20) : 20;
    if (type === "chat") {
      const chat = c?.type === "chat" ? c : undefined;
      models.push({ channel, type, patienceSeconds: null, concurrency: chat?.concurrency ?? 1, handleTimeFactorPerExtraChat: chat?.handleTimeFactorPerExtraChat ?? 0, targetAnswerSeconds });
    } else {
      const voice = c?.type === "voice" ? c : undefined;
      models.push({ channel, type: "voice", patienceSeconds: voice?.patienceSeconds ?? null, concurrency: 1, handleTimeFactorPerExtraChat: 0, targetAnswerSeconds });
    }
  }
  return models;
}
