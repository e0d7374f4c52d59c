/**
 * cost: KPIs of last month's interval report and ticket export, exact decimal money, month-end
 * cost breakdowns with unit costs, and what-if scenarios. The only core domain using decimal.js.
 * @module
 */
export { toMoney, zeroMoney, sumMoney, roundMoney, allocateRounded, divideMoney, currencyMinorUnits } from "./money.js";
export type { Money, MoneyInput, MoneyRounding } from "./money.js";
export { kpiLabels, kpiReport, kpiNames, localMonthOf } from "./kpi.js";
export type { KpiInterval, KpiOrders, KpiMetrics, KpiName, KpiRow, KpiChange, KpiChangeKind, KpiReport, KpiReportOptions, KpiField, KpiNote } from "./kpi.js";
export { ticketKpis } from "./tickets.js";
export type { Ticket, TicketKpis } from "./tickets.js";
export { costBreakdown, roundCost } from "./cost-model.js";
export type {
  Wage,
  AgentSite,
  SupportRole as CostSupportRole,
  OtherCost,
  OtherCostBasis,
  CostModel,
  ChannelActivity,
  ClassActivity,
  OutboundActivity,
  ClassCost,
  OutboundRevenue,
  CostActivity,
  CostCategory,
  CostLine,
  ChannelCost,
  CostBreakdown,
  RoundedCost,
} from "./cost-model.js";
export { applyCostLevers, compareScenarios } from "./scenarios.js";
export type { StaffingLevers, CostLevers, Scenario, PlannedWork, StaffingPlanner, ScenarioResult } from "./scenarios.js";
export { staffingPlanner, applyStaffingLevers, workFromStaffingPlan, withScheduledHours } from "./staffing-planner.js";
export type { StaffingPlannerOptions } from "./staffing-planner.js";
