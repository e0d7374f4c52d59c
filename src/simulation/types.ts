/**
 * Option and result types of the discrete-event contact-centre simulator ({@link simulate}).
 *
 * Units are in the names (seconds, intervals); ratios are fractions in [0, 1]. Everything is
 * plain readonly data, so options and results cross worker boundaries by structured clone.
 *
 * @module
 */

/**
 * A distribution of durations, seconds (handle times, patience, redial delays).
 *
 * - `exponential`: mean m (coefficient of variation 1).
 * - `lognormal`: mean m and coefficient of variation c = sd / mean; the underlying normal has
 *   σ² = ln(1 + c²) and μ = ln m − σ² / 2.
 * - `gamma`: mean m and coefficient of variation c (shape 1 / c², scale m c²).
 * - `deterministic`: always `seconds`.
 * - `empirical`: one of `samplesSeconds` drawn uniformly (the empirical distribution of a sample).
 */
export type DurationDistribution =
  | { readonly kind: "exponential"; readonly meanSeconds: number }
  | { readonly kind: "lognormal"; readonly meanSeconds: number; readonly cv: number }
  | { readonly kind: "gamma"; readonly meanSeconds: number; readonly cv: number }
  | { readonly kind: "deterministic"; readonly seconds: number }
  | { readonly kind: "empirical"; readonly samplesSeconds: readonly number[] };

/** A patience distribution: a {@link DurationDistribution}, or `none` (callers never abandon). */
export type PatienceDistribution = DurationDistribution | { readonly kind: "none" };

/** Redials: a share of abandoning callers call again after a delay, as a new attempt of the same type. */
export interface RedialOptions {
  /** Probability that an abandoning caller calls again, in [0, 1]. */
  readonly probability: number;
  /** Delay from abandoning to the new attempt. */
  readonly delay: DurationDistribution;
}

/**
 * Call-back offer: when the expected wait of an arriving caller who must queue exceeds
 * `offerAboveExpectedWaitSeconds`, the caller is offered a call-back and accepts with
 * `acceptProbability`. An accepted call-back leaves the queue (it can no longer abandon) and
 * becomes deferred work promised within `deadlineSeconds` of the arrival: agents make call-backs
 * when no inbound contact of their skills is waiting, and ahead of every inbound contact once
 * `urgentBeforeDeadlineSeconds` or less remain before the deadline.
 *
 * Expected wait at arrival = (contacts of the type already queued + 1) × mean handle time /
 * agents on the floor serving the type (the usual ACD estimate).
 */
export interface CallbackOptions {
  /** Offer a call-back when the expected wait exceeds this, seconds, >= 0. */
  readonly offerAboveExpectedWaitSeconds: number;
  /** Share of offered callers who accept, in [0, 1]. */
  readonly acceptProbability: number;
  /** Promised time from the call's arrival to the call-back, seconds, > 0. */
  readonly deadlineSeconds: number;
  /**
   * Call-backs this close to their deadline are served before inbound contacts, seconds, >= 0;
   * `null`: never (call-backs only when no inbound contact waits, as `callbackQueue` assumes).
   * @defaultValue a quarter of `deadlineSeconds`
   */
  readonly urgentBeforeDeadlineSeconds?: number | null;
}

/** One contact type (a class of contacts: a queue, a channel, a VIP line, outbound work). */
export interface SimulationContactType {
  /** Unique name, referred to by the agent groups' skills. */
  readonly name: string;
  /**
   * Expected arrivals per interval (fractional allowed), one per interval of the horizon; every
   * type has the same number of intervals. Arrivals are a Poisson process whose rate is
   * constant within an interval (for `outbound` types: records released at the interval's start
   * rate, worked only under the blending rule).
   */
  readonly volumes: readonly number[];
  /** Handle time (talk + hold + after-contact work) of a contact handled alone. */
  readonly handleTime: DurationDistribution;
  /**
   * Mean handle time per interval, seconds (> 0), one per interval: a contact arriving in
   * interval i has its `handleTime` draw scaled by this / the distribution's mean, so the shape
   * (CV) stays and the mean follows the forecast's AHT. @defaultValue the distribution's mean throughout
   */
  readonly handleTimeMeanByInterval?: readonly number[];
  /** Patience: time a caller waits before abandoning. @defaultValue `{ kind: "none" }` */
  readonly patience?: PatienceDistribution;
  /** Answer-time threshold T of the service levels, seconds, >= 0. @defaultValue 20 */
  readonly targetAnswerSeconds?: number;
  /** Abandons within this wait are "short abandons", excluded by SL_x, seconds, >= 0. @defaultValue 5 */
  readonly shortAbandonSeconds?: number;
  /** Priority class: waiting contacts of a higher class are served first. @defaultValue 0 */
  readonly priority?: number;
  /** Redials after abandoning. @defaultValue none */
  readonly redial?: RedialOptions;
  /** Call-back offer. @defaultValue none */
  readonly callback?: CallbackOptions;
  /**
   * Outbound work: never routed on arrival; an agent takes it only while at least the group's
   * `outboundReserveAgents` other agents stay idle, and no inbound contact of its skills waits.
   * @defaultValue false
   */
  readonly outbound?: boolean;
  /**
   * Over-dispersion: coefficient of variation of a gamma-distributed factor (mean 1) drawn per
   * day and type, multiplying that day's volumes; 0 = plain Poisson arrivals. @defaultValue 0
   */
  readonly dailyVolumeCv?: number;
}

/** A skill of an agent group: a contact type, optionally only after it has waited a while (overflow). */
export type SimulationSkill =
  | string
  | {
      readonly contactType: string;
      /** The group takes this type only once the contact has waited this long, seconds, >= 0 (overflow). @defaultValue 0 */
      readonly afterWaitSeconds?: number;
      /**
       * Mean handle time when this group serves the type, seconds, > 0 (a slower junior group, a
       * faster specialist one): the contact's handle-time draw is scaled by this / the type's
       * distribution mean when an agent of the group takes it, so the shape (CV) and the
       * per-interval profile (`handleTimeMeanByInterval`) stay. @defaultValue the type's mean
       */
      readonly handleTimeMeanSeconds?: number;
    };

/** One agent group: agents with the same skills. */
export interface SimulationAgentGroup {
  /** Unique name. */
  readonly name: string;
  /** Contact types served, in the group's priority order (first = primary skill). */
  readonly skills: readonly SimulationSkill[];
  /**
   * Agents on the floor (available for contacts, breaks already taken out): one number for the
   * whole horizon, or one whole number per interval (e.g. a schedule's coverage). When the
   * headcount falls, busy agents finish their contact before leaving.
   */
  readonly agents: number | readonly number[];
  /** Contacts one agent holds at once (chat concurrency k), whole number >= 1. @defaultValue 1 */
  readonly concurrency?: number;
  /**
   * Extra handle time per extra concurrent contact, as a fraction f of the handle time: while an
   * agent holds j contacts, each progresses at speed 1 / (1 + f (j − 1)) (the project's chat
   * model, `chatQueue`). @defaultValue 0
   */
  readonly handleTimeFactorPerExtraChat?: number;
  /**
   * With concurrency: `least-loaded` sends a new contact to the agent holding the fewest (longest
   * idle on a tie) and never moves it; `balanced` also moves a contact from the busiest agent
   * whenever loads differ by two or more (the chat model's even-load assumption).
   * @defaultValue "least-loaded"
   */
  readonly chatRouting?: "least-loaded" | "balanced";
  /** Outbound work is taken only while at least this many other agents of the group stay idle. @defaultValue 0 */
  readonly outboundReserveAgents?: number;
}

/** Options of {@link simulate}. */
export interface SimulationOptions {
  /** Interval length, seconds, > 0. */
  readonly intervalSeconds: number;
  /** Intervals per day, for the per-day results. @defaultValue round(86400 / intervalSeconds) */
  readonly intervalsPerDay?: number;
  /** Contact types (at least one). */
  readonly contactTypes: readonly SimulationContactType[];
  /** Agent groups (at least one); every inbound type must be a skill of some group. */
  readonly agentGroups: readonly SimulationAgentGroup[];
  /** Independent replications, whole number >= 1. @defaultValue 10 */
  readonly replications?: number;
  /** Seed (any 32-bit integer); replication r uses streams derived from (seed, r). @defaultValue 1 */
  readonly seed?: number;
  /**
   * Simulated time before the first interval with the first interval's volumes and agents,
   * not recorded (steady-state studies), seconds, >= 0. @defaultValue 0
   */
  readonly warmupSeconds?: number;
}

/**
 * One simulated figure over the replications: the mean of the per-replication values, its
 * standard error s / √n and the 95% confidence half-width t(0.975, n − 1) s / √n.
 * `mean` is `null` when no replication could measure it (e.g. a service level with no contacts);
 * the spread is `null` with fewer than two measuring replications.
 */
export interface SimulatedEstimate {
  readonly mean: number | null;
  readonly standardError: number | null;
  readonly halfWidth: number | null;
  /** Replications that measured the figure. */
  readonly replications: number;
}

/**
 * Figures of one contact type over a slice of time (an interval, a day, the period). Contacts
 * are counted in the interval they arrived in, whenever they were answered (queues carry over).
 * Ratios are ratios of the replication's sums (as the KPI module computes them), then averaged
 * over the replications.
 */
export interface SimulatedContactTypeStats {
  readonly contactType: string;
  /** Arrivals, redials included (for outbound: records released). */
  readonly offered: SimulatedEstimate;
  /** Answered (handled) contacts. */
  readonly answered: SimulatedEstimate;
  /** Abandoned contacts. */
  readonly abandoned: SimulatedEstimate;
  /** Answered within T. */
  readonly answeredWithinTarget: SimulatedEstimate;
  /** Abandoned within the short-abandon threshold. */
  readonly shortAbandoned: SimulatedEstimate;
  /** Still waiting when the horizon ended. */
  readonly queuedAtEnd: SimulatedEstimate;
  /** Attempts that were redials of an abandoned contact (included in `offered`). */
  readonly redials: SimulatedEstimate;
  /** Callers who accepted a call-back (they leave the queue, neither answered nor abandoned). */
  readonly callbacksAccepted: SimulatedEstimate;
  /** Call-backs made (an agent started the call). */
  readonly callbacksMade: SimulatedEstimate;
  /** Call-backs made by their deadline. */
  readonly callbacksMadeInTime: SimulatedEstimate;
  /** SL_o = answered within T / offered (the headline definition). */
  readonly serviceLevel: SimulatedEstimate;
  /** SL_a = answered within T / answered. */
  readonly serviceLevelOfAnswered: SimulatedEstimate;
  /** SL_x = answered within T / (offered − short abandons). */
  readonly serviceLevelExcludingShortAbandons: SimulatedEstimate;
  /** abandoned / offered. */
  readonly abandonRate: SimulatedEstimate;
  /** Share of offered contacts that waited (answered after a wait, abandoned, or a call-back). */
  readonly waitProbability: SimulatedEstimate;
  /** ASA = total wait of answered contacts / answered, seconds (the KPI definition). */
  readonly asaSeconds: SimulatedEstimate;
  /** Mean wait over all offered contacts, abandoners' time in queue included, seconds (Erlang A's ASA). */
  readonly meanWaitSeconds: SimulatedEstimate;
  /** Mean handle time of answered contacts, seconds. */
  readonly ahtSeconds: SimulatedEstimate;
  /** callbacks made in time / call-backs made. */
  readonly callbacksInTimeShare: SimulatedEstimate;
}

/** Figures of one agent group over a slice of time. */
export interface SimulatedAgentGroupStats {
  readonly group: string;
  /** Agent time on the floor, hours. */
  readonly staffedHours: SimulatedEstimate;
  /** Agent time holding at least one contact, hours. */
  readonly busyHours: SimulatedEstimate;
  /** Occupancy = contact-slot time in use / (staffed time × concurrency). */
  readonly occupancy: SimulatedEstimate;
  /** Outbound contacts started. */
  readonly outboundHandled: SimulatedEstimate;
}

/** The figures of one slice of time. */
export interface SimulatedSlice {
  /** One entry per contact type, in the options' order. */
  readonly contactTypes: readonly SimulatedContactTypeStats[];
  /** One entry per agent group, in the options' order. */
  readonly agentGroups: readonly SimulatedAgentGroupStats[];
}

/** Result of {@link simulate}. */
export interface SimulationResult {
  readonly replications: number;
  readonly seed: number;
  readonly intervalSeconds: number;
  readonly intervalsPerDay: number;
  /** Contacts simulated over all replications (arrivals, redials and warm-up included). */
  readonly contactsSimulated: number;
  /** One slice per interval. */
  readonly intervals: readonly SimulatedSlice[];
  /** One slice per day (the last may be partial). */
  readonly days: readonly SimulatedSlice[];
  /** The whole horizon. */
  readonly period: SimulatedSlice;
}

/**
 * The raw, mergeable sums of a batch of replications ({@link simulateBatch}): for every figure,
 * the count, sum and sum of squares of the per-replication values. Batches of disjoint
 * replications merge into one result ({@link summarizeSimulation}); plain typed arrays, so a
 * batch crosses a worker boundary by structured clone.
 */
export interface SimulationBatch {
  readonly firstReplication: number;
  readonly replications: number;
  readonly contactsSimulated: number;
  /** Per-replication-value counts, sums and sums of squares, laid out by the engine. */
  readonly n: Float64Array;
  readonly sum: Float64Array;
  readonly sumSquares: Float64Array;
}
