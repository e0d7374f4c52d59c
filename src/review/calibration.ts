import { dayNames, localDayOfWeek, localMinuteOfDay } from "../calendar/local-time.js";
import { invalidArgument, requireOptions } from "../errors.js";
import type { ShrinkageComponent, ShrinkageConfig } from "../staffing/shrinkage.js";
import type { ChannelConfig, StaffingConfig } from "../staffing/plan.js";
import type { ReviewResult } from "./review-month.js";

/**
 * Calibration of the next plan from last month's review: what `wfm review` writes as
 * calibration.json and `wfm plan --calibration` applies.
 *
 * @module
 */

/** Calibration of one channel. Every field is optional: a missing one leaves the plan as it was. */
export interface ChannelCalibrationInput {
  /** Multiply the forecast (point and band) by this, > 0: last month's actual / forecast. */
  readonly volumeFactor?: number;
  /** Mean patience for Erlang A, seconds, > 0 (voice channels). */
  readonly patienceSeconds?: number;
  /** Shrinkage the channel really had, fraction in [0, 1). */
  readonly shrinkage?: number;
  /** Shrinkage the last plan assumed, fraction; the channel's components are scaled by shrinkage / plannedShrinkage. */
  readonly plannedShrinkage?: number;
  /** AHT by day name (`monday`...) and interval start `HH:MM`, seconds. */
  readonly ahtSecondsByIntervalOfWeek?: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Contact-weighted mean of achieved - model SL last month (information; not applied). */
  readonly serviceLevelModelError?: number;
}

/** A calibration file. */
export interface PlanCalibration {
  /** The month reviewed, e.g. `"2026-12"`. */
  readonly month: string;
  readonly channels: Readonly<Record<string, ChannelCalibrationInput>>;
}

/**
 * The calibration a review gives for the next plan: each channel's volume factor, fitted
 * patience (voice), actual shrinkage (with the planned one it replaces), AHT profile by interval
 * of week and the model's SL error. Unmeasured values are left out.
 *
 * @throws {WfmError} `invalid-argument` when `review` is not a {@link ReviewResult} (no calibration.channels)
 * @example
 * ```ts
 * calibrationFromReview(review).channels.voice.volumeFactor; //=> 1.08 (8% more contacts than forecast)
 * ```
 */
export function calibrationFromReview(review: ReviewResult): PlanCalibration {
  if (typeof review !== "object" || review === null) invalidArgument("calibrationFromReview", "review", "a reviewMonth result", review);
  if (typeof review.calibration !== "object" || review.calibration === null || !Array.isArray(review.calibration.channels)) {
    invalidArgument("calibrationFromReview", "review.calibration.channels", "an array (a reviewMonth result)", review.calibration?.channels);
  }
  const round = (v: number, d: number) => Math.round(v * 10 ** d) / 10 ** d;
  const channels: Record<string, ChannelCalibrationInput> = {};
  for (const c of review.calibration.channels) {
    channels[c.channel] = {
      ...(c.volumeFactor === null ? {} : { volumeFactor: round(c.volumeFactor, 4) }),
      ...(c.patienceSeconds === null ? {} : { patienceSeconds: round(c.patienceSeconds, 1) }),
      ...(c.shrinkage === null ? {} : { shrinkage: round(Math.min(0.95, Math.max(0, c.shrinkage)), 4) }),
      ...(c.plannedShrinkage === null ? {} : { plannedShrinkage: round(c.plannedShrinkage, 4) }),
      ...(c.ahtSecondsByIntervalOfWeek === null ? {} : { ahtSecondsByIntervalOfWeek: c.ahtSecondsByIntervalOfWeek }),
      ...(c.serviceLevelModelError === null ? {} : { serviceLevelModelError: round(c.serviceLevelModelError, 4) }),
    };
  }
  return { month: review.month, channels };
}

/** One forecast row as `planMonth` holds it. */
export interface CalibratableForecastRow {
  readonly localMs: number;
  readonly calls: number;
  readonly lower: number;
  readonly upper: number;
  readonly ahtSeconds?: number;
}

/**
 * Applies a channel's calibration to its forecast rows: calls, lower and upper times the volume
 * factor; AHT replaced by last month's actual AHT of the same day of week and interval start
 * when the profile has it.
 *
 * @throws {WfmError} `invalid-argument` when options is not an object, rows is missing or not an
 *   array, or the volume factor is not a positive finite number
 * @example
 * ```ts
 * calibrateForecastRows({ rows: [{ localMs: Date.UTC(2026, 11, 7, 8), calls: 100, lower: 90, upper: 110, ahtSeconds: 300 }],
 *   calibration: { volumeFactor: 1.1, ahtSecondsByIntervalOfWeek: { monday: { "08:00": 320 } } } });
 * //=> [{ localMs: ..., calls: 110, lower: 99, upper: 121, ahtSeconds: 320 }]
 * ```
 */
export function calibrateForecastRows<T extends CalibratableForecastRow>(options: { readonly rows: readonly T[]; readonly calibration: ChannelCalibrationInput | undefined }): T[] {
  requireOptions("calibrateForecastRows", options, ["rows"]);
  const { rows, calibration } = options;
  if (!Array.isArray(rows)) invalidArgument("calibrateForecastRows", "rows", "an array of forecast rows", rows);
  if (calibration === undefined) return [...rows];
  const factor = calibration.volumeFactor ?? 1;
  if (!(Number.isFinite(factor) && factor > 0)) invalidArgument("calibrateForecastRows", "calibration.volumeFactor", "a positive finite number", factor);
  const profile = calibration.ahtSecondsByIntervalOfWeek;
  return rows.map((row) => {
    const m = localMinuteOfDay(row.localMs);
    const time = `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
    const aht = profile?.[dayNames[localDayOfWeek(row.localMs)]!]?.[time];
    return { ...row, calls: row.calls * factor, lower: row.lower * factor, upper: row.upper * factor, ...(aht === undefined ? {} : { ahtSeconds: aht }) };
  });
}

function scaleShrinkage(config: ShrinkageConfig | undefined, target: number, planned: number | undefined): ShrinkageConfig {
  const cap = (v: number) => Math.min(0.95, Math.max(0, v));
  if (config === undefined || config.components.length === 0 || planned === undefined || !(planned > 0)) {
    return { method: "additive", components: [{ name: "calibrated", kind: "unplanned", fraction: cap(target) }] };
  }
  const k = target / planned;
  const components: ShrinkageComponent[] = config.components.map((c) => ({
    ...c,
    fraction: cap(c.fraction * k),
    ...(c.byDayOfWeek === undefined ? {} : { byDayOfWeek: Object.fromEntries(Object.entries(c.byDayOfWeek).map(([d, v]) => [d, cap((v ?? 0) * k)])) }),
    ...(c.byHourOfDay === undefined ? {} : { byHourOfDay: c.byHourOfDay.map((v) => cap(v * k)) }),
  }));
  return { ...config, components };
}

/**
 * Applies a calibration to a staffing config: each calibrated voice channel gets the fitted
 * patience (so it is staffed with Erlang A), and each channel with a measured shrinkage gets its
 * shrinkage components scaled by actual / planned (the profile by weekday and hour kept), or one
 * flat component when the plan had none.
 *
 * @throws {WfmError} `invalid-argument` when options is not an object, config or calibration is
 *   missing, or calibration.channels is not an object
 * @example
 * ```ts
 * calibrateStaffingConfig({ config: { channels: { voice: { type: "voice", targetServiceLevel: 0.8, targetAnswerSeconds: 20 } } },
 *   calibration: { month: "2026-12", channels: { voice: { patienceSeconds: 75 } } } }).channels.voice.patienceSeconds; //=> 75
 * ```
 */
export function calibrateStaffingConfig(options: { readonly config: StaffingConfig; readonly calibration: PlanCalibration }): StaffingConfig {
  requireOptions("calibrateStaffingConfig", options, ["config", "calibration"]);
  const { config, calibration } = options;
  if (typeof calibration.channels !== "object" || calibration.channels === null) {
    invalidArgument("calibrateStaffingConfig", "calibration.channels", "an object of channel calibrations", calibration.channels);
  }
  const channels: Record<string, ChannelConfig> = { ...(config.channels ?? {}) };
  for (const [name, c] of Object.entries(calibration.channels)) {
    const current = channels[name];
    if (current === undefined) continue;
    let next: ChannelConfig = current;
    if (c.patienceSeconds !== undefined && current.type === "voice") next = { ...current, patienceSeconds: c.patienceSeconds };
    if (c.shrinkage !== undefined) next = { ...next, shrinkage: scaleShrinkage(current.shrinkage ?? config.shrinkage, c.shrinkage, c.plannedShrinkage) };
    channels[name] = next;
  }
  return { ...config, channels };
}
