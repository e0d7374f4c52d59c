import { basename, relative, resolve } from "node:path";
import type { Command } from "commander";
import { getMonth as getJalaliMonth, getYear as getJalaliYear } from "date-fns-jalali";
import { z } from "zod";
import { localStartOfDay, millisecondsInDay, type OpeningHours } from "../../calendar/local-time.js";
import { formatOpeningHours, openingHoursToJson } from "../../calendar/opening-hours.js";
import type { PlanningCalendar } from "../../calendar/planning-month.js";
import { WfmError } from "../../errors.js";
import { checkOutputFolder, writeFolderAtomic } from "../../io/output.js";
import { configSchemas } from "../../io/schemas.js";
import { toJson } from "../../io/render.js";
import { readVolumeCsv, type VolumeSeries } from "../../io/volume-csv.js";
import { defaultChannelType } from "../../staffing/plan.js";
import type { CommandModule } from "../command.js";
import type { CliIo } from "../io.js";
import { csvDates, parseChoiceOption } from "../options.js";

interface InitFlags {
  out: string;
  dateFormat?: string;
  calendar: string;
  month?: string;
}

const two = (n: number) => String(n).padStart(2, "0");

/** The first planning month after the history: the month holding the day after its last row, or the next one when that day is not a 1st. */
function monthAfter(lastLocalMs: number, calendar: PlanningCalendar): string {
  const next = localStartOfDay(lastLocalMs) + millisecondsInDay;
  const d = new Date(next);
  if (calendar === "gregorian") {
    let [y, m] = [d.getUTCFullYear(), d.getUTCMonth() + 1];
    if (d.getUTCDate() !== 1) [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
    return `${y}-${two(m)}`;
  }
  // Local noon of the same calendar date: its Jalali fields do not depend on the time zone.
  const noon = new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 12);
  const dayBefore = new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - 1, 12);
  let [y, m] = [getJalaliYear(noon), getJalaliMonth(noon) + 1];
  if (getJalaliMonth(dayBefore) + 1 === m) [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  return `${y}-${two(m)}`;
}

const hhmm = (minute: number) => `${two(Math.floor(minute / 60) % 24)}:${two(minute % 60)}`;

/** Shift templates that fit the opening hours: full and part-time shifts across the open span, or four 8-hour shifts around the clock. */
function shiftTemplates(hours: OpeningHours | undefined, intervalMinutes: number): Record<string, unknown>[] {
  const lunch = [{ name: "lunch", durationMinutes: 30, earliestStartAfterMinutes: 180, latestStartAfterMinutes: 300 }];
  let open = Infinity;
  let close = -Infinity;
  let overnight = hours === undefined;
  for (const ranges of Object.values(hours ?? {})) {
    for (const r of ranges ?? []) {
      const end = r.closeMinute === 0 ? 1440 : r.closeMinute;
      if (end <= r.openMinute) overnight = true;
      open = Math.min(open, r.openMinute);
      close = Math.max(close, end);
    }
  }
  if (overnight || open === 0 || close - open >= 20 * 60) {
    return [
      { name: "early", earliestStart: "06:00", latestStart: "09:00", startStepMinutes: 60, lengthMinutes: 480, costPerPaidHour: 1, breaks: lunch },
      { name: "mid", earliestStart: "10:00", latestStart: "13:00", startStepMinutes: 60, lengthMinutes: 480, costPerPaidHour: 1, breaks: lunch },
      { name: "late", earliestStart: "14:00", latestStart: "17:00", startStepMinutes: 60, lengthMinutes: 480, costPerPaidHour: 1, breaks: lunch },
      { name: "night", earliestStart: "22:00", latestStart: "23:00", startStepMinutes: 60, lengthMinutes: 480, costPerPaidHour: 1, breaks: lunch },
    ];
  }
  const span = close - open;
  const step = Math.max(intervalMinutes, 30);
  const templates: Record<string, unknown>[] = [];
  if (span >= 480) templates.push({ name: "full", earliestStart: hhmm(open), latestStart: hhmm(close - 480), startStepMinutes: step, lengthMinutes: 480, costPerPaidHour: 1, breaks: lunch });
  const part = Math.min(240, span);
  templates.push({ name: "part", earliestStart: hhmm(open), latestStart: hhmm(close - part), startStepMinutes: step, lengthMinutes: part, costPerPaidHour: 1 });
  return templates;
}

/** Call-weighted mean handle time per channel, seconds (channels without handle times left out). */
function ahtByChannel(series: VolumeSeries): Map<string, number> {
  const sums = new Map<string, { calls: number; handle: number }>();
  for (const row of series.rows) {
    if (row.ahtSeconds === undefined || row.calls <= 0) continue;
    const s = sums.get(row.channel) ?? { calls: 0, handle: 0 };
    s.calls += row.calls;
    s.handle += row.calls * row.ahtSeconds;
    sums.set(row.channel, s);
  }
  return new Map([...sums].map(([channel, s]) => [channel, Math.round(s.handle / s.calls)]));
}

/** Builds the configs of a centre from its volume export: what `wfm init` writes, and the values to fill in. */
function buildConfigs(series: VolumeSeries, options: { historyPath: string; name: string; calendar: PlanningCalendar; month: string; dateFormat?: string }) {
  const todo: string[] = [];
  const aht = ahtByChannel(series);
  const channels: Record<string, Record<string, unknown>> = {};
  for (const channel of series.channels) {
    const type = defaultChannelType(channel);
    const found = aht.get(channel);
    const placeholder = type === "voice" ? 300 : type === "chat" ? 600 : 900;
    if (found === undefined) todo.push(`staffing.json: channels.${channel}.ahtSeconds is a placeholder (${placeholder} s): the export has no handle time`);
    const ahtSeconds = found ?? placeholder;
    if (type === "voice") channels[channel] = { type, targetServiceLevel: 0.8, targetAnswerSeconds: 20, maxOccupancy: 0.9, minimumAgents: 1, ahtSeconds };
    else if (type === "chat") channels[channel] = { type, targetServiceLevel: 0.8, targetAnswerSeconds: 60, concurrency: 2, maxOccupancy: 0.9, minimumAgents: 1, ahtSeconds };
    else channels[channel] = { type, responseSeconds: 86_400, ahtSeconds };
  }
  const hours = series.inferredOpeningHours;
  const staffing = {
    $schema: "./staffing.schema.json",
    channels,
    ...(hours === undefined ? {} : { openingHours: openingHoursToJson(hours) }),
    shrinkage: {
      method: "additive",
      components: [
        { name: "breaks", kind: "planned", fraction: 0.08 },
        { name: "meetings and training", kind: "planned", fraction: 0.05 },
        { name: "leave", kind: "planned", fraction: 0.06 },
        { name: "absence", kind: "unplanned", fraction: 0.05 },
      ],
    },
    supportRatios: [
      { role: "qa", agentsPerRole: 12 },
      { role: "teamLead", agentsPerRole: 15 },
    ],
    hoursPerFtePerMonth: 160,
  };
  todo.push("staffing.json: shrinkage components are typical values (24% in all): replace them with the centre's own");
  const shifts = {
    $schema: "./shifts.schema.json",
    templates: shiftTemplates(hours, series.intervalMinutes),
    coverage: { mode: "soft", shortfallPenaltyPerAgentHour: 200, excessPenaltyPerAgentHour: 1 },
    solver: { timeLimitSeconds: 20, gapPercent: 1 },
  };
  const cost = {
    $schema: "./cost.schema.json",
    currency: "USD",
    hoursPerFte: 160,
    employerOverheadPercent: 0,
    sites: [{ name: "main", agentSharePercent: 100, hourlyWage: "0", seatCostPerMonth: "0" }],
    supportingStaff: [
      { role: "qa", agentsPerPerson: 12, monthlyWage: "0" },
      { role: "teamLead", agentsPerPerson: 15, monthlyWage: "0" },
    ],
  };
  todo.push("cost.json: currency, wages, overhead and seat cost are placeholders (0): fill them in before reading the costs");
  const plan = {
    $schema: "./plan.schema.json",
    name: options.name,
    month: options.month,
    ...(options.calendar === "persian" ? { calendar: "persian" } : {}),
    history: options.historyPath,
    ...(options.dateFormat === undefined ? {} : { dateFormat: options.dateFormat }),
    forecast: { method: "auto", quantile: 0.8, planTo: "point" },
    staffing: "staffing.json",
    shifts: "shifts.json",
    schedule: { timeLimitSeconds: 20, gapPercent: 1 },
    cost: "cost.json",
  };
  return { plan, staffing, shifts, cost, todo, aht, hours };
}

/**
 * `wfm init VOLUMES.csv --out FOLDER`: a centre's ready-to-edit configs from its own volume
 * export: `plan.json` with its staffing, shifts and cost configs and their JSON Schemas. The
 * channels, interval length, opening hours and handle times come from the file; targets,
 * shrinkage, shift templates and costs are typical values, listed as to-dos. `wfm plan --config
 * FOLDER/plan.json` runs on the export as it stands.
 */
export const initCommand: CommandModule = {
  name: "init",
  register(program: Command, io: CliIo) {
    program
      .command("init")
      .description("write a centre's plan.json, staffing, shifts and cost configs from its volume export")
      .argument("<volumes>", "the centre's volume export (timestamp or date + hour, calls, optional AHT and channel)")
      .requiredOption("--out <folder>", "folder to create for the configs (must not exist or be empty)")
      .option("--date-format <pattern>", 'date-fns pattern of the timestamps when not ISO, e.g. "dd/MM/yyyy HH:mm"')
      .option("--calendar <name>", "calendar of the planning month (and of Solar Hijri dates in the file): gregorian or persian", "gregorian")
      .option("--month <YYYY-MM>", "the month to plan (default: the month after the export)")
      .action(async (volumes: string, flags: InitFlags) => {
        const calendar = parseChoiceOption("--calendar", flags.calendar, ["gregorian", "persian"]) as PlanningCalendar;
        checkOutputFolder(flags.out, { cwd: io.cwd, option: "--out", forceFlag: false });
        const dates = csvDates(flags, calendar);
        const series = readVolumeCsv(volumes, { cwd: io.cwd, option: "<volumes>", ...dates });
        const out = resolve(io.cwd, flags.out);
        let last = -Infinity;
        for (const row of series.rows) if (row.localMs > last) last = row.localMs;
        if (flags.month !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(flags.month)) {
          throw new WfmError({ code: "invalid-option", option: "--month", message: `expected YYYY-MM such as 2026-12, got ${JSON.stringify(flags.month)}`, value: flags.month });
        }
        const month = flags.month ?? monthAfter(last, calendar);
        const configs = buildConfigs(series, {
          historyPath: relative(out, resolve(io.cwd, volumes)).split("\\").join("/"),
          name: basename(out),
          calendar,
          month,
          ...(dates.dateFormat === undefined ? {} : { dateFormat: dates.dateFormat }),
        });
        const files = new Map<string, string>([
          ["plan.json", toJson(configs.plan)],
          ["staffing.json", toJson(configs.staffing)],
          ["shifts.json", toJson(configs.shifts)],
          ["cost.json", toJson(configs.cost)],
        ]);
        for (const name of ["plan", "staffing", "shifts", "cost"]) {
          files.set(`${name}.schema.json`, toJson(z.toJSONSchema(configSchemas[name]!, { io: "input", unrepresentable: "any" })));
        }
        writeFolderAtomic(out, files, { inputs: [resolve(io.cwd, volumes)] });
        const ahtText = series.channels.map((c) => `${c} ${configs.aht.has(c) ? `${configs.aht.get(c)} s` : "none (placeholder)"}`).join(", ");
        io.stdout(
          [
            `${flags.out}/: ${[...files.keys()].join(", ")}`,
            `  from ${volumes}: ${series.rows.length} rows, ${series.intervalMinutes}-minute intervals, channels ${series.channels.join(", ")}`,
            `  opening hours   ${formatOpeningHours(configs.hours)}${configs.hours === undefined ? "" : " (inferred from the export)"}`,
            `  handle time     ${ahtText}`,
            `  month to plan   ${month}${calendar === "persian" ? " (Solar Hijri)" : ""}`,
            "  to fill in:",
            ...configs.todo.map((t) => `    - ${t}`),
            `  next: wfm plan --config ${flags.out.replace(/\/$/, "")}/plan.json --out ${flags.out.replace(/\/$/, "")}/plan-output`,
            "",
          ].join("\n"),
        );
      });
  },
};
