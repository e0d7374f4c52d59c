import { WfmError, invalidArgument } from "../errors.js";
import * as E from "./engine.js";
import { compileModel, type CompiledModel } from "./model.js";
import { addValue, estimate } from "./statistics.js";
import type {
  SimulatedAgentGroupStats,
  SimulatedContactTypeStats,
  SimulatedSlice,
  SimulationBatch,
  SimulationOptions,
  SimulationResult,
} from "./types.js";

/** Figures per contact type, in the order of {@link SimulatedContactTypeStats}. */
const typeFigures = [
  "offered",
  "answered",
  "abandoned",
  "answeredWithinTarget",
  "shortAbandoned",
  "queuedAtEnd",
  "redials",
  "callbacksAccepted",
  "callbacksMade",
  "callbacksMadeInTime",
  "serviceLevel",
  "serviceLevelOfAnswered",
  "serviceLevelExcludingShortAbandons",
  "abandonRate",
  "waitProbability",
  "asaSeconds",
  "meanWaitSeconds",
  "ahtSeconds",
  "callbacksInTimeShare",
] as const;
/** Figures per agent group, in the order of {@link SimulatedAgentGroupStats}. */
const groupFigures = ["staffedHours", "busyHours", "occupancy", "outboundHandled"] as const;
const FT = typeFigures.length;
const FG = groupFigures.length;

const ratio = (num: number, den: number) => (den > 0 ? num / den : NaN);

/** Per-replication values of the type figures from its counters at `base` (internal). */
function typeValues(x: Float64Array, base: number, out: Float64Array): void {
  const offered = x[base + E.C_OFFERED]!;
  const answered = x[base + E.C_ANSWERED]!;
  const within = x[base + E.C_WITHIN]!;
  const short = x[base + E.C_SHORT]!;
  out[0] = offered;
  out[1] = answered;
  out[2] = x[base + E.C_ABANDONED]!;
  out[3] = within;
  out[4] = short;
  out[5] = x[base + E.C_QUEUED_END]!;
  out[6] = x[base + E.C_REDIALS]!;
  out[7] = x[base + E.C_CB_ACCEPTED]!;
  out[8] = x[base + E.C_CB_MADE]!;
  out[9] = x[base + E.C_CB_IN_TIME]!;
  out[10] = ratio(within, offered);
  out[11] = ratio(within, answered);
  out[12] = ratio(within, offered - short);
  out[13] = ratio(x[base + E.C_ABANDONED]!, offered);
  out[14] = ratio(x[base + E.C_WAITED]!, offered);
  out[15] = ratio(x[base + E.C_WAIT_ANSWERED]!, answered);
  out[16] = ratio(x[base + E.C_WAIT_ALL]!, offered);
  out[17] = ratio(x[base + E.C_HANDLE]!, x[base + E.C_COMPLETED]!);
  out[18] = ratio(x[base + E.C_CB_IN_TIME]!, x[base + E.C_CB_MADE]!);
}

function groupValues(x: Float64Array, base: number, out: Float64Array): void {
  out[0] = x[base + E.G_STAFFED]! / 3600;
  out[1] = x[base + E.G_BUSY]! / 3600;
  out[2] = ratio(x[base + E.G_SLOTS]!, x[base + E.G_SLOTS_STAFFED]!);
  out[3] = x[base + E.G_OUTBOUND]!;
}

/** Layout of the batch arrays: one block per slice (intervals, then days, then the period). */
function sliceWidth(m: CompiledModel): number {
  return m.typeNames.length * FT + m.groupNames.length * FG;
}

function sliceCount(m: CompiledModel): number {
  return m.intervals + m.days + 1;
}

/** Runs replications [first, first + count) of a compiled model (internal). */
function runBatch(m: CompiledModel, firstReplication: number, replications: number): SimulationBatch {
  const T = m.typeNames.length;
  const G = m.groupNames.length;
  const I = m.intervals;
  const width = sliceWidth(m);
  const size = sliceCount(m) * width;
  const n = new Float64Array(size);
  const sum = new Float64Array(size);
  const sumSquares = new Float64Array(size);
  const engine = new E.Engine(m);
  const dayTypes = new Float64Array((m.days + 1) * T * E.TYPE_COUNTERS);
  const dayGroups = new Float64Array((m.days + 1) * G * E.GROUP_COUNTERS);
  const values = new Float64Array(Math.max(FT, FG));
  let contactsSimulated = 0;
  const record = (counts: Float64Array, countsBase: number, slice: number, offset: number, figures: number, fill: (x: Float64Array, b: number, o: Float64Array) => void) => {
    fill(counts, countsBase, values);
    const base = slice * width + offset;
    for (let f = 0; f < figures; f++) addValue(n, sum, sumSquares, base + f, values[f]!);
  };
  for (let r = firstReplication; r < firstReplication + replications; r++) {
    engine.run(r);
    contactsSimulated += engine.contacts;
    const tc = engine.typeCounts;
    const gc = engine.groupCounts;
    dayTypes.fill(0);
    dayGroups.fill(0);
    for (let i = 0; i < I; i++) {
      const d = Math.floor(i / m.intervalsPerDay);
      for (let t = 0; t < T; t++) {
        const src = (i * T + t) * E.TYPE_COUNTERS;
        for (let c = 0; c < E.TYPE_COUNTERS; c++) {
          const v = tc[src + c]!;
          dayTypes[(d * T + t) * E.TYPE_COUNTERS + c]! += v;
          dayTypes[(m.days * T + t) * E.TYPE_COUNTERS + c]! += v;
        }
        record(tc, src, i, t * FT, FT, typeValues);
      }
      for (let g = 0; g < G; g++) {
        const src = (i * G + g) * E.GROUP_COUNTERS;
        for (let c = 0; c < E.GROUP_COUNTERS; c++) {
          const v = gc[src + c]!;
          dayGroups[(d * G + g) * E.GROUP_COUNTERS + c]! += v;
          dayGroups[(m.days * G + g) * E.GROUP_COUNTERS + c]! += v;
        }
        record(gc, src, i, T * FT + g * FG, FG, groupValues);
      }
    }
    for (let d = 0; d <= m.days; d++) {
      for (let t = 0; t < T; t++) record(dayTypes, (d * T + t) * E.TYPE_COUNTERS, I + d, t * FT, FT, typeValues);
      for (let g = 0; g < G; g++) record(dayGroups, (d * G + g) * E.GROUP_COUNTERS, I + d, T * FT + g * FG, FG, groupValues);
    }
  }
  return { firstReplication, replications, contactsSimulated, n, sum, sumSquares };
}

/**
 * Runs a batch of replications, `firstReplication` to `firstReplication + replications − 1`,
 * and returns their mergeable sums. Replication r draws from streams seeded by (seed, r) only,
 * so splitting the replications into batches (one per worker thread) gives the same result as
 * one {@link simulate} call. `options.replications` is ignored here.
 *
 * @throws {WfmError} `invalid-argument` for invalid options (see {@link simulate}) or a bad range
 *
 * @example
 * ```ts
 * const a = simulateBatch(options, { firstReplication: 0, replications: 5 });
 * const b = simulateBatch(options, { firstReplication: 5, replications: 5 });
 * summarizeSimulation(options, [a, b]); // equals simulate({ ...options, replications: 10 })
 * ```
 */
export function simulateBatch(options: SimulationOptions, range: { readonly firstReplication: number; readonly replications: number }): SimulationBatch {
  const model = compileModel(options, "simulateBatch");
  if (typeof range !== "object" || range === null) invalidArgument("simulateBatch", "range", "an object { firstReplication, replications }", range);
  const { firstReplication, replications } = range;
  if (!(Number.isInteger(firstReplication) && firstReplication >= 0)) {
    throw new WfmError({ code: "invalid-argument", message: `simulateBatch: firstReplication must be a whole number >= 0, got ${firstReplication}`, path: ["firstReplication"], value: firstReplication });
  }
  if (!(Number.isInteger(replications) && replications >= 0)) {
    throw new WfmError({ code: "invalid-argument", message: `simulateBatch: replications must be a whole number >= 0, got ${replications}`, path: ["replications"], value: replications });
  }
  return runBatch(model, firstReplication, replications);
}

/**
 * Merges batches of replications ({@link simulateBatch}) into the result of {@link simulate}.
 *
 * @throws {WfmError} `invalid-argument` for invalid options (see {@link simulate}), batches not an
 *   array, or a batch that does not fit the options' layout
 */
export function summarizeSimulation(options: SimulationOptions, batches: readonly SimulationBatch[]): SimulationResult {
  const m = compileModel(options, "summarizeSimulation");
  if (!Array.isArray(batches)) invalidArgument("summarizeSimulation", "batches", "an array of simulateBatch results", batches);
  return summarize(m, batches);
}

function summarize(m: CompiledModel, batches: readonly SimulationBatch[]): SimulationResult {
  const width = sliceWidth(m);
  const size = sliceCount(m) * width;
  const n = new Float64Array(size);
  const sum = new Float64Array(size);
  const sumSquares = new Float64Array(size);
  let replications = 0;
  let contactsSimulated = 0;
  for (const [b, batch] of batches.entries()) {
    if (batch.n.length !== size || batch.sum.length !== size || batch.sumSquares.length !== size) {
      throw new WfmError({ code: "invalid-argument", message: `summarizeSimulation: batches[${b}] has ${batch.n.length} figures, the options need ${size}`, path: ["batches", b], value: batch.n.length });
    }
    replications += batch.replications;
    contactsSimulated += batch.contactsSimulated;
    for (let i = 0; i < size; i++) {
      n[i]! += batch.n[i]!;
      sum[i]! += batch.sum[i]!;
      sumSquares[i]! += batch.sumSquares[i]!;
    }
  }
  const T = m.typeNames.length;
  const slice = (s: number): SimulatedSlice => {
    const contactTypes: SimulatedContactTypeStats[] = [];
    for (let t = 0; t < T; t++) {
      const base = s * width + t * FT;
      const entry: Record<string, unknown> = { contactType: m.typeNames[t] };
      typeFigures.forEach((name, f) => {
        entry[name] = estimate(n, sum, sumSquares, base + f);
      });
      contactTypes.push(entry as unknown as SimulatedContactTypeStats);
    }
    const agentGroups: SimulatedAgentGroupStats[] = [];
    for (let g = 0; g < m.groupNames.length; g++) {
      const base = s * width + T * FT + g * FG;
      const entry: Record<string, unknown> = { group: m.groupNames[g] };
      groupFigures.forEach((name, f) => {
        entry[name] = estimate(n, sum, sumSquares, base + f);
      });
      agentGroups.push(entry as unknown as SimulatedAgentGroupStats);
    }
    return { contactTypes, agentGroups };
  };
  const intervals: SimulatedSlice[] = [];
  for (let i = 0; i < m.intervals; i++) intervals.push(slice(i));
  const days: SimulatedSlice[] = [];
  for (let d = 0; d < m.days; d++) days.push(slice(m.intervals + d));
  return {
    replications,
    seed: m.seed,
    intervalSeconds: m.intervalSeconds,
    intervalsPerDay: m.intervalsPerDay,
    contactsSimulated,
    intervals,
    days,
    period: slice(m.intervals + m.days),
  };
}

/**
 * Simulates a contact centre: a seeded discrete-event simulation over the intervals of the
 * volumes, repeated over independent replications, with every figure's mean and 95% confidence
 * half-width.
 *
 * The model: contacts of each type arrive as a Poisson process with a constant rate within each
 * interval (volume / interval length; optionally times a gamma day factor for over-dispersion).
 * An arriving contact goes to a free agent of the first group in the order of the groups' skill
 * ranks for its type (longest-idle agent; least-loaded with concurrency); otherwise it is offered
 * a call-back or waits. A freed agent takes, in order: an urgent call-back, the waiting contact of
 * the highest priority class (ties by the group's skill order, then first come first served), a
 * call-back, outbound work when at least `outboundReserveAgents` other agents stay idle. Waiting
 * callers abandon when their patience runs out and may redial. Queues carry over interval
 * boundaries; the headcount changes at each boundary. Contacts count in the interval they arrived in.
 *
 * Cost: O(log n) per event (binary heap), a handful of events per contact; memory proportional to
 * the intervals and the contacts present at once, not to the contacts simulated.
 *
 * @param options - see {@link SimulationOptions}
 * @returns figures per interval, day and the period, per contact type and agent group
 * @throws {WfmError} `invalid-argument`, one problem per bad field: impossible distribution
 *   parameters, volumes and headcounts covering different horizons, a skill naming no contact
 *   type, a contact type that no group serves.
 *
 * @example
 * ```ts
 * // Erlang C's textbook case: 100 calls / 30 min, AHT 180 s, 13 agents (model SL 0.7956)
 * const r = simulate({
 *   intervalSeconds: 1800,
 *   contactTypes: [{ name: "voice", volumes: Array(16).fill(100), handleTime: { kind: "exponential", meanSeconds: 180 } }],
 *   agentGroups: [{ name: "team", skills: ["voice"], agents: 13 }],
 *   replications: 20, seed: 7, warmupSeconds: 3600,
 * });
 * r.period.contactTypes[0].serviceLevel; //=> { mean: about 0.79, halfWidth: about 0.01, ... }
 * ```
 * @see Law, "Simulation Modeling and Analysis", 5th ed. (2015), ch. 9 (replications, confidence
 * intervals) and ch. 11 (common random numbers); Koole, "Call Center Optimization" (2013), ch. 6.
 */
export function simulate(options: SimulationOptions): SimulationResult {
  const model = compileModel(options);
  return summarize(model, [runBatch(model, 0, model.replications)]);
}
