import { requireObject } from "../errors.js";
import { familyOf, weekendsOf, type Roster, type RosterProblem } from "./problem.js";

/**
 * Per-agent totals of a roster, for the summary table and the report.
 *
 * @module
 */

/** One agent's month. */
export interface AgentSummary {
  readonly agent: string;
  readonly name: string;
  readonly team: string;
  readonly shifts: number;
  readonly paidHours: number;
  readonly nights: number;
  readonly weekends: number;
  /** Public holidays worked (a shift starting on the day). */
  readonly holidays: number;
  /** Soft requests (on/off) granted, and how many the agent made. */
  readonly requestsGranted: number;
  readonly requests: number;
  /** Leave days in the period. */
  readonly leaveDays: number;
}

/**
 * Counts each agent's shifts, paid hours (paid minutes / 60), nights, weekends and public holidays
 * worked and requests granted.
 *
 * @example
 * ```ts
 * rosterSummary(problem, roster)[0]; //=> { agent: "a1", shifts: 20, paidHours: 150, nights: 4, ... }
 * ```
 */
export function rosterSummary(problem: RosterProblem, roster: Roster): AgentSummary[] {
  requireObject("rosterSummary", "problem", problem, ["days", "firstWeekday", "templates", "agents", "requests", "demand", "rules"]);
  requireObject("rosterSummary", "roster", roster);
  const templates = new Map(problem.templates.map((t) => [t.name, t]));
  const weekends = weekendsOf(problem);
  return problem.agents.map((agent) => {
    const days = roster[agent.id] ?? [];
    let shifts = 0;
    let paidMinutes = 0;
    let nights = 0;
    days.forEach((name) => {
      const t = templates.get(name);
      if (!t) return;
      shifts++;
      paidMinutes += t.paidMinutes;
      if (t.night) nights++;
    });
    const mine = problem.requests.filter((r) => r.agent === agent.id);
    const soft = mine.filter((r) => r.kind !== "leave");
    const granted = soft.filter((r) => {
      const worked = days[r.day] ?? "";
      const t = templates.get(worked);
      const matches = r.template === undefined ? worked !== "" : t !== undefined && familyOf(t) === r.template;
      return r.kind === "on" ? matches : !matches;
    }).length;
    return {
      agent: agent.id,
      name: agent.name,
      team: agent.team,
      shifts,
      paidHours: paidMinutes / 60,
      nights,
      weekends: weekends.filter((w) => w.some((d) => (days[d] ?? "") !== "")).length,
      holidays: [...new Set(problem.holidays ?? [])].filter((d) => (days[d] ?? "") !== "").length,
      requestsGranted: granted,
      requests: soft.length,
      leaveDays: mine.length - soft.length,
    };
  });
}
