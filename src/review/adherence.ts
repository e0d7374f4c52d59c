import { invalidArgument, requireOptions } from "../errors.js";

/**
 * Schedule adherence and conformance from an agent state log (the ACD's agent,start,end,state
 * export) and the agents' schedule (agent,start,end,activity):
 *
 * - adherence = time in the scheduled activity / scheduled time (off time excluded): was the
 *   agent doing what the schedule said, when it said it;
 * - conformance = time working (any time) / scheduled working time: did the agent work the
 *   hours, whenever.
 *
 * States map to activities by name: work (on-contact, available, ready, idle, talk, hold,
 * wrap-up/after-call work, outbound), break (break, lunch, meal, pause), meeting, training
 * (training, coaching), offline (offline, logged-out, off, absent); anything else is `other`.
 *
 * Reference: Cleveland (2012), "Call Center Management on Fast Forward", 3rd ed., ch. 8
 * (adherence and conformance).
 *
 * @module
 */

/** What an agent does: the categories states and schedule activities map to. */
export type AgentActivity = "work" | "break" | "meeting" | "training" | "offline" | "other";

/** One row of an agent state log. */
export interface AgentStateSegment {
  readonly agent: string;
  /** Team, for team totals. @defaultValue "all" */
  readonly team?: string;
  readonly startLocalMs: number;
  readonly endLocalMs: number;
  /** The ACD's state name, e.g. `"on-contact"`, `"available"`, `"break"`. */
  readonly state: string;
}

/** One scheduled activity of an agent. */
export interface AgentScheduleSegment {
  readonly agent: string;
  readonly startLocalMs: number;
  readonly endLocalMs: number;
  /** `"work"`, `"break"`, `"meeting"`, `"training"`, `"off"`... (mapped like states). */
  readonly activity: string;
}

/** Adherence and conformance of one agent or team. */
export interface AdherenceRow {
  /** Agent id, or team name for team rows. */
  readonly name: string;
  readonly team: string;
  /** Scheduled hours (off time excluded). */
  readonly scheduledHours: number;
  /** Hours in the scheduled activity at the scheduled time. */
  readonly inAdherenceHours: number;
  /** inAdherenceHours / scheduledHours; null without a schedule. */
  readonly adherence: number | null;
  /** Scheduled working hours. */
  readonly scheduledWorkHours: number;
  /** Hours in working states, at any time. */
  readonly workHours: number;
  /** workHours / scheduledWorkHours; null without scheduled work. */
  readonly conformance: number | null;
  /** Hours per activity in the state log. */
  readonly hoursByActivity: Readonly<Record<AgentActivity, number>>;
}

/** Result of {@link agentAdherence}. */
export interface AdherenceReport {
  readonly agents: readonly AdherenceRow[];
  readonly teams: readonly AdherenceRow[];
  readonly definitions: readonly string[];
}

const words: Readonly<Record<string, AgentActivity>> = {};
const add = (activity: AgentActivity, names: string[]) => names.forEach((n) => ((words as Record<string, AgentActivity>)[n] = activity));
add("work", ["work", "working", "oncontact", "oncall", "incall", "talk", "talking", "available", "ready", "idle", "hold", "acw", "wrap", "wrapup", "aftercallwork", "aftercontactwork", "outbound", "busy", "chat", "email", "backoffice", "shift"]);
add("break", ["break", "lunch", "meal", "pause", "rest"]);
add("meeting", ["meeting", "huddle", "teammeeting"]);
add("training", ["training", "coaching", "onetoone", "1to1", "learning"]);
add("offline", ["offline", "loggedout", "logout", "logoff", "off", "absent", "absence", "leave", "dayoff"]);

/**
 * The activity a state or schedule name stands for (case, spaces, `-` and `_` ignored).
 *
 * @throws {WfmError} `invalid-argument` when `name` is not a string
 * @example
 * ```ts
 * activityOf("On-Contact"); //=> "work"
 * activityOf("Lunch"); //=> "break"
 * activityOf("system"); //=> "other"
 * ```
 */
export function activityOf(name: string): AgentActivity {
  if (typeof name !== "string") invalidArgument("activityOf", "name", "a state or activity name (a string)", name);
  return words[name.toLowerCase().replace(/[\s_\-]+/g, "")] ?? "other";
}

const emptyHours = (): Record<AgentActivity, number> => ({ work: 0, break: 0, meeting: 0, training: 0, offline: 0, other: 0 });

/**
 * Adherence and conformance per agent and per team (see the module comment), over the states
 * and scheduled segments clipped to [startLocalMs, endLocalMs).
 *
 * Cost: O(s log s + c log c) per agent for s states and c scheduled segments (a sweep).
 *
 * @throws {WfmError} `invalid-argument` when options is not an object, states is missing, or a segment ends before it starts
 *
 * @example
 * ```ts
 * const h = 3_600_000;
 * agentAdherence({
 *   states: [{ agent: "a", startLocalMs: 0, endLocalMs: 7 * h, state: "available" }, { agent: "a", startLocalMs: 7 * h, endLocalMs: 8 * h, state: "break" }],
 *   schedule: [{ agent: "a", startLocalMs: 0, endLocalMs: 4 * h, activity: "work" }, { agent: "a", startLocalMs: 4 * h, endLocalMs: 5 * h, activity: "break" }, { agent: "a", startLocalMs: 5 * h, endLocalMs: 8 * h, activity: "work" }],
 * }).agents[0];
 * //=> adherence 6/8 = 0.75 (worked through the 4-5 break, took it at 7-8); conformance 7/7 = 1
 * ```
 */
export function agentAdherence(options: {
  readonly states: readonly AgentStateSegment[];
  readonly schedule?: readonly AgentScheduleSegment[];
  readonly startLocalMs?: number;
  readonly endLocalMs?: number;
}): AdherenceReport {
  requireOptions("agentAdherence", options, ["states"]);
  const from = options.startLocalMs ?? -Infinity;
  const to = options.endLocalMs ?? Infinity;
  const clip = <T extends { startLocalMs: number; endLocalMs: number }>(rows: readonly T[], what: string): T[] =>
    rows.flatMap((r, i) => {
      if (!(r.endLocalMs >= r.startLocalMs)) invalidArgument("agentAdherence", `${what}[${i}].endLocalMs`, "at or after its start", r.endLocalMs);
      const s = Math.max(r.startLocalMs, from);
      const e = Math.min(r.endLocalMs, to);
      return e > s ? [{ ...r, startLocalMs: s, endLocalMs: e }] : [];
    });
  const states = clip(options.states, "states");
  const schedule = options.schedule === undefined ? undefined : clip(options.schedule, "schedule");
  const agents = [...new Set([...states.map((s) => s.agent), ...(schedule ?? []).map((s) => s.agent)])].sort();
  const teamOf = new Map<string, string>();
  for (const s of states) if (!teamOf.has(s.agent)) teamOf.set(s.agent, s.team ?? "all");
  const hours = (ms: number) => ms / 3_600_000;
  const rows: AdherenceRow[] = agents.map((agent) => {
    const mine = states.filter((s) => s.agent === agent).sort((a, b) => a.startLocalMs - b.startLocalMs);
    const plan = (schedule ?? []).filter((s) => s.agent === agent).sort((a, b) => a.startLocalMs - b.startLocalMs);
    const byActivity = emptyHours();
    for (const s of mine) byActivity[activityOf(s.state)] += s.endLocalMs - s.startLocalMs;
    let scheduled = 0;
    let scheduledWork = 0;
    let inAdherence = 0;
    let j = 0;
    for (const p of plan) {
      const activity = activityOf(p.activity);
      if (activity === "offline") continue;
      scheduled += p.endLocalMs - p.startLocalMs;
      if (activity === "work") scheduledWork += p.endLocalMs - p.startLocalMs;
      while (j < mine.length && mine[j]!.endLocalMs <= p.startLocalMs) j++;
      for (let k = j; k < mine.length && mine[k]!.startLocalMs < p.endLocalMs; k++) {
        const s = mine[k]!;
        if (activityOf(s.state) !== activity) continue;
        inAdherence += Math.max(0, Math.min(s.endLocalMs, p.endLocalMs) - Math.max(s.startLocalMs, p.startLocalMs));
      }
    }
    const hoursByActivity = Object.fromEntries(Object.entries(byActivity).map(([k, v]) => [k, hours(v)])) as Record<AgentActivity, number>;
    return {
      name: agent,
      team: teamOf.get(agent) ?? "all",
      scheduledHours: hours(scheduled),
      inAdherenceHours: hours(inAdherence),
      adherence: schedule !== undefined && scheduled > 0 ? inAdherence / scheduled : null,
      scheduledWorkHours: hours(scheduledWork),
      workHours: hoursByActivity.work,
      conformance: schedule !== undefined && scheduledWork > 0 ? byActivity.work / scheduledWork : null,
      hoursByActivity,
    };
  });
  const teams = [...new Set(rows.map((r) => r.team))].sort().map((team) => {
    const members = rows.filter((r) => r.team === team);
    const sum = (f: (r: AdherenceRow) => number) => members.reduce((s, r) => s + f(r), 0);
    const scheduledHours = sum((r) => r.scheduledHours);
    const scheduledWorkHours = sum((r) => r.scheduledWorkHours);
    const inAdherenceHours = sum((r) => r.inAdherenceHours);
    const workHours = sum((r) => r.workHours);
    const hoursByActivity = emptyHours();
    for (const r of members) for (const k of Object.keys(hoursByActivity) as AgentActivity[]) hoursByActivity[k] += r.hoursByActivity[k];
    return {
      name: team,
      team,
      scheduledHours,
      inAdherenceHours,
      adherence: schedule !== undefined && scheduledHours > 0 ? inAdherenceHours / scheduledHours : null,
      scheduledWorkHours,
      workHours,
      conformance: schedule !== undefined && scheduledWorkHours > 0 ? workHours / scheduledWorkHours : null,
      hoursByActivity,
    };
  });
  return {
    agents: rows,
    teams,
    definitions: [
      "adherence = time in the scheduled activity at the scheduled time / scheduled time (off excluded)",
      "conformance = time in working states (on-contact, available, wrap-up...) at any time / scheduled working time",
      "states map to work, break, meeting, training, offline or other by name; team figures are sums over the team's agents",
    ],
  };
}
