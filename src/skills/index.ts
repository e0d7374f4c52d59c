/**
 * skills: multi-skill contact centres. Contact types with interval volumes, handle times,
 * targets and tiers; agent groups with skills in priority order and costs; routing; staffing by
 * the skill-transfer program of Bhulai, Koole and Pot (2008) with a simulation check; and the
 * comparison of team designs (dedicated, pooled, cross-trained).
 * @module
 */
export { resolveSkillModel } from "./model.js";
export type { AgentGroup, ContactType, Escalation, ResolvedSkillModel, SkillModel, SkillRouting } from "./model.js";
export { intervalRequirements, requirementSets, singleTypeRequirement } from "./requirements.js";
export type { SkillRequirement } from "./requirements.js";
export { solveTransferProgram } from "./transfer-lp.js";
export type { TransferSolution } from "./transfer-lp.js";
export { staffSkills } from "./staff-skills.js";
export type { SimulationSettings, SkillGroupTotals, SkillStaffing, SkillStaffingInterval, StaffSkillsOptions, TypeServiceLevel } from "./staff-skills.js";
export { compareTeamDesigns } from "./compare.js";
export type { CompareTeamDesignsOptions, TeamDesignComparison, TeamDesignResult } from "./compare.js";
export { teamDesignGroups, teamDesigns } from "./designs.js";
export type { TeamDesign, TeamDesignGroupsOptions } from "./designs.js";
export { skillModelFromChannels } from "./from-channels.js";
export type { ChannelSkillModel, SkillModelFromChannelsOptions } from "./from-channels.js";
export { peakDaySkillModel } from "./plan-day.js";
export type { PlanDayInterval, PlanDaySkillModel } from "./plan-day.js";
export { resolveSimulation, simulateStaffing, simulationOptions } from "./simulation-check.js";
export type { ResolvedSimulation } from "./simulation-check.js";
