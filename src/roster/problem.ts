/**
 * The contact-centre roster: named agents on shift templates over a period (usually a month),
 * under their contracts, leave, preferences, rest rules and a demand per day and template.
 * Days are indexed from 0 (the period's first day); `firstWeekday` says which weekday day 0 is
 * (0 = Monday .. 6 = Sunday), which fixes weekends (Saturday, Sunday) and weeks (Monday to Sunday).
 *
 * @module
 */
import { invalidArgument, requireObject } from "../errors.js";

/**
 * A shift template as the roster sees it: a start, a length and whether it counts as a night.
 * A template with a window of starts is given as one entry per allowed start, each with its own
 * `name` (e.g. "Early@07:30") and the window's template as `family` ("Early"); demand, requests,
 * agents' allowed templates and forbidden successions name the family, so the roster chooses the
 * start.
 */
export interface RosterTemplate {
  readonly name: string;
  /** The template this is one start of (what demand, requests and rules name). @defaultValue name */
  readonly family?: string;
  /** Start, minutes after midnight (0..1439). */
  readonly startMinute: number;
  /** Length, minutes (the shift may end the next day). */
  readonly lengthMinutes: number;
  /** Paid minutes (the length minus unpaid breaks). @defaultValue lengthMinutes */
  readonly paidMinutes: number;
  /** Counts towards the agent's night limit and night fairness. */
  readonly night: boolean;
  /** Breaks as text for the roster CSV (e.g. "lunch 12:00-12:30"). @defaultValue "" */
  readonly breaks?: string;
  /**
   * When the breaks are (minutes after the shift's start, and their length): an agent on a break
   * does not count towards an interval demand. @defaultValue none (present the whole shift)
   */
  readonly breakWindows?: readonly { readonly startMinute: number; readonly lengthMinutes: number }[];
}

/** One agent and their contract. Minutes limits are inclusive; Infinity means no limit. */
export interface RosterAgent {
  readonly id: string;
  readonly name: string;
  readonly team: string;
  /** Templates the agent may work (names); empty means every template. */
  readonly templates: readonly string[];
  readonly minMinutesPerWeek: number;
  readonly maxMinutesPerWeek: number;
  readonly minMinutesPerPeriod: number;
  readonly maxMinutesPerPeriod: number;
  readonly maxShifts: number;
  readonly maxConsecutiveDays: number;
  /** Fewest working days in a row (runs touching the period's ends exempt). @defaultValue 1 */
  readonly minConsecutiveDays: number;
  /** Fewest days off in a row (runs touching the period's ends exempt). */
  readonly minConsecutiveDaysOff: number;
  readonly maxWeekends: number;
  readonly maxNights: number;
  /** Cost of one paid hour (money units). */
  readonly hourlyCost: number;
}

/** A request: `leave` is a hard day off; `on` and `off` are weighted preferences. */
export interface RosterRequest {
  readonly agent: string;
  readonly day: number;
  readonly kind: "leave" | "on" | "off";
  /** The template the preference is about; absent = any shift that day. */
  readonly template?: string;
  /** Paid when an `on` request is not granted or an `off` request is broken (0 for leave). */
  readonly weight: number;
}

/** Agents wanted on a template on a day (by team, or from any team). */
export interface RosterDemand {
  readonly day: number;
  readonly template: string;
  /** Only agents of this team count; absent = any team. */
  readonly team?: string;
  /** Agents wanted; each one short costs `shortfallWeight`, each extra `excessWeight`. */
  readonly agents: number;
  /** Hard minimum (the roster must put at least this many). @defaultValue 0 */
  readonly minimum?: number;
}

/** Weights of the soft terms and the hard rest rules. */
export interface RosterRules {
  /** Minimum rest between the end of one shift and the start of the next, minutes. */
  readonly minRestMinutes: number;
  /** Template (family) pairs [from, to] that may not follow each other, beyond the rest rule. */
  readonly forbiddenSuccessions: readonly (readonly [string, string])[];
  /**
   * What "follow" means for `forbiddenSuccessions`: `calendar-days`, `to` worked on the day after
   * `from`; `working-days`, `to` is the next shift worked after `from`, however many days off lie
   * between. @defaultValue "calendar-days"
   */
  readonly forbiddenSuccessionScope?: "calendar-days" | "working-days";
  /**
   * Stable start times within each week (Monday to Sunday): the starts (minutes after midnight) of
   * an agent's shifts in a week should fit in one band of `maxStartDifferenceMinutes`. Each extra
   * band needed (the fewest bands of that width covering the week's starts, minus one: a "start
   * change") costs `penaltyPerChange`; without a penalty the rule is hard (no change allowed).
   */
  readonly stableStarts?: { readonly maxStartDifferenceMinutes: number; readonly penaltyPerChange?: number };
  /** Cost of each agent short on a demand. */
  readonly shortfallWeight: number;
  /** Cost of each agent beyond a demand. */
  readonly excessWeight: number;
  /** Weight of (most nights - fewest nights) among the agents of a team who may work nights. */
  readonly nightFairnessWeight: number;
  /** Weight of (most weekends - fewest weekends) among the agents of a team. */
  readonly weekendFairnessWeight: number;
  /**
   * Weight of (most public holidays worked - fewest) among the agents of a team (a holiday is
   * worked when a shift starts on it; see {@link RosterProblem.holidays}). @defaultValue 0
   */
  readonly holidayFairnessWeight?: number;
  /** Weight of the money cost (hourlyCost x paid hours). */
  readonly costWeight: number;
  /** Cost of each agent-hour short of an interval demand. @defaultValue 100 */
  readonly intervalShortfallWeight?: number;
  /** Cost of each agent-hour beyond an interval demand. @defaultValue 1 */
  readonly intervalExcessWeight?: number;
}

/**
 * Agents required in each interval of the period (integrated rostering: the roster chooses each
 * agent's shifts as well as who works them). An agent counts in an interval for the minutes of it
 * their shift covers, breaks (`breakWindows`) excluded, as a fraction of the interval.
 */
export interface RosterIntervalDemand {
  /** Only agents of this team count. @defaultValue any team */
  readonly team?: string;
  /** Length of an interval, minutes (divides 1440). */
  readonly intervalMinutes: number;
  /** Agents required per interval from day 0 00:00 (days x 1440 / intervalMinutes of them; missing ones need none). */
  readonly required: readonly number[];
}

/** A complete roster problem. */
export interface RosterProblem {
  readonly days: number;
  /** Weekday of day 0: 0 = Monday .. 6 = Sunday. */
  readonly firstWeekday: number;
  readonly templates: readonly RosterTemplate[];
  readonly agents: readonly RosterAgent[];
  readonly requests: readonly RosterRequest[];
  readonly demand: readonly RosterDemand[];
  readonly rules: RosterRules;
  /** Days of the period (0-based) that are public holidays, for holiday fairness. @defaultValue [] */
  readonly holidays?: readonly number[];
  /** Agents required per interval, beside (or instead of) the per-day `demand`. @defaultValue [] */
  readonly intervalDemand?: readonly RosterIntervalDemand[];
}

/** A roster: per agent id, the template name worked each day or "" for a day off. */
export type Roster = Readonly<Record<string, readonly string[]>>;

/** The template (family) a roster template is a start of: `family`, else its own name. */
export function familyOf(template: Pick<RosterTemplate, "name" | "family">): string {
  requireObject("familyOf", "template", template, ["name"]);
  return template.family ?? template.name;
}

/**
 * Start changes in one agent's week: the fewest bands of width `maxStartDifferenceMinutes` that
 * cover the week's start minutes, minus one (0 for an empty or stable week). Greedy from the
 * earliest start is optimal for points on a line.
 *
 * @example
 * ```ts
 * startChanges([420, 480, 900], 60); //=> 1 (07:00 and 08:00 in one band, 15:00 in a second)
 * ```
 * @throws {WfmError} `invalid-argument` when startMinutes is not an array or the width is negative
 */
export function startChanges(startMinutes: readonly number[], maxStartDifferenceMinutes: number): number {
  if (!Array.isArray(startMinutes)) invalidArgument("startChanges", "startMinutes", "an array of start minutes", startMinutes);
  if (!(maxStartDifferenceMinutes >= 0)) invalidArgument("startChanges", "maxStartDifferenceMinutes", "a non-negative number of minutes", maxStartDifferenceMinutes);
  const sorted = [...startMinutes].sort((x, y) => x - y);
  let bands = 0;
  let bandStart = -Infinity;
  for (const s of sorted) {
    if (s > bandStart + maxStartDifferenceMinutes) {
      bands++;
      bandStart = s;
    }
  }
  return Math.max(0, bands - 1);
}

/** Whether day d is a Saturday or Sunday. */
export function isWeekendDay(problem: Pick<RosterProblem, "firstWeekday">, day: number): boolean {
  requireObject("isWeekendDay", "problem", problem, ["firstWeekday"]);
  return (problem.firstWeekday + day) % 7 >= 5;
}

/**
 * The weekends of the period: for each, the days (Saturday and/or Sunday) inside the period.
 *
 * @example
 * ```ts
 * weekendsOf({ days: 7, firstWeekday: 0 }); //=> [[5, 6]]
 * ```
 */
export function weekendsOf(problem: Pick<RosterProblem, "days" | "firstWeekday">): number[][] {
  requireObject("weekendsOf", "problem", problem, ["days", "firstWeekday"]);
  const out: number[][] = [];
  for (let d = 0; d < problem.days; d++) {
    const weekday = (problem.firstWeekday + d) % 7;
    if (weekday === 5 || (weekday === 6 && d === 0)) out.push([d]);
    else if (weekday === 6) out[out.length - 1]!.push(d);
  }
  return out;
}

/**
 * The weeks (Monday to Sunday) of the period, with whether each lies wholly inside it. The
 * weekly maximum applies to every week, the weekly minimum only to whole weeks.
 *
 * @example
 * ```ts
 * weeksOf({ days: 10, firstWeekday: 2 }); //=> [{ days: [0, 1, 2, 3, 4], whole: false }, { days: [5, 6, 7, 8, 9], whole: false }]
 * ```
 */
export function weeksOf(problem: Pick<RosterProblem, "days" | "firstWeekday">): { days: number[]; whole: boolean }[] {
  requireObject("weeksOf", "problem", problem, ["days", "firstWeekday"]);
  const out: { days: number[]; whole: boolean }[] = [];
  for (let d = 0; d < problem.days; d++) {
    if (d === 0 || (problem.firstWeekday + d) % 7 === 0) out.push({ days: [], whole: false });
    out[out.length - 1]!.days.push(d);
  }
  for (const week of out) week.whole = week.days.length === 7;
  return out;
}

/**
 * The minutes of rest between template `from` worked on one day and `to` on the next:
 * (1440 + start_to) - (start_from + length_from).
 *
 * @example
 * ```ts
 * restMinutes({ startMinute: 1320, lengthMinutes: 540 }, { startMinute: 420 }); //=> 0 (night 22:00-07:00, then 07:00)
 * ```
 */
export function restMinutes(from: Pick<RosterTemplate, "startMinute" | "lengthMinutes">, to: Pick<RosterTemplate, "startMinute">): number {
  requireObject("restMinutes", "from", from, ["startMinute", "lengthMinutes"]);
  requireObject("restMinutes", "to", to, ["startMinute"]);
  return 1440 + to.startMinute - (from.startMinute + from.lengthMinutes);
}
