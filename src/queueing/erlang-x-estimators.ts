import { invalidArgument, requireOptions } from "../errors.js";

/**
 * Estimators that turn last month's KPIs into Erlang X inputs: the mean patience and the redial share.
 *
 * @module
 */

function count(fn: string, field: string, value: unknown): number {
  if (!(typeof value === "number" && Number.isFinite(value) && value >= 0)) invalidArgument(fn, field, "a non-negative finite number", value);
  return value;
}

/** Options of {@link estimatePatience}: counts and waits of one period (a month, or any set of intervals). */
export interface EstimatePatienceOptions {
  /** Callers who abandoned while waiting. */
  readonly abandoned: number;
  /** Callers answered. */
  readonly answered: number;
  /** Mean wait of answered callers (the ACD's ASA), seconds. */
  readonly asaSeconds: number;
  /** Mean time abandoners waited before hanging up, seconds. */
  readonly abandonedMeanWaitSeconds: number;
}

/** Result of {@link estimatePatience}. */
export type EstimatePatienceResult =
  | {
      readonly feasible: true;
      /** Mean patience 1 / theta-hat, seconds. */
      readonly patienceSeconds: number;
      /** Approximate standard error, patience / sqrt(abandoned) (Fisher information of the censored exponential). */
      readonly standardErrorSeconds: number;
      /** Total time callers spent waiting, seconds (the exposure). */
      readonly exposureSeconds: number;
    }
  | { readonly feasible: false; readonly patienceSeconds: null; readonly reason: string };

/**
 * Mean patience from abandonments and waits: the maximum-likelihood estimate of an exponential
 * patience from right-censored observations. Every caller who waited exposes its patience for its
 * wait: an abandoner's wait is its patience, an answered caller's wait is a lower bound on it.
 * With exponential patience the likelihood is theta^abandoned e^(-theta x total wait), so
 *
 *   patience-hat = total waiting time / abandoned = (answered x ASA + abandoned x mean time to abandon) / abandoned,
 *
 * which is also the Erlang A identity P(Ab) = E[wait] / patience (Mandelbaum & Zeltyn) read
 * backwards. Callers answered at once contribute a zero wait and are counted through ASA.
 *
 * @throws {WfmError} `invalid-argument` for a negative or non-finite input.
 * @example
 * ```ts
 * estimatePatience({ abandoned: 500, answered: 9500, asaSeconds: 25, abandonedMeanWaitSeconds: 60 }).patienceSeconds; //=> 535
 * estimatePatience({ abandoned: 0, answered: 100, asaSeconds: 10, abandonedMeanWaitSeconds: 0 }).feasible; //=> false
 * ```
 * @see Mandelbaum & Zeltyn, "Data-stories about (im)patient customers in tele-queues", Queueing
 * Systems 75 (2013) 115-146; Brown et al., JASA 100 (2005) 36-50, section 6.
 */
export function estimatePatience(options: EstimatePatienceOptions): EstimatePatienceResult {
  requireOptions("estimatePatience", options, ["abandoned", "answered", "asaSeconds", "abandonedMeanWaitSeconds"]);
  const fn = "estimatePatience";
  const abandoned = count(fn, "abandoned", options.abandoned);
  const answered = count(fn, "answered", options.answered);
  const asa = count(fn, "asaSeconds", options.asaSeconds);
  const abandonWait = count(fn, "abandonedMeanWaitSeconds", options.abandonedMeanWaitSeconds);
  const exposureSeconds = answered * asa + abandoned * abandonWait;
  if (abandoned === 0) {
    return { feasible: false, patienceSeconds: null, reason: "nobody abandoned: the data bound the mean patience from below only (use Erlang C, or a longer period)" };
  }
  if (exposureSeconds === 0) return { feasible: false, patienceSeconds: null, reason: "callers abandoned without waiting: the mean patience is not identifiable (check the waits)" };
  const patienceSeconds = exposureSeconds / abandoned;
  return { feasible: true, patienceSeconds, standardErrorSeconds: patienceSeconds / Math.sqrt(abandoned), exposureSeconds };
}

/** Options of {@link estimateRedialShare}: counts from a report with repeat-caller counts. */
export interface EstimateRedialShareOptions {
  /** Attempts that abandoned. */
  readonly abandoned: number;
  /**
   * Attempts that were blocked (busy tone).
   * @defaultValue 0
   */
  readonly blocked?: number;
  /** Attempts that were redials of an earlier blocked or abandoned attempt (repeat callers within the window). */
  readonly redials: number;
  /** All attempts offered (fresh + redials), to give the fresh calls; optional. */
  readonly offered?: number;
}

/** Result of {@link estimateRedialShare}. */
export interface EstimateRedialShareResult {
  /** r-hat = redials / (abandoned + blocked). */
  readonly redialShare: number;
  /** offered - redials (null when offered is not given). */
  readonly freshCalls: number | null;
}

/**
 * Redial share from repeat-caller counts: r-hat = redials / (abandoned + blocked), the share of
 * failed attempts followed by another attempt from the same number within the report's window
 * (the ratio of counts is the maximum-likelihood estimate of a Bernoulli redial decision).
 *
 * @throws {WfmError} `invalid-argument` when redials exceed the failed attempts (the counts contradict each other) or a count is negative.
 * @example
 * ```ts
 * estimateRedialShare({ abandoned: 400, blocked: 100, redials: 300, offered: 10300 }); //=> { redialShare: 0.6, freshCalls: 10000 }
 * ```
 * @see Koole, "Call Center Optimization" (2013) ch. 5; Aguir et al., OR Spectrum 26 (2004) 353-376.
 */
export function estimateRedialShare(options: EstimateRedialShareOptions): EstimateRedialShareResult {
  requireOptions("estimateRedialShare", options, ["abandoned", "redials"]);
  const fn = "estimateRedialShare";
  const abandoned = count(fn, "abandoned", options.abandoned);
  const blocked = count(fn, "blocked", options.blocked ?? 0);
  const redials = count(fn, "redials", options.redials);
  const failed = abandoned + blocked;
  if (redials > failed) invalidArgument(fn, "redials", `at most abandoned + blocked (${failed}): only failed attempts are redialled`, redials);
  let freshCalls: number | null = null;
  if (options.offered !== undefined) {
    const offered = count(fn, "offered", options.offered);
    if (offered < redials) invalidArgument(fn, "offered", `at least redials (${redials})`, offered);
    freshCalls = offered - redials;
  }
  return { redialShare: failed === 0 ? 0 : redials / failed, freshCalls };
}
