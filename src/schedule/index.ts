/**
 * schedule: shift templates on an absolute time axis, per-shift break variables (Aykin), weekly
 * tours, soft coverage, the exact MIP solved with HiGHS, verification from integer counts, and
 * coverage with the predicted service level. The DBAI shift-design benchmark lives here too.
 * @module
 */
export { columnIntervals } from "./problem.js";
export type { BreakRule, CountLimit, RatioLimit, ShiftColumn, ShiftProblem, TourColumn } from "./problem.js";
export { buildShiftModel } from "./model.js";
export type { ShiftModel, ShiftModelData, ShiftModelLayout } from "./model.js";
export { verifySchedule } from "./verify.js";
export type { ShiftAssignment, VerifiedSchedule } from "./verify.js";
export { loadHighsRuntime, solveShiftProblem, uncoverableIntervals } from "./solve.js";
export type { ScheduleProgress, ScheduleSolution, ScheduleStatus, SolveShiftOptions } from "./solve.js";
export { buildTemplateProblem, shiftGridMinutes } from "./templates.js";
export type {
  BreakTemplate,
  CoverageSettings,
  RequirementSeries,
  ShiftColumnInfo,
  ShiftSettings,
  ShiftTemplate,
  TemplateProblem,
  TourPattern,
  TourSettings,
} from "./templates.js";
export { scheduleReport } from "./report.js";
export type { CoverageInterval, IntervalWorkload, ScheduledShift, ScheduleReport } from "./report.js";
export { dbaiCandidateShifts, dbaiToShiftProblem, dbaiWorkedMinutesBound, evaluateDbaiSolution, solveDbai } from "./dbai.js";
export type { DbaiEvaluation, DbaiInstance, DbaiResult, DbaiShift, DbaiShiftType } from "./dbai.js";
