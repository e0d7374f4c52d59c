import type { ChannelQueueModel } from "./model.js";

/**
 * What `wfm review` needs from a plan: the interval forecast and staffing, the channels' queue
 * models, the schedule's coverage and the planned cost. The CLI reads it from the folder
 * `wfm plan` wrote (summary.json); a library user may build it from `planMonth`'s result.
 *
 * @module
 */

/** One interval of one channel of the plan. */
export interface ReviewPlanInterval {
  /** Interval start, wall-clock milliseconds. */
  readonly localMs: number;
  readonly channel: string;
  /** Whether the centre was planned open (closed intervals have no agents). */
  readonly open: boolean;
  /** Point forecast, contacts. */
  readonly forecastCalls: number;
  /** Lower and upper bounds of the forecast's prediction band, contacts. */
  readonly lowerCalls: number;
  readonly upperCalls: number;
  /** Contacts the staffing was planned for (the point forecast, or its upper quantile). */
  readonly calls: number;
  /** Planned handle time, seconds. */
  readonly ahtSeconds: number;
  /** Agents required on contacts. */
  readonly requiredAgents: number;
  /** Agents to schedule after shrinkage: the staffing plan's head count. */
  readonly scheduledAgents: number;
  /** Planned shrinkage, fraction of scheduled time. */
  readonly shrinkage: number;
}

/** One team of the plan's schedule. */
export interface ReviewTeam {
  readonly team: string;
  readonly channels: readonly string[];
  /** Paid agent hours the schedule planned for the team. */
  readonly paidHours: number;
}

/** One schedule slot of one team (coverage.csv). */
export interface ReviewCoverageSlot {
  readonly localMs: number;
  readonly team: string;
  /** Agents the staffing plan asked for (sum of the team's channels' scheduled agents). */
  readonly required: number;
  /** Agents the shift schedule put on the floor (breaks subtracted). */
  readonly scheduled: number;
}

/** The plan's cost, money as decimal strings (as summary.json holds it). */
export interface ReviewPlanCost {
  readonly currency: string;
  readonly total: string;
  readonly costPerContact: string | null;
  readonly costPerOrder: string | null;
  readonly costPerHandledMinute: string | null;
  readonly orders: number | null;
  readonly channels: readonly { readonly channel: string; readonly cost: string; readonly handledContacts: number; readonly costPerContact: string | null }[];
}

/** A plan as `reviewMonth` reads it. */
export interface ReviewPlan {
  /** The plan's month label, e.g. `"2026-12"`. */
  readonly label: string;
  readonly startLocalMs: number;
  /** Day after the last, wall-clock midnight. */
  readonly endLocalMs: number;
  readonly intervalMinutes: number;
  /** The queueing model of every channel. */
  readonly models: readonly ChannelQueueModel[];
  readonly intervals: readonly ReviewPlanInterval[];
  /** The shift schedule, when the plan had one. */
  readonly schedule?: { readonly slotMinutes: number; readonly teams: readonly ReviewTeam[]; readonly coverage: readonly ReviewCoverageSlot[] };
  /** The planned cost, when the plan had a cost config. */
  readonly cost?: ReviewPlanCost;
  /** The service level the plan expected (its headline), fraction. */
  readonly expectedServiceLevel?: number | null;
}
