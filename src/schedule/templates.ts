import { dayNames, localDayOfWeek, localStartOfDay, millisecondsInDay, millisecondsInMinute, type DayName } from "../calendar/local-time.js";
import { WfmError, invalidArgument, type Problem, requireOptions } from "../errors.js";
import type { BreakRule, CountLimit, ShiftColumn, ShiftProblem, TourColumn } from "./problem.js";

/** A break or lunch rule of a shift template, in minutes relative to the shift start. */
export interface BreakTemplate {
  /** Name for output, e.g. `"lunch"`. */
  readonly name: string;
  /** Length, minutes (a positive multiple of the interval). */
  readonly durationMinutes: number;
  /** Earliest start, minutes after the shift start. */
  readonly earliestStartAfterMinutes: number;
  /** Latest start, minutes after the shift start (>= earliest). */
  readonly latestStartAfterMinutes: number;
  /** Whether the break is paid. @defaultValue false */
  readonly paid?: boolean;
}

/** A shift template: start window and step, length range, days, cost, breaks, limits. */
export interface ShiftTemplate {
  /** Unique name, e.g. `"early"`. */
  readonly name: string;
  /** Earliest start, minutes after midnight (0..1439). */
  readonly earliestStartMinute: number;
  /** Latest start, minutes after midnight (0..1439, >= earliest; a night window is 1320..1380). */
  readonly latestStartMinute: number;
  /** Step between allowed starts, minutes. @defaultValue the interval length */
  readonly startStepMinutes?: number;
  /** Shortest length, minutes, breaks included. */
  readonly minLengthMinutes: number;
  /** Longest length, minutes. @defaultValue minLengthMinutes */
  readonly maxLengthMinutes?: number;
  /** Step between allowed lengths, minutes. @defaultValue the interval length */
  readonly lengthStepMinutes?: number;
  /** Days of the week it may start on. @defaultValue every day */
  readonly days?: readonly DayName[];
  /** Cost per paid hour (any currency unit). @defaultValue 1 */
  readonly costPerPaidHour?: number;
  /** Breaks each agent on the shift takes, one of each. @defaultValue none */
  readonly breaks?: readonly BreakTemplate[];
  /** Fewest agents starting this template on each day it may be used. @defaultValue 0 */
  readonly minPerDay?: number;
  /** Most agents starting this template on each day. @defaultValue no limit */
  readonly maxPerDay?: number;
}

/** A weekly tour pattern: how many days are worked, with which templates. */
export interface TourPattern {
  /** Name, e.g. `"5x8"`. */
  readonly name: string;
  /** Working days per week (1..7). */
  readonly workDays: number;
  /** Whether the days off must be consecutive (cyclically, Sunday-Monday counts). @defaultValue true */
  readonly consecutiveDaysOff?: boolean;
  /** Templates the tour may use (same template and length on every working day). @defaultValue all */
  readonly templates?: readonly string[];
  /**
   * Start band, minutes: each working day's start may be up to this much later than the tour's
   * base start (in the template's start steps, within its start window), chosen day by day.
   * 0 keeps the same start on every working day.
   * @defaultValue 0
   */
  readonly startBandMinutes?: number;
}

/** Weekly tours: every agent works one pattern per week with the same start each working day. */
export interface TourSettings {
  readonly patterns: readonly TourPattern[];
  /** Paid hours per week each tour must fall within. @defaultValue no bounds */
  readonly weeklyPaidHours?: { readonly min?: number; readonly max?: number };
}

/** How coverage is costed. */
export interface CoverageSettings {
  /** `"soft"`: shortfall costs a penalty; `"hard"`: no shortfall allowed. @defaultValue "soft" */
  readonly mode?: "soft" | "hard";
  /** Penalty per agent-hour short. @defaultValue 1000 */
  readonly shortfallPenaltyPerAgentHour?: number;
  /** Penalty per agent-hour over the requirement. @defaultValue 0 */
  readonly excessPenaltyPerAgentHour?: number;
  /** Most agents over the requirement in any interval. @defaultValue no cap */
  readonly maxExcessAgents?: number;
}

/** Everything besides the requirement that defines a schedule. */
export interface ShiftSettings {
  readonly templates: readonly ShiftTemplate[];
  readonly tours?: TourSettings;
  readonly coverage?: CoverageSettings;
  /** Penalty per distinct shift (template, start time, length) used, for simpler schedules. @defaultValue 0 */
  readonly distinctShiftPenalty?: number;
  /** Treat the horizon (exactly 7 days) as a repeating week: Sunday night covers Monday morning. @defaultValue false */
  readonly cyclicWeek?: boolean;
}

/** A requirement curve on the absolute time axis. */
export interface RequirementSeries {
  /** Wall-clock milliseconds of the first interval's start (see `calendar/local-time`). */
  readonly startLocalMs: number;
  /** Interval length, minutes (divides 1440). */
  readonly intervalMinutes: number;
  /** Agents required per interval (non-negative). */
  readonly required: readonly number[];
}

/** What each column of a built problem means in wall-clock terms. */
export interface ShiftColumnInfo {
  /** Template name. */
  readonly template: string;
  /** Start, wall-clock ms. */
  readonly startLocalMs: number;
  /** End, wall-clock ms. */
  readonly endLocalMs: number;
}

/** A {@link ShiftProblem} built from templates, with the wall-clock meaning of its columns. */
export interface TemplateProblem {
  readonly problem: ShiftProblem;
  readonly columns: readonly ShiftColumnInfo[];
  readonly series: RequirementSeries;
}

const fail = (problems: Problem[], path: (string | number)[], message: string, value?: unknown) =>
  problems.push({ code: "invalid-config", path, message, ...(value === undefined ? {} : { value }) });

function daysOffPatterns(workDays: number, consecutive: boolean): boolean[][] {
  const out: boolean[][] = [];
  if (consecutive) {
    if (workDays === 7) return [new Array<boolean>(7).fill(true)];
    for (let first = 0; first < 7; first++) {
      const works = new Array<boolean>(7).fill(true);
      for (let k = 0; k < 7 - workDays; k++) works[(first + k) % 7] = false;
      out.push(works);
    }
    return out;
  }
  for (let mask = 0; mask < 128; mask++) {
    let bits = 0;
    for (let k = 0; k < 7; k++) if (mask & (1 << k)) bits++;
    if (bits === workDays) out.push(Array.from({ length: 7 }, (_, k) => (mask & (1 << k)) !== 0));
  }
  return out;
}

/**
 * Expands shift templates over a requirement curve into a {@link ShiftProblem} on an absolute
 * time axis: one column per template, start (every `startStepMinutes` inside the window) and
 * length on each day the template may start, shifts crossing midnight into the next day. Without
 * a cyclic week, shifts starting the evening before the horizon are included so its first
 * hours can be covered (only their part inside the horizon counts). Break windows become
 * Aykin break rules; paid hours exclude unpaid breaks; cost = paid hours x cost per paid hour.
 * With tours, each week of the horizon (7 days from its first day) gets one tour per pattern,
 * days-off choice, template, start and length, and only tour columns remain.
 *
 * @param options.series - the requirement curve
 * @param options.settings - templates, tours, coverage costs
 * @returns the problem and the wall-clock meaning of each column
 * @throws {WfmError} `invalid-config` listing every template that does not fit the interval grid
 *
 * @example
 * ```ts
 * const { problem } = buildTemplateProblem({
 *   series: { startLocalMs: Date.UTC(2026, 11, 7), intervalMinutes: 60, required: new Array(24).fill(1) },
 *   settings: { templates: [{ name: "day", earliestStartMinute: 480, latestStartMinute: 480, minLengthMinutes: 480 }] },
 * });
 * problem.columns.length; //=> 2 (the day before and the day itself)
 * ```
 */
export function buildTemplateProblem(options: { series: RequirementSeries; settings: ShiftSettings }): TemplateProblem {
  requireOptions("buildTemplateProblem", options, ["series", "settings"]);
  const { series, settings } = options;
  const { intervalMinutes, required, startLocalMs } = series;
  if (!(intervalMinutes > 0) || 1440 % intervalMinutes !== 0) {
    invalidArgument("buildTemplateProblem", "series.intervalMinutes", "a whole number of minutes dividing 1440", intervalMinutes);
  }
  if (required.length === 0) invalidArgument("buildTemplateProblem", "series.required", "a non-empty list", required);
  required.forEach((r, t) => {
    if (!(r >= 0) || !Number.isFinite(r)) invalidArgument("buildTemplateProblem", `series.required[${t}]`, "a non-negative finite number", r);
  });
  const problems: Problem[] = [];
  const intervalMs = intervalMinutes * millisecondsInMinute;
  const cyclic = settings.cyclicWeek ?? false;
  if (cyclic && required.length * intervalMinutes !== 7 * 1440) {
    fail(problems, ["cyclicWeek"], `a cyclic week needs exactly 7 days of requirements, got ${(required.length * intervalMinutes) / 1440} days`);
  }
  const names = new Set<string>();
  const maxShiftMinutes = 1440;
  settings.templates.forEach((template, i) => {
    const path = ["templates", i];
    if (names.has(template.name)) fail(problems, [...path, "name"], `template name ${JSON.stringify(template.name)} is used twice`);
    names.add(template.name);
    const multiple = (value: number | undefined, field: string) => {
      if (value !== undefined && value % intervalMinutes !== 0) {
        fail(problems, [...path, field], `${field} must be a multiple of the ${intervalMinutes}-minute interval, got ${value}`, value);
      }
    };
    multiple(template.earliestStartMinute, "earliestStartMinute");
    multiple(template.startStepMinutes, "startStepMinutes");
    multiple(template.minLengthMinutes, "minLengthMinutes");
    multiple(template.maxLengthMinutes, "maxLengthMinutes");
    multiple(template.lengthStepMinutes, "lengthStepMinutes");
    for (const field of ["minLengthMinutes", "maxLengthMinutes"] as const) {
      const value = template[field];
      if (value !== undefined && !(Number.isInteger(value) && value >= 1 && value <= maxShiftMinutes)) {
        fail(problems, [...path, field], `${field} must be a whole number of minutes from 1 to ${maxShiftMinutes} (a shift lasts at most 24 hours), got ${value}`, value);
      }
    }
    (template.breaks ?? []).forEach((rule, r) => {
      multiple(rule.durationMinutes, `breaks[${r}].durationMinutes`);
      multiple(rule.earliestStartAfterMinutes, `breaks[${r}].earliestStartAfterMinutes`);
      multiple(rule.latestStartAfterMinutes, `breaks[${r}].latestStartAfterMinutes`);
      if (rule.latestStartAfterMinutes < rule.earliestStartAfterMinutes) {
        fail(problems, [...path, "breaks", r], `break ${rule.name}: latestStartAfterMinutes is before earliestStartAfterMinutes`);
      }
      if (rule.latestStartAfterMinutes + rule.durationMinutes > template.minLengthMinutes) {
        fail(problems, [...path, "breaks", r], `break ${rule.name} can end after the shortest shift (${template.minLengthMinutes} minutes)`);
      }
    });
    if (template.latestStartMinute < template.earliestStartMinute) {
      fail(problems, [...path, "latestStartMinute"], "latestStartMinute is before earliestStartMinute");
    }
  });
  for (const pattern of settings.tours?.patterns ?? []) {
    for (const name of pattern.templates ?? []) {
      if (!names.has(name)) fail(problems, ["tours", "patterns"], `tour ${pattern.name} names unknown template ${JSON.stringify(name)}`, name);
    }
  }
  if (problems.length > 0) throw new WfmError(problems);

  const firstDayMs = localStartOfDay(startLocalMs);
  const offsetIntervals = Math.round((startLocalMs - firstDayMs) / intervalMs);
  const endLocalMs = startLocalMs + required.length * intervalMs;
  const dayCount = Math.ceil((endLocalMs - firstDayMs) / millisecondsInDay);
  const firstDay = cyclic ? 0 : -1;

  const columns: ShiftColumn[] = [];
  const infos: ShiftColumnInfo[] = [];
  const groupIds = new Map<string, number>();
  const limits: CountLimit[] = [];
  /** column index by template, day, start minute, length */
  const columnAt = new Map<string, number>();

  settings.templates.forEach((template, templateIndex) => {
    const startStep = template.startStepMinutes ?? intervalMinutes;
    const minLength = template.minLengthMinutes;
    const maxLength = template.maxLengthMinutes ?? minLength;
    const lengthStep = template.lengthStepMinutes ?? intervalMinutes;
    const allowedDays = new Set(template.days ?? dayNames);
    const costPerPaidHour = template.costPerPaidHour ?? 1;
    const unpaidMinutes = (template.breaks ?? []).reduce((sum, rule) => sum + (rule.paid ? 0 : rule.durationMinutes), 0);
    const rules: BreakRule[] = (template.breaks ?? []).map((rule) => ({
      name: rule.name,
      earliestStartOffset: rule.earliestStartAfterMinutes / intervalMinutes,
      latestStartOffset: rule.latestStartAfterMinutes / intervalMinutes,
      durationIntervals: rule.durationMinutes / intervalMinutes,
    }));
    for (let day = firstDay; day < dayCount; day++) {
      const dayMs = firstDayMs + day * millisecondsInDay;
      if (!allowedDays.has(dayNames[localDayOfWeek(dayMs)]!)) continue;
      const dayColumns: number[] = [];
      for (let start = template.earliestStartMinute; start <= template.latestStartMinute; start += startStep) {
        for (let length = minLength; length <= maxLength; length += lengthStep) {
          const startInterval = (day * 1440 + start) / intervalMinutes - offsetIntervals;
          const lengthIntervals = length / intervalMinutes;
          // Keep only shifts that touch the horizon.
          if (!cyclic && (startInterval + lengthIntervals <= 0 || startInterval >= required.length)) continue;
          if (cyclic && (startInterval < 0 || startInterval >= required.length)) continue;
          const groupKey = `${templateIndex}/${start}/${length}`;
          if (!groupIds.has(groupKey)) groupIds.set(groupKey, groupIds.size);
          const paidHours = (length - unpaidMinutes) / 60;
          columnAt.set(`${templateIndex}/${day}/${start}/${length}`, columns.length);
          dayColumns.push(columns.length);
          columns.push({
            template: templateIndex,
            group: groupIds.get(groupKey)!,
            day,
            startInterval,
            lengthIntervals,
            cost: paidHours * costPerPaidHour,
            paidHours,
            breaks: rules,
          });
          const startMs = startLocalMs + startInterval * intervalMs;
          infos.push({ template: template.name, startLocalMs: startMs, endLocalMs: startMs + length * millisecondsInMinute });
        }
      }
      if (dayColumns.length > 0 && (template.minPerDay !== undefined || template.maxPerDay !== undefined)) {
        limits.push({
          name: `${template.name} on ${new Date(dayMs).toISOString().slice(0, 10)}`,
          columns: dayColumns,
          ...(template.minPerDay === undefined ? {} : { min: template.minPerDay }),
          ...(template.maxPerDay === undefined ? {} : { max: template.maxPerDay }),
        });
      }
    }
  });

  let tours: TourColumn[] | undefined;
  let keptColumns = columns;
  let keptInfos = infos;
  let keptLimits = limits;
  if (settings.tours && settings.tours.patterns.length > 0) {
    const weekly = settings.tours.weeklyPaidHours;
    const rawTours: { name: string; columns: number[]; choices?: number[][] }[] = [];
    const weeks = Math.ceil(dayCount / 7);
    for (const pattern of settings.tours.patterns) {
      const allowed = pattern.templates ? new Set(pattern.templates) : undefined;
      for (const works of daysOffPatterns(pattern.workDays, pattern.consecutiveDaysOff ?? true)) {
        settings.templates.forEach((template, templateIndex) => {
          if (allowed && !allowed.has(template.name)) return;
          const startStep = template.startStepMinutes ?? intervalMinutes;
          const maxLength = template.maxLengthMinutes ?? template.minLengthMinutes;
          const lengthStep = template.lengthStepMinutes ?? intervalMinutes;
          for (let start = template.earliestStartMinute; start <= template.latestStartMinute; start += startStep) {
            for (let length = template.minLengthMinutes; length <= maxLength; length += lengthStep) {
              const band = pattern.startBandMinutes ?? 0;
              const dayStarts: number[] = [];
              for (let s = start; s <= Math.min(start + band, template.latestStartMinute); s += startStep) dayStarts.push(s);
              for (let week = 0; week < weeks; week++) {
                const groups: number[][] = [];
                let complete = true;
                for (let k = 0; k < 7; k++) {
                  if (!works[k]) continue;
                  const day = week * 7 + k;
                  if (day >= dayCount) continue; // partial last week
                  const alternatives = dayStarts
                    .map((s) => columnAt.get(`${templateIndex}/${day}/${s}/${length}`))
                    .filter((c): c is number => c !== undefined);
                  if (columnAt.get(`${templateIndex}/${day}/${start}/${length}`) === undefined) complete = false;
                  else groups.push(alternatives);
                }
                if (!complete || groups.length === 0) continue;
                const list = groups.map((alternatives) => alternatives[0]!);
                const weeklyHours = list.reduce((sum, c) => sum + columns[c]!.paidHours, 0);
                const fullWeek = week * 7 + 7 <= dayCount;
                if (fullWeek && weekly?.min !== undefined && weeklyHours < weekly.min - 1e-9) continue;
                if (fullWeek && weekly?.max !== undefined && weeklyHours > weekly.max + 1e-9) continue;
                const off = dayNames
                  .map((_, k) => k)
                  .filter((k) => !works[k])
                  .map((k) => dayNames[localDayOfWeek(firstDayMs + k * millisecondsInDay)]!.slice(0, 3));
                const name = `${pattern.name} ${template.name} week ${week + 1} off ${off.join("+") || "none"}`;
                if (groups.some((alternatives) => alternatives.length > 1)) rawTours.push({ name, columns: groups.flat(), choices: groups });
                else rawTours.push({ name, columns: list });
              }
            }
          }
        });
      }
    }
    // Only columns some tour works remain.
    const used = new Set<number>();
    for (const tour of rawTours) for (const c of tour.columns) used.add(c);
    const remap = new Map<number, number>();
    keptColumns = [];
    keptInfos = [];
    columns.forEach((column, c) => {
      if (!used.has(c)) return;
      remap.set(c, keptColumns.length);
      (keptColumns as ShiftColumn[]).push(column);
      (keptInfos as ShiftColumnInfo[]).push(infos[c]!);
    });
    tours = rawTours.map((tour) => ({
      name: tour.name,
      columns: tour.columns.map((c) => remap.get(c)!),
      ...(tour.choices === undefined ? {} : { choices: tour.choices.map((alternatives) => alternatives.map((c) => remap.get(c)!)) }),
    }));
    keptLimits = limits
      .map((limit) => ({ ...limit, columns: limit.columns.filter((c) => remap.has(c)).map((c) => remap.get(c)!) }))
      .filter((limit) => limit.columns.length > 0 || (limit.min ?? 0) > 0);
  }

  const coverage = settings.coverage ?? {};
  const hours = intervalMinutes / 60;
  return {
    series,
    columns: keptInfos,
    problem: {
      intervalMinutes,
      required,
      cyclic,
      templateNames: settings.templates.map((t) => t.name),
      columns: keptColumns,
      groupCount: groupIds.size,
      groupPenalty: settings.distinctShiftPenalty ?? 0,
      shortfallCostPerInterval: (coverage.shortfallPenaltyPerAgentHour ?? 1000) * hours,
      excessCostPerInterval: (coverage.excessPenaltyPerAgentHour ?? 0) * hours,
      ...(coverage.maxExcessAgents === undefined ? {} : { maxExcessAgents: coverage.maxExcessAgents }),
      hardCoverage: coverage.mode === "hard",
      ...(tours === undefined ? {} : { tours }),
      limits: keptLimits,
    },
  };
}

const greatestCommonDivisor = (a: number, b: number): number => (b === 0 ? a : greatestCommonDivisor(b, a % b));

/**
 * The coarsest time grid, in minutes, on which every start, length and break of the shift
 * settings falls, given requirements in `intervalMinutes` intervals: the greatest common divisor
 * of the interval and every minute value of the templates and breaks. An hourly requirement with
 * 15-minute breaks is scheduled on a 15-minute grid, each slot needing its hour's agents.
 *
 * @throws {WfmError} `invalid-argument` when the options are not an object or lack `templates`.
 * @example
 * ```ts
 * shiftGridMinutes({ templates: [{ name: "day", earliestStartMinute: 480, minLengthMinutes: 510, breaks: [{ name: "b", durationMinutes: 15, earliestStartAfterMinutes: 90, latestStartAfterMinutes: 150 }] }] }, 60);
 * //=> 15
 * ```
 */
export function shiftGridMinutes(settings: ShiftSettings, intervalMinutes: number): number {
  requireOptions("shiftGridMinutes", settings, ["templates"]);
  let step = intervalMinutes;
  for (const t of settings.templates) {
    for (const m of [t.earliestStartMinute, t.latestStartMinute, t.startStepMinutes, t.minLengthMinutes, t.maxLengthMinutes, t.lengthStepMinutes]) {
      if (m !== undefined && m > 0) step = greatestCommonDivisor(step, m);
    }
    for (const b of t.breaks ?? []) {
      for (const m of [b.durationMinutes, b.earliestStartAfterMinutes, b.latestStartAfterMinutes]) if (m > 0) step = greatestCommonDivisor(step, m);
    }
  }
  return step;
}
