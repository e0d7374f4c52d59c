import { resolve } from "node:path";
import type { Command } from "commander";
import { planMonth } from "../../plan/plan-month.js";
import { writeFolderAtomic } from "../../io/output.js";
import { loadPlanConfig } from "../../io/plan-config.js";
import { toJsonRows } from "../../io/render.js";
import { renderReportHtml, renderReportMarkdown } from "../../io/report/document.js";
import { buildPlanReport, dailyTotals, planCsvFiles, planPeriodText } from "../../io/report/plan-report.js";
import { localeFormat, locales, type Locale } from "../../io/locale/index.js";
import type { PlanResult } from "../../plan/plan-month.js";
import { solveInWorker } from "../../io/solve-in-worker.js";
import { readLastMonthReview, withCalibration } from "./plan-review.js";
import type { CommandModule } from "../command.js";
import type { CliIo } from "../io.js";
import { parseChoiceOption, parseNumberOption } from "../options.js";
import { progressPrinter } from "../progress.js";

interface PlanFlags {
  config: string;
  out: string;
  force?: boolean;
  month?: string;
  calendar?: string;
  history?: string;
  orders?: string;
  ordersTarget?: string;
  calibration?: string;
  review?: string;
  reviewActual?: string;
  locale?: string;
}

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
      .option("--force", "replace the output folder if it exists")
      .option("--month <YYYY-MM>", "the month to plan (replaces the plan file's)")
      .option("--calendar <name>", "gregorian or persian (replaces the plan file's)")
      .option("--history <file>", "volume CSV of the past months (replaces the plan file's)")
      .option("--orders <file>", "daily orders CSV, date,orders (replaces the plan file's)")
      .option("--orders-target <n>", "orders planned for the month (replaces the plan file's)")
      .option("--calibration <file>", "calibration.json from wfm review of last month: forecast bias, AHT profile, patience, shrinkage")
      .option("--review <folder>", "last month's wfm review folder (or, with --review-actual, last month's plan folder): the report opens with a \"Last month: plan vs actual\" section")
      .option("--review-actual <file>", "last month's interval report, reviewed against the plan folder given to --review")
      .option("--locale <locale>", "language of report.html, report.md and this summary: en or fa (Persian, right to left); replaces the plan file's")
      .action(async (flags: PlanFlags) => {
        const started = Date.now();
        const step = (text: string) => {
          if (io.stderrIsTTY) io.stderr(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${text}\n`);
        };
        const flagLocale = flags.locale === undefined ? undefined : parseChoiceOption("--locale", flags.locale, locales);
        step(`reading ${flags.config} and its files`);
        const loaded = loadPlanConfig(flags.config, {
          cwd: io.cwd,
          overrides: {
            ...(flags.month === undefined ? {} : { month: flags.month }),
            ...(flags.calendar === undefined ? {} : { calendar: parseChoiceOption("--calendar", flags.calendar, ["gregorian", "persian"]) }),
            ...(flags.history === undefined ? {} : { history: flags.history }),
            ...(flags.orders === undefined ? {} : { orders: flags.orders }),
            ...(flags.ordersTarget === undefined ? {} : { ordersTarget: parseNumberOption("--orders-target", flags.ordersTarget, { min: 0, exclusiveMin: true }) }),
          },
        });
        const locale: Locale = flagLocale ?? loaded.locale ?? "en";
        const progress = progressPrinter(io);
        const options = withCalibration(loaded.options, flags.calibration, io);
        const lastReview = readLastMonthReview(flags.review, flags.reviewActual, io, locale);
        step(`planning ${options.period.label}: KPIs, forecast, staffing${options.schedule ? ", schedule" : ""}${options.cost ? ", cost" : ""}`);
        const plan = await planMonth({
          ...options,
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
        step("writing the report");
        const messages = localeFormat(locale).messages;
        const planReport = await buildPlanReport(plan, dailyTotals(options.history.rows), {
          footer: messages.footer(planPeriodText(plan, locale).label, plan.headline.currency ?? "-"),
          locale,
        });
        const report = lastReview === null ? planReport : { ...planReport, sections: [lastReview.section, ...planReport.sections] };
        const files = new Map<string, string>();
        files.set("summary.json", toJsonRows(plan));
        for (const [name, text] of planCsvFiles(plan)) files.set(name, text);
        files.set("report.md", renderReportMarkdown(report));
        files.set("report.html", renderReportHtml(report));
        const out = resolve(io.cwd, flags.out);
        writeFolderAtomic(out, files, { force: Boolean(flags.force), inputs: [...loaded.inputs, ...(lastReview?.inputs ?? []), ...(flags.calibration === undefined ? [] : [resolve(io.cwd, flags.calibration)])] });
        io.stdout(planSummaryLines(plan, flags.out, [...files.keys()], locale).join("\n"));
      });
  },
};
