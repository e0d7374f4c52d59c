/**
 * The staff-rostering benchmark of Curtois & Qu (Employee Shift Scheduling Benchmark Data Sets,
 * "nrp" instances): shift types with lengths and forbidden successions, employees with
 * contracts, days off, weighted shift-on/off requests and a soft cover target. This module holds
 * the instance and roster types; the reader is `parseRosterBenchmark` (`src/io`), the MIP is
 * {@link solveRosterBenchmark}, the independent checker {@link evaluateRosterBenchmark}.
 *
 * Reference: T. Curtois, R. Qu, "Computational results on new staff scheduling benchmark
 * instances", technical report, ASAP group, University of Nottingham (2014).
 *
 * @module
 */

import { invalidArgument } from "../errors.js";

/** A shift type: its length and the types that may not be worked the next day. */
export interface BenchmarkShiftType {
  readonly id: string;
  readonly lengthMinutes: number;
  /** Shift types that may not follow this one on the next day. */
  readonly forbiddenNext: readonly string[];
}

/** An employee's contract. */
export interface BenchmarkEmployee {
  readonly id: string;
  /** Most shifts of each type over the horizon (0 forbids the type); a type not listed is unlimited. */
  readonly maxShifts: Readonly<Record<string, number>>;
  readonly maxTotalMinutes: number;
  readonly minTotalMinutes: number;
  /** Most working days in a row. */
  readonly maxConsecutiveShifts: number;
  /** Fewest working days in a row (runs touching the horizon's first or last day exempt). */
  readonly minConsecutiveShifts: number;
  /** Fewest days off in a row (runs touching the horizon's first or last day exempt). */
  readonly minConsecutiveDaysOff: number;
  /** Most weekends worked (Saturday or Sunday). */
  readonly maxWeekends: number;
}

/** A weighted request: the employee wants (on) or does not want (off) the shift that day. */
export interface BenchmarkRequest {
  readonly employee: string;
  readonly day: number;
  readonly shift: string;
  readonly weight: number;
}

/** The preferred number on a shift on a day and the cost of each person short or extra. */
export interface BenchmarkCover {
  readonly day: number;
  readonly shift: string;
  readonly requirement: number;
  readonly weightUnder: number;
  readonly weightOver: number;
}

/** A Curtois & Qu instance. Day 0 is a Monday. */
export interface RosterBenchmark {
  readonly horizonDays: number;
  readonly shifts: readonly BenchmarkShiftType[];
  readonly employees: readonly BenchmarkEmployee[];
  /** Days off per employee id. */
  readonly daysOff: Readonly<Record<string, readonly number[]>>;
  readonly shiftOnRequests: readonly BenchmarkRequest[];
  readonly shiftOffRequests: readonly BenchmarkRequest[];
  readonly cover: readonly BenchmarkCover[];
}

/** A roster: per employee id, the shift id worked each day or "" for a day off. */
export type BenchmarkRoster = Readonly<Record<string, readonly string[]>>;

/**
 * Throws `invalid-argument` naming `fn` unless `instance` looks like a parsed instance (the parser
 * validated the rest): the one guard of every function that takes an instance.
 *
 * @param fn - the calling function's name, for the message
 * @param instance - the value to check
 * @throws {WfmError} `invalid-argument` when it is not an instance
 * @example
 * ```ts
 * requireRosterBenchmark("solveRosterBenchmark", null); // throws "solveRosterBenchmark: instance must be a parsed Curtois & Qu instance ..."
 * ```
 */
export function requireRosterBenchmark(fn: string, instance: unknown): asserts instance is RosterBenchmark {
  const i = instance as Partial<RosterBenchmark> | null | undefined;
  if (i === null || typeof i !== "object" || !(i.horizonDays! > 0) || !Array.isArray(i.shifts) || !Array.isArray(i.employees) || !Array.isArray(i.cover) || !Array.isArray(i.shiftOnRequests) || !Array.isArray(i.shiftOffRequests) || typeof i.daysOff !== "object" || i.daysOff === null) {
    invalidArgument(fn, "instance", "a parsed Curtois & Qu instance (parseRosterBenchmark)", instance);
  }
}
