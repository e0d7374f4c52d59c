import type { Command } from "commander";
import { basename, resolve } from "node:path";
import { formatLocalTimestamp } from "../../calendar/local-time.js";
import { WfmError } from "../../errors.js";
import { writeFileAtomic, type TextChunks } from "../../io/output.js";
import { csvChunks, formatFixed, formatPercent, renderTable, toJson, type TableColumn, type TableFormat } from "../../io/render.js";
import { readVolumeCsv } from "../../io/volume-csv.js";
import { planStaffingInWorkers, staffWorkerSettingsFromEnv } from "../../io/staff-in-workers.js";
import { localeFormat, locales, type LocaleFormat } from "../../io/locale/index.js";
import { elementReader, lazyArray } from "../../staffing/lazy-array.js";
import {
  defaultChannelType,
  planStaffing,
  type ChannelConfig,
  type StaffingConfig,
  type StaffingDay,
  type StaffingInterval,
  type StaffingPlan,
  type StaffingSummary,
} from "../../staffing/index.js";
import { dateFormatHelp, parseChoiceOption, parseDateFormatOption, parseNumberOption, parsePercentOption, parseTargetOption } from "../options.js";
import { businessHoursNotes } from "../business-hours.js";
import { skillModelFromChannels } from "../../skills/from-channels.js";
import { staffSkills, type SkillStaffing } from "../../skills/staff-skills.js";
import { groupSkillsText } from "../../io/agent-groups-text.js";
import type { CommandModule } from "../command.js";
import { loadConfigReaders } from "../config-readers.js";
import { locateStaffingProblems } from "../locate-problems.js";
import type { CliIo } from "../io.js";

interface StaffOptions {
  config?: string;
  aht?: string;
  target?: string;
  shrinkage?: string;
  patience?: string;
  maxOccupancy?: string;
  concurrency?: string;
  hoursPerFte?: string;
  interval?: string;
  intervals?: boolean;
  strict?: boolean;
  dateFormat?: string;
  format: string;
  out?: string;
  locale?: string;
}

const formats = ["table", "csv", "json", "md"] as const;

/** A number for CSV: up to `decimals` places, trailing zeros trimmed; empty for null. */
function csvNumber(value: number | null, decimals: number): string {
  if (value === null) return "";
  if (!Number.isFinite(value)) return value > 0 ? "inf" : "";
  // A whole number below 1e21 rounds to itself (most cells of a staffing file: a third of the
  // time of writing 3 million intervals went into toFixed).
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return String(value === 0 ? 0 : value);
  // Intervals with the same (calls, AHT) share their metrics: each text is made once.
  const cache = (csvNumberTexts[decimals] ??= new Map());
  let text = cache.get(value);
  if (text === undefined) {
    if (cache.size >= 1 << 16) cache.clear();
    cache.set(value, (text = String(Number(value.toFixed(decimals)))));
  }
  return text;
}

/** Texts of csvNumber by decimals, then value (at most 65,536 each). */
const csvNumberTexts: Map<number, string>[] = [];

/** Number writers of the table and Markdown output in a locale (CSV and JSON never change). */
function writers(lf: LocaleFormat) {
  return {
    pct: (value: number | null) => (value === null ? "-" : lf.digits(formatPercent(value, 1))),
    fixed: (value: number | null, decimals: number) => (value === null ? "-" : lf.digits(formatFixed(value, decimals))),
    integer: (value: number) => lf.digits(String(value)),
  };
}
const english = localeFormat("en");

/** Interval columns shared by the CSV (fed to `wfm schedule`) and the `--intervals` table. */
function intervalColumns(timestamp: (row: StaffingInterval) => string, format: TableFormat, lf: LocaleFormat = english): TableColumn<StaffingInterval>[] {
  const csv = format === "csv";
  const c = lf.messages.staff.columns;
  const { pct, fixed } = writers(lf);
  const num = (key: keyof StaffingInterval, decimals: number, title: string, text: (v: number | null) => string) => ({
    key,
    title: csv ? key : title,
    value: (r: StaffingInterval) => r[key] as number | null,
    text: (r: StaffingInterval) => (csv ? csvNumber(r[key] as number | null, decimals) : text(r[key] as number | null)),
    align: "right" as const,
  });
  return [
    { key: "timestamp", ...(csv ? {} : { title: c.timestamp }), value: timestamp, align: "left" },
    { key: "channel", ...(csv ? {} : { title: c.channel }), value: (r) => r.channel, align: "left" },
    num("calls", 3, c.calls, (v) => fixed(v, Number.isInteger(v) ? 0 : 1)),
    num("ahtSeconds", 3, c.ahtSeconds, (v) => fixed(v, 0)),
    num("trafficErlangs", 4, c.trafficErlangs, (v) => fixed(v, 2)),
    num("requiredAgents", 0, c.requiredAgents, (v) => fixed(v, 0)),
    num("scheduledAgents", 0, c.scheduledAgents, (v) => fixed(v, 0)),
    num("serviceLevel", 6, c.serviceLevel, pct),
    num("asaSeconds", 3, c.asaSeconds, (v) => fixed(v, 1)),
    num("occupancy", 6, c.occupancy, pct),
    num("waitProbability", 6, c.waitProbability, pct),
    num("abandonProbability", 6, c.abandonProbability, pct),
    num("shrinkage", 6, c.shrinkage, pct),
    num("backlog", 3, c.backlog, (v) => fixed(v, 1)),
    num("answeredWithinTarget", 6, c.answeredWithinTarget, pct),
  ];
}

/** `--intervals` table and md: one service-level column per priority class (`SL vip`) and Erlang X blocking, `-` on other channels. */
function classIntervalColumns(plan: StaffingPlan, lf: LocaleFormat): TableColumn<StaffingInterval>[] {
  const { pct } = writers(lf);
  const names = [...new Set((plan.totals.classes ?? []).map((k) => k.name))];
  const sl = (r: StaffingInterval, name: string) => r.classes?.find((k) => k.name === name)?.serviceLevel ?? null;
  const columns: TableColumn<StaffingInterval>[] = names.map((name) => ({ key: `sl-${name}`, title: `${lf.messages.staff.columns.serviceLevel} ${name}`, value: (r) => sl(r, name), text: (r) => pct(sl(r, name)), align: "right" }));
  if (plan.intervals.some((r) => r.blockingProbability !== undefined)) {
    columns.push({ key: "blockingProbability", title: lf.messages.staff.classColumns.blocked, value: (r) => r.blockingProbability ?? null, text: (r) => pct(r.blockingProbability ?? null), align: "right" });
  }
  return columns;
}

function summaryColumns<Row extends StaffingSummary>(first: TableColumn<Row>[], hasAbandon: boolean, hasDeferred: boolean, lf: LocaleFormat): TableColumn<Row>[] {
  const c = lf.messages.staff.columns;
  const { pct, fixed, integer } = writers(lf);
  const columns: TableColumn<Row>[] = [
    ...first,
    { key: "channel", title: c.channel, value: (r) => r.channel, text: (r) => (r.channel === "all" ? lf.messages.staff.all : r.channel), align: "left" },
    { key: "calls", title: c.calls, value: (r) => r.calls, text: (r) => fixed(r.calls, Number.isInteger(r.calls) ? 0 : 1), align: "right" },
    { key: "serviceLevel", title: c.serviceLevel, value: (r) => r.serviceLevel, text: (r) => pct(r.serviceLevel), align: "right" },
    { key: "asaSeconds", title: c.asaSeconds, value: (r) => r.asaSeconds, text: (r) => fixed(r.asaSeconds, 1), align: "right" },
  ];
  if (hasAbandon) columns.push({ key: "abandonProbability", title: c.abandonProbability, value: (r) => r.abandonProbability, text: (r) => pct(r.abandonProbability), align: "right" });
  if (hasDeferred) {
    columns.push({ key: "answeredWithinTarget", title: c.answeredWithinTarget, value: (r) => r.answeredWithinTarget, text: (r) => pct(r.answeredWithinTarget), align: "right" });
    columns.push({ key: "backlog", title: c.backlog, value: (r) => r.backlog, text: (r) => fixed(r.backlog, 1), align: "right" });
  }
  columns.push(
    { key: "occupancy", title: c.occupancy, value: (r) => r.occupancy, text: (r) => pct(r.occupancy), align: "right" },
    { key: "agentHoursOnContacts", title: c.agentHoursOnContacts, value: (r) => r.agentHoursOnContacts, text: (r) => fixed(r.agentHoursOnContacts, 1), align: "right" },
    { key: "requiredAgentHours", title: c.requiredAgentHours, value: (r) => r.requiredAgentHours, text: (r) => fixed(r.requiredAgentHours, 1), align: "right" },
    { key: "scheduledHours", title: c.scheduledHours, value: (r) => r.scheduledHours, text: (r) => fixed(r.scheduledHours, 1), align: "right" },
    { key: "fte", title: c.fte, value: (r) => r.fte, text: (r) => fixed(r.fte, 1), align: "right" },
    { key: "peakRequiredAgents", title: c.peakRequiredAgents, value: (r) => r.peakRequiredAgents, text: (r) => integer(r.peakRequiredAgents), align: "right" },
    { key: "peakScheduledAgents", title: c.peakScheduledAgents, value: (r) => r.peakScheduledAgents, text: (r) => integer(r.peakScheduledAgents), align: "right" },
  );
  return columns;
}

function describeChannel(name: string, c: ChannelConfig, lf: LocaleFormat): string {
  const m = lf.messages.staff;
  const { integer } = writers(lf);
  if (c.type === "deferred") {
    return m.deferred(name, lf.digits(((c.responseSeconds ?? 86_400) / 3600).toFixed(1).replace(/\.0$/, "")));
  }
  const target =
    c.type === "voice" && c.classes !== undefined
      ? `${m.priorityClasses} ${c.classes
          .map((k) => `${k.name} ${lf.digits(formatPercent(k.share, 0))}${k.targetServiceLevel === undefined ? "" : ` ${m.target(lf.digits(formatPercent(k.targetServiceLevel, 0)), integer(k.targetAnswerSeconds ?? 20))}`}${k.targetAsaSeconds === undefined ? "" : ` ${m.asaCap(integer(k.targetAsaSeconds))}`}`)
          .join("; ")}`
      : m.target(lf.digits(formatPercent(c.targetServiceLevel!, 0)), integer(c.targetAnswerSeconds!));
  const extras: string[] = [];
  if (c.targetAsaSeconds !== undefined) extras.push(m.asaCap(integer(c.targetAsaSeconds)));
  if (c.maxOccupancy !== undefined) extras.push(m.occupancyCap(lf.digits(formatPercent(c.maxOccupancy, 0))));
  if (c.minimumAgents !== undefined && c.minimumAgents > 0) extras.push(m.minimumAgents(integer(c.minimumAgents), c.minimumAgents));
  if (c.type === "voice") {
    const model =
      c.redialShare !== undefined || c.lines !== undefined
        ? m.erlangX({
            patienceSeconds: c.patienceSeconds === undefined ? null : integer(c.patienceSeconds),
            redialPercent: lf.digits(formatPercent(c.redialShare ?? 0, 0)),
            redialDelaySeconds: integer(c.redialDelaySeconds ?? 300),
            lines: c.lines === undefined ? null : integer(c.lines),
          })
        : c.patienceSeconds === undefined
          ? m.erlangC
          : m.erlangA(integer(c.patienceSeconds));
    if (c.callback !== undefined) {
      const cb = c.callback;
      extras.push(
        m.callbackOffer({
          thresholdSeconds: integer(cb.thresholdSeconds),
          takeUpPercent: lf.digits(formatPercent(cb.takeUpShare, 0)),
          deadlineSeconds: integer(cb.deadlineSeconds ?? 3600),
          inTimePercent: cb.targetInTimeShare === undefined ? null : lf.digits(formatPercent(cb.targetInTimeShare, 0)),
        }),
      );
    }
    return m.voice(name, model, target, extras);
  }
  const k = c.concurrency ?? 1;
  const f = c.handleTimeFactorPerExtraChat ?? 0;
  return m.chat({ name, chats: integer(k), chatCount: k, extraPercent: lf.digits(formatPercent(f, 0)), target, extras });
}

function renderReport(plan: StaffingPlan, config: StaffingConfig, file: string, format: "table" | "md", showIntervals: boolean, stamp: (r: StaffingInterval) => string, lf: LocaleFormat): string {
  const { fixed, integer } = writers(lf);
  const t = plan.totals;
  const hasAbandon = t.channels.some((c) => c.abandonProbability !== null);
  const hasDeferred = t.channels.some((c) => c.backlog !== null);
  const heading = (text: string) => (format === "md" ? `### ${text}\n\n` : `${text}\n\n`);
  const parts: string[] = [];
  const m = lf.messages.staff;
  parts.push(
    `${m.title({ file: basename(file), first: lf.date(t.firstDate), last: lf.date(t.lastDate), days: integer(t.periodDays), dayCount: t.periodDays, intervalMinutes: integer(plan.intervalMinutes) })}\n`,
  );
  for (const c of t.channels) parts.push(`${format === "md" ? "- " : "  "}${describeChannel(c.channel, config.channels![c.channel]!, lf)}\n`);
  parts.push("\n");
  if (showIntervals) {
    parts.push(heading(m.intervals));
    parts.push(renderTable(plan.intervals, [...intervalColumns(stamp, format, lf), ...classIntervalColumns(plan, lf)], format));
  } else {
    parts.push(heading(m.days));
    parts.push(renderTable(plan.days, summaryColumns<StaffingDay>([{ key: "date", title: m.columns.date, value: (r) => r.date, text: (r) => lf.date(r.date), align: "left" }], hasAbandon, hasDeferred, lf), format));
  }
  parts.push("\n");
  parts.push(heading(m.period));
  const totals = t.channels.length > 1 ? [...t.channels, t.all] : [...t.channels];
  parts.push(renderTable(totals, summaryColumns<StaffingSummary>([], hasAbandon, hasDeferred, lf), format));
  parts.push("\n");
  if (t.classes !== undefined) {
    const { pct } = writers(lf);
    const k = m.classColumns;
    const hasClassAbandon = t.classes.some((r) => r.abandonProbability !== null);
    parts.push(heading(m.classes));
    parts.push(
      renderTable(
        t.classes,
        [
          { key: "channel", title: m.columns.channel, value: (r) => r.channel, align: "left" },
          { key: "name", title: k.class, value: (r) => r.name, align: "left" },
          { key: "share", title: k.share, value: (r) => r.share, text: (r) => pct(r.share), align: "right" },
          { key: "calls", title: m.columns.calls, value: (r) => r.calls, text: (r) => fixed(r.calls, Number.isInteger(r.calls) ? 0 : 1), align: "right" },
          { key: "target", title: k.target, value: (r) => r.targetServiceLevel, text: (r) => (r.targetServiceLevel === null ? "-" : m.target(pct(r.targetServiceLevel), integer(r.targetAnswerSeconds))), align: "right" },
          { key: "serviceLevel", title: m.columns.serviceLevel, value: (r) => r.serviceLevel, text: (r) => pct(r.serviceLevel), align: "right" },
          { key: "worstServiceLevel", title: k.worstServiceLevel, value: (r) => r.worstServiceLevel, text: (r) => pct(r.worstServiceLevel), align: "right" },
          { key: "asaSeconds", title: m.columns.asaSeconds, value: (r) => r.asaSeconds, text: (r) => fixed(r.asaSeconds, 1), align: "right" },
          ...(hasClassAbandon
            ? [{ key: "abandonProbability", title: m.columns.abandonProbability, value: (r: (typeof t.classes)[number]) => r.abandonProbability, text: (r: (typeof t.classes)[number]) => pct(r.abandonProbability), align: "right" as const }]
            : []),
        ],
        format,
      ),
    );
    parts.push("\n");
  }
  parts.push(heading(m.supporting(fixed(t.agentFte, 1), lf.digits(String(t.hoursPerFtePerMonth)))));
  const roles = [
    ...t.supportingStaff.roles.map((r) => ({ role: r.role, basis: r.basis === "ratio" ? m.basisRatio(lf.digits(String(r.agentsPerRole))) : m.basisFixed, fte: r.fte, headcount: r.headcount })),
    { role: m.supportTotal, basis: "", fte: t.supportingStaff.fte, headcount: t.supportingStaff.headcount },
  ];
  parts.push(
    renderTable(
      roles,
      [
        { key: "role", title: m.columns.role, value: (r) => r.role, align: "left" },
        { key: "basis", title: m.columns.basis, value: (r) => r.basis, align: "left" },
        { key: "fte", title: m.columns.fte, value: (r) => r.fte, text: (r) => fixed(r.fte, 1), align: "right" },
        { key: "headcount", title: m.columns.headcount, value: (r) => r.headcount, text: (r) => integer(r.headcount), align: "right" },
      ],
      format,
    ),
  );
  parts.push(`\n${m.totalFte(fixed(t.agentFte, 1), fixed(t.supportingStaff.fte, 1), fixed(t.totalFte, 1))}\n`);
  const text = parts.join("");
  return format === "md" && lf.dir === "rtl" ? `<div dir="rtl" lang="${lf.lang}">\n\n${text}\n</div>\n` : text;
}

/** The agent-group section of the report (when the config has `agentGroups`). */
function renderGroups(staffing: SkillStaffing, config: StaffingConfig, format: "table" | "md", lf: LocaleFormat = english): string {
  const tm = lf.messages.teams;
  const m = tm.cli;
  const k = tm.groupColumns;
  const en = lf.locale === "en";
  const { fixed, integer } = writers(lf);
  const heading = format === "md" ? `### ${tm.groupsTitle}\n\n` : `${tm.groupsTitle}\n\n`;
  const groups = config.agentGroups!;
  const table = renderTable(
    staffing.groups.map((g, i) => ({ ...g, skills: groupSkillsText(groups[i]!, lf), costPerHour: groups[i]!.costPerHour ?? 1 })),
    [
      { key: "group", ...(en ? {} : { title: k.group }), value: (r) => r.group, align: "left" },
      { key: "skills", ...(en ? {} : { title: k.skills }), value: (r) => r.skills, align: "left" },
      { key: "costPerHour", title: m.costPerHour, value: (r) => r.costPerHour, text: (r) => fixed(r.costPerHour, 2), align: "right" },
      { key: "peakAgents", title: en ? "peak agents" : k.peakAgents, value: (r) => r.peakAgents, text: (r) => integer(r.peakAgents), align: "right" },
      { key: "agentHours", title: m.agentHours, value: (r) => r.agentHours, text: (r) => fixed(r.agentHours, 1), align: "right" },
      { key: "cost", ...(en ? {} : { title: k.cost }), value: (r) => r.cost, text: (r) => fixed(r.cost, 1), align: "right" },
    ],
    format,
  );
  const bullet = format === "md" ? "- " : "  ";
  const percent = (value: number, decimals: number) => lf.digits(formatPercent(value, decimals));
  const levels = staffing.serviceLevels.map(
    (sl) => `${bullet}${m.groupServiceLevel(sl.type, percent(sl.mean, 1), percent(sl.lower, 1), percent(sl.upper, 1), percent(sl.targetServiceLevel, 0))}\n`,
  );
  const method = tm.methods[staffing.method] ?? staffing.method;
  return `\n${heading}${m.staffedByGroup(method, fixed(staffing.agentHours, 1), fixed(staffing.cost, 1))}\n\n${table}\n${levels.join("")}`;
}

/** Builds the effective config: the file's, completed and overridden by the flags, for every channel in the volumes. */
function effectiveConfig(base: StaffingConfig, channels: readonly string[], o: StaffOptions, hasAht: boolean, configFile: string | undefined): StaffingConfig {
  const target = o.target === undefined ? undefined : parseTargetOption("--target", o.target);
  const patience = o.patience === undefined ? undefined : parseNumberOption("--patience", o.patience, { min: 0, exclusiveMin: true });
  const maxOccupancy = o.maxOccupancy === undefined ? undefined : parsePercentOption("--max-occupancy", o.maxOccupancy);
  if (maxOccupancy === 0) throw new WfmError({ code: "invalid-option", option: "--max-occupancy", message: `expected a percentage above 0, got ${JSON.stringify(o.maxOccupancy)}`, value: o.maxOccupancy });
  const concurrency = o.concurrency === undefined ? undefined : parseNumberOption("--concurrency", o.concurrency, { min: 1, integer: true });
  const shrinkage = o.shrinkage === undefined ? undefined : parsePercentOption("--shrinkage", o.shrinkage, { exclusiveMax: true });
  const hoursPerFte = o.hoursPerFte === undefined ? undefined : parseNumberOption("--hours-per-fte", o.hoursPerFte, { min: 0, exclusiveMin: true });
  const aht = o.aht === undefined ? undefined : parseNumberOption("--aht", o.aht, { min: 0, exclusiveMin: true });
  const out: Record<string, ChannelConfig> = {};
  const where = configFile === undefined ? "a --config file" : configFile;
  for (const name of channels) {
    const channelName = name.includes(":") ? name.slice(0, name.indexOf(":")) : name;
    let c: ChannelConfig = base.channels?.[name] ?? base.channels?.[channelName] ?? ({ type: defaultChannelType(channelName) } as ChannelConfig);
    if (aht !== undefined) c = { ...c, ahtSeconds: aht };
    if (maxOccupancy !== undefined) c = { ...c, maxOccupancy };
    if (shrinkage !== undefined) c = { ...c, shrinkage: undefined } as ChannelConfig;
    if (c.type !== "deferred") {
      const classed = c.type === "voice" && c.classes !== undefined;
      // A channel with priority classes keeps its classes' targets: --target is for the others.
      if (target !== undefined && !classed) c = { ...c, ...target };
      if (patience !== undefined && c.type === "voice") c = { ...c, patienceSeconds: patience };
      if (concurrency !== undefined && c.type === "chat") c = { ...c, concurrency };
      if (!classed && (c.targetServiceLevel === undefined || c.targetAnswerSeconds === undefined)) {
        throw new WfmError({
          code: "invalid-option",
          option: "--target",
          message: `channel ${JSON.stringify(name)} has no service-level target: pass --target 80/20 or set channels.${channelName}.targetServiceLevel and targetAnswerSeconds in ${where}`,
        });
      }
    }
    if (!hasAht && c.ahtSeconds === undefined) {
      throw new WfmError({
        code: "invalid-option",
        option: "--aht",
        message: `channel ${JSON.stringify(name)} has no handle time: the file has no ahtSeconds column on every row; pass --aht SECONDS or set channels.${channelName}.ahtSeconds in ${where}`,
      });
    }
    out[name] = c;
  }
  return {
    ...base,
    channels: out,
    ...(shrinkage === undefined ? {} : { shrinkage: { components: [{ name: "shrinkage", fraction: shrinkage }] } }),
    ...(hoursPerFte === undefined ? {} : { hoursPerFtePerMonth: hoursPerFte }),
  };
}

/**
 * `wfm staff VOLUMES.csv`: the agents required and scheduled in every interval and channel, with
 * per-day and period totals, FTE and supporting staff (see `planStaffing`).
 */
export const staffCommand: CommandModule = {
  name: "staff",
  register(program: Command, io: CliIo) {
    program
      .command("staff")
      .description("staff every interval of a volume CSV: required and scheduled agents, FTE, supporting staff")
      .argument("<volumes>", "volume CSV: timestamp,calls[,ahtSeconds][,channel][,queue]")
      .option("--config <file>", "staffing.json: per-channel targets, AHT, patience, concurrency, shrinkage, support ratios, agent groups (see `wfm schema staffing`)")
      .option("--aht <seconds>", "handle time for every row and channel (overrides the file's ahtSeconds and the config)")
      .option("--target <sl/seconds>", "service-level target for voice and chat, e.g. 80/20")
      .option("--shrinkage <percent>", "total shrinkage, e.g. 30 (replaces the config's components)")
      .option("--patience <seconds>", "mean caller patience for voice: Erlang A instead of Erlang C")
      .option("--max-occupancy <percent>", "occupancy cap, e.g. 85")
      .option("--concurrency <chats>", "chats one agent handles at once (chat channels)")
      .option("--hours-per-fte <hours>", "paid hours of one FTE per month (default 160)")
      .option("--interval <minutes>", "interval length (inferred from the timestamps when absent)")
      .option("--intervals", "table/md: one row per interval instead of per day")
      .option("--date-format <pattern>", dateFormatHelp)
      .option("--strict", "fail (exit 2) when intervals outside the config's openingHours have calls, instead of a note")
      .option("--format <format>", `output format: ${formats.join(", ")}`, "table")
      .option("--out <file>", "write to a file (atomically) instead of stdout")
      .option("--locale <locale>", "language of the table and md output: en or fa (Persian digits, Solar Hijri dates); csv and json do not change", "en")
      .action(async (volumes: string, o: StaffOptions) => {
        const format = parseChoiceOption("--format", o.format, formats);
        const lf = localeFormat(parseChoiceOption("--locale", o.locale ?? "en", locales));
        const intervalMinutes = o.interval === undefined ? undefined : parseNumberOption("--interval", o.interval, { min: 0, exclusiveMin: true });
        const base: StaffingConfig = o.config === undefined ? {} : (await loadConfigReaders()).readStaffingConfig(o.config, { cwd: io.cwd, option: "--config" });
        const series = readVolumeCsv(volumes, {
          cwd: io.cwd,
          ...(o.dateFormat === undefined ? {} : { dateFormat: parseDateFormatOption("--date-format", o.dateFormat) }),
          ...(intervalMinutes === undefined ? {} : { intervalMinutes }),
          ...(base.openingHours === undefined ? {} : { openingHours: base.openingHours }),
        });
        const key = (channel: string, queue: string | undefined) => (queue === undefined || queue === "" ? channel : `${channel}:${queue}`);
        const nameSet = new Set<string>();
        for (const row of series.rows) nameSet.add(key(row.channel, row.queue));
        const names = [...nameSet];
        // Without openingHours in the config, the hours inferred from the file are used.
        const withHours: StaffingConfig =
          base.openingHours === undefined && series.inferredOpeningHours !== undefined ? { ...base, openingHours: series.inferredOpeningHours } : base;
        const config = effectiveConfig(withHours, names, o, series.hasAht, o.config);
        const ahtOverride = o.aht === undefined ? undefined : Number(o.aht);
        let plan: ReturnType<typeof planStaffing>;
        // Rows read without the Proxy, and one key string per channel and queue (not per row).
        const rowAt = elementReader(series.rows);
        const keys = new Map<string, Map<string | undefined, string>>();
        const keyOf = (channel: string, queue: string | undefined) => {
          let byQueue = keys.get(channel);
          if (byQueue === undefined) keys.set(channel, (byQueue = new Map()));
          let found = byQueue.get(queue);
          if (found === undefined) byQueue.set(queue, (found = key(channel, queue)));
          return found;
        };
        try {
          // A large batch is staffed on every core (the same plan, see planStaffingInWorkers).
          plan = await planStaffingInWorkers({
            intervalMinutes: series.intervalMinutes,
            config,
            // Built on access from the file's columns: no object per row held while staffing.
            intervals: lazyArray(series.rows.length, (i) => {
              const row = rowAt(i);
              const ahtSeconds = ahtOverride ?? row.ahtSeconds;
              return { localMs: row.localMs, channel: keyOf(row.channel, row.queue), calls: row.calls, ...(ahtSeconds === undefined ? {} : { ahtSeconds }) };
            }),
          }, staffWorkerSettingsFromEnv(process.env));
        } catch (error) {
          throw locateStaffingProblems(error, { volumesFile: volumes, rows: series.rows, ...(o.config === undefined ? {} : { configFile: o.config }) });
        }
        const closedCalls = { intervals: 0, calls: 0 };
        const intervalAt = elementReader(plan.intervals);
        for (let i = 0; i < plan.intervals.length; i++) {
          const r = intervalAt(i);
          if (!r.open && r.calls > 0) {
            closedCalls.intervals++;
            closedCalls.calls += r.calls;
          }
        }
        const hoursNotes = (locale: LocaleFormat) =>
          businessHoursNotes({
            file: volumes,
            configHours: base.openingHours,
            inferredHours: series.inferredOpeningHours,
            closedDays: series.closedDays,
            closedCalls,
            strict: o.strict === true,
            ...(o.config === undefined ? {} : { configName: o.config }),
            locale,
          });
        // JSON and CSV keep English notes; the table and Markdown are worded in the locale.
        const notes = hoursNotes(english);
        const shownNotes = lf.locale === "en" ? notes : hoursNotes(lf);
        // Rows come by start: the text of the last start is reused for every channel at it.
        let lastMs = Number.NaN;
        let lastStamp = "";
        const stamp = (r: StaffingInterval) => (r.localMs === lastMs ? lastStamp : ((lastMs = r.localMs), (lastStamp = formatLocalTimestamp(r.localMs, series.style))));
        // Agent groups sharing skills: the same volumes staffed by group (staffSkills).
        let byGroup: { staffing: SkillStaffing; localMs: readonly number[] } | null = null;
        if (config.agentGroups !== undefined) {
          const skills = skillModelFromChannels({
            intervalMinutes: series.intervalMinutes,
            config,
            intervals: series.rows.map((row) => {
              const ahtSeconds = ahtOverride ?? row.ahtSeconds;
              return { localMs: row.localMs, channel: key(row.channel, row.queue), calls: row.calls, ...(ahtSeconds === undefined ? {} : { ahtSeconds }) };
            }),
          });
          byGroup = { staffing: await staffSkills(skills.model), localMs: skills.localMs };
        }
        const shown = (r: StaffingInterval) => lf.timestamp(r.localMs) ?? stamp(r);
        let text: string | TextChunks;
        if (format === "json") {
          text = toJson({
            intervals: plan.intervals.map(({ localMs: _localMs, ...rest }) => ({ timestamp: formatLocalTimestamp(_localMs, series.style), ...rest })),
            days: plan.days,
            totals: plan.totals,
            notes,
            ...(byGroup === null
              ? {}
              : {
                  agentGroups: {
                    method: byGroup.staffing.method,
                    groups: byGroup.staffing.groups,
                    serviceLevels: byGroup.staffing.serviceLevels,
                    intervals: byGroup.staffing.intervals.map((r) => ({
                      timestamp: formatLocalTimestamp(byGroup!.localMs[r.index]!, series.style),
                      agents: Object.fromEntries(byGroup!.staffing.agentGroups.map((g, i) => [g, r.agents[i]])),
                    })),
                  },
                }),
          });
        } else if (format === "csv") {
          // Written a chunk of lines at a time: never the whole text of millions of intervals at once.
          text = { chunks: csvChunks(plan.intervals, intervalColumns(stamp, "csv")) };
          for (const note of notes) io.stderr(`note: ${note}\n`);
        } else {
          text = renderReport(plan, config, volumes, format, o.intervals === true, shown, lf) + (byGroup === null ? "" : renderGroups(byGroup.staffing, config, format, lf));
          if (shownNotes.length > 0) text += `${format === "md" ? "\n" : ""}${shownNotes.map((n) => `${format === "md" ? "- " : ""}${lf.messages.businessHours.note(n)}`).join("\n")}\n`;
        }
        if (o.out === undefined) {
          if (typeof text === "string") io.stdout(text);
          else for (const chunk of text.chunks) io.stdout(chunk);
        } else {
          const inputs = [volumes, ...(o.config === undefined ? [] : [o.config])].map((p) => resolve(io.cwd, p));
          writeFileAtomic(resolve(io.cwd, o.out), text, { inputs });
        }
      });
  },
};
