/**
 * queueing: exact Erlang B, Erlang C and Erlang A (M/M/N+M) metrics and required agents.
 *
 * - {@link erlangB}: blocking probability of N lines (trunk sizing).
 * - {@link erlangC}: waiting probability, service level, ASA, occupancy of M/M/N.
 * - {@link erlangA}: the same with exponential patience (abandonment), exact via the incomplete gamma function.
 * - {@link requiredAgents}: minimum N meeting every target at once, with proof of minimality.
 *
 * @module
 */
export { erlangB } from "./erlang-b.js";
export type { ErlangBOptions } from "./erlang-b.js";
export { erlangC } from "./erlang-c.js";
export type { ErlangCOptions } from "./erlang-c.js";
export { erlangA } from "./erlang-a.js";
export type { ErlangAOptions } from "./erlang-a.js";
export { requiredAgents } from "./required-agents.js";
export { limitTolerance, reachesTarget, unmetWithinLimit, withinLimit } from "./limits.js";
export type {
  RequiredAgentsOptions,
  RequiredAgentsResult,
  RequiredAgentsFeasible,
  RequiredAgentsInfeasible,
  RequiredAgentsMetrics,
} from "./required-agents.js";
export type {
  QueueingModel,
  TrafficOptions,
  QueueMetrics,
  ErlangBResult,
  ErlangCResult,
  ErlangAResult,
  AnyQueueMetrics,
} from "./types.js";
export {
  fractionalErlangB,
  fractionalErlangC,
  fractionalErlangA,
  requiredAgentsFractional,
} from "./fractional-agents.js";
export type {
  FractionalErlangBOptions,
  FractionalErlangCOptions,
  FractionalErlangAOptions,
  RequiredAgentsFractionalResult,
} from "./fractional-agents.js";
export { priorityQueue, requiredAgentsPriority, maxPriorityClasses } from "./priority-classes.js";
export { maxPriorityCtmcStates } from "./priority-ctmc.js";
export type {
  PriorityClass,
  PriorityQueueOptions,
  PriorityClassMetrics,
  PriorityQueueResult,
  RequiredAgentsPriorityOptions,
  RequiredAgentsPriorityResult,
  RequiredAgentsPriorityFeasible,
  RequiredAgentsPriorityInfeasible,
} from "./priority-classes.js";
export { erlangX, requiredAgentsErlangX } from "./erlang-x.js";
export type { ErlangXOptions, ErlangXResult, RequiredAgentsErlangXOptions, RequiredAgentsErlangXResult } from "./erlang-x.js";
export { estimatePatience, estimateRedialShare } from "./erlang-x-estimators.js";
export type { EstimatePatienceOptions, EstimatePatienceResult, EstimateRedialShareOptions, EstimateRedialShareResult } from "./erlang-x-estimators.js";
export { blending, bestOutboundReserve } from "./blending.js";
export type { BlendingOptions, BlendingResult, BestOutboundReserveOptions, BestOutboundReserveResult } from "./blending.js";
export { callbackQueue, requiredAgentsCallback, maxCallbackLevelStates } from "./callback.js";
export type { CallbackQueueOptions, CallbackQueueResult, RequiredAgentsCallbackOptions, RequiredAgentsCallbackResult } from "./callback.js";
export type { RequiredAgentsOutcome } from "./agent-search.js";
