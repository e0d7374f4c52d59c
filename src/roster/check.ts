import { requireObject } from "../errors.js";
import { familyOf, isWeekendDay, startChanges, weeksOf, type Roster, type RosterIntervalDemand, type RosterProblem } from "./problem.js";

/**
 * The independent checker of a contact-centre roster: every hard rule checked by walking each
 * agent's days and counting (clock-time rest, runs, weeks, weekends, nights, leave, templates,
 * hard minimum cover), sharing no code with the MIP, and the soft terms recomputed.
 *
 * @module
 */

/** The hard rules of the roster. */
export type RosterRule =
  | "roster-shape"
  | "unknown-template"
  | "template-not-allowed"
  | "leave"
  | "rest"
  | "forbidden-succession"
  | "max-shifts"
  | "min-minutes-per-period"
  | "max-minutes-per-period"
  | "min-minutes-per-week"
  | "max-minutes-per-week"
  | "max-consecutive-days"
  | "min-consecutive-days"
  | "min-consecutive-days-off"
  | "max-weekends"
  | "max-nights"
  | "minimum-cover"
  | "stable-starts";

/** One broken hard rule. */
export interface RosterViolation {
  readonly rule: RosterRule;
  /** The agent, or "" for cover. */
  readonly agent: string;
  readonly day?: number;
  readonly message: string;
}

/** The soft terms and hard-rule violations of a roster. */
export interface RosterCheck {
  readonly feasible: boolean;
  readonly violations: readonly RosterViolation[];
  /** Agents short, summed over demands. */
  readonly shortfall: number;
  /** Agents beyond the demand, summed over demands. */
  readonly excess: number;
  /** Weights of `on` requests not granted plus `off` requests broken. */
  readonly requestPenalty: number;
  /** Requests granted / soft requests. */
  readonly requestsGranted: number;
  readonly softRequests: number;
  /** Sum over teams of (most - fewest) nights among agents allowed a night template. */
  readonly nightSpread: number;
  /** Sum over teams of (most - fewest) weekends worked. */
  readonly weekendSpread: number;
  /** Sum over teams of (most - fewest) public holidays worked (0 without holidays). */
  readonly holidaySpread: number;
  /** Agent-hours short of the interval demands (0 without them). */
  readonly intervalShortfallHours: number;
  /** Agent-hours beyond the interval demands (0 without them). */
  readonly intervalExcessHours: number;
  /** Start changes within weeks, summed over agents and weeks (0 without `stableStarts`). */
  readonly startChanges: number;
  /** Sum of hourlyCost x paid hours. */
  readonly cost: number;
  /** shortfallWeight x shortfall + excessWeight x excess + requestPenalty + fairness weights x spreads + penaltyPerChange x startChanges + costWeight x cost. */
  readonly objective: number;
}

/** Maximal runs of `true`: [first, last] inclusive. */
function runs(flags: readonly boolean[]): [number, number][] {
  const out: [number, number][] = [];
  let start = -1;
  for (let d = 0; d <= flags.length; d++) {
    const on = d < flags.length && flags[d];
    if (on && start < 0) start = d;
    if (!on && start >= 0) {
      out.push([start, d - 1]);
      start = -1;
    }
  }
  return out;
}

/**
 * Checks every hard rule of a roster and recomputes its objective.
 *
 * Rest is measured on the clock between each shift and the next one worked, whatever days off lie
 * between: a shift on day d from s to s + L and the next on day d' starting at s' rest
 * (d' - d) x 1440 + s' - (s + L) minutes, at least `minRestMinutes`. A forbidden succession
 * [from, to] is broken by `to` on the day after `from` (scope `calendar-days`) or by `to` as the next
 * shift worked after `from` (scope `working-days`). Templates, demand and requests match by family
 * (a template with a window of starts). Weeks run Monday to Sunday (the minimum only for whole
 * weeks); a weekend is worked if Saturday or Sunday is. Stable starts: per agent and week, the
 * fewest bands of the allowed width covering the starts, minus one, are its start changes (hard
 * rule without a penalty).
 *
 * @param problem - the roster problem
 * @param roster - per agent id, the template or "" per day
 * @returns violations, soft terms and the objective
 *
 * @example
 * ```ts
 * checkRoster(problem, roster).feasible; //=> true
 * ```
 */
export function checkRoster(problem: RosterProblem, roster: Roster): RosterCheck {
  requireObject("checkRoster", "problem", problem, ["days", "firstWeekday", "templates", "agents", "requests", "demand", "rules"]);
  requireObject("checkRoster", "roster", roster);
  const violations: RosterViolation[] = [];
  const templates = new Map(problem.templates.map((t) => [t.name, t]));
  const forbidden = new Set(problem.rules.forbiddenSuccessions.map(([a, b]) => `${a}\u0000${b}`));
  const workingDays = problem.rules.forbiddenSuccessionScope === "working-days";
  const stable = problem.rules.stableStarts;
  const weeks = weeksOf(problem);
  let changes = 0;
  const leave = new Set(problem.requests.filter((r) => r.kind === "leave").map((r) => `${r.agent}\u0000${r.day}`));
  const nightsOf = new Map<string, number>();
  const weekendsOf = new Map<string, number>();
  const holidaysOf = new Map<string, number>();
  const holidays = [...new Set(problem.holidays ?? [])];
  let cost = 0;
  for (const id of Object.keys(roster)) {
    if (!problem.agents.some((a) => a.id === id)) violations.push({ rule: "roster-shape", agent: id, message: `agent ${id} is not in the problem` });
  }
  for (const agent of problem.agents) {
    const days = roster[agent.id];
    if (days === undefined || days.length !== problem.days) {
      violations.push({ rule: "roster-shape", agent: agent.id, message: `agent ${agent.id} needs ${problem.days} days, got ${days?.length ?? 0}` });
      continue;
    }
    const say = (rule: RosterRule, message: string, day?: number) => violations.push({ rule, agent: agent.id, ...(day === undefined ? {} : { day }), message: `${agent.id}: ${message}` });
    let minutes = 0;
    let shifts = 0;
    let nights = 0;
    const paid: number[] = days.map(() => 0);
    days.forEach((name, d) => {
      if (name === "") return;
      const t = templates.get(name);
      if (t === undefined) {
        say("unknown-template", `unknown template ${JSON.stringify(name)} on day ${d}`, d);
        return;
      }
      shifts++;
      minutes += t.paidMinutes;
      paid[d] = t.paidMinutes;
      if (t.night) nights++;
      cost += (agent.hourlyCost * t.paidMinutes) / 60;
      if (agent.templates.length > 0 && !agent.templates.includes(familyOf(t))) say("template-not-allowed", `may not work ${name} (day ${d})`, d);
      if (leave.has(`${agent.id}\u0000${d}`)) say("leave", `works ${name} on leave day ${d}`, d);
      // the next shift worked, however many days later
      let e = d + 1;
      while (e < days.length && days[e] === "") e++;
      const next = e < days.length ? templates.get(days[e]!) : undefined;
      if (next !== undefined) {
        const rest = (e - d) * 1440 + next.startMinute - (t.startMinute + t.lengthMinutes);
        if (rest < problem.rules.minRestMinutes) say("rest", `${rest} minutes of rest between ${name} on day ${d} and ${next.name} on day ${e}, at least ${problem.rules.minRestMinutes}`, d);
        if ((e === d + 1 || workingDays) && forbidden.has(`${familyOf(t)}\u0000${familyOf(next)}`)) say("forbidden-succession", `${next.name} on day ${e} may not follow ${name} (day ${d})`, d);
      }
    });
    if (stable !== undefined) {
      for (const week of weeks) {
        const starts = week.days.flatMap((d) => {
          const t = templates.get(days[d] ?? "");
          return t ? [t.startMinute] : [];
        });
        const n = startChanges(starts, stable.maxStartDifferenceMinutes);
        if (n > 0 && stable.penaltyPerChange === undefined) say("stable-starts", `${n} start change(s) in the week from day ${week.days[0]} (starts ${starts.join(", ")}), bands of ${stable.maxStartDifferenceMinutes} minutes`, week.days[0]);
        changes += n;
      }
    }
    if (shifts > agent.maxShifts) say("max-shifts", `${shifts} shifts, at most ${agent.maxShifts}`);
    if (minutes < agent.minMinutesPerPeriod) say("min-minutes-per-period", `${minutes} paid minutes, at least ${agent.minMinutesPerPeriod}`);
    if (minutes > agent.maxMinutesPerPeriod) say("max-minutes-per-period", `${minutes} paid minutes, at most ${agent.maxMinutesPerPeriod}`);
    // weeks: Monday to Sunday
    let weekStart = 0;
    for (let d = 1; d <= problem.days; d++) {
      if (d < problem.days && (problem.firstWeekday + d) % 7 !== 0) continue;
      const inWeek = paid.slice(weekStart, d).reduce((a, b) => a + b, 0);
      if (inWeek > agent.maxMinutesPerWeek) say("max-minutes-per-week", `${inWeek} paid minutes in the week from day ${weekStart}, at most ${agent.maxMinutesPerWeek}`, weekStart);
      if (d - weekStart === 7 && inWeek < agent.minMinutesPerWeek) say("min-minutes-per-week", `${inWeek} paid minutes in the week from day ${weekStart}, at least ${agent.minMinutesPerWeek}`, weekStart);
      weekStart = d;
    }
    const working = days.map((name) => name !== "");
    for (const [first, last] of runs(working)) {
      const length = last - first + 1;
      if (length > agent.maxConsecutiveDays) say("max-consecutive-days", `${length} working days in a row from day ${first}, at most ${agent.maxConsecutiveDays}`, first);
      if (first > 0 && last < problem.days - 1 && length < agent.minConsecutiveDays) say("min-consecutive-days", `${length} working days in a row from day ${first}, at least ${agent.minConsecutiveDays}`, first);
    }
    for (const [first, last] of runs(working.map((w) => !w))) {
      const length = last - first + 1;
      if (first > 0 && last < problem.days - 1 && length < agent.minConsecutiveDaysOff) say("min-consecutive-days-off", `${length} days off in a row from day ${first}, at least ${agent.minConsecutiveDaysOff}`, first);
    }
    let weekends = 0;
    for (let d = 0; d < problem.days; d++) {
      if (!isWeekendDay(problem, d)) continue;
      const sunday = (problem.firstWeekday + d) % 7 === 6;
      const saturdayInPeriod = sunday && d > 0;
      if (saturdayInPeriod) continue; // counted with its Saturday
      if (working[d] || (!sunday && working[d + 1] === true)) weekends++;
    }
    if (weekends > agent.maxWeekends) say("max-weekends", `${weekends} weekends worked, at most ${agent.maxWeekends}`);
    if (nights > agent.maxNights) say("max-nights", `${nights} nights, at most ${agent.maxNights}`);
    nightsOf.set(agent.id, nights);
    weekendsOf.set(agent.id, weekends);
    holidaysOf.set(agent.id, holidays.filter((d) => (days[d] ?? "") !== "").length);
  }

  let shortfall = 0;
  let excess = 0;
  for (const demand of problem.demand) {
    let n = 0;
    for (const agent of problem.agents) if ((demand.team === undefined || agent.team === demand.team) && familyOf(templates.get(roster[agent.id]?.[demand.day] ?? "") ?? { name: "" }) === demand.template) n++;
    shortfall += Math.max(0, demand.agents - n);
    excess += Math.max(0, n - demand.agents);
    if (n < (demand.minimum ?? 0)) {
      violations.push({ rule: "minimum-cover", agent: "", day: demand.day, message: `${n} agents${demand.team ? ` of ${demand.team}` : ""} on ${demand.template} on day ${demand.day}, at least ${demand.minimum}` });
    }
  }
  let requestPenalty = 0;
  let requestsGranted = 0;
  let softRequests = 0;
  for (const r of problem.requests) {
    if (r.kind === "leave") continue;
    softRequests++;
    const worked = roster[r.agent]?.[r.day] ?? "";
    const t = templates.get(worked);
    const matches = r.template === undefined ? worked !== "" : t !== undefined && familyOf(t) === r.template;
    const granted = r.kind === "on" ? matches : !matches;
    if (granted) requestsGranted++;
    else requestPenalty += r.weight;
  }
  const spread = (values: Map<string, number>, eligible: (a: RosterProblem["agents"][number]) => boolean) => {
    let total = 0;
    for (const team of new Set(problem.agents.map((a) => a.team))) {
      const list = problem.agents.filter((a) => a.team === team && eligible(a) && values.has(a.id)).map((a) => values.get(a.id)!);
      if (list.length > 1) total += Math.max(...list) - Math.min(...list);
    }
    return total;
  };
  const nightNames = new Set(problem.templates.filter((t) => t.night).map((t) => familyOf(t)));
  const nightSpread = spread(nightsOf, (a) => a.maxNights > 0 && (a.templates.length === 0 ? nightNames.size > 0 : a.templates.some((t) => nightNames.has(t))));
  const startChangeCost = stable?.penaltyPerChange === undefined ? 0 : stable.penaltyPerChange * changes;
  const weekendSpread = spread(weekendsOf, () => true);
  const holidaySpread = holidays.length > 0 ? spread(holidaysOf, () => true) : 0;
  let intervalShortfallHours = 0;
  let intervalExcessHours = 0;
  for (const demand of problem.intervalDemand ?? []) {
    const present = intervalCoverage(problem, roster, demand);
    present.forEach((agents, i) => {
      const required = demand.required[i] ?? 0;
      intervalShortfallHours += (Math.max(0, required - agents) * demand.intervalMinutes) / 60;
      intervalExcessHours += (Math.max(0, agents - required) * demand.intervalMinutes) / 60;
    });
  }
  const w = problem.rules;
  const objective =
    w.shortfallWeight * shortfall +
    w.excessWeight * excess +
    requestPenalty +
    w.nightFairnessWeight * nightSpread +
    w.weekendFairnessWeight * weekendSpread +
    (w.holidayFairnessWeight ?? 0) * holidaySpread +
    (w.intervalShortfallWeight ?? 100) * intervalShortfallHours +
    (w.intervalExcessWeight ?? 1) * intervalExcessHours +
    startChangeCost +
    w.costWeight * cost;
  return { feasible: violations.length === 0, violations, shortfall, excess, requestPenalty, requestsGranted, softRequests, nightSpread, weekendSpread, holidaySpread, intervalShortfallHours, intervalExcessHours, startChanges: changes, cost, objective };
}

/**
 * Agents present in each interval of an interval demand, counted minute by minute: every minute of
 * a shift (from the template's start on its day, for its length, the next day too), except the
 * minutes of its breaks, adds 1 / intervalMinutes to its interval; minutes past the period count
 * nowhere. Only agents of the demand's team (any team without one).
 *
 * @param problem - the roster problem (templates, agents, days)
 * @param roster - the roster
 * @param demand - the interval demand
 * @returns agents present per interval (days x 1440 / intervalMinutes values)
 *
 * @example
 * ```ts
 * // one agent on 07:00-15:00 with a break 11:00-11:30, 60-minute intervals
 * intervalCoverage(problem, { a: ["Early"] }, { intervalMinutes: 60, required: [] })[11]; //=> 0.5
 * ```
 */
export function intervalCoverage(problem: RosterProblem, roster: Roster, demand: RosterIntervalDemand): number[] {
  requireObject("intervalCoverage", "demand", demand, ["intervalMinutes", "required"]);
  const L = demand.intervalMinutes;
  const horizonMinutes = problem.days * 1440;
  const minutes = new Array<number>(Math.ceil(horizonMinutes / L)).fill(0);
  const templates = new Map(problem.templates.map((t) => [t.name, t]));
  for (const agent of problem.agents) {
    if (demand.team !== undefined && agent.team !== demand.team) continue;
    (roster[agent.id] ?? []).forEach((name, d) => {
      const t = templates.get(name);
      if (t === undefined) return;
      for (let m = 0; m < t.lengthMinutes; m++) {
        if ((t.breakWindows ?? []).some((b) => m >= b.startMinute && m < b.startMinute + b.lengthMinutes)) continue;
        const at = d * 1440 + t.startMinute + m;
        if (at < horizonMinutes) minutes[Math.floor(at / L)]!++;
      }
    });
  }
  return minutes.map((n) => n / L);
}
