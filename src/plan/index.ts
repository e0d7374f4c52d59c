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
  PlanSimulationResult,
} from "./plan-month.js";
export { planSimulationOptions, comparePlanWithSimulation, simulatePlan, modelServiceLevel, planChannelModels, materialServiceLevelGap } from "./plan-simulation.js";
export { agentGroupRequirements, groupSlotRequirement, simulateAgentGroupSchedule } from "./plan-skills.js";
export type { AgentGroupRequirements, AgentGroupWorkload, PlanSkillGroup, PlanSkillSchedule, PlanSkillTypeServiceLevel } from "./plan-skills.js";
export type { PlanChannelModel, PlanSimulationInput, PlanSimulatedInterval, PlanSimulatedChannel, PlanSimulationBasis, PlanSimulationOptions } from "./plan-simulation.js";
