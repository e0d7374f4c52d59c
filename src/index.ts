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
