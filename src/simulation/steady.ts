import { invalidArgument, requireOptions } from "../errors.js";
import type { DurationDistribution, PatienceDistribution, SimulationOptions } from "./types.js";

/** Options of {@link steadyQueueOptions}: one queue at a constant volume, as `erlangC` / `erlangA` see it. */
export interface SteadyQueueOptions {
  /** Contacts per interval, >= 0. */
  readonly callsPerInterval: number;
  /** Interval length, seconds, > 0. */
  readonly intervalSeconds: number;
  /** Mean handle time, seconds, > 0. */
  readonly ahtSeconds: number;
  /** Agents N, a whole number >= 0. */
  readonly agents: number;
  /** Mean patience, seconds, > 0. @defaultValue no abandonment */
  readonly patienceSeconds?: number;
  /**
   * Coefficient of variation of the handle time: absent = exponential (Erlang's assumption),
   * 0 = deterministic, otherwise lognormal with this CV. @defaultValue exponential
   */
  readonly ahtCv?: number;
  /** Coefficient of variation of the patience, as `ahtCv`. @defaultValue exponential */
  readonly patienceCv?: number;
  /** Answer-time threshold T, seconds, >= 0. @defaultValue 20 */
  readonly targetAnswerSeconds?: number;
  /** Chats one agent holds at once. @defaultValue 1 */
  readonly concurrency?: number;
  /** Extra handle time per extra concurrent chat (the chat model's factor). @defaultValue 0 */
  readonly handleTimeFactorPerExtraChat?: number;
  /** Chat routing. @defaultValue "least-loaded" */
  readonly chatRouting?: "least-loaded" | "balanced";
  /** Measured hours per replication, > 0 (rounded up to whole intervals). @defaultValue 8 */
  readonly hours?: number;
  /** Replications. @defaultValue 10 */
  readonly replications?: number;
  /** Seed. @defaultValue 1 */
  readonly seed?: number;
  /** Warm-up before measuring, seconds. @defaultValue max(one interval, 20 AHT) */
  readonly warmupSeconds?: number;
}

function duration(meanSeconds: number, cv: number | undefined): DurationDistribution {
  if (cv === undefined) return { kind: "exponential", meanSeconds };
  if (cv === 0) return { kind: "deterministic", seconds: meanSeconds };
  return { kind: "lognormal", meanSeconds, cv };
}

/**
 * The {@link SimulationOptions} of one steady queue: a single contact type `"contacts"` at
 * `callsPerInterval` in every interval of `hours`, served by one group `"agents"` of N agents,
 * after a warm-up at the same load. This is the setting of the Erlang formulas (stationary
 * Poisson arrivals), so the simulation referees them; `ahtCv` and `patienceCv` leave their
 * exponential assumptions.
 *
 * @throws {WfmError} `invalid-argument` when options is not an object or callsPerInterval, intervalSeconds,
 *   ahtSeconds or agents is missing; for a bad `hours`, `ahtCv` or `patienceCv` (the rest is checked by {@link simulate})
 *
 * @example
 * ```ts
 * const r = simulate(steadyQueueOptions({ callsPerInterval: 100, intervalSeconds: 1800, ahtSeconds: 180, agents: 13, seed: 7 }));
 * r.period.contactTypes[0].serviceLevel.mean; //=> about 0.80 (Erlang C: 0.7956)
 * ```
 * @see Koole, "Call Center Optimization" (2013), ch. 5-6.
 */
export function steadyQueueOptions(options: SteadyQueueOptions): SimulationOptions {
  const fn = "steadyQueueOptions";
  requireOptions(fn, options, ["callsPerInterval", "intervalSeconds", "ahtSeconds", "agents"]);
  const hours = options.hours ?? 8;
  if (!(Number.isFinite(hours) && hours > 0)) invalidArgument(fn, "hours", "a positive finite number", hours);
  for (const field of ["ahtCv", "patienceCv"] as const) {
    const v = options[field];
    if (v !== undefined && !(Number.isFinite(v) && v >= 0)) invalidArgument(fn, field, "a finite number >= 0", v);
  }
  const intervalSeconds = options.intervalSeconds;
  const okInterval = Number.isFinite(intervalSeconds) && intervalSeconds > 0;
  const intervals = okInterval ? Math.max(1, Math.ceil((hours * 3600) / intervalSeconds - 1e-9)) : 1;
  const patience: PatienceDistribution = options.patienceSeconds === undefined ? { kind: "none" } : duration(options.patienceSeconds, options.patienceCv);
  return {
    intervalSeconds,
    intervalsPerDay: intervals,
    contactTypes: [
      {
        name: "contacts",
        volumes: new Array<number>(intervals).fill(options.callsPerInterval),
        handleTime: duration(options.ahtSeconds, options.ahtCv),
        patience,
        targetAnswerSeconds: options.targetAnswerSeconds ?? 20,
      },
    ],
    agentGroups: [
      {
        name: "agents",
        skills: ["contacts"],
        agents: options.agents,
        concurrency: options.concurrency ?? 1,
        handleTimeFactorPerExtraChat: options.handleTimeFactorPerExtraChat ?? 0,
        chatRouting: options.chatRouting ?? "least-loaded",
      },
    ],
    replications: options.replications ?? 10,
    seed: options.seed ?? 1,
    warmupSeconds: options.warmupSeconds ?? Math.max(intervalSeconds, 20 * options.ahtSeconds),
  };
}
