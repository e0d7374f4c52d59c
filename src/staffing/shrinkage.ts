import { invalidArgument, requireOptions } from "../errors.js";
import { dayNames, localDayOfWeek, localMinuteOfDay, type DayName } from "../calendar/local-time.js";

/**
 * Shrinkage: the share of paid time not available for contacts (breaks, lunch, meetings,
 * training, coaching, leave, absence), and the gross-up from required to scheduled agents:
 *
 *   scheduled = required / (1 − shrinkage).
 *
 * @module
 */

/** Whether a shrinkage component is planned in advance or happens unannounced. */
export type ShrinkageKind = "planned" | "unplanned";

/** How components add up: `"additive"` sums them; `"multiplicative"` is 1 − Π (1 − s_i). */
export type ShrinkageMethod = "additive" | "multiplicative";

/** One named shrinkage component. */
export interface ShrinkageComponent {
  /** Name, e.g. `"breaks"`, `"training"`, `"absence"`. */
  readonly name: string;
  /** Planned (breaks, meetings, training, leave) or unplanned (sickness, lateness). @defaultValue "planned" */
  readonly kind?: ShrinkageKind;
  /** Share of paid time, in [0, 1). */
  readonly fraction: number;
  /** Share by day of the week (`monday` ... `sunday`), overriding `fraction` on the days given. */
  readonly byDayOfWeek?: Partial<Readonly<Record<DayName, number>>>;
  /**
   * Share by hour of day: 24 numbers, index 0 for 00:00-01:00, overriding `byDayOfWeek` and
   * `fraction` (e.g. training only between 10:00 and 16:00).
   */
  readonly byHourOfDay?: readonly number[];
}

/** Shrinkage as named components and a combination rule. */
export interface ShrinkageConfig {
  /** How components combine. @defaultValue "additive" */
  readonly method?: ShrinkageMethod;
  /** The components; an empty list means no shrinkage. */
  readonly components: readonly ShrinkageComponent[];
}

/** Shrinkage in force at one moment. */
export interface ShrinkageAt {
  /** Total shrinkage, in [0, 1). */
  readonly shrinkage: number;
  /** Shrinkage from planned components alone. */
  readonly planned: number;
  /** Shrinkage from unplanned components alone. */
  readonly unplanned: number;
}

function componentFraction(component: ShrinkageComponent, localMs: number): number {
  if (component.byHourOfDay !== undefined) {
    const value = component.byHourOfDay[Math.floor(localMinuteOfDay(localMs) / 60)];
    if (value !== undefined) return value;
  }
  if (component.byDayOfWeek !== undefined) {
    const value = component.byDayOfWeek[dayNames[localDayOfWeek(localMs)]!];
    if (value !== undefined) return value;
  }
  return component.fraction;
}

function combine(values: readonly number[], method: ShrinkageMethod): number {
  if (method === "additive") return values.reduce((s, v) => s + v, 0);
  return 1 - values.reduce((p, v) => p * (1 - v), 1);
}

/**
 * Checks a shrinkage config (every fraction in [0, 1), 24 hourly values, a total below 1 at the
 * worst hour) and returns it; used by {@link shrinkageAt} callers that evaluate many intervals.
 *
 * @throws {WfmError} `invalid-argument` naming the component and field
 */
export function validateShrinkage(config: ShrinkageConfig, fn = "shrinkage"): ShrinkageConfig {
  requireOptions("validateShrinkage", config, ["components"]);
  const method = config.method ?? "additive";
  if (method !== "additive" && method !== "multiplicative") invalidArgument(fn, "method", '"additive" or "multiplicative"', method);
  const check = (field: string, value: unknown) => {
    if (!(typeof value === "number" && Number.isFinite(value) && value >= 0 && value < 1)) invalidArgument(fn, field, "a fraction from 0 up to (not including) 1", value);
  };
  config.components.forEach((c, i) => {
    check(`components[${i}].fraction`, c.fraction);
    if (c.kind !== undefined && c.kind !== "planned" && c.kind !== "unplanned") invalidArgument(fn, `components[${i}].kind`, '"planned" or "unplanned"', c.kind);
    for (const [day, value] of Object.entries(c.byDayOfWeek ?? {})) {
      if (!(dayNames as readonly string[]).includes(day)) invalidArgument(fn, `components[${i}].byDayOfWeek`, `keyed by ${dayNames.join(", ")}`, day);
      check(`components[${i}].byDayOfWeek.${day}`, value);
    }
    if (c.byHourOfDay !== undefined) {
      if (c.byHourOfDay.length !== 24) invalidArgument(fn, `components[${i}].byHourOfDay`, "24 numbers (one per hour, from 00:00)", c.byHourOfDay.length);
      c.byHourOfDay.forEach((v, h) => check(`components[${i}].byHourOfDay[${h}]`, v));
    }
  });
  // The worst case over the week's hours must stay below 1.
  const week = Date.UTC(2023, 0, 1); // a Sunday
  for (let hour = 0; hour < 168; hour++) {
    const at = shrinkageAtUnchecked(config, week + hour * 3_600_000);
    if (!(at.shrinkage < 1)) {
      invalidArgument(fn, "components", `below 100% in total at every hour (${dayNames[Math.floor(hour / 24)]} ${String(hour % 24).padStart(2, "0")}:00 totals ${(at.shrinkage * 100).toFixed(1)}%)`, at.shrinkage);
    }
  }
  return config;
}

function shrinkageAtUnchecked(config: ShrinkageConfig, localMs: number): ShrinkageAt {
  const method = config.method ?? "additive";
  const planned: number[] = [];
  const unplanned: number[] = [];
  for (const c of config.components) (c.kind === "unplanned" ? unplanned : planned).push(componentFraction(c, localMs));
  return {
    shrinkage: combine([...planned, ...unplanned], method),
    planned: combine(planned, method),
    unplanned: combine(unplanned, method),
  };
}

/**
 * The shrinkage in force at a local time: each component's share for that hour and weekday
 * (hour-of-day value, else day-of-week value, else `fraction`), combined additively,
 * s = Σ s_i, or multiplicatively, s = 1 − Π (1 − s_i).
 *
 * @param options.shrinkage - the components and method (validated by the caller with {@link validateShrinkage})
 * @param options.localMs - wall-clock milliseconds of the interval start
 *
 * @throws {WfmError} `invalid-argument` when the options are not an object or lack `shrinkage` or `localMs`.
 * @example
 * ```ts
 * const config = { components: [
 *   { name: "breaks", fraction: 0.1 }, { name: "training", fraction: 0.05 },
 *   { name: "absence", kind: "unplanned", fraction: 0.1 } ] };
 * shrinkageAt({ shrinkage: config, localMs: Date.UTC(2026, 11, 1, 9) });
 * //=> { shrinkage: 0.25, planned: 0.15, unplanned: 0.1 }
 * shrinkageAt({ shrinkage: { ...config, method: "multiplicative" }, localMs: 0 }).shrinkage;
 * //=> 0.2305 (1 − 0.9 × 0.95 × 0.9)
 * ```
 */
export function shrinkageAt(options: { readonly shrinkage: ShrinkageConfig; readonly localMs: number }): ShrinkageAt {
  requireOptions("shrinkageAt", options, ["shrinkage", "localMs"]);
  return shrinkageAtUnchecked(options.shrinkage, options.localMs);
}

/**
 * Scheduled agents from required agents: ⌈required / (1 − shrinkage)⌉, the people to have on
 * the schedule so that `required` are available for contacts after shrinkage.
 *
 * @param options.requiredAgents - agents needed on contacts, >= 0
 * @param options.shrinkage - share of paid time lost, in [0, 1)
 * @throws {WfmError} `invalid-argument` for shrinkage outside [0, 1) or a negative requirement
 *
 * @example
 * ```ts
 * scheduledAgents({ requiredAgents: 14, shrinkage: 0.3 }); //=> 20 (14 / 0.7 = 20 exactly)
 * scheduledAgents({ requiredAgents: 13, shrinkage: 0.3 }); //=> 19 (18.57 rounded up)
 * ```
 */
export function scheduledAgents(options: { readonly requiredAgents: number; readonly shrinkage: number }): number {
  requireOptions("scheduledAgents", options);
  const { requiredAgents, shrinkage } = options;
  if (!(Number.isFinite(requiredAgents) && requiredAgents >= 0)) invalidArgument("scheduledAgents", "requiredAgents", "a finite number >= 0", requiredAgents);
  if (!(Number.isFinite(shrinkage) && shrinkage >= 0 && shrinkage < 1)) {
    invalidArgument("scheduledAgents", "shrinkage", "a fraction from 0 up to (not including) 1", shrinkage);
  }
  const exact = requiredAgents / (1 - shrinkage);
  // 14 / 0.7 is 20.000000000000004 in float64: round up only past a relative 1e-9.
  return Math.max(0, Math.ceil(exact - 1e-9 * Math.max(1, exact)));
}
