/**
 * forecast: contact volume forecasting (seasonal naive, seasonal averages, Holt-Winters, top-down,
 * combinations, driver-based), special days, rolling-origin backtests and prediction intervals.
 * @module
 */
export type { VolumePoint, ForecastMethod, ForecastMethodChoice, SpecialDay, SpecialDayKind } from "./types.js";
export { forecastAccuracy } from "./accuracy.js";
export type { Accuracy } from "./accuracy.js";
export { buildIntervalGrid, truncateGrid, gridWeekday, isOpenWeekday } from "./grid.js";
export type { IntervalGrid } from "./grid.js";
export { median, quantile, trimmedMean, mean, normalQuantile } from "./robust.js";
export { detectAnomalousDays, specialDayFactors } from "./special-days.js";
export type { AnomalousDay, SpecialDayFactor } from "./special-days.js";
export {
  seasonalNaive,
  seasonalAverage,
  intradayProfiles,
  dailyLevelForecast,
  splitDaily,
  topDown,
  holtWinters,
  combineForecasts,
  combinedDefault,
} from "./methods.js";
export type { FitContext, IntervalForecast, SeasonalAggregation, SeasonalAverageOptions, TopDownOptions } from "./methods.js";
export { holtWintersDaily } from "./holt-winters.js";
export type { HoltWintersOptions, HoltWintersResult, HoltWintersSeasonality } from "./holt-winters.js";
export { minimizeBounded } from "./optimize.js";
export type { MinimizeResult } from "./optimize.js";
export { contactRatio, spreadOrderTarget, contactsFromOrders } from "./driver.js";
export type { ContactRatio, DailyDriverPoint } from "./driver.js";
export { forecastVolume, ahtByIntervalOfWeek, backtestMethods } from "./forecast.js";
export type {
  ForecastVolumeOptions,
  ForecastVolumeResult,
  ForecastRow,
  MethodBacktest,
  BacktestReport,
  DriverInput,
} from "./forecast.js";
export { pointsByChannel, forecastByChannel } from "./by-channel.js";
export type { ChannelVolumeRow, ChannelForecast } from "./by-channel.js";
