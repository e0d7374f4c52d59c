import { z } from "zod";
import { dayNames } from "../calendar/local-time.js";
import { WfmError, type Problem } from "../errors.js";
import type { ShiftSettings, ShiftTemplate } from "../schedule/templates.js";
import { readJsonFile, zodProblems } from "./json.js";

/**
 * `shifts.json`: the config of `wfm schedule`: shift templates (start window and step, length
 * range, days, cost per paid hour, breaks with windows, per-day limits), weekly tour patterns,
 * coverage penalties and solver limits. Validated with zod; `wfm schema shifts` prints the JSON
 * Schema generated from the same object. Times of day are `"HH:MM"`; durations are minutes.
 *
 * @module
 */

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'expected a time of day "HH:MM" such as "06:30"' });
const minutes = z.int().min(0);
const positiveMinutes = z.int().min(1);
/** A shift length: at most 24 hours. */
const shiftMinutes = positiveMinutes.max(1440, { message: "a shift lasts at most 24 hours (1440 minutes)" });

const breakSchema = z
  .object({
    name: z.string().min(1).describe("e.g. break, lunch"),
    durationMinutes: positiveMinutes,
    earliestStartAfterMinutes: minutes.describe("earliest start, minutes after the shift start"),
    latestStartAfterMinutes: minutes.describe("latest start, minutes after the shift start"),
    paid: z.boolean().optional().describe("paid break (default false: unpaid time is not paid)"),
  })
  .strict();

const templateSchema = z
  .object({
    name: z.string().min(1),
    earliestStart: clock.describe("earliest start time of day"),
    latestStart: clock.optional().describe("latest start time of day (default earliestStart); a night window is 22:00-23:00"),
    startStepMinutes: positiveMinutes.optional().describe("step between starts (default: the interval length)"),
    lengthMinutes: shiftMinutes.describe("shift length including breaks (the shortest, when maxLengthMinutes is set), at most 1440"),
    maxLengthMinutes: shiftMinutes.optional(),
    lengthStepMinutes: positiveMinutes.optional().describe("step between lengths (default: the interval length)"),
    days: z.array(z.enum(dayNames)).optional().describe("days it may start on (default every day)"),
    costPerPaidHour: z.number().nonnegative().optional().describe("cost of one paid hour (default 1)"),
    breaks: z.array(breakSchema).optional(),
    minPerDay: z.int().min(0).optional().describe("fewest agents starting it on each day it may be used"),
    maxPerDay: z.int().min(0).optional().describe("most agents starting it on each day"),
  })
  .strict();

/** The zod schema of `shifts.json`. */
export const shiftsConfigSchema = z
  .object({
    $schema: z.string().optional(),
    templates: z.array(templateSchema).min(1),
    tours: z
      .object({
        patterns: z
          .array(
            z
              .object({
                name: z.string().min(1),
                workDays: z.int().min(1).max(7),
                consecutiveDaysOff: z.boolean().optional().describe("days off next to each other (default true)"),
                templates: z.array(z.string().min(1)).optional().describe("templates the tour may use (default all)"),
                startBandMinutes: z
                  .int()
                  .min(0)
                  .optional()
                  .describe("start band: each working day may start up to this many minutes after the tour's base start (default 0: the same start every day)"),
              })
              .strict(),
          )
          .min(1),
        weeklyPaidHours: z.object({ min: z.number().nonnegative().optional(), max: z.number().positive().optional() }).strict().optional(),
      })
      .strict()
      .optional()
      .describe("weekly tours: every agent works one pattern a week, with the same start each working day or within a start band"),
    coverage: z
      .object({
        mode: z.enum(["soft", "hard"]).optional().describe("soft (default): shortfall costs a penalty; hard: none allowed"),
        shortfallPenaltyPerAgentHour: z.number().nonnegative().optional().describe("default 1000"),
        excessPenaltyPerAgentHour: z.number().nonnegative().optional().describe("default 0"),
        maxExcessAgents: z.number().nonnegative().optional().describe("cap on agents over the requirement in any interval"),
      })
      .strict()
      .optional(),
    distinctShiftPenalty: z.number().nonnegative().optional().describe("cost per distinct shift (template, start, length) used"),
    cyclicWeek: z.boolean().optional().describe("the 7-day horizon repeats: Sunday night covers Monday morning"),
    solver: z
      .object({
        timeLimitSeconds: z.number().positive().optional().describe("default 60"),
        gapPercent: z.number().min(0).max(100).optional().describe("stop within this relative gap, percent (default 0.01)"),
      })
      .strict()
      .optional(),
    targetAnswerSeconds: z.number().nonnegative().optional().describe("answer time of the predicted service level (default 20)"),
  })
  .strict();

/** `shifts.json` as written. */
export type ShiftsConfigInput = z.input<typeof shiftsConfigSchema>;

/** A validated `shifts.json`. */
export interface ShiftsConfig {
  readonly settings: ShiftSettings;
  readonly timeLimitSeconds?: number;
  /** Relative gap as a fraction. */
  readonly relativeGap?: number;
  readonly targetAnswerSeconds?: number;
}

const toMinute = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * Validates a parsed `shifts.json` value.
 *
 * @param value - the parsed JSON
 * @param file - the file name used in problems
 * @throws {WfmError} `invalid-config`, one problem per bad field with its path
 *
 * @example
 * ```ts
 * shiftsConfigFromJson({ templates: [{ name: "day", earliestStart: "08:00", lengthMinutes: 480 }] }, "s.json")
 *   .settings.templates[0].earliestStartMinute; //=> 480
 * ```
 */
export function shiftsConfigFromJson(value: unknown, file: string): ShiftsConfig {
  const parsed = shiftsConfigSchema.safeParse(value);
  const problems: Problem[] = [];
  if (!parsed.success) {
    throw new WfmError(zodProblems(parsed.error, file).slice(0, 50));
  }
  const data = parsed.data;
  const templates: ShiftTemplate[] = data.templates.map((t, i) => {
    const earliest = toMinute(t.earliestStart);
    const latest = t.latestStart === undefined ? earliest : toMinute(t.latestStart);
    if (latest < earliest) {
      problems.push({ code: "invalid-config", file, path: ["templates", i, "latestStart"], message: `latestStart ${t.latestStart} is before earliestStart ${t.earliestStart}` });
    }
    if (t.maxLengthMinutes !== undefined && t.maxLengthMinutes < t.lengthMinutes) {
      problems.push({ code: "invalid-config", file, path: ["templates", i, "maxLengthMinutes"], message: "maxLengthMinutes is below lengthMinutes" });
    }
    if (t.minPerDay !== undefined && t.maxPerDay !== undefined && t.minPerDay > t.maxPerDay) {
      problems.push({ code: "invalid-config", file, path: ["templates", i, "minPerDay"], message: "minPerDay is above maxPerDay" });
    }
    return {
      name: t.name,
      earliestStartMinute: earliest,
      latestStartMinute: latest,
      minLengthMinutes: t.lengthMinutes,
      ...(t.startStepMinutes === undefined ? {} : { startStepMinutes: t.startStepMinutes }),
      ...(t.maxLengthMinutes === undefined ? {} : { maxLengthMinutes: t.maxLengthMinutes }),
      ...(t.lengthStepMinutes === undefined ? {} : { lengthStepMinutes: t.lengthStepMinutes }),
      ...(t.days === undefined ? {} : { days: t.days }),
      ...(t.costPerPaidHour === undefined ? {} : { costPerPaidHour: t.costPerPaidHour }),
      ...(t.minPerDay === undefined ? {} : { minPerDay: t.minPerDay }),
      ...(t.maxPerDay === undefined ? {} : { maxPerDay: t.maxPerDay }),
      breaks: (t.breaks ?? []).map((b) => ({ ...b })),
    };
  });
  if (problems.length > 0) throw new WfmError(problems);
  const settings: ShiftSettings = {
    templates,
    ...(data.tours === undefined ? {} : { tours: data.tours }),
    ...(data.coverage === undefined ? {} : { coverage: data.coverage }),
    ...(data.distinctShiftPenalty === undefined ? {} : { distinctShiftPenalty: data.distinctShiftPenalty }),
    ...(data.cyclicWeek === undefined ? {} : { cyclicWeek: data.cyclicWeek }),
  };
  return {
    settings,
    ...(data.solver?.timeLimitSeconds === undefined ? {} : { timeLimitSeconds: data.solver.timeLimitSeconds }),
    ...(data.solver?.gapPercent === undefined ? {} : { relativeGap: data.solver.gapPercent / 100 }),
    ...(data.targetAnswerSeconds === undefined ? {} : { targetAnswerSeconds: data.targetAnswerSeconds }),
  };
}


/**
 * Reads and validates `shifts.json`; a JSON syntax error is reported with its line and column.
 *
 * @throws {WfmError} `file-not-found`, `invalid-file` or `invalid-config`
 */
export function readShiftsConfig(path: string, options: { readonly cwd?: string; readonly option?: string } = {}): ShiftsConfig {
  return shiftsConfigFromJson(readJsonFile(path, options), path);
}
