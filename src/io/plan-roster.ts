/**
 * The optional roster of `wfm plan` (plan.json field `roster`): named agents rostered on the plan's
 * own shift schedule, written beside the plan as roster.csv, roster.html and calendar/AGENT.ics,
 * with a section in the plan report.
 *
 * @module
 */
import { resolve } from "node:path";
import type { SpecialDay } from "../forecast/types.js";
import { z } from "zod";
import { formatLocalDate, millisecondsInDay } from "../calendar/local-time.js";
import { WfmError } from "../errors.js";
import type { PlanResult } from "../plan/plan-month.js";
import type { SolveRosterOptions } from "../roster/solve.js";
import { solveRoster } from "../roster/solve.js";
import { rosterSummary } from "../roster/summary.js";
import { parseJsonText, zodProblems } from "./json.js";
import { readTextFile } from "./read-file.js";
import type { ReportSection } from "./report/document.js";
import { buildRosterProblem, parseAgentsCsv, parseRequestsCsv, rosterConfigSchema, type RosterConfig } from "./roster-input.js";
import { localeFormat, type LocaleFormat } from "./locale/index.js";
import { conflictLine, rosterCalendars, rosterCsvText, rosterHtml, rosterSections } from "./roster-outputs.js";

/** The roster config inside a plan: `startDate` and `days` come from the plan's month. */
const planRosterConfigSchema = rosterConfigSchema.omit({ startDate: true, days: true, demand: true });

/** The `roster` field of plan.json. */
export const planRosterSchema = z
  .strictObject({
    agents: z.string().min(1).describe("agents CSV (as for wfm roster --agents), relative to the plan file"),
    requests: z.string().min(1).optional().describe("requests CSV (as for wfm roster --requests), relative to the plan file"),
    config: z
      .union([z.string().min(1).describe("path of the roster config file, relative to this plan file"), planRosterConfigSchema])
      .describe("the roster config (templates named as the shifts config's, rules, timeZone) without startDate, days and demand: the plan's month and schedule give them"),
  })
  .describe("Roster named agents on the plan's shift schedule: roster.csv, roster.html and calendar/AGENT.ics in the output folder");

/** The roster inputs of a plan, read and validated (the demand comes later, from the plan's schedule). */
export interface PlanRosterInputs {
  readonly config: RosterConfig;
  readonly configFile: string;
  readonly agents: ReturnType<typeof parseAgentsCsv>;
  readonly requests: ReturnType<typeof parseRequestsCsv>;
  readonly requestsFile: string;
}

/**
 * Reads the plan's `roster` field: its agents and requests CSVs and its config (a file or embedded),
 * the config given the plan's month as its period and, when it names no `holidays`, the plan's
 * special days of kind `holiday` in that month.
 *
 * @param shiftTemplates - template names of the plan's shifts config (undefined: the plan has none)
 * @throws {WfmError} a missing or invalid file; a plan without shifts; a shifts template the roster config does not define
 */
export function readPlanRoster(
  value: z.infer<typeof planRosterSchema>,
  options: {
    baseDir: string;
    planFile: string;
    period: { startLocalMs: number; endLocalMs: number };
    shiftTemplates: readonly string[] | undefined;
    inputs: string[];
    /** The plan's special days: those of kind `holiday` become the roster's holidays when its config names none. */
    specialDays?: readonly SpecialDay[];
  },
): PlanRosterInputs {
  const { baseDir, planFile, period, inputs } = options;
  if (options.shiftTemplates === undefined) {
    throw new WfmError({ code: "invalid-config", file: planFile, path: ["roster"], message: "a roster needs the plan's shift schedule: add shifts" });
  }
  const at = (file: string) => {
    const full = resolve(baseDir, file);
    inputs.push(full);
    return full;
  };
  const configFile = typeof value.config === "string" ? value.config : `${planFile}: roster.config`;
  const raw = typeof value.config === "string" ? parseJsonText(readTextFile(at(value.config), { option: `${planFile}: roster.config` }), value.config) : value.config;
  // Strict: startDate, days and demand are refused, the plan's month and schedule give them.
  const parsed = planRosterConfigSchema.safeParse(raw);
  if (!parsed.success) throw new WfmError(zodProblems(parsed.error, configFile));
  const planHolidays = (options.specialDays ?? []).filter((e) => e.kind === "holiday" && e.dateMs >= period.startLocalMs && e.dateMs < period.endLocalMs).map((e) => formatLocalDate(e.dateMs));
  const config: RosterConfig = {
    ...parsed.data,
    startDate: formatLocalDate(period.startLocalMs),
    days: Math.round((period.endLocalMs - period.startLocalMs) / millisecondsInDay),
    ...(parsed.data.holidays === undefined && planHolidays.length > 0 ? { holidays: planHolidays } : {}),
  };
  const names = new Set(config.templates.map((t) => t.name));
  const missing = options.shiftTemplates.filter((t) => !names.has(t));
  if (missing.length > 0) {
    throw new WfmError({ code: "invalid-config", file: configFile, path: ["templates"], message: `the shifts config's templates ${missing.join(", ")} are not in the roster config: define each with its start and length` });
  }
  const agents = parseAgentsCsv(readTextFile(at(value.agents), { option: `${planFile}: roster.agents` }), { file: value.agents });
  const requests = value.requests === undefined ? [] : parseRequestsCsv(readTextFile(at(value.requests), { option: `${planFile}: roster.requests` }), { file: value.requests });
  return { config, configFile, agents, requests, requestsFile: value.requests ?? "" };
}

/** What a plan's roster adds: files for the output folder and a report section. */
export interface PlanRosterOutput {
  readonly files: ReadonlyMap<string, string>;
  readonly section: ReportSection;
  /** One line for the printed summary, e.g. `"6 agents, 152 shifts, 205 of 357 scheduled shifts unfilled, 1 of 1 requests granted"`. */
  readonly summaryLine: string;
}

/**
 * Rosters the agents on the plan's schedule: the demand of each date and template is the number of
 * agents the plan's schedule starts on it (all its teams together; the roster config's template
 * gives the start and length). Returns roster.csv, roster.html, calendar/AGENT.ics and a report
 * section with the team calendar and per-agent summary.
 *
 * @param locale - the words and figures of roster.html, the section and the summary line. @defaultValue English
 * @throws {WfmError} `infeasible` with one line per broken hard rule; `solver-failed` when no roster is found in time
 */
export async function planRoster(
  inputs: PlanRosterInputs,
  plan: PlanResult,
  solve: Pick<SolveRosterOptions, "runMip" | "onProgress" | "parallelParts"> = {},
  locale: LocaleFormat = localeFormat("en"),
): Promise<PlanRosterOutput> {
  const { problem, startDateMs } = buildRosterProblem({ ...inputs, schedule: { shifts: plan.schedule?.shifts ?? [] }, scheduleFile: "the plan's schedule" });
  const { config } = inputs;
  const result = await solveRoster(problem, { timeLimitSeconds: config.timeLimitSeconds ?? 60, relativeGap: (config.gapPercent ?? 0.01) / 100, ...solve });
  if (result.status === "infeasible") {
    const lines = result.conflicts.map((c) => conflictLine(startDateMs, c));
    throw new WfmError((lines.length > 0 ? lines : ["the roster's hard rules cannot all hold"]).map((message) => ({ code: "infeasible" as const, file: inputs.configFile, message })));
  }
  if (result.roster === null || result.check === null) throw new WfmError({ code: "solver-failed", file: inputs.configFile, message: `no roster found (status ${result.status}); raise timeLimitSeconds` });
  const roster = result.roster;
  const summary = rosterSummary(problem, roster);
  const options = { problem, roster, startDateMs, ...(config.timeZone === undefined ? {} : { timeZone: config.timeZone }) };
  const files = new Map<string, string>([["roster.csv", rosterCsvText(options)], ["roster.html", rosterHtml({ ...options, summary, locale })], ...rosterCalendars(options)]);
  const c = result.check;
  const [calendar, agents] = rosterSections({ ...options, summary, locale });
  const m = locale.messages.roster;
  const count = (n: number) => locale.digits(String(n));
  const status = m.statuses[result.status] ?? result.status;
  const section: ReportSection = {
    id: "roster",
    title: m.title,
    paragraphs: [
      m.planParagraph({ agents: count(problem.agents.length), status, unfilled: count(c.shortfall), over: count(c.excess), granted: count(c.requestsGranted), requests: count(c.softRequests) }),
      ...(calendar!.paragraphs ?? []),
    ],
    tables: [...(calendar!.tables ?? []), ...(agents!.tables ?? [])],
  };
  const shifts = Object.values(roster).reduce((n, days) => n + days.filter((t) => t !== "").length, 0);
  const summaryLine = m.summaryLine({
    agents: count(problem.agents.length),
    shifts: count(shifts),
    unfilled: count(c.shortfall),
    scheduled: count(shifts - c.excess + c.shortfall),
    granted: count(c.requestsGranted),
    requests: count(c.softRequests),
    status,
  });
  return { files, section, summaryLine };
}
