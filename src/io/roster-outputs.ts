/**
 * The files a roster is published as, besides roster.csv: one iCalendar file per agent
 * (`calendar/AGENT.ics`, written with ical-generator) and the team calendar `roster.html` (an
 * agents x days grid coloured by shift type, built with the report document model).
 *
 * @module
 */
import ical from "ical-generator";
import { formatLocalTimestamp, localDayOfWeek, millisecondsInDay } from "../calendar/local-time.js";
import { familyOf, type Roster, type RosterProblem, type RosterTemplate } from "../roster/problem.js";
import type { RosterConflict } from "../roster/solve.js";
import type { AgentSummary } from "../roster/summary.js";
import { renderReportHtml, type ReportDocument, type ReportSection, type ReportTable } from "./report/document.js";
import { renderTable, type TableColumn } from "./render.js";
import { rosterDate } from "./roster-input.js";
import { localeFormat, type LocaleFormat } from "./locale/index.js";

/** The four shift types of the team calendar. */
export type ShiftType = "morning" | "day" | "evening" | "night";

/** Colour of each shift type in roster.html, and of leave. */
export const shiftTypeColours: Readonly<Record<ShiftType | "leave", string>> = {
  morning: "#fde68a",
  day: "#bbf7d0",
  evening: "#bfdbfe",
  night: "#c4b5fd",
  leave: "#e5e7eb",
};

/**
 * The type of a shift template: `night` when the template counts as a night (flagged, or it ends
 * after midnight) or starts before 04:00; otherwise by its start: `morning` before 09:00, `day`
 * 09:00-12:59, `evening` from 13:00.
 *
 * @example
 * ```ts
 * shiftType({ startMinute: 7 * 60, night: false }); //=> "morning"
 * shiftType({ startMinute: 22 * 60, night: true }); //=> "night"
 * ```
 */
export function shiftType(template: Pick<RosterTemplate, "startMinute" | "night">): ShiftType {
  if (template.night || template.startMinute < 4 * 60) return "night";
  if (template.startMinute < 9 * 60) return "morning";
  if (template.startMinute < 13 * 60) return "day";
  return "evening";
}

/** Options of {@link rosterCalendars} and {@link rosterReport}. */
export interface RosterOutputOptions {
  readonly problem: RosterProblem;
  readonly roster: Roster;
  /** Wall-clock milliseconds of the first day, 00:00 (see `buildRosterProblem`). */
  readonly startDateMs: number;
  /** IANA zone written as TZID; absent: floating wall-clock times. */
  readonly timeZone?: string;
  /** The locale of roster.html and the report sections (not of the CSV and iCalendar files). @defaultValue English */
  readonly locale?: LocaleFormat;
}

const wallClock = (ms: number) => formatLocalTimestamp(ms, { separator: "T", seconds: true, dateOnly: false, offset: null });

/** A file name for an agent id: letters, digits, `.`, `_`, `-`; others become `_`. */
function fileNameOf(id: string, taken: Set<string>): string {
  const base = id.replace(/[^A-Za-z0-9._-]/g, "_").replace(/^\.+/, "_");
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base}-${i}`;
  taken.add(name.toLowerCase());
  return name;
}

/**
 * One iCalendar file per agent, `calendar/ID.ics` (ID made safe for a file name). Each shift is an
 * event from the day's template start to start + length (it may end the next day), in the centre's
 * wall-clock time: with `timeZone` as `DTSTART;TZID=Zone:...`, without it as floating times, which
 * a calendar shows at the same clock time wherever it is. No VTIMEZONE block is written: calendar
 * programs (Google, Outlook, Apple) resolve an IANA TZID themselves. The summary is the template name, the
 * description holds the breaks. The UID is `AGENT/DATE@wfm-kit` (agent and date, so importing a
 * changed roster replaces that day's event); DTSTAMP is the period's first day, 00:00 UTC, so the
 * same roster gives the same bytes.
 *
 * @returns file name (`calendar/ID.ics`) to content, in agent order
 * @example
 * ```ts
 * rosterCalendars({ problem, roster, startDateMs }).get("calendar/a1.ics"); //=> "BEGIN:VCALENDAR..."
 * ```
 */
export function rosterCalendars(options: RosterOutputOptions): Map<string, string> {
  const { problem, roster, startDateMs, timeZone } = options;
  const templates = new Map(problem.templates.map((t) => [t.name, t]));
  const files = new Map<string, string>();
  const taken = new Set<string>();
  for (const agent of problem.agents) {
    const cal = ical({
      name: `${agent.name || agent.id} (${agent.team})`,
      prodId: { company: "wfm-kit", product: "wfm roster" },
    });
    (roster[agent.id] ?? []).forEach((name, day) => {
      const t = templates.get(name);
      if (t === undefined) return;
      const startMs = startDateMs + day * millisecondsInDay + t.startMinute * 60_000;
      cal.createEvent({
        id: `${agent.id}/${rosterDate(startDateMs, day)}@wfm-kit`,
        start: wallClock(startMs),
        end: wallClock(startMs + t.lengthMinutes * 60_000),
        ...(timeZone === undefined ? { floating: true } : { timezone: timeZone }),
        stamp: new Date(startDateMs),
        summary: `${familyOf(t)} shift (${agent.team})`,
        description: t.breaks ? `breaks: ${t.breaks}` : "no breaks listed",
      });
    });
    files.set(`calendar/${fileNameOf(agent.id, taken)}.ics`, cal.toString());
  }
  return files;
}

const two = (n: number) => String(n).padStart(2, "0");
const clock = (minute: number) => `${two(Math.floor(minute / 60) % 24)}:${two(minute % 60)}${minute >= 1440 ? "+1" : ""}`;

/**
 * roster.csv: one row per shift worked (agent, name, team, date, template, start, end, breaks);
 * an end after midnight carries `+1`.
 */
export function rosterCsvText(options: Pick<RosterOutputOptions, "problem" | "roster" | "startDateMs">): string {
  const { problem, roster, startDateMs } = options;
  const templates = new Map(problem.templates.map((t) => [t.name, t]));
  const rows = problem.agents.flatMap((agent) =>
    (roster[agent.id] ?? []).flatMap((name, d) => {
      const t = templates.get(name);
      return t ? [{ agent: agent.id, name: agent.name, team: agent.team, date: rosterDate(startDateMs, d), template: familyOf(t), start: clock(t.startMinute), end: clock(t.startMinute + t.lengthMinutes), breaks: t.breaks ?? "" }] : [];
    }),
  );
  type Row = (typeof rows)[number];
  return renderTable(
    rows,
    (["agent", "name", "team", "date", "template", "start", "end", "breaks"] as const).map((key): TableColumn<Row> => ({ key, value: (r) => r[key], align: "left" })),
    "csv",
  );
}

/** One line per hard rule the relaxed roster model had to break (an infeasible roster explained). */
export function conflictLine(startDateMs: number, c: RosterConflict): string {
  const value = Number(c.amount.toFixed(2));
  const amount = `${value} ${value === 1 ? c.unit.replace(/s$/, "") : c.unit}`;
  const when = c.day === undefined ? "" : ` on ${rosterDate(startDateMs, c.day)}`;
  switch (c.rule) {
    case "minimum-cover":
      return `the hard minimum on ${c.template}${when}${c.team ? ` (team ${c.team})` : ""} cannot be met: ${amount} short (leave and contracts leave too few agents)`;
    case "min-minutes-per-period":
    case "min-minutes-per-week":
      return `agent ${c.agent}: ${c.rule === "min-minutes-per-week" ? `the weekly minimum hours of the week from ${rosterDate(startDateMs, c.day ?? 0)}` : "the monthly minimum hours"} cannot be met: ${amount} short`;
    case "stable-starts":
      return `agent ${c.agent}: the stable start times of the week from ${rosterDate(startDateMs, c.day ?? 0)} cannot hold: ${amount} needed`;
    default:
      return `agent ${c.agent}: ${c.rule}${when} has to be exceeded by ${amount}`;
  }
}


/**
 * The team calendar as a report: an agents x days grid (a cell per day: the template name, `leave`
 * or empty, coloured by {@link shiftType}; public holidays marked in the day's heading), a legend
 * and the per-agent summary (shifts, paid hours, nights, weekends, holidays when there are any,
 * requests granted).
 */
export function rosterReport(options: RosterOutputOptions & { summary: readonly AgentSummary[]; title?: string }): ReportDocument {
  const f = options.locale ?? localeFormat("en");
  return {
    title: options.title ?? f.messages.roster.pageTitle,
    subtitle: rosterPeriodText(options, f),
    headline: rosterHeadline(options.summary, f),
    sections: rosterSections(options),
    ...(f.locale === "en" ? {} : { locale: f.locale }),
  };
}

function rosterPeriodText(options: Pick<RosterOutputOptions, "problem" | "startDateMs">, f: LocaleFormat): string {
  return f.messages.roster.period(f.date(rosterDate(options.startDateMs, 0)), f.date(rosterDate(options.startDateMs, options.problem.days - 1)), f.digits(String(options.problem.days)));
}

function rosterHeadline(summary: readonly AgentSummary[], f: LocaleFormat): ReportDocument["headline"] {
  const sum = (get: (s: AgentSummary) => number) => summary.reduce((a, s) => a + get(s), 0);
  const m = f.messages.roster;
  const count = (n: number) => f.digits(String(n));
  return [
    { label: m.headline.agents, value: count(summary.length) },
    { label: m.headline.shifts, value: count(sum((s) => s.shifts)) },
    { label: m.headline.paidHours, value: f.digits(sum((s) => s.paidHours).toFixed(1)) },
    { label: m.headline.requestsGranted, value: m.of(count(sum((s) => s.requestsGranted)), count(sum((s) => s.requests))) },
  ];
}

/**
 * The sections of the team calendar (grid with legend, per-agent summary), for roster.html and for
 * the roster section of a plan report.
 */
export function rosterSections(options: RosterOutputOptions & { summary: readonly AgentSummary[] }): ReportSection[] {
  const { problem, roster, startDateMs, summary } = options;
  const f = options.locale ?? localeFormat("en");
  const m = f.messages.roster;
  const count = (n: number) => f.digits(String(n));
  const templates = new Map(problem.templates.map((t) => [t.name, t]));
  const leave = new Set(problem.requests.filter((r) => r.kind === "leave").map((r) => `${r.agent}\u0000${r.day}`));
  const days = Array.from({ length: problem.days }, (_, d) => d);
  const holidays = new Set(problem.holidays ?? []);
  const rows: string[][] = [];
  const colours: (string | undefined)[][] = [];
  for (const agent of problem.agents) {
    const row = [agent.id];
    const colour: (string | undefined)[] = [undefined];
    for (const d of days) {
      const t = templates.get(roster[agent.id]?.[d] ?? "");
      if (t !== undefined) {
        row.push(t.name);
        colour.push(shiftTypeColours[shiftType(t)]);
      } else if (leave.has(`${agent.id}\u0000${d}`)) {
        row.push(m.leave);
        colour.push(shiftTypeColours.leave);
      } else {
        row.push("");
        colour.push(undefined);
      }
    }
    rows.push(row);
    colours.push(colour);
  }
  const grid: ReportTable = {
    title: m.gridTitle,
    columns: [
      m.agent,
      ...days.map((d) => `${f.dayOfMonth(rosterDate(startDateMs, d))} ${m.weekdays[localDayOfWeek(startDateMs + d * millisecondsInDay)]}${holidays.has(d) ? ` ${m.holidayMark}` : ""}`),
    ],
    rows,
    cellColours: colours,
  };
  const types: (ShiftType | "leave")[] = ["morning", "day", "evening", "night", "leave"];
  const legendRows = types.map((type) => [
    m.shiftTypes[type],
    type === "leave" ? m.leaveMeaning : problem.templates.filter((t) => shiftType(t) === type).map((t) => t.name).join(f.messages.list) || "-",
  ]);
  const legend: ReportTable = { title: m.legendTitle, columns: [...m.legendColumns], rows: legendRows, cellColours: types.map((type) => [shiftTypeColours[type], undefined]) };
  // with holidays, their column follows the weekends'
  const withHolidays = holidays.size > 0;
  const columns = [...m.perAgentColumns];
  if (withHolidays) columns.splice(7, 0, m.holidaysColumn);
  const perAgent: ReportTable = {
    title: m.perAgentTitle,
    columns,
    rows: summary.map((s) => [
      s.agent,
      s.name,
      s.team,
      count(s.shifts),
      f.digits(s.paidHours.toFixed(1)),
      count(s.nights),
      count(s.weekends),
      ...(withHolidays ? [count(s.holidays)] : []),
      count(s.leaveDays),
      m.of(count(s.requestsGranted), count(s.requests)),
    ]),
    numeric: withHolidays ? [3, 4, 5, 6, 7, 8] : [3, 4, 5, 6, 7],
  };
  return [
    {
      id: "team-calendar",
      title: m.calendarTitle,
      paragraphs: [m.calendarIntro],
      tables: [grid, legend],
    },
    { id: "roster-agents", title: m.perAgentSection, tables: [perAgent] },
  ];
}

/** roster.html: {@link rosterReport} rendered as one self-contained page. */
export function rosterHtml(options: RosterOutputOptions & { summary: readonly AgentSummary[]; title?: string }): string {
  return renderReportHtml(rosterReport(options));
}
