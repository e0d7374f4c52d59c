import { invalidArgument } from "../errors.js";
import type { ChatQueueOptions } from "./chat.js";
import { simulate } from "../simulation/simulate.js";
import type { SimulatedEstimate } from "../simulation/types.js";

/**
 * A seeded simulation of a chat queue with concurrency, to validate the birth-death model of
 * {@link chatQueue} (see `./chat.ts`): a special case of the contact-centre simulator
 * ({@link simulate}), one chat type served by one agent group of concurrency k.
 *
 * Chats arrive as a Poisson stream; a chat's solo handle time is exponential with mean h and it
 * progresses at speed 1 / (1 + f (j − 1)) while its agent holds j chats, so its completion rate
 * is that of the state-dependent mean h_j = h (1 + f (j − 1)), exactly the continuous-time Markov
 * chain of the model. Routing is one of:
 * - `"least-loaded"`: a new chat goes to the agent holding the fewest chats (longest at that load
 *   on a tie) and stays there; a freed slot takes the head of the FIFO queue. This is what chat
 *   routers do, and what the model approximates.
 * - `"balanced"`: a chat moves from the busiest agent whenever loads differ by two or more, which
 *   keeps the load even as the model assumes; the simulation then checks the model's arithmetic,
 *   up to sampling error.
 *
 * The measured arrivals are split into `batches` independent replications, each after a warm-up
 * of its share of `warmupArrivals`, so every figure carries a standard error.
 *
 * @module
 */

/** Options of {@link simulateChatQueue}. */
export interface ChatSimulationOptions extends ChatQueueOptions {
  /** Routing rule. @defaultValue "least-loaded" */
  readonly routing?: "least-loaded" | "balanced";
  /** Arrivals measured after the warm-up, > 0. @defaultValue 200000 */
  readonly arrivals?: number;
  /** Arrivals simulated before measuring, >= 0. @defaultValue 20000 */
  readonly warmupArrivals?: number;
  /** Batches for the standard errors, >= 2. @defaultValue 20 */
  readonly batches?: number;
  /** Seed of the pseudo-random generator (any 32-bit integer). @defaultValue 1 */
  readonly seed?: number;
}

/** One simulated figure with its standard error over the replications. */
export interface SimulatedFigure {
  readonly mean: number;
  readonly standardError: number;
}

/** Result of {@link simulateChatQueue}. */
export interface ChatSimulationResult {
  /** Share of chats answered within `targetAnswerSeconds`. */
  readonly serviceLevel: SimulatedFigure;
  /** Share of chats that waited for a slot. */
  readonly waitProbability: SimulatedFigure;
  /** Mean wait, seconds. */
  readonly asaSeconds: SimulatedFigure;
  /** Time-average share of slots in use. */
  readonly occupancy: SimulatedFigure;
}

/**
 * Simulates a chat queue (see the module comment) and returns its service level, wait
 * probability, ASA and slot occupancy with standard errors. Deterministic for a given seed.
 *
 * @throws {WfmError} `invalid-argument` for an input out of its domain or an unstable queue
 *
 * @example
 * ```ts
 * simulateChatQueue({ callsPerInterval: 60, intervalSeconds: 900, ahtSeconds: 600, agents: 22,
 *   concurrency: 3, handleTimeFactorPerExtraChat: 0.25, targetAnswerSeconds: 60, seed: 7 }).serviceLevel.mean;
 * //=> about 0.84 (the model gives 0.8397)
 * ```
 */
export function simulateChatQueue(options: ChatSimulationOptions): ChatSimulationResult {
  const fn = "simulateChatQueue";
  const {
    callsPerInterval,
    intervalSeconds,
    ahtSeconds,
    agents,
    concurrency = 1,
    handleTimeFactorPerExtraChat = 0,
    targetAnswerSeconds = 0,
    routing = "least-loaded",
    arrivals = 200_000,
    warmupArrivals = 20_000,
    batches = 20,
    seed = 1,
  } = options;
  if (!(Number.isFinite(callsPerInterval) && callsPerInterval > 0)) invalidArgument(fn, "callsPerInterval", "a positive finite number", callsPerInterval);
  if (!(Number.isFinite(intervalSeconds) && intervalSeconds > 0)) invalidArgument(fn, "intervalSeconds", "a positive finite number", intervalSeconds);
  if (!(Number.isFinite(ahtSeconds) && ahtSeconds > 0)) invalidArgument(fn, "ahtSeconds", "a positive finite number", ahtSeconds);
  if (!(Number.isInteger(agents) && agents >= 1)) invalidArgument(fn, "agents", "a whole number >= 1", agents);
  if (!(Number.isInteger(concurrency) && concurrency >= 1)) invalidArgument(fn, "concurrency", "a whole number >= 1", concurrency);
  if (!(Number.isFinite(handleTimeFactorPerExtraChat) && handleTimeFactorPerExtraChat >= 0)) {
    invalidArgument(fn, "handleTimeFactorPerExtraChat", "a finite number >= 0", handleTimeFactorPerExtraChat);
  }
  if (!(Number.isInteger(arrivals) && arrivals > 0)) invalidArgument(fn, "arrivals", "a positive whole number", arrivals);
  if (!(Number.isInteger(warmupArrivals) && warmupArrivals >= 0)) invalidArgument(fn, "warmupArrivals", "a whole number >= 0", warmupArrivals);
  if (!(Number.isInteger(batches) && batches >= 2 && batches <= arrivals)) invalidArgument(fn, "batches", "a whole number from 2 to arrivals", batches);
  const lambda = callsPerInterval / intervalSeconds;
  const fullRate = (agents * concurrency) / (ahtSeconds * (1 + handleTimeFactorPerExtraChat * (concurrency - 1)));
  if (lambda >= fullRate) invalidArgument(fn, "agents", `enough for a stable queue (more than ${((agents * lambda) / fullRate).toFixed(2)})`, agents);
  // Each replication: a warm-up of its share of `warmupArrivals`, then its share of `arrivals`.
  const perReplication = arrivals / batches;
  const horizonSeconds = perReplication / lambda;
  const result = simulate({
    intervalSeconds: horizonSeconds,
    intervalsPerDay: 1,
    contactTypes: [{ name: "chat", volumes: [perReplication], handleTime: { kind: "exponential", meanSeconds: ahtSeconds }, targetAnswerSeconds }],
    agentGroups: [{ name: "agents", skills: ["chat"], agents, concurrency, handleTimeFactorPerExtraChat, chatRouting: routing === "balanced" ? "balanced" : "least-loaded" }],
    replications: batches,
    seed,
    warmupSeconds: warmupArrivals / batches / lambda,
  });
  const chat = result.period.contactTypes[0]!;
  const figure = (e: SimulatedEstimate): SimulatedFigure => ({ mean: e.mean ?? 0, standardError: e.standardError ?? 0 });
  return {
    serviceLevel: figure(chat.serviceLevel),
    waitProbability: figure(chat.waitProbability),
    asaSeconds: figure(chat.asaSeconds),
    occupancy: figure(result.period.agentGroups[0]!.occupancy),
  };
}
