/**
 * Shared option and result types of the queueing engine (Erlang B, C and A).
 *
 * Traffic is given either as `callsPerInterval` + `intervalSeconds` + `ahtSeconds`, or directly as
 * `trafficErlangs` (A = calls x AHT / interval length); with `trafficErlangs`, `ahtSeconds` is still
 * needed by Erlang C and Erlang A for the time-based metrics (service level, ASA).
 *
 * @module
 */

/** Queueing models: Erlang B (lost calls), Erlang C (M/M/N, infinite patience), Erlang A (M/M/N+M, exponential patience). */
export type QueueingModel = "erlang-b" | "erlang-c" | "erlang-a";

/**
 * How the offered traffic is given: either calls per interval with the interval length and the
 * average handle time, or the traffic in Erlangs directly.
 */
export interface TrafficOptions {
  /** Calls offered in one interval; a non-negative finite number. Give it with `intervalSeconds` and `ahtSeconds`. */
  readonly callsPerInterval?: number;
  /** Length of the interval, seconds; a positive finite number (1800 for a 30-minute interval). */
  readonly intervalSeconds?: number;
  /** Average handle time (talk + hold + after-call work), seconds; a positive finite number. */
  readonly ahtSeconds?: number;
  /** Offered traffic A in Erlangs, instead of `callsPerInterval`/`intervalSeconds`; a non-negative finite number. */
  readonly trafficErlangs?: number;
}

/**
 * Metrics of a queue at a given number of agents, common to the three models.
 * Ratios are fractions in [0, 1]; times are seconds.
 */
export interface QueueMetrics {
  /** Offered traffic A = calls x AHT / interval, Erlangs. */
  readonly trafficErlangs: number;
  /** Number of agents (lines for Erlang B) N. */
  readonly agents: number;
  /** The answer-time threshold T the service level refers to, seconds. */
  readonly targetAnswerSeconds: number;
  /** Probability that an arriving call has to wait (Erlang A: P(W > 0); Erlang B: 0, calls are lost instead). */
  readonly waitProbability: number;
  /**
   * Service level: share of offered calls answered within T.
   * Erlang C: 1 - C e^(-(N - A) T / AHT). Erlang A: answered within T / offered (abandoners count as
   * failures). Erlang B: 1 - B (answered at once / offered).
   */
  readonly serviceLevel: number;
  /** Average speed of answer (mean wait over all arrivals), seconds; `Infinity` for an unstable Erlang C queue. */
  readonly asaSeconds: number;
  /** Agent occupancy: carried traffic / N (Erlang C: A / N, capped at 1 when unstable). 0 when N = 0. */
  readonly occupancy: number;
  /** Mean number of calls waiting (Lq); `Infinity` for an unstable Erlang C queue. */
  readonly averageQueueLength: number;
  /** Whether the queue has a steady state (Erlang C needs N > A; Erlang A and B are always stable). */
  readonly stable: boolean;
}

/** Erlang B metrics: {@link QueueMetrics} plus the blocking probability and the carried occupancy. */
export interface ErlangBResult extends QueueMetrics {
  /** Blocking probability B(N, A): share of calls that find all lines busy and are lost. */
  readonly blockingProbability: number;
  /** Carried occupancy A (1 - B) / N (equal to `occupancy`). */
  readonly carriedOccupancy: number;
}

/** Erlang C metrics (see {@link QueueMetrics}). */
export type ErlangCResult = QueueMetrics;

/** Erlang A metrics: {@link QueueMetrics} plus abandonment and the second service-level definition. */
export interface ErlangAResult extends QueueMetrics {
  /** Mean patience of the exponential patience distribution, seconds. */
  readonly patienceSeconds: number;
  /** Share of offered calls that abandon. */
  readonly abandonProbability: number;
  /** (Answered within T + abandoned within T) / offered. */
  readonly serviceLevelAnsweredOrAbandonedWithin: number;
}

/** Metrics of any model: the model-specific fields are present for that model only. */
export interface AnyQueueMetrics extends QueueMetrics {
  /** Erlang B only. */
  readonly blockingProbability?: number;
  /** Erlang B only. */
  readonly carriedOccupancy?: number;
  /** Erlang A only. */
  readonly patienceSeconds?: number;
  /** Erlang A only. */
  readonly abandonProbability?: number;
  /** Erlang A only. */
  readonly serviceLevelAnsweredOrAbandonedWithin?: number;
}
