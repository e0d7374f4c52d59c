/**
 * simulation: the seeded discrete-event contact-centre simulator, the referee of every model.
 *
 * - {@link simulate}: contact types, agent groups with skills, routing, call-backs, outbound
 *   blending and chat concurrency, over the intervals of a horizon, with confidence intervals
 *   from independent replications.
 * - {@link simulateBatch} / {@link summarizeSimulation}: the same split into batches of
 *   replications (one per worker thread), merged to the identical result.
 *
 * @module
 */
export { simulate, simulateBatch, summarizeSimulation } from "./simulate.js";
export { studentT975 } from "./statistics.js";
export { steadyQueueOptions } from "./steady.js";
export type { SteadyQueueOptions } from "./steady.js";
export type {
  DurationDistribution,
  PatienceDistribution,
  RedialOptions,
  CallbackOptions,
  SimulationContactType,
  SimulationSkill,
  SimulationAgentGroup,
  SimulationOptions,
  SimulatedEstimate,
  SimulatedContactTypeStats,
  SimulatedAgentGroupStats,
  SimulatedSlice,
  SimulationResult,
  SimulationBatch,
} from "./types.js";
