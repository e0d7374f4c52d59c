/**
 * review: the month's plan against its actuals (forecast accuracy, targets, the service-level
 * miss attributed to volume, handle time, staffing and shrinkage by Shapley values), adherence
 * and conformance, actual cost, and the calibration of the next plan.
 *
 * @module
 */
export { reviewMonth, attributionFactors } from "./review-month.js";
export type { ReviewMonthOptions, ReviewResult, AccuracyRow, WorstDay, AttributionRow, AttributionFactor, TargetRow, TargetPeriodRow, ChannelCalibration, ReviewCost } from "./review-month.js";
export type { ReviewPlan, ReviewPlanInterval, ReviewTeam, ReviewCoverageSlot, ReviewPlanCost } from "./types.js";
export { channelQueueModels, predictQueue } from "./model.js";
export type { ChannelQueueModel, PredictQueueOptions, QueuePrediction } from "./model.js";
export { shapleyValues } from "./shapley.js";
export { agentAdherence, activityOf } from "./adherence.js";
export type { AgentActivity, AgentStateSegment, AgentScheduleSegment, AdherenceRow, AdherenceReport } from "./adherence.js";
export { calibrationFromReview, calibrateForecastRows, calibrateStaffingConfig } from "./calibration.js";
export type { PlanCalibration, ChannelCalibrationInput, CalibratableForecastRow } from "./calibration.js";
export { simulateReview } from "./review-simulation.js";
export type { ReviewSimulation, ReviewSimulationChannel, ReviewSimulationInterval, SimulateReviewOptions } from "./review-simulation.js";
