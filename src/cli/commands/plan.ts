import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import type { Command } from "commander";
import { WfmError } from "../../errors.js";
import { staleHistory, staleHistoryDays } from "../stale-history.js";
import { planMonth, type PlanResult, type PlanSimulationResult } from "../../plan/plan-month.js";
import { checkOutputFolder, writeFolderAtomic, type OutputMarker } from "../../io/output.js";
import { loadConfigReaders } from "../config-readers.js";
import type { ReportSection } from "../../io/report/document.js";
import { teamDesignSection, withAgentGroupSchedule } from "../../io/report/teams-section.js";
import { compareTeamDesigns } from "../../skills/compare.js";
import { peakDaySkillModel } from "../../skills/plan-day.js";
import { staffSkills } from "../../skills/staff-skills.js";
import type { StaffingConfig } from "../../staffing/plan.js";
import { toJsonRows } from "../../io/render.js";
import { renderReportHtml, renderReportMarkdown } from "../../io/report/document.js";
import { buildPlanReport, dailyTotals, planCsvFiles, planPeriodText } from "../../io/report/plan-report.js";
import { localeFormat, locales, type Locale, type LocaleFormat } from "../../io/locale/index.js";
import { solveInWorker, solveMipInWorker } from "../../io/solve-in-worker.js";
import type { PlanRosterInputs, PlanRosterOutput } from "../../io/plan-roster.js";
import { readLastMonthReview, withCalibration } from "./plan-review.js";
import { simulateInWorkers } from "../../io/simulate-in-workers.js";
import { isOpenAt, parseLocalTimestamp } from "../../calendar/local-time.js";
import { businessHoursNotes } from "../business-hours.js";
import type { CommandModule } from "../command.js";
import type { CliIo } from "../io.js";
import { dateFormatHelp, parseChoiceOption, parseDateFormatOption, parseNumberOption } from "../options.js";
import { progressPrinter } from "../progress.js";

interface PlanFlags {
  config: string;
  out: string;
  force?: boolean;
  month?: string;
  calendar?: string;
  history?: string;
  forceHistory?: boolean;
  orders?: string;
  ordersTarget?: string;
  calibration?: string;
  review?: string;
  reviewActual?: string;
  replications: string;
  dateFormat?: string;
  strict?: boolean;
  locale?: string;
}

/**
 * The marker of a `wfm plan` output folder: `--force` replaces a folder only when its `.wfm-plan`
 * file lists every file in it (or, for outputs written before the marker, when it holds only the
 * files a plan writes, summary.json among them).
 */
export const planOutputMarker: OutputMarker = {
  file: ".wfm-plan",
  command: "wfm plan",
  legacyFiles: ["summary.json", "forecast.csv", "staffing.csv", "schedule.csv", "coverage.csv", "costs.csv", "scenarios.csv", "report.md", "report.html"],
  legacyRequired: "summary.json",
};

/**
 * The summary `wfm plan` prints: one label and value per line, the labels padded to one column,
 * every word from the locale's catalogue and every figure in its digits.
 *
 * @example
 * ```ts
 * planSummaryLines(plan, "out", ["summary.json"], "en")[1]; //=> "  forecast contacts   75748 (voice 53130, chat 22618)"
 * ```
 */
export function planSummaryLines(plan: PlanResult, out: string, files: readonly string[], locale: Locale): string[] {
  const f = localeFormat(locale);
  const m = f.messages.cli;
  const h = plan.headline;
  const period = planPeriodText(plan, locale).label;
  const money = (v: string | null) => (v === null ? "-" : f.messages.money(h.currency ?? "", f.decimal(v)));
  const pairs: [string, string][] = [
    [m.contacts, m.contactsValue(f.digits(String(h.contacts)), Object.entries(h.contactsByChannel).map(([c, v]) => `${c} ${f.digits(String(v))}`).join(f.messages.list))],
    [m.agentFte, m.fteValue(f.number(h.agentFte, 1).replace(/[,٬]/g, ""), f.number(h.totalFte, 1).replace(/[,٬]/g, ""))],
    [m.serviceLevel, m.serviceLevelValue(f.percent(h.serviceLevel), plan.schedule !== null)],
    ...(plan.schedule === null
      ? []
      : plan.schedule.teams.map((t): [string, string] => [
          m.scheduleLabel(t.team),
          m.scheduleValue({
            status: f.messages.schedule.statuses[t.status] ?? t.status,
            gap: t.gap === null ? "-" : f.percent(t.gap, 2),
            shifts: f.digits(String(t.shiftsStarted)),
            paidHours: f.digits(t.paidHours.toFixed(0)),
            shortfall: f.digits(t.shortfallAgentHours.toFixed(1)),
          }),
        ])),
    ...(h.totalCost === null
      ? []
      : ([
          [m.totalCost, money(h.totalCost)],
          [m.perHandledMinute, money(h.costPerHandledMinute)],
          [m.perContact, money(h.costPerContact)],
          [m.perOrder, money(h.costPerOrder)],
        ] as [string, string][])),
    ...(plan.scenarios === null
      ? []
      : ([
          [
            m.scenarios,
            plan.scenarios
              .filter((s) => s.name !== "base")
              .map((s) => `${s.name} ${s.deltaFraction === null ? "" : `${s.deltaFraction > 0 ? "+" : ""}${f.percent(s.deltaFraction)}`}`)
              .join(f.messages.list),
          ],
        ] as [string, string][])),
  ];
  const width = Math.max(18, ...pairs.map(([label]) => label.length)) + 1;
  return [m.written(plan.name, period, out, files.join(", ")), ...pairs.map(([label, value]) => `  ${label.padEnd(width)} ${value}`), `  ${m.open(out)}`, ""];
}

/** Per channel: the model's service level beside the simulated one (schedule when there is one), in the locale's words. */
function simulatedLines(plan: Awaited<ReturnType<typeof planMonth>>, f: LocaleFormat, column: number): string[] {
  const sim = plan.simulation;
  if (sim === null) return [];
  const m = f.messages.simulation;
  // English keeps its fixed layout; other locales align the figures with the summary's value column.
  const label = (name: string) => (f.locale === "en" ? `${m.label} ${name.padEnd(9)}` : `${m.label} ${name}`.padEnd(column - 3));
  const pct = (v: number | null) => (v === null ? "-" : f.percent(v));
  const half = (v: number | null) => (v === null ? "-" : f.digits((v * 100).toFixed(1)));
  const groups = plan.schedule?.agentGroups;
  const byType = (groups?.contactTypes ?? []).map(
    (t) => `  ${label(t.type)} ${m.typeLine({ simulated: pct(t.serviceLevel), halfWidth: half(t.halfWidth), target: pct(t.targetServiceLevel) })}`,
  );
  const channelLine = (c: PlanSimulationResult["staffing"]["channels"][number]) =>
    `  ${label(c.channel)} ${m.channelLine({ simulated: pct(c.simulatedServiceLevel), halfWidth: half(c.halfWidth), model: pct(c.modelServiceLevel), disagreeing: f.digits(String(c.disagreeingIntervals)), intervals: f.digits(String(c.intervals)) })}`;
  // Channels no group serves (chat, deferred): the staffing plan simulated, as the groups' schedule is simulated on its own.
  if (groups !== undefined) return [...byType, ...sim.staffing.channels.filter((c) => !groups.contactTypes.some((t) => t.type === c.channel)).map((c) => `${channelLine(c)}${m.staffingPlanTag}`)];
  const basis = sim.schedule ?? sim.staffing;
  return basis.channels.map(channelLine);
}

/**
 * Runs planMonth; a problem with a staffing target that no staffing meets (e.g. a 100% service
 * level) is reported at the plan file's `staffing` field.
 */
async function planMonthLocated(planFile: string, options: Parameters<typeof planMonth>[0]): ReturnType<typeof planMonth> {
  try {
    return await planMonth(options);
  } catch (error) {
    if (!(error instanceof WfmError)) throw error;
    throw new WfmError(
      error.problems.map((p) =>
        p.file === undefined && p.path?.[0] === "config"
          ? { ...p, file: planFile, path: ["staffing", ...p.path.slice(1)], message: p.message.replace(/^planStaffing: /, "") }
          : p,
      ),
    );
  }
}

/** The plan's roster (plan.json `roster`): named agents on its schedule, or null without one. */
async function rosterOfPlan(inputs: PlanRosterInputs | undefined, plan: PlanResult, io: CliIo, step: (text: string) => void, f: LocaleFormat): Promise<PlanRosterOutput | null> {
  if (inputs === undefined) return null;
  step(`rostering ${inputs.agents.length} agents on the schedule`);
  const { planRoster } = await import("../../io/plan-roster.js");
  const progress = progressPrinter(io);
  const output = await planRoster(inputs, plan, { runMip: solveMipInWorker, parallelParts: availableParallelism(), ...(progress.onProgress ? { onProgress: progress.onProgress } : {}) }, f);
  progress.done();
  return output;
}

/**
 * The report's teams section when the plan has several voice contact types (or agent groups):
 * the busiest day staffed by the config's groups and the three team designs, simulated.
 */
async function teamsOfPlan(plan: PlanResult, staffing: StaffingConfig, step: (text: string) => void, f: LocaleFormat): Promise<ReportSection | null> {
  const day = peakDaySkillModel({ intervals: plan.staffing.intervals, intervalMinutes: plan.period.intervalMinutes, config: staffing });
  if (day === null) return null;
  step(`teams: staffing and team designs on the busiest day (${day.date}), simulated`);
  const comparison = await compareTeamDesigns({ intervalMinutes: day.model.intervalMinutes, contactTypes: day.model.contactTypes, ...(day.model.routing === undefined ? {} : { routing: day.model.routing }) });
  if (staffing.agentGroups === undefined) return teamDesignSection({ date: day.date, comparison, locale: f });
  const groups = await staffSkills(day.model);
  return teamDesignSection({ date: day.date, comparison, groups: { names: staffing.agentGroups.map((g) => g.name), skills: staffing.agentGroups.map((g) => g.skills), staffing: groups }, locale: f });
}

/**
 * `wfm plan --config plan.json --out FOLDER`: the whole monthly cycle (last month's KPIs, forecast,
 * staffing, shift schedule, cost, scenarios) into one folder of files: summary.json, forecast.csv,
 * staffing.csv, schedule.csv, coverage.csv, costs.csv (and scenarios.csv), report.md and
 * report.html. The folder is written atomically; an existing one is replaced only with --force.
 */
export const planCommand: CommandModule = {
  name: "plan",
  register(program: Command, io: CliIo) {
    program
      .command("plan")
      .description("run the monthly cycle: KPIs, forecast, staffing, schedule, cost, scenarios; write a report folder")
      .requiredOption("--config <file>", "plan.json (see `wfm schema plan`)")
      .option("--out <folder>", "output folder", "plan-output")
      .option("--force", "replace the output folder if it is a previous wfm plan output (never a folder of other files)")
      .option("--month <YYYY-MM>", "the month to plan (replaces the plan file's)")
      .option("--calendar <name>", "gregorian or persian (replaces the plan file's)")
      .option("--history <file>", "volume CSV of the past months (replaces the plan file's)")
      .option("--orders <file>", "daily orders CSV, date,orders (replaces the plan file's)")
      .option("--orders-target <n>", "orders planned for the month (replaces the plan file's)")
      .option("--calibration <file>", "calibration.json from wfm review of last month: forecast bias, AHT profile, patience, shrinkage")
      .option("--review <folder>", "last month's wfm review folder (or, with --review-actual, last month's plan folder): the report opens with a \"Last month: plan vs actual\" section")
      .option("--review-actual <file>", "last month's interval report, reviewed against the plan folder given to --review")
      .option("--replications <n>", "simulation replications of the staffing plan and schedule (0: no simulation)", "20")
      .option("--strict", "fail (exit 2) when forecast contacts fall outside the staffing config's openingHours, instead of a note")
      .option("--date-format <pattern>", `${dateFormatHelp} (replaces the plan file's dateFormat)`)
      .option("--force-history", `plan from a history that ends more than ${staleHistoryDays} days before the month (noted on stderr)`)
      .option("--locale <locale>", "language of report.html, report.md and this summary: en or fa (Persian, right to left); replaces the plan file's")
      .action(async (flags: PlanFlags) => {
        const started = Date.now();
        const step = (text: string) => {
          if (io.stderrIsTTY) io.stderr(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${text}\n`);
        };
        // The output folder is checked before any work, not after minutes of solving.
        checkOutputFolder(flags.out, { cwd: io.cwd, force: Boolean(flags.force), marker: planOutputMarker });
        const flagLocale = flags.locale === undefined ? undefined : parseChoiceOption("--locale", flags.locale, locales);
        step(`reading ${flags.config} and its files`);
        const { loadPlanConfig } = await loadConfigReaders();
        const loaded = loadPlanConfig(flags.config, {
          cwd: io.cwd,
          overrides: {
            ...(flags.month === undefined ? {} : { month: flags.month }),
            ...(flags.calendar === undefined ? {} : { calendar: parseChoiceOption("--calendar", flags.calendar, ["gregorian", "persian"]) }),
            ...(flags.history === undefined ? {} : { history: flags.history }),
            ...(flags.orders === undefined ? {} : { orders: flags.orders }),
            ...(flags.dateFormat === undefined ? {} : { dateFormat: parseDateFormatOption("--date-format", flags.dateFormat) }),
            ...(flags.ordersTarget === undefined ? {} : { ordersTarget: parseNumberOption("--orders-target", flags.ordersTarget, { min: 0, exclusiveMin: true }) }),
          },
        });
        const replications = parseNumberOption("--replications", flags.replications, { min: 0, integer: true });
        checkOutputFolder(flags.out, { cwd: io.cwd, force: Boolean(flags.force), inputs: loaded.inputs, marker: planOutputMarker });
        const locale: Locale = flagLocale ?? loaded.locale ?? "en";
        const options = withCalibration(loaded.options, flags.calibration, io);
        const historyEnd = options.history.rows.reduce((m, r) => (r.localMs < options.period.startLocalMs ? Math.max(m, r.localMs) : m), Number.NEGATIVE_INFINITY);
        if (Number.isFinite(historyEnd)) {
          const lf = localeFormat(locale);
          const note = staleHistory(flags.history ?? null, historyEnd + options.history.intervalMinutes * 60_000, options.period.startLocalMs, Boolean(flags.forceHistory), flags.month !== undefined ? "--month" : "--config", lf);
          if (note !== null) io.stderr(`${lf.messages.businessHours.note(note)}\n`);
        }
        const lastReview = readLastMonthReview(flags.review, flags.reviewActual, io, locale);
        const progress = progressPrinter(io);
        step(`planning ${options.period.label}: KPIs, forecast, staffing${options.schedule ? ", schedule" : ""}${options.cost ? ", cost" : ""}`);
        const plan = await planMonthLocated(flags.config, {
          ...options,
          ...(replications === 0 ? {} : { simulation: { replications, seed: 1, run: (o) => simulateInWorkers(o) } }),
          ...(options.schedule === undefined
            ? {}
            : {
                schedule: {
                  ...options.schedule,
                  parallel: true,
                  solve: (problem, solveOptions) =>
                    solveInWorker(problem, {
                      ...(solveOptions.timeLimitSeconds === undefined ? {} : { timeLimitSeconds: solveOptions.timeLimitSeconds }),
                      ...(solveOptions.relativeGap === undefined ? {} : { relativeGap: solveOptions.relativeGap }),
                      ...(progress.onProgress === undefined ? {} : { onProgress: progress.onProgress }),
                    }),
                },
              }),
        });
        progress.done();
        for (const team of plan.schedule?.teams ?? []) {
          if (team.status !== "optimal") {
            const f = localeFormat(locale);
            io.stderr(`${f.messages.cli.scheduleStopped(team.team, f.messages.schedule.statuses[team.status] ?? team.status, team.gap === null ? null : f.percent(team.gap, 2))}\n`);
          }
        }
        // Forecast contacts in intervals the config's openingHours close get 0 agents: say so.
        const configHours = loaded.history.inferredOpeningHours === undefined ? options.staffing.openingHours : undefined;
        const closedCalls = { intervals: 0, calls: 0 };
        if (configHours !== undefined) {
          for (const r of plan.staffing.intervals) {
            const at = parseLocalTimestamp(r.timestamp);
            if (r.calls > 0 && at !== null && !isOpenAt(configHours, at.localMs)) {
              closedCalls.intervals++;
              closedCalls.calls += r.calls;
            }
          }
        }
        const notes = businessHoursNotes({
          file: loaded.history.file,
          configHours,
          inferredHours: loaded.history.inferredOpeningHours,
          closedDays: loaded.history.closedDays,
          closedCalls,
          strict: flags.strict === true,
          locale: localeFormat(locale),
        });
        const lf = localeFormat(locale);
        const teams = await teamsOfPlan(plan, options.staffing, step, lf);
        const roster = await rosterOfPlan(loaded.roster, plan, io, step, lf);
        step("writing the report");
        const messages = localeFormat(locale).messages;
        const planReport = await buildPlanReport(plan, dailyTotals(options.history.rows), {
          ...(teams === null && roster === null ? {} : { extraSections: [...(teams === null ? [] : [teams]), ...(roster === null ? [] : [roster.section])] }),
          footer: messages.footer(planPeriodText(plan, locale).label, plan.headline.currency ?? "-"),
          locale,
        });
        const withGroups = { ...planReport, sections: withAgentGroupSchedule(planReport.sections, plan.schedule?.agentGroups, lf) };
        const report = lastReview === null ? withGroups : { ...withGroups, sections: [lastReview.section, ...withGroups.sections] };
        const files = new Map<string, string>();
        files.set("summary.json", toJsonRows(summaryOfPlan(plan)));
        for (const [name, text] of planCsvFiles(plan)) files.set(name, text);
        files.set("report.md", renderReportMarkdown(report));
        files.set("report.html", renderReportHtml(report));
        for (const [name, text] of roster?.files ?? []) files.set(name, text);
        const out = resolve(io.cwd, flags.out);
        writeFolderAtomic(out, files, {
          force: Boolean(flags.force),
          inputs: [...loaded.inputs, ...(lastReview?.inputs ?? []), ...(flags.calibration === undefined ? [] : [resolve(io.cwd, flags.calibration)])],
          marker: planOutputMarker,
        });
        // The summary: the locale's lines, with the simulated service levels after the expected one and the notes before the last line.
        const summary = planSummaryLines(plan, flags.out, [...new Set([...files.keys()].map((name) => name.replace(/\/.*$/, "/")))], locale);
        const column = /^(\s{2}.*?\s{2,})\S/.exec(summary[1] ?? "")?.[1]?.length ?? 22;
        summary.splice(4, 0, ...simulatedLines(plan, lf, column));
        if (roster !== null) {
          summary.splice(summary.length - 2, 0, `  ${lf.messages.simulation.rosterLabel}`.padEnd(column) + roster.summaryLine);
        }
        summary.splice(summary.length - 2, 0, ...notes.map((note) => `  ${lf.messages.simulation.note(note)}`));
        io.stdout(summary.join("\n"));
      });
  },
};

/** The plan as summary.json holds it: last month's notes in English only (their data twin, `noteDetails`, is for the localized report). */
function summaryOfPlan(plan: PlanResult): unknown {
  if (plan.lastMonth === null) return plan;
  const { noteDetails: _noteDetails, ...lastMonth } = plan.lastMonth;
  return { ...plan, lastMonth };
}
