/**
 * wfm-kit: workforce management for contact centres.
 *
 * Named re-exports only, grouped by domain. The core (queueing, staffing, forecast, schedule,
 * cost) imports nothing from `node:*`, so this entry runs in a browser too.
 *
 * @module
 */

// errors
export { WfmError, formatProblem, formatPath } from "./errors.js";
export type { Problem, WfmErrorCode } from "./errors.js";

// queueing: Erlang B, C and A, service level, ASA, occupancy, required agents
export * from "./queueing/index.js";
// calendar: local wall-clock timestamps, weekdays, opening hours, Gregorian and Persian months
export * from "./calendar/index.js";
// simulation: the seeded discrete-event contact-centre simulator (the referee of every model)
export * from "./simulation/index.js";
// staffing: channels, shrinkage, supporting staff, interval staffing plans
export * from "./staffing/index.js";
// forecast: methods, backtests, prediction intervals, driver-based forecasts
export * from "./forecast/index.js";
// schedule: shift templates, MIP model, verified solutions, coverage
export * from "./schedule/index.js";
// roster: named agents on shifts, contracts, rest, fairness, the Curtois & Qu benchmark
export * from "./roster/index.js";
// cost: KPIs, decimal money, cost breakdowns, what-if scenarios
export * from "./cost/index.js";
// skills: multi-skill staffing (skill-transfer program), tiers, team design comparison
export * from "./skills/index.js";
// plan: the monthly cycle (KPIs, forecast, staffing, schedule, cost, scenarios) in one call
export * from "./plan/index.js";
// review: plan against actual, variance attribution, adherence, calibration of the next plan
export * from "./review/index.js";
