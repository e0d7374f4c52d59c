import { requireObject } from "../errors.js";
import type { MipModelData } from "../schedule/mip.js";
import { MipBuilder, addWorkRestPath } from "./model-builder.js";
import { restMinutes, weekendsOf, weeksOf, type RosterProblem } from "./problem.js";

/**
 * The MIP of a contact-centre roster.
 *
 * @module
 */

/** A relaxable hard rule: its slack variable and what it stands for (elastic mode only). */
export interface RosterSlack {
  readonly column: number;
  readonly rule: "minimum-cover" | "min-minutes-per-period" | "min-minutes-per-week" | "max-minutes-per-period" | "max-minutes-per-week" | "max-weekends" | "max-nights" | "max-shifts";
  /** The agent, or "" for cover. */
  readonly agent: string;
  readonly day?: number;
  readonly template?: string;
  readonly team?: string;
  /** Unit of the slack: "agents", "minutes", "weekends", "nights", "shifts". */
  readonly unit: string;
}

/** The MIP and where its variables sit. */
export interface RosterModel {
  readonly data: MipModelData;
  /** `assign[a][d][t]`: column of "agent a works template t on day d", or -1 when not allowed. */
  readonly assign: readonly (readonly (readonly number[])[])[];
  /** Slack columns of the relaxed hard rules (elastic mode), else empty. */
  readonly slacks: readonly RosterSlack[];
}

/** Options of {@link buildRosterModel}. */
export interface BuildRosterModelOptions {
  /**
   * Give the relaxable hard rules (minimum cover, minutes, weekends, nights, shifts) a slack that
   * costs `slackWeight` per unit, so the model always has a solution and the slack used shows
   * which rules conflict. @defaultValue false
   */
  readonly elastic?: boolean;
  /** Cost of one unit of slack in elastic mode (per hour for minutes rules). @defaultValue 1e6 */
  readonly slackWeight?: number;
  /** Cost of one agent short of a hard minimum in elastic mode. @defaultValue slackWeight */
  readonly coverSlackWeight?: number;
}

/**
 * Builds the roster MIP.
 *
 * Variables x_{a,d,t} in {0,1} (agent a works template t on day d; absent on leave and for
 * templates the agent may not work), the run/rest path of each agent (`addWorkRestPath`, for the
 * consecutive-days rules), k_{a,w} in {0,1} (weekend w worked), shortfall u_r and excess o_r per
 * demand row r, and per team the highest and lowest night and weekend counts (fairness).
 * Hard rows: one shift a day; rest (pairs (t, t') with (1440 + s_t') - (s_t + L_t) below the minimum
 * rest, and the configured forbidden successions, may not be worked on days d, d + 1); paid minutes
 * per period and per week (the minimum for whole weeks); shifts, weekends and nights at most their
 * limits; at least the hard minimum on each demand row.
 * Objective: shortfallWeight sum u + excessWeight sum o + request weights + fairness weights x
 * (high - low) per team + costWeight x hourlyCost x paid hours.
 *
 * @param problem - the roster problem
 * @param options - elastic mode
 * @returns the CSC data, the assignment columns and the slacks
 *
 * @example
 * ```ts
 * buildRosterModel(problem).data.numCols; //=> variables of the MIP
 * ```
 * Reference: Ernst, Jiang, Krishnamoorthy, Sier, "Staff scheduling and rostering: a review of
 * applications, methods and models", EJOR 153 (2004).
 */
export function buildRosterModel(problem: RosterProblem, options: BuildRosterModelOptions = {}): RosterModel {
  requireObject("buildRosterModel", "problem", problem, ["days", "firstWeekday", "templates", "agents", "requests", "demand", "rules"]);
  const { elastic = false, slackWeight = 1e6, coverSlackWeight = slackWeight } = options;
  const H = problem.days;
  const T = problem.templates;
  const templateIndex = new Map(T.map((t, i) => [t.name, i]));
  const b = new MipBuilder();
  const slacks: RosterSlack[] = [];
  const slack = (info: Omit<RosterSlack, "column">): number => {
    const column = b.variable({ cost: info.rule === "minimum-cover" ? coverSlackWeight : info.unit === "minutes" ? slackWeight / 60 : slackWeight });
    slacks.push({ ...info, column });
    return column;
  };
  const leave = new Set(problem.requests.filter((r) => r.kind === "leave").map((r) => `${r.agent}\u0000${r.day}`));
  const assign = problem.agents.map((agent) =>
    Array.from({ length: H }, (_, d) =>
      T.map((t) => {
        if (leave.has(`${agent.id}\u0000${d}`)) return -1;
        if (agent.templates.length > 0 && !agent.templates.includes(t.name)) return -1;
        return b.variable({ upper: 1, integer: true, cost: (problem.rules.costWeight * agent.hourlyCost * t.paidMinutes) / 60 });
      }),
    ),
  );
  const dayTerms = (a: number, d: number): [number, number][] => assign[a]![d]!.filter((j) => j >= 0).map((j) => [j, 1]);
  const negative = (terms: readonly (readonly [number, number])[]) => terms.map(([j, v]) => [j, -v] as const);
  const forbidden = T.map((from) =>
    T.map((to) => restMinutes(from, to) < problem.rules.minRestMinutes || problem.rules.forbiddenSuccessions.some(([x, y]) => x === from.name && y === to.name)),
  );
  const weekends = weekendsOf(problem);
  const weeks = weeksOf(problem);
  const nightTemplates = T.map((t, i) => (t.night ? i : -1)).filter((i) => i >= 0);

  const nightCount: [number, number][][] = [];
  const weekendCount: [number, number][][] = [];
  problem.agents.forEach((agent, a) => {
    for (let d = 0; d < H; d++) if (dayTerms(a, d).length > 1) b.row(dayTerms(a, d), -Infinity, 1);
    // rest and forbidden successions
    for (let d = 0; d + 1 < H; d++) {
      T.forEach((_, t) => {
        const j = assign[a]![d]![t]!;
        if (j < 0) return;
        const terms: [number, number][] = [[j, 1]];
        T.forEach((__, u) => forbidden[t]![u] && assign[a]![d + 1]![u]! >= 0 && terms.push([assign[a]![d + 1]![u]!, 1]));
        if (terms.length > 1) b.row(terms, -Infinity, 1);
      });
    }
    // consecutive days as runs
    const covering = addWorkRestPath(b, {
      workable: Array.from({ length: H }, (_, d) => dayTerms(a, d).length > 0),
      maxWorkRun: agent.maxConsecutiveDays,
      minWorkRun: agent.minConsecutiveDays,
      minRestRun: agent.minConsecutiveDaysOff,
    });
    for (let d = 0; d < H; d++) b.row([...dayTerms(a, d), ...negative(covering[d]!)], 0, 0);
    // minutes per period and per week, shifts
    const paid = (days: readonly number[]): [number, number][] =>
      days.flatMap((d) => T.map((t, i) => [assign[a]![d]![i]!, t.paidMinutes] as [number, number]).filter(([j]) => j >= 0));
    const all = Array.from({ length: H }, (_, d) => d);
    const bounded = (terms: [number, number][], lower: number, upper: number, rule: RosterSlack["rule"], unit: string, day?: number) => {
      if (lower <= 0 && upper === Infinity) return;
      if (!elastic) {
        b.row(terms, lower > 0 ? lower : -Infinity, upper);
        return;
      }
      const extra: [number, number][] = [];
      if (lower > 0) extra.push([slack({ rule: rule.replace("max", "min") as RosterSlack["rule"], agent: agent.id, unit, ...(day === undefined ? {} : { day }) }), 1]);
      if (upper < Infinity) extra.push([slack({ rule: rule.replace("min", "max") as RosterSlack["rule"], agent: agent.id, unit, ...(day === undefined ? {} : { day }) }), -1]);
      b.row([...terms, ...extra], lower > 0 ? lower : -Infinity, upper);
    };
    bounded(paid(all), agent.minMinutesPerPeriod, agent.maxMinutesPerPeriod, "min-minutes-per-period", "minutes");
    for (const week of weeks) bounded(paid(week.days), week.whole ? agent.minMinutesPerWeek : 0, agent.maxMinutesPerWeek, "max-minutes-per-week", "minutes", week.days[0]);
    if (agent.maxShifts < H) bounded(all.flatMap((d) => dayTerms(a, d)), 0, agent.maxShifts, "max-shifts", "shifts");
    // nights
    const nights: [number, number][] = all.flatMap((d) => nightTemplates.map((t) => assign[a]![d]![t]!).filter((j) => j >= 0).map((j) => [j, 1] as [number, number]));
    nightCount.push(nights);
    if (nights.length > agent.maxNights) bounded(nights, 0, agent.maxNights, "max-nights", "nights");
    // weekends
    const worked: [number, number][] = [];
    for (const days of weekends) {
      const terms = days.flatMap((d) => dayTerms(a, d));
      if (terms.length === 0) continue;
      const k = b.variable({ upper: 1, integer: true });
      worked.push([k, 1]);
      for (const d of days) if (dayTerms(a, d).length > 0) b.row([[k, 1], ...negative(dayTerms(a, d))], 0, Infinity);
      b.row([[k, 1], ...negative(terms)], -Infinity, 0);
    }
    weekendCount.push(worked);
    if (worked.length > agent.maxWeekends) bounded(worked, 0, agent.maxWeekends, "max-weekends", "weekends");
  });

  // fairness: per team, high >= count >= low for every eligible agent
  const fairness = (counts: [number, number][][], weight: number, eligible: (a: number) => boolean) => {
    if (weight <= 0) return;
    for (const team of new Set(problem.agents.map((x) => x.team))) {
      const members = problem.agents.map((x, a) => a).filter((a) => problem.agents[a]!.team === team && eligible(a));
      if (members.length < 2) continue;
      const high = b.variable({ cost: weight });
      const low = b.variable({ cost: -weight, upper: H });
      for (const a of members) {
        b.row([[high, 1], ...negative(counts[a]!)], 0, Infinity);
        b.row([[low, 1], ...negative(counts[a]!)], -Infinity, 0);
      }
    }
  };
  fairness(nightCount, problem.rules.nightFairnessWeight, (a) => problem.agents[a]!.maxNights > 0 && nightCount[a]!.length > 0);
  fairness(weekendCount, problem.rules.weekendFairnessWeight, () => true);

  // requests
  for (const r of problem.requests) {
    if (r.kind === "leave" || r.weight === 0) continue;
    const a = problem.agents.findIndex((x) => x.id === r.agent);
    const columns = r.template === undefined ? assign[a]![r.day]!.filter((j) => j >= 0) : [assign[a]![r.day]![templateIndex.get(r.template)!]!].filter((j) => j >= 0);
    // on: pay weight (1 - sum x); off: pay weight sum x
    if (r.kind === "on") {
      b.offset += r.weight;
      for (const j of columns) b.addCost(j, -r.weight);
    } else for (const j of columns) b.addCost(j, r.weight);
  }
  // demand
  for (const demand of problem.demand) {
    const t = templateIndex.get(demand.template)!;
    const terms: [number, number][] = [];
    problem.agents.forEach((agent, a) => {
      if (demand.team !== undefined && agent.team !== demand.team) return;
      const j = assign[a]![demand.day]![t]!;
      if (j >= 0) terms.push([j, 1]);
    });
    const under = b.variable({ cost: problem.rules.shortfallWeight, upper: demand.agents });
    const over = b.variable({ cost: problem.rules.excessWeight });
    b.row([...terms, [under, 1], [over, -1]], demand.agents, demand.agents);
    const minimum = demand.minimum ?? 0;
    if (minimum > 0) {
      const extra: [number, number][] = elastic
        ? [[slack({ rule: "minimum-cover", agent: "", day: demand.day, template: demand.template, ...(demand.team === undefined ? {} : { team: demand.team }), unit: "agents" }), 1]]
        : [];
      b.row([...terms, ...extra], minimum, Infinity);
    }
  }
  return { data: b.build(), assign, slacks };
}
