import { requireObject } from "../errors.js";
import type { MipModelData } from "../schedule/mip.js";
import { MipBuilder } from "./model-builder.js";
import { familyOf, weekendsOf, weeksOf, type RosterProblem } from "./problem.js";

/**
 * The MIP of a contact-centre roster.
 *
 * @module
 */

/** A relaxable hard rule: its slack variable and what it stands for (elastic mode only). */
export interface RosterSlack {
  readonly column: number;
  readonly rule:
    | "minimum-cover"
    | "min-minutes-per-period"
    | "min-minutes-per-week"
    | "max-minutes-per-period"
    | "max-minutes-per-week"
    | "max-weekends"
    | "max-nights"
    | "max-shifts"
    | "stable-starts";
  /** The agent, or "" for cover. */
  readonly agent: string;
  readonly day?: number;
  readonly template?: string;
  readonly team?: string;
  /** Unit of the slack: "agents", "minutes", "weekends", "nights", "shifts", "start changes". */
  readonly unit: string;
}

/** The MIP and where its variables sit. */
export interface RosterModel {
  readonly data: MipModelData;
  /** `assign[a][d][t]`: column of "agent a works template t on day d", or -1 when not allowed. */
  readonly assign: readonly (readonly (readonly number[])[])[];
  /** Slack columns of the relaxed hard rules (elastic mode), else empty. */
  readonly slacks: readonly RosterSlack[];
  /** The night and weekend fairness groups (teams with a positive weight and two members or more). */
  readonly fairness: readonly FairnessGroup[];
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
  /**
   * Restricts fairness groups to levels: every member of the group `kind` of `team` works between
   * `low` and `high` nights or weekends (bounds on the group's lowest and highest count). A
   * restriction, not a rule: the search uses it to look for rosters whose spreads are already at
   * their bound. @defaultValue none
   */
  readonly fairnessLevels?: readonly FairnessLevel[];
}

/** Levels of one fairness group (see {@link BuildRosterModelOptions.fairnessLevels}). */
export interface FairnessLevel {
  readonly kind: FairnessGroup["kind"];
  readonly team: string;
  readonly low: number;
  readonly high: number;
}

/** A fairness group of the model: a team's night or weekend counts and its extremes' columns. */
export interface FairnessGroup {
  readonly kind: "nights" | "weekends" | "holidays";
  readonly team: string;
  /** Agent indices of the members. */
  readonly members: readonly number[];
  /** Per member (same order), the columns whose sum is their count. */
  readonly counts: readonly (readonly number[])[];
  /** Columns of the group's highest and lowest count. */
  readonly high: number;
  readonly low: number;
}

/**
 * Builds the roster MIP.
 *
 * Variables x_{a,d,t} in {0,1} (agent a works template t on day d; absent on leave and for
 * templates the agent may not work), k_{a,w} in {0,1} (weekend w worked), shortfall u_r and excess
 * o_r per demand row r, per team the highest and lowest night, weekend and public-holiday counts (integer, so
 * branching bounds the spreads), and with stable starts a band variable per agent, week and start.
 * Hard rows: one shift a day; rest on the clock (t on day d and t' on day d + g with
 * g x 1440 + s_t' - (s_t + L_t) below the minimum rest may not both be worked, for every gap g, so
 * across days off too); forbidden successions on consecutive calendar days, or (scope
 * `working-days`) between a shift and the next one worked, through a "last shift was `from`" state
 * p_d >= x_{d,from}, p_d >= p_{d-1} - work_d, p_{d-1} + x_{d,to} <= 1; consecutive days as windows
 * (at most K working days in any K + 1; no day-off run shorter than the minimum between two working
 * days, no working run shorter than the minimum between two days off); paid minutes per period and
 * per week (the minimum for whole weeks); shifts, weekends and nights at most their limits; at
 * least the hard minimum on each demand row; stable starts (hard: one band per week).
 * Objective: shortfallWeight sum u + excessWeight sum o + request weights + fairness weights x
 * (high - low) per team + start-change penalties + costWeight x hourlyCost x paid hours.
 *
 * @param problem - the roster problem
 * With `fairnessLevels`, a group's lowest count is at least `low` and its highest at most `high`,
 * so every member's count lies in [low, high].
 *
 * @param options - elastic mode, fairness levels
 * @returns the CSC data, the assignment columns, the slacks and the fairness groups
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
  const b = new MipBuilder();
  const slacks: RosterSlack[] = [];
  const slack = (info: Omit<RosterSlack, "column">): number => {
    const column = b.variable({ cost: info.rule === "minimum-cover" ? coverSlackWeight : info.unit === "minutes" ? slackWeight / 60 : slackWeight });
    slacks.push({ ...info, column });
    return column;
  };
  const leave = new Set(problem.requests.filter((r) => r.kind === "leave").map((r) => `${r.agent}\u0000${r.day}`));
  const family = T.map((t) => familyOf(t));
  const assign = problem.agents.map((agent) =>
    Array.from({ length: H }, (_, d) =>
      T.map((t, i) => {
        if (leave.has(`${agent.id}\u0000${d}`)) return -1;
        if (agent.templates.length > 0 && !agent.templates.includes(family[i]!)) return -1;
        return b.variable({ upper: 1, integer: true, cost: (problem.rules.costWeight * agent.hourlyCost * t.paidMinutes) / 60 });
      }),
    ),
  );
  const dayTerms = (a: number, d: number): [number, number][] => assign[a]![d]!.filter((j) => j >= 0).map((j) => [j, 1]);
  const negative = (terms: readonly (readonly [number, number])[]) => terms.map(([j, v]) => [j, -v] as const);
  const scope = problem.rules.forbiddenSuccessionScope ?? "calendar-days";
  const succession = (from: number, to: number) => problem.rules.forbiddenSuccessions.some(([x, y]) => x === family[from] && y === family[to]);
  // clash[g][t][u]: t on day d and u on day d + g rest less than the minimum (on the clock), or (g = 1,
  // calendar-day scope) form a forbidden succession
  const maxGap = Math.max(1, ...T.map((t) => Math.ceil((t.startMinute + t.lengthMinutes + problem.rules.minRestMinutes) / 1440)));
  const clash = Array.from({ length: maxGap + 1 }, (_, g) =>
    T.map((from, t) => T.map((to, u) => g >= 1 && (g * 1440 + to.startMinute - (from.startMinute + from.lengthMinutes) < problem.rules.minRestMinutes || (g === 1 && scope === "calendar-days" && succession(t, u))))),
  );
  const weekends = weekendsOf(problem);
  const weeks = weeksOf(problem);
  const nightTemplates = T.map((t, i) => (t.night ? i : -1)).filter((i) => i >= 0);
  const stable = problem.rules.stableStarts;

  const nightCount: [number, number][][] = [];
  const weekendCount: [number, number][][] = [];
  const holidays = [...new Set(problem.holidays ?? [])].filter((d) => d >= 0 && d < H);
  const holidayCount = problem.agents.map((_, a) => holidays.flatMap((d) => dayTerms(a, d)));
  problem.agents.forEach((agent, a) => {
    for (let d = 0; d < H; d++) if (dayTerms(a, d).length > 1) b.row(dayTerms(a, d), -Infinity, 1);
    // rest on the clock (across days off too) and calendar-day forbidden successions: at most one
    // of (t on day d) and the templates clashing with it g days later (one shift a day)
    for (let d = 0; d + 1 < H; d++) {
      T.forEach((_, t) => {
        const j = assign[a]![d]![t]!;
        if (j < 0) return;
        for (let g = 1; g <= maxGap && d + g < H; g++) {
          const terms: [number, number][] = [[j, 1]];
          T.forEach((__, u) => clash[g]![t]![u] && assign[a]![d + g]![u]! >= 0 && terms.push([assign[a]![d + g]![u]!, 1]));
          if (terms.length > 1) b.row(terms, -Infinity, 1);
        }
      });
    }
    // working-day forbidden successions: p_d = "the last shift worked up to day d is `from`",
    // p_d >= x_{d,from}, p_d >= p_{d-1} - work_d, and p_{d-1} + x_{d,to} <= 1
    if (scope === "working-days") {
      for (const fromFamily of new Set(problem.rules.forbiddenSuccessions.map(([x]) => x))) {
        const from = T.map((_, i) => i).filter((i) => family[i] === fromFamily);
        const to = T.map((_, i) => i).filter((u) => from.some((t) => succession(t, u)));
        let previous = -1;
        for (let d = 0; d < H; d++) {
          const toTerms: [number, number][] = to.map((u) => [assign[a]![d]![u]!, 1] as [number, number]).filter(([j]) => j >= 0);
          if (previous >= 0 && toTerms.length > 0) b.row([[previous, 1], ...toTerms], -Infinity, 1);
          const fromTerms: [number, number][] = from.map((t) => [assign[a]![d]![t]!, 1] as [number, number]).filter(([j]) => j >= 0);
          if (previous < 0 && fromTerms.length === 0) continue;
          const p = b.variable({ upper: 1 });
          if (fromTerms.length > 0) b.row([[p, 1], ...negative(fromTerms)], 0, Infinity);
          if (previous >= 0) b.row([[p, 1], [previous, -1], ...dayTerms(a, d)], 0, Infinity);
          previous = p;
        }
      }
    }
    // consecutive days as windows on work_d = sum_t x_{d,t} (0 on leave): at most maxConsecutiveDays
    // in any maxConsecutiveDays + 1 days; no run of k < minConsecutiveDaysOff days off between two
    // working days (w_{d-1} - sum w_{d..d+k-1} + w_{d+k} <= 1); no run of k < minConsecutiveDays
    // working days between two days off (sum w_{d..d+k-1} - w_{d-1} - w_{d+k} <= k - 1); runs touching
    // the period's ends are exempt from the minimums, as in the checker
    const span = (first: number, last: number) => Array.from({ length: last - first + 1 }, (_, i) => dayTerms(a, first + i)).flat();
    const K = agent.maxConsecutiveDays;
    if (K < H) for (let d = 0; d + K < H; d++) {
      const terms = span(d, d + K);
      if (terms.length > 0) b.row(terms, -Infinity, K);
    }
    for (let k = 1; k < agent.minConsecutiveDaysOff; k++) {
      for (let d = 1; d + k < H; d++) {
        const before = dayTerms(a, d - 1);
        const after = dayTerms(a, d + k);
        if (before.length > 0 && after.length > 0) b.row([...before, ...negative(span(d, d + k - 1)), ...after], -Infinity, 1);
      }
    }
    for (let k = 1; k < agent.minConsecutiveDays; k++) {
      for (let d = 1; d + k < H; d++) {
        // a day in the run the agent cannot work (leave) makes the run impossible already
        if (Array.from({ length: k }, (_, i) => dayTerms(a, d + i).length).some((n) => n === 0)) continue;
        const inside = span(d, d + k - 1);
        b.row([...inside, ...negative(dayTerms(a, d - 1)), ...negative(dayTerms(a, d + k))], -Infinity, k - 1);
      }
    }
    // stable starts: z_{w,s} = "the band [s, s + D] is used in week w" for each start s the agent
    // may work; every shift lies in a used band; e_w >= sum_s z_{w,s} - 1 start changes (hard: 0)
    if (stable !== undefined) {
      const D = stable.maxStartDifferenceMinutes;
      const mine = T.map((_, i) => i).filter((i) => assign[a]!.some((columns) => columns[i]! >= 0));
      const starts = [...new Set(mine.map((i) => T[i]!.startMinute))].sort((x, y) => x - y);
      if (starts.length > 0 && starts[starts.length - 1]! - starts[0]! > D) {
        for (const week of weeks) {
          if (!week.days.some((d) => dayTerms(a, d).length > 0)) continue;
          const z = starts.map(() => b.variable({ upper: 1, integer: true }));
          for (const d of week.days)
            for (const i of mine) {
              const j = assign[a]![d]![i]!;
              if (j < 0) continue;
              const s0 = T[i]!.startMinute;
              b.row([[j, 1], ...starts.flatMap((s, k) => (s <= s0 && s0 <= s + D ? [[z[k]!, -1] as [number, number]] : []))], -Infinity, 0);
            }
          const hard = stable.penaltyPerChange === undefined;
          const changes = b.variable({ cost: hard ? (elastic ? slackWeight : 0) : stable.penaltyPerChange!, upper: hard && !elastic ? 0 : Infinity });
          if (hard && elastic) slacks.push({ column: changes, rule: "stable-starts", agent: agent.id, day: week.days[0]!, unit: "start changes" });
          b.row([[changes, 1], ...z.map((k) => [k, -1] as [number, number])], -1, Infinity);
        }
      }
    }
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
  const groups: FairnessGroup[] = [];
  const fairness = (kind: FairnessGroup["kind"], counts: [number, number][][], weight: number, eligible: (a: number) => boolean) => {
    if (weight <= 0) return [];
    const added: FairnessGroup[] = [];
    for (const team of new Set(problem.agents.map((x) => x.team))) {
      const members = problem.agents.map((x, a) => a).filter((a) => problem.agents[a]!.team === team && eligible(a));
      if (members.length < 2) continue;
      // integer: the counts are, so high >= ceil(max) and low <= floor(min) cut the LP's even split
      const level = options.fairnessLevels?.find((x) => x.kind === kind && x.team === team);
      const high = b.variable({ cost: weight, upper: level ? level.high : H, integer: true });
      const low = b.variable({ cost: -weight, lower: level ? level.low : 0, upper: H, integer: true });
      for (const a of members) {
        b.row([[high, 1], ...negative(counts[a]!)], 0, Infinity);
        b.row([[low, 1], ...negative(counts[a]!)], -Infinity, 0);
      }
      added.push({ kind, team, members, counts: members.map((a) => counts[a]!.map(([j]) => j)), high, low });
    }
    groups.push(...added);
    return added;
  };
  const nightGroups = fairness("nights", nightCount, problem.rules.nightFairnessWeight, (a) => problem.agents[a]!.maxNights > 0 && nightCount[a]!.length > 0);
  fairness("weekends", weekendCount, problem.rules.weekendFairnessWeight, () => true);
  if (holidays.length > 0) fairness("holidays", holidayCount, problem.rules.holidayFairnessWeight ?? 0, () => true);

  // requests
  for (const r of problem.requests) {
    if (r.kind === "leave" || r.weight === 0) continue;
    const a = problem.agents.findIndex((x) => x.id === r.agent);
    const columns = assign[a]![r.day]!.filter((j, t) => j >= 0 && (r.template === undefined || family[t] === r.template));
    // on: pay weight (1 - sum x); off: pay weight sum x
    if (r.kind === "on") {
      b.offset += r.weight;
      for (const j of columns) b.addCost(j, -r.weight);
    } else for (const j of columns) b.addCost(j, r.weight);
  }
  // demand
  const coverRows: { terms: [number, number][]; agents: number; under: number; over: number }[] = [];
  for (const demand of problem.demand) {
    const terms: [number, number][] = [];
    problem.agents.forEach((agent, a) => {
      if (demand.team !== undefined && agent.team !== demand.team) return;
      assign[a]![demand.day]!.forEach((j, t) => j >= 0 && family[t] === demand.template && terms.push([j, 1]));
    });
    const under = b.variable({ cost: problem.rules.shortfallWeight, upper: demand.agents });
    const over = b.variable({ cost: problem.rules.excessWeight });
    b.row([...terms, [under, 1], [over, -1]], demand.agents, demand.agents);
    coverRows.push({ terms, agents: demand.agents, under, over });
    const minimum = demand.minimum ?? 0;
    if (minimum > 0) {
      const extra: [number, number][] = elastic
        ? [[slack({ rule: "minimum-cover", agent: "", day: demand.day, template: demand.template, ...(demand.team === undefined ? {} : { team: demand.team }), unit: "agents" }), 1]]
        : [];
      b.row([...terms, ...extra], minimum, Infinity);
    }
  }
  // interval demand: per interval i, sum of (share of i each shift covers) x + u_i - o_i = required_i,
  // u and o priced per agent-hour; a shift covers [start, start + length) on its day less its breaks
  for (const demand of problem.intervalDemand ?? []) {
    const L = demand.intervalMinutes;
    const count = (H * 1440) / L;
    const terms: [number, number][][] = Array.from({ length: count }, () => []);
    // per template, the minutes worked as [from, to) offsets from the shift's start
    const pieces = T.map((t) => {
      const cuts = [...(t.breakWindows ?? [])].sort((x, y) => x.startMinute - y.startMinute);
      const out: [number, number][] = [];
      let from = 0;
      for (const cut of cuts) {
        if (cut.startMinute > from) out.push([from, Math.min(cut.startMinute, t.lengthMinutes)]);
        from = Math.max(from, cut.startMinute + cut.lengthMinutes);
      }
      if (from < t.lengthMinutes) out.push([from, t.lengthMinutes]);
      return out;
    });
    problem.agents.forEach((agent, a) => {
      if (demand.team !== undefined && agent.team !== demand.team) return;
      for (let d = 0; d < H; d++)
        T.forEach((t, k) => {
          const j = assign[a]![d]![k]!;
          if (j < 0) return;
          for (const [from, to] of pieces[k]!) {
            const start = d * 1440 + t.startMinute + from;
            const end = Math.min(d * 1440 + t.startMinute + to, H * 1440);
            for (let i = Math.floor(start / L); i < count && i * L < end; i++) {
              const overlap = Math.min(end, (i + 1) * L) - Math.max(start, i * L);
              if (overlap > 0) terms[i]!.push([j, overlap / L]);
            }
          }
        });
    });
    const under = (problem.rules.intervalShortfallWeight ?? 100) * (L / 60);
    const over = (problem.rules.intervalExcessWeight ?? 1) * (L / 60);
    terms.forEach((list, i) => {
      const required = demand.required[i] ?? 0;
      if (list.length === 0 && required <= 0) return;
      const u = b.variable({ cost: under, upper: Math.max(0, required) });
      const o = b.variable({ cost: over });
      b.row([...list, [u, 1], [o, -1]], required, required);
    });
  }
  // A valid inequality for night fairness. When the n members' night columns are exactly the
  // columns of some demand rows R (no one else counts there, each column in one row), their nights
  // total N = D - U + O (D = sum of R's agents, U, O their shortfall and excess). With r = D mod n > 0
  // an even split N = kn needs U >= r (k <= floor(D / n)) or O >= n - r (k above), so
  // (high - low) + U / r + O / (n - r) >= 1 for every integer roster, and the LP bounds the spread.
  for (const { members, high, low } of nightGroups) {
    const mine = new Set(members.flatMap((a) => nightCount[a]!.map(([j]) => j)));
    const rows = coverRows.filter((row) => row.terms.some(([j]) => mine.has(j)));
    const seen = new Map<number, number>();
    for (const row of rows) for (const [j] of row.terms) seen.set(j, (seen.get(j) ?? 0) + 1);
    if (![...seen.keys()].every((j) => mine.has(j)) || seen.size !== mine.size || [...seen.values()].some((k) => k !== 1)) continue;
    const n = members.length;
    const total = rows.reduce((sum, row) => sum + row.agents, 0);
    const r = total % n;
    if (r === 0) continue;
    b.row([[high, 1], [low, -1], ...rows.flatMap((row) => [[row.under, 1 / r], [row.over, 1 / (n - r)]] as [number, number][])], 1, Infinity);
  }
  return { data: b.build(), assign, slacks, fairness: groups };
}
