import { planRosterSchema, readPlanRoster, type PlanRosterInputs } from "./plan-roster.js";
import { dirname, isAbsolute, relative, resolve } from "node:path";
import { z } from "zod";
import type { OpeningHours } from "../calendar/local-time.js";
import { planningMonth, type PlanningCalendar } from "../calendar/planning-month.js";
import type { CostModel } from "../cost/cost-model.js";
import type { Scenario } from "../cost/scenarios.js";
import { WfmError, type Problem } from "../errors.js";
import type { ForecastMethodChoice, SpecialDay } from "../forecast/types.js";
import type { PlanMonthOptions, PlanTeam } from "../plan/plan-month.js";
import type { StaffingConfig } from "../staffing/plan.js";
import { costConfigSchema, costModelFromConfig, parseJsonExact, zodProblems } from "./cost-config.js";
import { dateFormatProblem } from "./csv.js";
import { readHolidaysCsv } from "./holidays.js";
import { readKpiCsv } from "./kpi-csv.js";
import { readOrdersCsv } from "./orders-csv.js";
import { parseJsonText } from "./json.js";
import { locales, type Locale } from "./locale/index.js";
import { readTextFile } from "./read-file.js";
import { scenarioConfigSchema, scenariosFromConfig } from "./scenario-config.js";
import { shiftsConfigFromJson, shiftsConfigSchema, type ShiftsConfig } from "./shifts-config.js";
import { staffingConfigFromJson, staffingConfigSchema } from "./staffing-config.js";
import { readTicketCsv } from "./tickets-csv.js";
import { readVolumeCsv } from "./volume-csv.js";

const fileOr = <T extends z.ZodType>(schema: T, what: string) =>
  z.union([z.string().min(1).describe(`path of the ${what} file, relative to this plan file`), schema]).describe(`the ${what}: a file path or the config itself`);

/**
 * `plan.json`: one file per centre for `wfm plan`. Paths are relative to the plan file; the
 * staffing, shifts, cost and scenarios configs may be referenced by path or embedded.
 */
export const planConfigSchema = z.strictObject({
  $schema: z.string().optional(),
  name: z.string().min(1).optional().describe("Name of the centre, shown in the report"),
  month: z.string().regex(/^\d{4}-\d{2}$/, { message: "expected YYYY-MM" }).describe("The month to plan, YYYY-MM (a Persian month with calendar: persian)"),
  calendar: z.enum(["gregorian", "persian"]).optional().describe("Calendar of the month (default gregorian)"),
  locale: z.enum(locales).optional().describe("Language of report.html, report.md and the printed summary: en (default) or fa (Persian: right to left, Persian digits, Solar Hijri dates); JSON and CSV outputs do not change"),
  history: z.string().min(1).describe("Volume CSV of the past months: timestamp, calls, optional channel and ahtSeconds"),
  intervalMinutes: z.number().int().positive().optional().describe("Interval length; inferred from the history when absent"),
  dateFormat: z
    .string()
    .superRefine((value, ctx) => {
      const problem = dateFormatProblem(value);
      if (problem !== null) ctx.addIssue({ code: "custom", message: problem });
    })
    .optional()
    .describe('date-fns pattern of the timestamps in the CSV files when not ISO 8601, e.g. "dd/MM/yyyy HH:mm" (day-first or month-first dates are never guessed)'),
  holidays: z.string().min(1).optional().describe("Special days CSV: date,label,kind (holiday, campaign, outage, closed)"),
  orders: z.string().min(1).optional().describe("Daily orders CSV: date,orders"),
  ordersTarget: z.number().positive().optional().describe("Orders planned for the month (sales target): cost per order, and the driver forecast"),
  lastMonthReport: z.string().min(1).optional().describe("Last month's interval report CSV (KPIs)"),
  tickets: z.string().min(1).optional().describe("Ticket export CSV (FCR, MTTR)"),
  forecast: z
    .strictObject({
      method: z.enum(["auto", "seasonal-naive", "seasonal-average", "holt-winters", "top-down", "driver", "combined"]).optional(),
      quantile: z.number().gt(0.5).lt(1).optional().describe("Planning quantile of the prediction interval (default 0.8)"),
      planTo: z.enum(["point", "quantile"]).optional().describe("Staff to the point forecast (default) or to the upper quantile"),
    })
    .optional(),
  staffing: fileOr(staffingConfigSchema, "staffing config"),
  shifts: fileOr(shiftsConfigSchema, "shifts config").optional(),
  schedule: z
    .strictObject({
      teams: z
        .array(z.strictObject({ name: z.string().min(1), channels: z.array(z.string().min(1)).min(1) }))
        .min(1)
        .optional()
        .describe("Teams scheduled separately (default: one team per channel)"),
      timeLimitSeconds: z.number().positive().optional().describe("Solver time limit per team (default: the shifts config's, else 30)"),
      gapPercent: z.number().min(0).max(100).optional().describe("Relative MIP gap, percent (default: the shifts config's, else 1)"),
    })
    .optional(),
  cost: fileOr(costConfigSchema, "cost config").optional(),
  scenarios: fileOr(scenarioConfigSchema, "scenarios").optional(),
  roster: planRosterSchema.optional(),
});

/** `plan.json` as written. */
export type PlanConfigInput = z.input<typeof planConfigSchema>;

/** Values given on the command line, which replace the plan file's. */
export interface PlanOverrides {
  /** `YYYY-MM`. */
  readonly month?: string;
  readonly calendar?: string;
  /** History CSV, relative to the working folder. */
  readonly history?: string;
  /** Daily orders CSV, relative to the working folder. */
  readonly orders?: string;
  /** Orders planned for the month. */
  readonly ordersTarget?: number;
  /** date-fns pattern of the CSV timestamps. */
  readonly dateFormat?: string;
}

/** A plan config with every referenced file read and validated. */
export interface LoadedPlan {
  /** Options for `planMonth` (without the solver, which the caller chooses). */
  readonly options: PlanMonthOptions;
  /** Files read, so outputs never overwrite them. */
  readonly inputs: readonly string[];
  /** The history file as shown, the opening hours inferred from it (when the config has none) and its closed days. */
  readonly history: { readonly file: string; readonly inferredOpeningHours?: OpeningHours; readonly closedDays: readonly number[] };
  /** The plan file's `locale` (the report's language), when given. */
  readonly locale?: Locale;
  /** The roster inputs (plan.json `roster`), when given. */
  readonly roster?: PlanRosterInputs;
}

function embeddedOrFile<T>(
  value: unknown,
  baseDir: string,
  planFile: string,
  key: string,
  fromJson: (value: unknown, file: string) => T,
  inputs: string[],
  cwd: string,
  exact = false,
): T {
  if (typeof value === "string") {
    const path = resolve(baseDir, value);
    inputs.push(path);
    const text = readTextFile(path, { option: `${planFile}: ${key}` });
    const shown = displayPath(path, cwd);
    return fromJson(exact ? parseJsonExact(text, shown) : parseJsonText(text, shown), shown);
  }
  return fromJson(value, `${planFile}: ${key}`);
}

function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel.startsWith("..") || isAbsolute(rel) ? path : rel;
}


/**
 * Reads `plan.json` and everything it references: the history, holidays, orders, last month's
 * report and tickets, and the staffing, shifts, cost and scenarios configs. Every problem names
 * its file (and line, column or field).
 *
 * @param path - the plan file
 * @param options.cwd - folder a relative `path` is resolved against
 * @throws {WfmError} for a missing or invalid file of any kind
 */
export function loadPlanConfig(path: string, options: { cwd?: string; overrides?: PlanOverrides } = {}): LoadedPlan {
  const cwd = options.cwd ?? process.cwd();
  const planPath = resolve(cwd, path);
  const text = readTextFile(path, { cwd, option: "--config" });
  const raw = parseJsonExact(text, path);
  if (typeof raw === "object" && raw !== null && !Array.isArray(raw) && options.overrides !== undefined) {
    // Flags win over the file; their paths are relative to the working folder, made absolute here.
    const o = options.overrides;
    const target = raw as Record<string, unknown>;
    if (o.month !== undefined) target.month = o.month;
    if (o.calendar !== undefined) target.calendar = o.calendar;
    if (o.history !== undefined) target.history = resolve(cwd, o.history);
    if (o.orders !== undefined) target.orders = resolve(cwd, o.orders);
    if (o.ordersTarget !== undefined) target.ordersTarget = o.ordersTarget;
    if (o.dateFormat !== undefined) target.dateFormat = o.dateFormat;
  }
  const parsed = planConfigSchema.safeParse(raw);
  if (!parsed.success) throw new WfmError(zodProblems(parsed.error, path));
  const config = parsed.data;
  const baseDir = dirname(planPath);
  const inputs: string[] = [planPath];
  const at = (file: string) => {
    const full = resolve(baseDir, file);
    inputs.push(full);
    return full;
  };
  const calendar: PlanningCalendar = config.calendar ?? "gregorian";
  let month;
  try {
    month = planningMonth({ month: config.month, calendar });
  } catch (error) {
    if (error instanceof WfmError) throw new WfmError({ code: "invalid-config", file: path, path: ["month"], message: error.message.replace(/^planningMonth: /, "") });
    throw error;
  }
  const problems: Problem[] = [];
  const collect = <T>(fn: () => T): T | undefined => {
    try {
      return fn();
    } catch (error) {
      if (error instanceof WfmError) {
        problems.push(...error.problems);
        return undefined;
      }
      throw error;
    }
  };

  const staffing = collect(() => embeddedOrFile(config.staffing, baseDir, path, "staffing", staffingConfigFromJson, inputs, cwd));
  const dates = { calendar, ...(config.dateFormat === undefined ? {} : { dateFormat: config.dateFormat }) };
  const historyPath = at(config.history);
  const history = collect(() =>
    readVolumeCsv(displayPath(historyPath, cwd), {
      cwd,
      ...dates,
      ...(config.intervalMinutes === undefined ? {} : { intervalMinutes: config.intervalMinutes }),
      ...(staffing?.openingHours === undefined ? {} : { openingHours: staffing.openingHours }),
    }),
  );
  const events: SpecialDay[] | undefined = config.holidays === undefined ? [] : collect(() => readHolidaysCsv(displayPath(at(config.holidays!), cwd), { cwd, ...dates }));
  const orders = config.orders === undefined ? undefined : collect(() => readOrdersCsv(displayPath(at(config.orders!), cwd), { cwd, ...dates }));
  const report = config.lastMonthReport === undefined ? undefined : collect(() => readKpiCsv(displayPath(at(config.lastMonthReport!), cwd), { cwd, ...dates }));
  const tickets = config.tickets === undefined ? undefined : collect(() => readTicketCsv(displayPath(at(config.tickets!), cwd), { cwd, ...dates }));
  const shifts: ShiftsConfig | undefined = config.shifts === undefined ? undefined : collect(() => embeddedOrFile(config.shifts, baseDir, path, "shifts", shiftsConfigFromJson, inputs, cwd));
  const cost: CostModel | undefined = config.cost === undefined ? undefined : collect(() => embeddedOrFile(config.cost, baseDir, path, "cost", costModelFromConfig, inputs, cwd, true));
  const scenarios: Scenario[] | undefined =
    config.scenarios === undefined ? undefined : collect(() => embeddedOrFile(config.scenarios, baseDir, path, "scenarios", scenariosFromConfig, inputs, cwd, true));
  const roster =
    config.roster === undefined
      ? undefined
      : collect(() =>
          readPlanRoster(config.roster!, { baseDir, planFile: path, period: month, shiftTemplates: shifts?.settings.templates.map((t) => t.name) ?? (config.shifts === undefined ? undefined : []),
            inputs,
            ...(events === undefined ? {} : { specialDays: events }),
          }),
        );
  if (config.forecast?.method === "driver" && (config.orders === undefined || config.ordersTarget === undefined)) {
    problems.push({ code: "invalid-config", file: path, path: ["forecast", "method"], message: "the driver method needs orders (daily orders CSV) and ordersTarget" });
  }
  if (config.scenarios !== undefined && config.cost === undefined) {
    problems.push({ code: "invalid-config", file: path, path: ["scenarios"], message: "scenarios need a cost config (cost)" });
  }
  if (problems.length > 0) throw new WfmError(problems);

  const lastMonth =
    report === undefined
      ? undefined
      : {
          report: {
            intervals: report!.intervals,
            ...(report!.orders.length > 0 ? { orders: report!.orders } : {}),
          },
          ...(tickets === undefined ? {} : { tickets: tickets!.tickets }),
        };
  const teams: PlanTeam[] | undefined = config.schedule?.teams;
  const planOptions: PlanMonthOptions = {
    ...(config.name === undefined ? {} : { name: config.name }),
    period: { label: config.month, calendar, startLocalMs: month.startLocalMs, endLocalMs: month.endLocalMs },
    history: { rows: history!.rows, intervalMinutes: history!.intervalMinutes },
    events: events!,
    ...(orders === undefined && config.ordersTarget === undefined
      ? {}
      : { orders: { daily: orders ?? [], ...(config.ordersTarget === undefined ? {} : { target: config.ordersTarget }) } }),
    forecast: {
      ...(config.forecast?.method === undefined ? {} : { method: config.forecast.method as ForecastMethodChoice }),
      ...(config.forecast?.quantile === undefined ? {} : { quantile: config.forecast.quantile }),
      ...(config.forecast?.planTo === undefined ? {} : { planTo: config.forecast.planTo }),
    },
    ...(lastMonth === undefined ? {} : { lastMonth }),
    // Without openingHours in the staffing config, the hours inferred from the history are used.
    staffing: (staffing!.openingHours === undefined && history!.inferredOpeningHours !== undefined
      ? { ...staffing!, openingHours: history!.inferredOpeningHours }
      : staffing) as StaffingConfig,
    ...(shifts === undefined
      ? {}
      : {
          schedule: {
            settings: shifts.settings,
            ...(teams === undefined ? {} : { teams }),
            timeLimitSeconds: config.schedule?.timeLimitSeconds ?? shifts.timeLimitSeconds ?? 30,
            relativeGap: config.schedule?.gapPercent !== undefined ? config.schedule.gapPercent / 100 : (shifts.relativeGap ?? 0.01),
          },
        }),
    ...(cost === undefined ? {} : { cost: { model: cost, ...(scenarios === undefined ? {} : { scenarios }) } }),
  };
  return {
    options: planOptions,
    inputs: [...new Set(inputs)],
    history: {
      file: displayPath(historyPath, cwd),
      ...(staffing!.openingHours === undefined && history!.inferredOpeningHours !== undefined ? { inferredOpeningHours: history!.inferredOpeningHours } : {}),
      closedDays: history!.closedDays,
    },
    ...(config.locale === undefined ? {} : { locale: config.locale }),
    ...(roster === undefined ? {} : { roster }),
  };
}
