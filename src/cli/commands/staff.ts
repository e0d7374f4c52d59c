import type { Command } from "commander";
import { basename, resolve } from "node:path";
import { formatLocalTimestamp } from "../../calendar/local-time.js";
import { WfmError } from "../../errors.js";
import { writeFileAtomic } from "../../io/output.js";
import { formatFixed, formatPercent, renderTable, toJson, type TableColumn, type TableFormat } from "../../io/render.js";
import { readStaffingConfig } from "../../io/staffing-config.js";
import { readVolumeCsv } from "../../io/volume-csv.js";
import { lazyArray } from "../../staffing/lazy-array.js";
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
import type { CommandModule } from "../command.js";
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
}

const formats = ["table", "csv", "json", "md"] as const;

/** A number for CSV: up to `decimals` places, trailing zeros trimmed; empty for null. */
function csvNumber(value: number | null, decimals: number): string {
  if (value === null) return "";
  if (!Number.isFinite(value)) return value > 0 ? "inf" : "";
  return String(Number(value.toFixed(decimals)));
}

const pct = (value: number | null) => (value === null ? "-" : formatPercent(value, 1));
const fixed = (value: number | null, decimals: number) => (value === null ? "-" : formatFixed(value, decimals));

/** Interval columns shared by the CSV (fed to `wfm schedule`) and the `--intervals` table. */
function intervalColumns(timestamp: (row: StaffingInterval) => string, format: TableFormat): TableColumn<StaffingInterval>[] {
  const csv = format === "csv";
  const num = (key: keyof StaffingInterval, decimals: number, title: string, text: (v: number | null) => string) => ({
    key,
    title: csv ? key : title,
    value: (r: StaffingInterval) => r[key] as number | null,
    text: (r: StaffingInterval) => (csv ? csvNumber(r[key] as number | null, decimals) : text(r[key] as number | null)),
    align: "right" as const,
  });
  return [
    { key: "timestamp", value: timestamp, align: "left" },
    { key: "channel", value: (r) => r.channel, align: "left" },
    num("calls", 3, "calls", (v) => fixed(v, Number.isInteger(v) ? 0 : 1)),
    num("ahtSeconds", 3, "AHT s", (v) => fixed(v, 0)),
    num("trafficErlangs", 4, "erlangs", (v) => fixed(v, 2)),
    num("requiredAgents", 0, "required", (v) => fixed(v, 0)),
    num("scheduledAgents", 0, "scheduled", (v) => fixed(v, 0)),
    num("serviceLevel", 6, "SL", pct),
    num("asaSeconds", 3, "ASA s", (v) => fixed(v, 1)),
    num("occupancy", 6, "occ", pct),
    num("waitProbability", 6, "P(wait)", pct),
    num("abandonProbability", 6, "aband", pct),
    num("shrinkage", 6, "shrink", pct),
    num("backlog", 3, "backlog", (v) => fixed(v, 1)),
    num("answeredWithinTarget", 6, "in window", pct),
  ];
}

function summaryColumns<Row extends StaffingSummary>(first: TableColumn<Row>[], hasAbandon: boolean, hasDeferred: boolean): TableColumn<Row>[] {
  const columns: TableColumn<Row>[] = [
    ...first,
    { key: "channel", value: (r) => r.channel, align: "left" },
    { key: "calls", value: (r) => r.calls, text: (r) => fixed(r.calls, Number.isInteger(r.calls) ? 0 : 1), align: "right" },
    { key: "serviceLevel", title: "SL", value: (r) => r.serviceLevel, text: (r) => pct(r.serviceLevel), align: "right" },
    { key: "asaSeconds", title: "ASA s", value: (r) => r.asaSeconds, text: (r) => fixed(r.asaSeconds, 1), align: "right" },
  ];
  if (hasAbandon) columns.push({ key: "abandonProbability", title: "aband", value: (r) => r.abandonProbability, text: (r) => pct(r.abandonProbability), align: "right" });
  if (hasDeferred) {
    columns.push({ key: "answeredWithinTarget", title: "in window", value: (r) => r.answeredWithinTarget, text: (r) => pct(r.answeredWithinTarget), align: "right" });
    columns.push({ key: "backlog", title: "backlog", value: (r) => r.backlog, text: (r) => fixed(r.backlog, 1), align: "right" });
  }
  columns.push(
    { key: "occupancy", title: "occ", value: (r) => r.occupancy, text: (r) => pct(r.occupancy), align: "right" },
    { key: "agentHoursOnContacts", title: "on contacts h", value: (r) => r.agentHoursOnContacts, text: (r) => fixed(r.agentHoursOnContacts, 1), align: "right" },
    { key: "requiredAgentHours", title: "required h", value: (r) => r.requiredAgentHours, text: (r) => fixed(r.requiredAgentHours, 1), align: "right" },
    { key: "scheduledHours", title: "scheduled h", value: (r) => r.scheduledHours, text: (r) => fixed(r.scheduledHours, 1), align: "right" },
    { key: "fte", title: "FTE", value: (r) => r.fte, text: (r) => fixed(r.fte, 1), align: "right" },
    { key: "peakRequiredAgents", title: "peak req", value: (r) => r.peakRequiredAgents, align: "right" },
    { key: "peakScheduledAgents", title: "peak sched", value: (r) => r.peakScheduledAgents, align: "right" },
  );
  return columns;
}

function describeChannel(name: string, c: ChannelConfig): string {
  if (c.type === "deferred") {
    return `${name}: deferred work, answered within ${((c.responseSeconds ?? 86_400) / 3600).toFixed(1).replace(/\.0$/, "")} h`;
  }
  const target = `${formatPercent(c.targetServiceLevel!, 0)}/${c.targetAnswerSeconds} s`;
  const extras: string[] = [];
  if (c.targetAsaSeconds !== undefined) extras.push(`ASA <= ${c.targetAsaSeconds} s`);
  if (c.maxOccupancy !== undefined) extras.push(`occupancy <= ${formatPercent(c.maxOccupancy, 0)}`);
  if (c.minimumAgents !== undefined && c.minimumAgents > 0) extras.push(`at least ${c.minimumAgents} agent${c.minimumAgents === 1 ? "" : "s"}`);
  if (c.type === "voice") {
    const model = c.patienceSeconds === undefined ? "Erlang C" : `Erlang A (patience ${c.patienceSeconds} s)`;
    return `${name}: ${model}, target ${target}${extras.length > 0 ? `, ${extras.join(", ")}` : ""}`;
  }
  const k = c.concurrency ?? 1;
  const f = c.handleTimeFactorPerExtraChat ?? 0;
  return `${name}: ${k} chat${k === 1 ? "" : "s"} at once per agent (+${formatPercent(f, 0)} handle time per extra chat), target ${target}${extras.length > 0 ? `, ${extras.join(", ")}` : ""}`;
}

function renderReport(plan: StaffingPlan, config: StaffingConfig, file: string, format: "table" | "md", showIntervals: boolean, stamp: (r: StaffingInterval) => string): string {
  const t = plan.totals;
  const hasAbandon = t.channels.some((c) => c.abandonProbability !== null);
  const hasDeferred = t.channels.some((c) => c.backlog !== null);
  const heading = (text: string) => (format === "md" ? `### ${text}\n\n` : `${text}\n\n`);
  const parts: string[] = [];
  parts.push(
    `Staffing plan for ${basename(file)}: ${t.firstDate} to ${t.lastDate} (${t.periodDays} day${t.periodDays === 1 ? "" : "s"}, ${plan.intervalMinutes}-minute intervals)\n`,
  );
  for (const c of t.channels) parts.push(`${format === "md" ? "- " : "  "}${describeChannel(c.channel, config.channels![c.channel]!)}\n`);
  parts.push("\n");
  if (showIntervals) {
    parts.push(heading("Intervals"));
    parts.push(renderTable(plan.intervals, intervalColumns(stamp, format), format));
  } else {
    parts.push(heading("Days"));
    parts.push(renderTable(plan.days, summaryColumns<StaffingDay>([{ key: "date", value: (r) => r.date, align: "left" }], hasAbandon, hasDeferred), format));
  }
  parts.push("\n");
  parts.push(heading("Period"));
  const totals = t.channels.length > 1 ? [...t.channels, t.all] : [...t.channels];
  parts.push(renderTable(totals, summaryColumns<StaffingSummary>([], hasAbandon, hasDeferred), format));
  parts.push("\n");
  parts.push(heading(`Supporting staff (sized from ${formatFixed(t.agentFte, 1)} agent FTE; one FTE = ${t.hoursPerFtePerMonth} h a month)`));
  const roles = [
    ...t.supportingStaff.roles.map((r) => ({ role: r.role, basis: r.basis === "ratio" ? `1 per ${r.agentsPerRole} agents` : "fixed", fte: r.fte, headcount: r.headcount })),
    { role: "support total", basis: "", fte: t.supportingStaff.fte, headcount: t.supportingStaff.headcount },
  ];
  parts.push(
    renderTable(
      roles,
      [
        { key: "role", value: (r) => r.role, align: "left" },
        { key: "basis", value: (r) => r.basis, align: "left" },
        { key: "fte", title: "FTE", value: (r) => r.fte, text: (r) => formatFixed(r.fte, 1), align: "right" },
        { key: "headcount", value: (r) => r.headcount, align: "right" },
      ],
      format,
    ),
  );
  parts.push(`\nTotal FTE: ${formatFixed(t.agentFte, 1)} agents + ${formatFixed(t.supportingStaff.fte, 1)} supporting = ${formatFixed(t.totalFte, 1)}\n`);
  return parts.join("");
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
      if (target !== undefined) c = { ...c, ...target };
      if (patience !== undefined && c.type === "voice") c = { ...c, patienceSeconds: patience };
      if (concurrency !== undefined && c.type === "chat") c = { ...c, concurrency };
      if (c.targetServiceLevel === undefined || c.targetAnswerSeconds === undefined) {
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
      .option("--config <file>", "staffing.json: per-channel targets, AHT, patience, concurrency, shrinkage, support ratios (see `wfm schema staffing`)")
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
      .action(async (volumes: string, o: StaffOptions) => {
        const format = parseChoiceOption("--format", o.format, formats);
        const intervalMinutes = o.interval === undefined ? undefined : parseNumberOption("--interval", o.interval, { min: 0, exclusiveMin: true });
        const base: StaffingConfig = o.config === undefined ? {} : readStaffingConfig(o.config, { cwd: io.cwd, option: "--config" });
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
        const plan = planStaffing({
          intervalMinutes: series.intervalMinutes,
          config,
          // Built on access from the file's columns: no object per row held while staffing.
          intervals: lazyArray(series.rows.length, (i) => {
            const row = series.rows[i]!;
            const ahtSeconds = ahtOverride ?? row.ahtSeconds;
            return { localMs: row.localMs, channel: key(row.channel, row.queue), calls: row.calls, ...(ahtSeconds === undefined ? {} : { ahtSeconds }) };
          }),
        });
        const closedCalls = { intervals: 0, calls: 0 };
        for (const r of plan.intervals) {
          if (!r.open && r.calls > 0) {
            closedCalls.intervals++;
            closedCalls.calls += r.calls;
          }
        }
        const notes = businessHoursNotes({
          file: volumes,
          configHours: base.openingHours,
          inferredHours: series.inferredOpeningHours,
          closedDays: series.closedDays,
          closedCalls,
          strict: o.strict === true,
          configName: o.config ?? "the staffing config",
        });
        const stamp = (r: StaffingInterval) => formatLocalTimestamp(r.localMs, series.style);
        let text: string;
        if (format === "json") {
          text = toJson({
            intervals: plan.intervals.map(({ localMs: _localMs, ...rest }) => ({ timestamp: formatLocalTimestamp(_localMs, series.style), ...rest })),
            days: plan.days,
            totals: plan.totals,
            notes,
          });
        } else if (format === "csv") {
          text = renderTable(plan.intervals, intervalColumns(stamp, "csv"), "csv");
          for (const note of notes) io.stderr(`note: ${note}\n`);
        } else {
          text = renderReport(plan, config, volumes, format, o.intervals === true, stamp);
          if (notes.length > 0) text += `${format === "md" ? "\n" : ""}${notes.map((n) => `${format === "md" ? "- " : ""}note: ${n}`).join("\n")}\n`;
        }
        if (o.out === undefined) {
          io.stdout(text);
        } else {
          const inputs = [volumes, ...(o.config === undefined ? [] : [o.config])].map((p) => resolve(io.cwd, p));
          writeFileAtomic(resolve(io.cwd, o.out), text, { inputs });
        }
      });
  },
};
