import { requireOptions } from "../errors.js";
import { comparePlanWithSimulation, planSimulationOptions, type PlanChannelModel, type PlanSimulationInput } from "../plan/plan-simulation.js";
import { simulate } from "../simulation/simulate.js";
import type { ChannelQueueModel } from "./model.js";

/**
 * The simulator's view of the month: the actual inputs (offered contacts, AHT, staffed agents per
 * interval, the fitted patience) simulated, its service level set beside the model's at the same
 * inputs and the achieved.
 *
 * @module
 */

/** One interval of one channel as it happened. */
export interface ReviewSimulationInterval {
  readonly localMs: number;
  readonly channel: string;
  readonly offered: number;
  readonly ahtSeconds: number;
  /** Agents on contacts (staffed time / interval), rounded to whole agents for the simulator. */
  readonly agents: number;
  /** The model's service level at these inputs (whole agents, the same patience), or null (no contacts). */
  readonly modelServiceLevel: number | null;
  readonly abandoned: number;
  readonly answeredWithinTarget: number;
}

/** One channel of the month: model, simulation and achieved, all fractions. */
export interface ReviewSimulationChannel {
  readonly channel: string;
  /** Mean patience simulated (the fitted one, else the plan's), seconds; null = no abandons (Erlang C / chat). */
  readonly patienceSeconds: number | null;
  /** The model at the actual inputs, offered-weighted. */
  readonly modelServiceLevel: number | null;
  /** The simulator's month service level (mean over replications) and its 95% half-width. */
  readonly simulatedServiceLevel: number | null;
  readonly halfWidth: number | null;
  /** Answered within T / offered. */
  readonly achievedServiceLevel: number | null;
  readonly simulatedAbandonRate: number | null;
  readonly achievedAbandonRate: number | null;
  /** Offered-weighted mean of achieved − simulated SL per interval; null without achieved SL. */
  readonly simulationError: number | null;
  /** Intervals where model and simulation disagree materially (> 5 points and > 3 standard errors). */
  readonly disagreeingIntervals: number;
  readonly intervals: number;
}

/** The simulator's view of the month (review.json `simulation`). */
export interface ReviewSimulation {
  readonly replications: number;
  readonly seed: number;
  /** Contacts simulated over all replications. */
  readonly contactsSimulated: number;
  readonly channels: readonly ReviewSimulationChannel[];
}

/** Options of {@link simulateReview}. */
export interface SimulateReviewOptions {
  readonly models: readonly ChannelQueueModel[];
  /** Patience to simulate per channel (fitted), seconds; missing = the model's. */
  readonly patienceSecondsOf?: ReadonlyMap<string, number | null>;
  readonly intervals: readonly ReviewSimulationInterval[];
  readonly intervalMinutes: number;
  /** Whether the report measured answered-within-target and abandoned. */
  readonly measured: { readonly within: boolean; readonly abandoned: boolean };
  /** @defaultValue 10 */
  readonly replications?: number;
  /** @defaultValue 1 */
  readonly seed?: number;
}

/**
 * Simulates the month as it happened (discrete events: Poisson arrivals at each interval's offered
 * count, exponential handle times at its actual AHT, its staffed agents, exponential patience;
 * queues carry over from interval to interval) and compares it with the model and the achieved.
 * Intervals are simulated back to back in time order (a closed night is skipped, not simulated).
 *
 * Half-width = 1.96 × standard deviation of the replications' month SL / √replications (Student t
 * for few replications, as `simulate` reports it).
 *
 * @throws {WfmError} `invalid-argument` when options is not an object or models, intervals,
 *   intervalMinutes or measured is missing; from `simulate` on invalid inputs (negative counts)
 *
 * @example
 * ```ts
 * simulateReview({ models, intervals, intervalMinutes: 60, measured: { within: true, abandoned: true }, replications: 10 }).channels[0];
 * //=> { channel: "voice", modelServiceLevel: 0.81, simulatedServiceLevel: 0.80, halfWidth: 0.004, achievedServiceLevel: 0.79, ... }
 * ```
 * @see Law, "Simulation Modeling and Analysis" (5th ed., 2015), ch. 9 (replication/deletion, confidence intervals)
 */
export function simulateReview(o: SimulateReviewOptions): ReviewSimulation {
  requireOptions("simulateReview", o, ["models", "intervals", "intervalMinutes", "measured"]);
  const replications = o.replications ?? 10;
  const seed = o.seed ?? 1;
  const models: PlanChannelModel[] = o.models
    .filter((m) => m.model !== "deferred")
    .map((m) => ({
      channel: m.channel,
      type: m.type === "chat" ? "chat" : "voice",
      patienceSeconds: m.type === "chat" ? null : (o.patienceSecondsOf?.get(m.channel) ?? m.patienceSeconds),
      concurrency: m.concurrency,
      handleTimeFactorPerExtraChat: m.handleTimeFactorPerExtraChat,
      targetAnswerSeconds: m.targetAnswerSeconds ?? 20,
    }));
  const stamp = (ms: number) => String(ms).padStart(16, "0");
  const inputs: PlanSimulationInput[] = o.intervals.map((i) => ({ timestamp: stamp(i.localMs), channel: i.channel, calls: i.offered, ahtSeconds: i.ahtSeconds, agents: i.agents, modelServiceLevel: i.modelServiceLevel }));
  const { options } = planSimulationOptions({ models, inputs, intervalMinutes: o.intervalMinutes, replications, seed });
  const result = simulate(options);
  const basis = comparePlanWithSimulation({ models, inputs, intervalMinutes: o.intervalMinutes, replications, seed, result });
  const simulatedOf = new Map(basis.intervals.map((i) => [`${i.timestamp}\u0000${i.channel}`, i.simulatedServiceLevel]));
  const channels = basis.channels.map((b): ReviewSimulationChannel => {
    const mine = o.intervals.filter((i) => i.channel === b.channel);
    let offered = 0;
    let within = 0;
    let abandoned = 0;
    let errorSum = 0;
    let errorWeight = 0;
    for (const i of mine) {
      offered += i.offered;
      within += i.answeredWithinTarget;
      abandoned += i.abandoned;
      const sim = simulatedOf.get(`${stamp(i.localMs)}\u0000${i.channel}`) ?? null;
      if (o.measured.within && sim !== null && i.offered > 0) {
        errorSum += i.answeredWithinTarget - i.offered * sim;
        errorWeight += i.offered;
      }
    }
    const model = models.find((m) => m.channel === b.channel)!;
    return {
      channel: b.channel,
      patienceSeconds: model.patienceSeconds,
      modelServiceLevel: b.modelServiceLevel,
      simulatedServiceLevel: b.simulatedServiceLevel,
      halfWidth: b.halfWidth,
      achievedServiceLevel: o.measured.within && offered > 0 ? within / offered : null,
      simulatedAbandonRate: b.abandonRate,
      achievedAbandonRate: o.measured.abandoned && offered > 0 ? abandoned / offered : null,
      simulationError: errorWeight > 0 ? errorSum / errorWeight : null,
      disagreeingIntervals: b.disagreeingIntervals,
      intervals: b.intervals,
    };
  });
  return { replications, seed, contactsSimulated: result.contactsSimulated, channels };
}
