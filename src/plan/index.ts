/**
 * plan: the whole monthly cycle as one function.
 * @module
 */
export { planMonth } from "./plan-month.js";
export type {
  PlanPeriod,
  PlanTeam,
  PlanScheduleOptions,
  PlanMonthOptions,
  PlanForecastInterval,
  PlanStaffingInterval,
  PlanTeamSchedule,
  PlanShift,
  PlanCoverageInterval,
  PlanCost,
  PlanScenario,
  PlanResult,
} from "./plan-month.js";
