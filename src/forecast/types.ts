/**
 * Types shared by the forecasting methods.
 * @module
 */

/** One interval of history: its wall-clock start, the contacts that arrived, optionally the AHT. */
export interface VolumePoint {
  /** Interval start, wall-clock milliseconds (see `calendar/local-time`). */
  readonly localMs: number;
  /** Contacts arriving in the interval, >= 0 (may be fractional). */
  readonly calls: number;
  /** Average handle time of those contacts, seconds. */
  readonly ahtSeconds?: number;
}

/** The forecasting methods. */
export type ForecastMethod = "seasonal-naive" | "seasonal-average" | "holt-winters" | "top-down" | "driver" | "combined";

/** A method, or `"auto"`: the method with the lowest backtest WAPE. */
export type ForecastMethodChoice = ForecastMethod | "auto";

/** Kinds of special day in a calendar file. */
export type SpecialDayKind = "holiday" | "campaign" | "outage" | "closed";

/** A dated event: a holiday, a campaign, an outage, or a day the centre is closed. */
export interface SpecialDay {
  /** Local midnight of the day (wall-clock milliseconds). */
  readonly dateMs: number;
  /** Label that identifies recurrences (`"Yom Kippur"`, `"Black Friday"`). */
  readonly label: string;
  /** What kind of event. */
  readonly kind: SpecialDayKind;
}
