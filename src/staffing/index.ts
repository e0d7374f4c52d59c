/**
 * staffing: shrinkage, channels (voice, chat with concurrency, deferred work), supporting staff,
 * and interval staffing plans ({@link planStaffing}).
 * @module
 */
export { planStaffing, defaultChannelType } from "./plan.js";
export type {
  ChannelType,
  QueueChannelTargets,
  VoiceChannelConfig,
  ChatChannelConfig,
  DeferredChannelConfig,
  ChannelConfig,
  StaffingConfig,
  StaffingIntervalInput,
  PlanStaffingOptions,
  StaffingInterval,
  StaffingSummary,
  StaffingDay,
  StaffingTotals,
  StaffingPlan,
} from "./plan.js";
export { chatQueue, requiredChatAgents } from "./chat.js";
export { deliveredService } from "./delivered.js";
export type { DeliveredServiceOptions, DeliveredService } from "./delivered.js";
export type { ChatQueueOptions, ChatQueueResult, RequiredChatAgentsOptions, RequiredChatAgentsResult } from "./chat.js";
export { simulateChatQueue } from "./chat-simulation.js";
export { seededRandom, poissonSample } from "./random.js";
export type { ChatSimulationOptions, ChatSimulationResult, SimulatedFigure } from "./chat-simulation.js";
export { planDeferredWork } from "./deferred.js";
export type { DeferredIntervalInput, DeferredWorkOptions, DeferredInterval, DeferredWorkPlan } from "./deferred.js";
export { shrinkageAt, scheduledAgents, validateShrinkage } from "./shrinkage.js";
export type { ShrinkageKind, ShrinkageMethod, ShrinkageComponent, ShrinkageConfig, ShrinkageAt } from "./shrinkage.js";
export { supportingStaff, defaultSupportRatios } from "./supporting-staff.js";
export type { SupportRatio, FixedRole, SupportRole, SupportingStaff } from "./supporting-staff.js";
