import { z } from "zod";
import { formatLocalDate, localDayOfWeek, millisecondsInDay, parseLocalTimestamp } from "../calendar/local-time.js";
import { WfmError, type Problem } from "../errors.js";
import type { RosterAgent, RosterDemand, RosterIntervalDemand, RosterProblem, RosterRequest, RosterTemplate } from "../roster/problem.js";
import { ProblemList, parseCsv, type CsvTable } from "./csv.js";
import { readJsonFile, zodProblems } from "./json.js";
import { readTextFile } from "./read-file.js";
import { readRequirementsCsv, type RequirementsCsv } from "./requirements-csv.js";
import { compareText } from "../order.js";

/**
 * Inputs of `wfm roster`: `agents.csv` (contracts), `requests.csv` (leave and preferences), the
 * roster config JSON (period, templates, rules, demand) and optionally a `wfm schedule --format
 * json` output as the demand. Rows and the config are validated with zod; hours at this edge
 * become minutes in the core; dates become day indexes of the period.
 *
 * @module
 */

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'expected a time of day "HH:MM" such as "06:30"' });
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'expected a date "YYYY-MM-DD"' });
const weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] as const;

/** The zod schema of the roster config (`wfm schema roster`). */
export const rosterConfigSchema = z
  .object({
    $schema: z.string().optional(),
    startDate: date.describe("first day of the period"),
    days: z.int().min(1).max(366).optional().describe("length of the period in days (default: to the end of startDate's month)"),
    templates: z
      .array(
        z
          .object({
            name: z.string().min(1),
            start: clock.describe("start time of day (the earliest, with latestStart)"),
            latestStart: clock.optional().describe("latest start time of day: the roster chooses each shift's start in start..latestStart (not past midnight)"),
            startStepMinutes: z.int().min(1).max(1440).optional().describe("step between the allowed starts of a window (default 30)"),
            lengthMinutes: z.int().min(1).max(1440).describe("length including breaks; may end the next day"),
            unpaidBreakMinutes: z.int().min(0).optional().describe("unpaid minutes within the shift (default 0)"),
            breaks: z.string().optional().describe('breaks as text for roster.csv, e.g. "lunch 12:00-12:30"'),
            night: z.boolean().optional().describe("a night shift (default: it ends after midnight)"),
          })
          .strict(),
      )
      .min(1),
    rules: z
      .object({
        minRestHours: z.number().min(0).max(48).optional().describe("minimum rest between two shifts, hours (default 11)"),
        forbiddenSuccessions: z.array(z.tuple([z.string().min(1), z.string().min(1)])).optional().describe("[from, to] template pairs: `to` may not follow `from` (see forbiddenSuccessionsScope)"),
        forbiddenSuccessionsScope: z
          .enum(["calendar-days", "working-days"])
          .optional()
          .describe("calendar-days (default): `to` on the day after `from`; working-days: `to` as the next shift worked after `from`, across any days off"),
        stableStartsWithinWeek: z
          .object({
            maxStartDifferenceMinutes: z.int().min(0).max(1439).describe("the starts of an agent's shifts in a week (Monday-Sunday) fit in a band this wide"),
            penaltyPerChange: z.number().nonnegative().optional().describe("cost of each extra band needed in a week (a start change); absent: a hard rule"),
          })
          .strict()
          .optional()
          .describe("stable start times within a week, hard or with a penalty per change"),
        shortfallPenalty: z.number().nonnegative().optional().describe("cost of each agent short on a demand (default 1000)"),
        excessPenalty: z.number().nonnegative().optional().describe("cost of each agent beyond a demand (default 10)"),
        nightFairness: z.number().nonnegative().optional().describe("weight of (most - fewest nights) within a team (default 10)"),
        weekendFairness: z.number().nonnegative().optional().describe("weight of (most - fewest weekends) within a team (default 10)"),
        intervalShortfallPenalty: z.number().nonnegative().optional().describe("cost of each agent-hour short of the interval requirement (--requirements; default 100)"),
        intervalExcessPenalty: z.number().nonnegative().optional().describe("cost of each agent-hour beyond the interval requirement (--requirements; default 1)"),
        holidayFairness: z.number().nonnegative().optional().describe("weight of (most - fewest public holidays worked) within a team, with `holidays` (default 10)"),
        costWeight: z.number().nonnegative().optional().describe("weight of the money cost hourlyCost x paid hours (default 0)"),
      })
      .strict()
      .optional(),
    demand: z
      .array(
        z
          .object({
            template: z.string().min(1),
            agents: z.int().min(0).describe("agents wanted"),
            minimum: z.int().min(0).optional().describe("hard minimum (default 0)"),
            team: z.string().min(1).optional().describe("only this team's agents count (default any team)"),
            date: date.optional().describe("only this date (default every day, or the listed weekdays)"),
            weekdays: z.array(z.enum(weekdays)).optional().describe("only these weekdays"),
          })
          .strict(),
      )
      .optional()
      .describe("agents per template and day; a later entry replaces an earlier one for the same day, template and team"),
    holidays: z
      .array(date)
      .optional()
      .describe("public holidays (YYYY-MM-DD) shared fairly within each team (rules.holidayFairness); dates outside the period are ignored, so a year's list may be kept here"),
    timeLimitSeconds: z.number().positive().optional(),
    gapPercent: z.number().min(0).max(100).optional(),
    timeZone: z
      .string()
      .refine(isTimeZone, { message: 'expected an IANA time zone such as "Europe/London" or "Asia/Tehran"' })
      .optional()
      .describe("IANA time zone of the centre: the calendar/*.ics events carry it as TZID (default: floating wall-clock times)"),
  })
  .strict();

/** Whether the runtime knows `name` as an IANA time zone. */
function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The parsed roster config. */
export type RosterConfig = z.infer<typeof rosterConfigSchema>;

/** Reads and validates the roster config JSON. */
export function readRosterConfig(path: string, options: { cwd?: string; option?: string } = {}): RosterConfig {
  const parsed = rosterConfigSchema.safeParse(readJsonFile(path, options));
  if (!parsed.success) throw new WfmError(zodProblems(parsed.error, path));
  const config = parsed.data;
  const names = new Set<string>();
  const problems: Problem[] = [];
  config.templates.forEach((t, i) => {
    if (names.has(t.name)) problems.push({ code: "invalid-config", file: path, path: ["templates", i, "name"], message: `template ${t.name} is defined twice` });
    names.add(t.name);
    if ((t.unpaidBreakMinutes ?? 0) >= t.lengthMinutes) problems.push({ code: "invalid-config", file: path, path: ["templates", i, "unpaidBreakMinutes"], message: "must be shorter than the shift" });
    if (t.latestStart !== undefined && t.latestStart < t.start) problems.push({ code: "invalid-config", file: path, path: ["templates", i, "latestStart"], message: `latestStart ${t.latestStart} is before start ${t.start}` });
  });
  (config.rules?.forbiddenSuccessions ?? []).forEach((pair, i) =>
    pair.forEach((name, k) => !names.has(name) && problems.push({ code: "invalid-config", file: path, path: ["rules", "forbiddenSuccessions", i, k], message: `unknown template ${JSON.stringify(name)}` })),
  );
  (config.demand ?? []).forEach((d, i) => {
    if (!names.has(d.template)) problems.push({ code: "invalid-config", file: path, path: ["demand", i, "template"], message: `unknown template ${JSON.stringify(d.template)}` });
    if ((d.minimum ?? 0) > d.agents) problems.push({ code: "invalid-config", file: path, path: ["demand", i, "minimum"], message: `the minimum ${d.minimum} exceeds agents ${d.agents}` });
  });
  if (problems.length > 0) throw new WfmError(problems);
  return config;
}

const optionalNumber = z.union([z.literal("").transform(() => undefined), z.coerce.number().finite().nonnegative()]).optional();
const optionalInt = z.union([z.literal("").transform(() => undefined), z.coerce.number().int().nonnegative()]).optional();

const agentRow = z.object({
  id: z.string().trim().min(1, { message: "id must not be empty" }),
  name: z.string().trim().optional(),
  team: z.string().trim().min(1, { message: "team must not be empty" }),
  templates: z.string().optional(),
  minHoursPerWeek: optionalNumber,
  maxHoursPerWeek: optionalNumber,
  minHoursPerMonth: optionalNumber,
  maxHoursPerMonth: optionalNumber,
  maxShifts: optionalInt,
  maxConsecutiveDays: optionalInt,
  minConsecutiveDays: optionalInt,
  minConsecutiveDaysOff: optionalInt,
  maxWeekends: optionalInt,
  maxNights: optionalInt,
  hourlyCost: optionalNumber,
});

const agentColumns = [
  { name: "id", aliases: ["agent", "agentId"], required: true },
  { name: "name" },
  { name: "team", aliases: ["skills", "group"], required: true },
  { name: "templates", aliases: ["shifts", "allowedTemplates"] },
  { name: "minHoursPerWeek" },
  { name: "maxHoursPerWeek" },
  { name: "minHoursPerMonth", aliases: ["minHoursPerPeriod"] },
  { name: "maxHoursPerMonth", aliases: ["maxHoursPerPeriod"] },
  { name: "maxShifts" },
  { name: "maxConsecutiveDays" },
  { name: "minConsecutiveDays" },
  { name: "minConsecutiveDaysOff" },
  { name: "maxWeekends" },
  { name: "maxNights" },
  { name: "hourlyCost", aliases: ["costPerHour"] },
] as const;

/** Validates each record of a parsed CSV with a zod row schema; problems name the line and column. */
function rowsOf<T>(table: CsvTable, schema: z.ZodType<T>, problems: ProblemList): { value: T; line: number }[] {
  const out: { value: T; line: number }[] = [];
  for (const record of table.records) {
    const raw: Record<string, string> = {};
    for (const [name, index] of table.columns) raw[name] = record.cells[index] ?? "";
    const parsed = schema.safeParse(raw);
    if (parsed.success) out.push({ value: parsed.data, line: record.line });
    else
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? "");
        const column = table.columns.get(key);
        problems.add({ code: "invalid-csv", file: table.file, line: record.line, ...(column === undefined ? {} : { column: column + 1 }), message: `${key}: ${issue.message}`, value: raw[key] });
      }
  }
  return out;
}

/**
 * Parses `agents.csv`: `id,name,team,templates,minHoursPerWeek,maxHoursPerWeek,minHoursPerMonth,
 * maxHoursPerMonth,maxShifts,maxConsecutiveDays,minConsecutiveDays,minConsecutiveDaysOff,maxWeekends,
 * maxNights,hourlyCost` (only id and team required; `templates` is `|`-separated, empty for all;
 * an empty limit means none). Hours become minutes.
 *
 * @throws {WfmError} `invalid-csv` with file, line and column per bad cell
 * @example
 * ```ts
 * parseAgentsCsv("id,team,maxNights\na1,sales,4\n", { file: "agents.csv" })[0].maxNights; //=> 4
 * ```
 */
export function parseAgentsCsv(text: string, options: { file: string }): RosterAgent[] {
  const table = parseCsv(text, { file: options.file, columns: agentColumns });
  const problems = new ProblemList();
  const seen = new Set<string>();
  const agents: RosterAgent[] = [];
  for (const { value: r, line } of rowsOf(table, agentRow, problems)) {
    if (seen.has(r.id)) problems.add({ code: "invalid-csv", file: options.file, line, column: table.columns.get("id")! + 1, message: `agent ${r.id} appears twice`, value: r.id });
    seen.add(r.id);
    const minutes = (hours: number | undefined, otherwise: number) => (hours === undefined ? otherwise : Math.round(hours * 60));
    agents.push({
      id: r.id,
      name: r.name || r.id,
      team: r.team,
      templates: (r.templates ?? "").split("|").map((s) => s.trim()).filter((s) => s !== ""),
      minMinutesPerWeek: minutes(r.minHoursPerWeek, 0),
      maxMinutesPerWeek: minutes(r.maxHoursPerWeek, Infinity),
      minMinutesPerPeriod: minutes(r.minHoursPerMonth, 0),
      maxMinutesPerPeriod: minutes(r.maxHoursPerMonth, Infinity),
      maxShifts: r.maxShifts ?? Infinity,
      maxConsecutiveDays: r.maxConsecutiveDays ?? 366,
      minConsecutiveDays: r.minConsecutiveDays ?? 1,
      minConsecutiveDaysOff: r.minConsecutiveDaysOff ?? 1,
      maxWeekends: r.maxWeekends ?? Infinity,
      maxNights: r.maxNights ?? Infinity,
      hourlyCost: r.hourlyCost ?? 0,
    });
  }
  problems.throwIfAny();
  return agents;
}

const requestRow = z.object({
  agent: z.string().trim().min(1, { message: "agent must not be empty" }),
  date,
  kind: z.enum(["leave", "on", "off"], { message: "kind must be leave, on or off" }),
  template: z.string().trim().optional(),
  weight: optionalNumber,
});

/**
 * Parses `requests.csv`: `agent,date,kind,template,weight`. `leave` is a hard day off (approved
 * leave, fixed days off); `on` asks to work (the template, or any shift), `off` asks not to; the
 * weight (default 1) is paid when the preference is not met.
 *
 * @throws {WfmError} `invalid-csv` with file, line and column per bad cell
 * @example
 * ```ts
 * parseRequestsCsv("agent,date,kind\na1,2026-12-24,leave\n", { file: "r.csv" });
 * //=> [{ agent: "a1", date: "2026-12-24", kind: "leave", weight: 0, line: 2 }]
 * ```
 */
export function parseRequestsCsv(text: string, options: { file: string }): (Omit<RosterRequest, "day"> & { date: string; line: number })[] {
  const table = parseCsv(text, {
    file: options.file,
    columns: [
      { name: "agent", aliases: ["id", "agentId"], required: true },
      { name: "date", aliases: ["day"], required: true },
      { name: "kind", aliases: ["type"], required: true },
      { name: "template", aliases: ["shift"] },
      { name: "weight" },
    ],
  });
  const problems = new ProblemList();
  const out = rowsOf(table, requestRow, problems).map(({ value: r, line }) => ({
    agent: r.agent,
    date: r.date,
    kind: r.kind,
    ...(r.template ? { template: r.template } : {}),
    weight: r.kind === "leave" ? 0 : (r.weight ?? 1),
    line,
  }));
  problems.throwIfAny();
  return out;
}

/** The shifts of a `wfm schedule --format json` output, as roster demand (date, template, agents). */
const scheduleJson = z.object({
  shifts: z.array(z.object({ date, template: z.string().min(1), agents: z.int().min(0) }).loose()),
});

/**
 * The break windows in a template's breaks text: every `HH:MM-HH:MM` in it, as minutes after the
 * shift's start (a shift from 23:00 with "break 03:00-03:30" has its break 240 minutes in); ranges
 * outside the shift are left out.
 */
function breakWindowsOf(text: string | undefined, startMinute: number, lengthMinutes: number): { startMinute: number; lengthMinutes: number }[] {
  const out: { startMinute: number; lengthMinutes: number }[] = [];
  for (const m of (text ?? "").matchAll(/(\d{2}):(\d{2})\s*-\s*(\d{2}):(\d{2})/g)) {
    const from = Number(m[1]) * 60 + Number(m[2]);
    const to = Number(m[3]) * 60 + Number(m[4]);
    const offset = (from - startMinute + 1440) % 1440;
    const length = (to - from + 1440) % 1440;
    if (length > 0 && offset + length <= lengthMinutes) out.push({ startMinute: offset, lengthMinutes: length });
  }
  return out;
}

/** Options of {@link buildRosterProblem}. */
export interface RosterInputs {
  readonly config: RosterConfig;
  readonly configFile: string;
  readonly agents: readonly RosterAgent[];
  readonly requests: readonly (Omit<RosterRequest, "day"> & { date: string; line: number })[];
  readonly requestsFile?: string;
  /** A parsed `wfm schedule --format json` (its shifts become the demand). */
  readonly schedule?: unknown;
  readonly scheduleFile?: string;
  /**
   * Requirement curves (a `wfm staff --format csv` output or any `timestamp,agents` CSV) as interval
   * demand: the roster chooses the shifts too. `team`: only that team's agents count.
   */
  readonly requirements?: readonly { readonly curve: RequirementsCsv; readonly team?: string }[];
}

/**
 * Turns the validated inputs into a {@link RosterProblem}: dates to day indexes, templates to
 * minutes, the demand entries expanded per day (later entries replace earlier ones), or the
 * schedule's shift counts as the demand.
 *
 * @throws {WfmError} requests outside the period or naming unknown agents/templates; agents
 * allowed unknown templates; a schedule shift whose template the config does not define
 */
export function buildRosterProblem(inputs: RosterInputs): { problem: RosterProblem; startDateMs: number } {
  const { config } = inputs;
  const startDateMs = parseLocalTimestamp(config.startDate)!.localMs;
  const start = new Date(startDateMs);
  const days = config.days ?? new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 0)).getUTCDate() - start.getUTCDate() + 1;
  const firstWeekday = (localDayOfWeek(startDateMs) + 6) % 7;
  const dayOf = (text: string) => Math.round((parseLocalTimestamp(text)!.localMs - startDateMs) / millisecondsInDay);
  const problems: Problem[] = [];
  // a template with a window of starts becomes one roster template per allowed start, named
  // "NAME@HH:MM", of the family NAME (what demand, requests and rules name)
  const minuteOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  const templates: RosterTemplate[] = config.templates.flatMap((t) => {
    const first = minuteOf(t.start);
    const last = t.latestStart === undefined ? first : minuteOf(t.latestStart);
    const step = t.startStepMinutes ?? 30;
    const starts: number[] = [];
    for (let s = first; s <= last; s += step) starts.push(s);
    return starts.map((startMinute) => {
      const breakWindows = breakWindowsOf(t.breaks, startMinute, t.lengthMinutes);
      return {
        name: last === first ? t.name : `${t.name}@${String(Math.floor(startMinute / 60)).padStart(2, "0")}:${String(startMinute % 60).padStart(2, "0")}`,
        ...(last === first ? {} : { family: t.name }),
        startMinute,
        lengthMinutes: t.lengthMinutes,
        paidMinutes: t.lengthMinutes - (t.unpaidBreakMinutes ?? 0),
        night: t.night ?? startMinute + t.lengthMinutes > 1440,
        ...(t.breaks === undefined ? {} : { breaks: t.breaks }),
        ...(breakWindows.length > 0 ? { breakWindows } : {}),
      };
    });
  });
  const names = new Set(config.templates.map((t) => t.name));
  const agentIds = new Set(inputs.agents.map((a) => a.id));
  for (const agent of inputs.agents) {
    for (const t of agent.templates) if (!names.has(t)) problems.push({ code: "invalid-csv", message: `agent ${agent.id}: unknown template ${JSON.stringify(t)} (the config defines ${[...names].join(", ")})` });
  }
  const requests: RosterRequest[] = [];
  for (const r of inputs.requests) {
    const where = { code: "invalid-csv" as const, ...(inputs.requestsFile ? { file: inputs.requestsFile } : {}), line: r.line };
    const day = dayOf(r.date);
    if (!agentIds.has(r.agent)) problems.push({ ...where, message: `unknown agent ${JSON.stringify(r.agent)}` });
    else if (r.template !== undefined && !names.has(r.template)) problems.push({ ...where, message: `unknown template ${JSON.stringify(r.template)}` });
    else if (day >= 0 && day < days) requests.push({ agent: r.agent, day, kind: r.kind, ...(r.template ? { template: r.template } : {}), weight: r.weight });
  }
  const byKey = new Map<string, RosterDemand>();
  if (inputs.schedule !== undefined) {
    const parsed = scheduleJson.safeParse(inputs.schedule);
    if (!parsed.success) problems.push(...zodProblems(parsed.error, inputs.scheduleFile ?? "schedule"));
    else
      parsed.data.shifts.forEach((s, i) => {
        if (!names.has(s.template)) {
          problems.push({ code: "invalid-config", file: inputs.scheduleFile ?? "schedule", path: ["shifts", i, "template"], message: `template ${JSON.stringify(s.template)} is not in the roster config` });
          return;
        }
        const day = dayOf(s.date);
        if (day < 0 || day >= days) return;
        const key = `${day}\u0000${s.template}\u0000`;
        const previous = byKey.get(key);
        byKey.set(key, { day, template: s.template, agents: (previous?.agents ?? 0) + s.agents });
      });
  }
  for (const entry of config.demand ?? []) {
    for (let d = 0; d < days; d++) {
      if (entry.date !== undefined && dayOf(entry.date) !== d) continue;
      if (entry.weekdays !== undefined && !entry.weekdays.includes(weekdays[(firstWeekday + d) % 7]!)) continue;
      byKey.set(`${d}\u0000${entry.template}\u0000${entry.team ?? ""}`, {
        day: d,
        template: entry.template,
        agents: entry.agents,
        ...(entry.minimum ? { minimum: entry.minimum } : {}),
        ...(entry.team ? { team: entry.team } : {}),
      });
    }
  }
  const holidays: number[] = [];
  (config.holidays ?? []).forEach((text, i) => {
    if (parseLocalTimestamp(text) === null) {
      problems.push({ code: "invalid-config", file: inputs.configFile, path: ["holidays", i], message: `${JSON.stringify(text)} is not a calendar date` });
      return;
    }
    const day = dayOf(text);
    if (day >= 0 && day < days && !holidays.includes(day)) holidays.push(day);
  });
  holidays.sort((a, b) => a - b);
  const teams = new Set(inputs.agents.map((a) => a.team));
  const intervalDemand: RosterIntervalDemand[] = [];
  for (const { curve, team } of inputs.requirements ?? []) {
    const L = curve.intervalMinutes;
    const offset = (curve.startLocalMs - startDateMs) / (L * 60_000);
    if (team !== undefined && !teams.has(team)) {
      problems.push({ code: "invalid-option", option: "--requirements", message: `${team}=${curve.file}: no agent is in team ${JSON.stringify(team)} (teams: ${[...teams].join(", ")})` });
      continue;
    }
    if (!Number.isInteger(offset)) {
      problems.push({ code: "invalid-csv", file: curve.file, line: 2, message: `the intervals do not start on the ${L}-minute grid of the day: write one row per interval from 00:00` });
      continue;
    }
    const required = new Array<number>((days * 1440) / L).fill(0);
    let inside = 0;
    curve.required.forEach((agents, i) => {
      const k = offset + i;
      if (k < 0 || k >= required.length) return;
      required[k] = agents;
      inside++;
    });
    if (inside === 0) {
      problems.push({ code: "invalid-csv", file: curve.file, message: `no interval falls in the period ${config.startDate} (+${days} days): the file covers another period` });
      continue;
    }
    intervalDemand.push({ ...(team === undefined ? {} : { team }), intervalMinutes: L, required });
  }
  if (problems.length > 0) throw new WfmError(problems);
  const r = config.rules ?? {};
  return {
    startDateMs,
    problem: {
      days,
      firstWeekday,
      templates,
      agents: inputs.agents,
      requests,
      demand: [...byKey.values()].sort((a, b) => a.day - b.day || compareText(a.template, b.template)),
      rules: {
        minRestMinutes: Math.round((r.minRestHours ?? 11) * 60),
        forbiddenSuccessions: (r.forbiddenSuccessions ?? []) as [string, string][],
        ...(r.forbiddenSuccessionsScope === undefined ? {} : { forbiddenSuccessionScope: r.forbiddenSuccessionsScope }),
        ...(r.stableStartsWithinWeek === undefined
          ? {}
          : {
              stableStarts: {
                maxStartDifferenceMinutes: r.stableStartsWithinWeek.maxStartDifferenceMinutes,
                ...(r.stableStartsWithinWeek.penaltyPerChange === undefined ? {} : { penaltyPerChange: r.stableStartsWithinWeek.penaltyPerChange }),
              },
            }),
        shortfallWeight: r.shortfallPenalty ?? 1000,
        excessWeight: r.excessPenalty ?? 10,
        nightFairnessWeight: r.nightFairness ?? 10,
        weekendFairnessWeight: r.weekendFairness ?? 10,
        ...(holidays.length > 0 ? { holidayFairnessWeight: r.holidayFairness ?? 10 } : {}),
        ...(r.intervalShortfallPenalty === undefined ? {} : { intervalShortfallWeight: r.intervalShortfallPenalty }),
        ...(r.intervalExcessPenalty === undefined ? {} : { intervalExcessWeight: r.intervalExcessPenalty }),
        costWeight: r.costWeight ?? 0,
      },
      ...(holidays.length > 0 ? { holidays } : {}),
      ...(intervalDemand.length > 0 ? { intervalDemand } : {}),
    },
  };
}

/**
 * A `--requirements` argument: `FILE`, or `TEAM=FILE` for one team's curve (split at the first
 * `=`).
 *
 * @example
 * ```ts
 * requirementArgument("chat=req-chat.csv"); //=> { team: "chat", file: "req-chat.csv" }
 * ```
 */
export function requirementArgument(text: string): { team?: string; file: string } {
  const at = text.indexOf("=");
  return at > 0 ? { team: text.slice(0, at), file: text.slice(at + 1) } : { file: text };
}

/** Reads the inputs from disk (agents, requests, config, a schedule, requirement curves) and builds the problem. */
export function readRosterInputs(
  files: { agents: string; requests?: string; config: string; schedule?: string; requirements?: readonly string[] },
  options: { cwd?: string } = {},
): { problem: RosterProblem; startDateMs: number; config: RosterConfig } {
  const config = readRosterConfig(files.config, { ...options, option: "--config" });
  const agents = parseAgentsCsv(readTextFile(files.agents, { ...options, option: "--agents" }), { file: files.agents });
  const requests = files.requests === undefined ? [] : parseRequestsCsv(readTextFile(files.requests, { ...options, option: "--requests" }), { file: files.requests });
  const schedule = files.schedule === undefined ? undefined : readJsonFile(files.schedule, { ...options, option: "--schedule" });
  const requirements = (files.requirements ?? []).map((text) => {
    const { team, file } = requirementArgument(text);
    return { curve: readRequirementsCsv(file, { ...options, option: "--requirements" }), ...(team === undefined ? {} : { team }) };
  });
  const built = buildRosterProblem({
    config,
    configFile: files.config,
    agents,
    requests,
    requestsFile: files.requests ?? "",
    ...(schedule === undefined ? {} : { schedule, scheduleFile: files.schedule! }),
    ...(requirements.length > 0 ? { requirements } : {}),
  });
  return { ...built, config };
}

/** The date of day d of the period, `YYYY-MM-DD`. */
export function rosterDate(startDateMs: number, day: number): string {
  return formatLocalDate(startDateMs + day * millisecondsInDay);
}


