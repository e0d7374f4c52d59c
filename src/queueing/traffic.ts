import { invalidArgument } from "../errors.js";
import type { TrafficOptions } from "./types.js";

/** Traffic resolved from the options: A in Erlangs and the AHT in seconds (NaN when not given). */
export interface ResolvedTraffic {
  readonly trafficErlangs: number;
  readonly ahtSeconds: number;
}

/** Default answer-time threshold T (the industry's 80/20), seconds. */
export const defaultTargetAnswerSeconds = 20;

function isFiniteNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

/**
 * Validates and resolves the traffic options of a public function `fn`.
 *
 * @throws {WfmError} `invalid-argument` when `ahtSeconds`, `trafficErlangs`, `callsPerInterval` or `intervalSeconds` are not valid (the message says what each must be).
 */
export function resolveTraffic(fn: string, options: TrafficOptions, needAht: boolean): ResolvedTraffic {
  const { callsPerInterval, intervalSeconds, ahtSeconds, trafficErlangs } = options;
  if (ahtSeconds !== undefined && !(isFiniteNumber(ahtSeconds) && ahtSeconds > 0)) {
    invalidArgument(fn, "ahtSeconds", "a positive finite number", ahtSeconds);
  }
  if (trafficErlangs !== undefined) {
    if (callsPerInterval !== undefined || intervalSeconds !== undefined) {
      invalidArgument(fn, "trafficErlangs", "given alone, not together with callsPerInterval/intervalSeconds", trafficErlangs);
    }
    if (!(isFiniteNumber(trafficErlangs) && trafficErlangs >= 0)) {
      invalidArgument(fn, "trafficErlangs", "a non-negative finite number", trafficErlangs);
    }
    if (needAht && ahtSeconds === undefined) {
      invalidArgument(fn, "ahtSeconds", "a positive finite number (needed with trafficErlangs for serviceLevel and asaSeconds)", ahtSeconds);
    }
    return { trafficErlangs, ahtSeconds: ahtSeconds ?? Number.NaN };
  }
  if (!(isFiniteNumber(callsPerInterval) && callsPerInterval >= 0)) {
    invalidArgument(fn, "callsPerInterval", "a non-negative finite number (or give trafficErlangs)", callsPerInterval);
  }
  if (!(isFiniteNumber(intervalSeconds) && intervalSeconds > 0)) {
    invalidArgument(fn, "intervalSeconds", "a positive finite number", intervalSeconds);
  }
  if (ahtSeconds === undefined) invalidArgument(fn, "ahtSeconds", "a positive finite number", ahtSeconds);
  const a = (callsPerInterval * ahtSeconds) / intervalSeconds;
  if (!Number.isFinite(a)) invalidArgument(fn, "callsPerInterval", "small enough for a finite traffic", callsPerInterval);
  return { trafficErlangs: a, ahtSeconds };
}

/**
 * Validates a number of agents (a whole number >= 0).
 *
 * @throws {WfmError} `invalid-argument` when an option is not valid (the message names it and says what it must be).
 */
export function resolveAgents(fn: string, field: string, value: unknown): number {
  if (!(isFiniteNumber(value) && Number.isInteger(value) && value >= 0)) {
    invalidArgument(fn, field, "a whole number of at least 0", value);
  }
  return value;
}

/**
 * Validates the answer-time threshold T (default 20 s).
 *
 * @throws {WfmError} `invalid-argument` when `targetAnswerSeconds` is not valid (the message says what it must be).
 */
export function resolveAnswerSeconds(fn: string, value: unknown): number {
  if (value === undefined) return defaultTargetAnswerSeconds;
  if (!(isFiniteNumber(value) && value >= 0)) invalidArgument(fn, "targetAnswerSeconds", "a non-negative finite number", value);
  return value;
}

/**
 * Validates the mean patience (Erlang A).
 *
 * @throws {WfmError} `invalid-argument` when `patienceSeconds` is not valid (the message says what it must be).
 */
export function resolvePatience(fn: string, value: unknown): number {
  if (!(isFiniteNumber(value) && value > 0)) invalidArgument(fn, "patienceSeconds", "a positive finite number", value);
  return value;
}

/**
 * Validates an optional fraction in [0, 1] (or [lowest, 1] besides 0).
 *
 * @throws {WfmError} `invalid-argument` when an option is not valid (the message names it and says what it must be).
 */
export function resolveFraction(fn: string, field: string, value: unknown, options: { maxExclusive?: boolean } = {}): number | undefined {
  if (value === undefined) return undefined;
  const ok = isFiniteNumber(value) && value >= 0 && (options.maxExclusive ? value < 1 : value <= 1);
  if (!ok) invalidArgument(fn, field, options.maxExclusive ? "a fraction from 0 up to (not including) 1" : "a fraction from 0 to 1", value);
  return value;
}
