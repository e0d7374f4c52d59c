import { resolve } from "node:path";
import type { Command } from "commander";
import { formatLocalTimestamp, parseLocalTimestamp } from "../../calendar/local-time.js";
import { WfmError, type Problem } from "../../errors.js";
import { writeFileAtomic } from "../../io/output.js";
import { formatFixed, renderKeyValues, renderTable, toJson, type TableColumn, type TableFormat } from "../../io/render.js";
import { simulateInWorkers } from "../../io/simulate-in-workers.js";
import { localeFormat, locales, type LocaleFormat } from "../../io/locale/index.js";
import { readPlanSimulation, readScheduleFloor, readStaffingAgentsCsv } from "../../io/simulation-inputs.js";
import { readStaffingConfig } from "../../io/staffing-config.js";
import { readVolumeCsv } from "../../io/volume-csv.js";
import { comparePlanWithSimulation, modelServiceLevel, planChannelModels, planSimulationOptions, type PlanChannelModel, type PlanSimulationInput } from "../../plan/plan-simulation.js";
import { steadyQueueOptions, type SimulatedEstimate, type SimulationResult } from "../../simulation/index.js";
import { optionProblems, parseChoiceOption, parseNumberOption, parseTargetOption } from "../options.js";
import type { CommandModule } from "../command.js";
import type { CliIo } from "../io.js";
import { compareText } from "../../order.js";

/** Raw commander values of `wfm simulate`. */
interface SimulateFlags {
  calls?: string;
  interval?: string;
  aht?: string;
  agents?: string;
  patience?: string;
  ahtCv?: string;
  patienceCv?: string;
  target?: string;
  hours: string;
  replications: string;
  seed: string;
  plan?: string;
  basis?: string;
  staffing?: string;
  schedule?: string;
  volumes?: string;
  config?: string;
  channel?: string;
  format: string;
  out?: string;
  locale?: string;
}

const formats = ["table", "csv", "json", "md"] as const;


/** Writers of the table and Markdown output in a locale (CSV and JSON never change). */
function writers(lf: LocaleFormat) {
  return {
    pct: (v: number | null) => (v === null ? "-" : lf.digits(`${(v * 100).toFixed(1)}%`)),
    pm: (v: number | null, scale = 100, decimals = 1) => (v === null ? "" : lf.messages.simulateCli.plusMinus(lf.digits((v * scale).toFixed(decimals)))),
    fixed: (v: number, decimals: number) => lf.digits(formatFixed(v, decimals)),
    plain: (v: number) => lf.digits(String(v)),
  };
}

/** The JSON of steady mode: each figure with its 95% half-width. */
function steadyJson(result: SimulationResult, request: Record<string, unknown>): Record<string, unknown> {
  const v = result.period.contactTypes[0]!;
  const g = result.period.agentGroups[0]!;
  const out: Record<string, unknown> = { ...request, replications: result.replications, seed: result.seed };
  const put = (key: string, e: SimulatedEstimate) => {
    out[key] = e.mean;
    out[`${key}HalfWidth`] = e.halfWidth;
  };
  put("serviceLevel", v.serviceLevel);
  // As wfm erlang: the mean wait of every caller (abandoners' time in queue included).
  put("asaSeconds", v.meanWaitSeconds);
  put("abandonProbability", v.abandonRate);
  put("waitProbability", v.waitProbability);
  put("occupancy", g.occupancy);
  out.contacts = result.contactsSimulated;
  return out;
}

async function runSteady(flags: SimulateFlags, io: CliIo, format: TableFormat, lf: LocaleFormat): Promise<string> {
  const c = optionProblems();
  const need = (flag: string, value: string | undefined, what: string) => {
    if (value === undefined) c.problem(flag, `required: ${what} (or give --plan, --staffing or --schedule)`);
  };
  need("--calls", flags.calls, "calls per interval");
  need("--interval", flags.interval, "interval length in minutes, e.g. 30");
  need("--aht", flags.aht, "average handle time in seconds, e.g. 180");
  need("--agents", flags.agents, "agents on the floor");
  const num = (flag: string, raw: string | undefined, bounds: Parameters<typeof parseNumberOption>[2]) => (raw === undefined ? undefined : c.attempt(() => parseNumberOption(flag, raw, bounds)));
  const calls = num("--calls", flags.calls, { min: 0 });
  const intervalMinutes = num("--interval", flags.interval, { min: 0, exclusiveMin: true });
  const ahtSeconds = num("--aht", flags.aht, { min: 0, exclusiveMin: true });
  const agents = num("--agents", flags.agents, { min: 0, integer: true });
  const patienceSeconds = num("--patience", flags.patience, { min: 0, exclusiveMin: true });
  const ahtCv = num("--aht-cv", flags.ahtCv, { min: 0 });
  const patienceCv = num("--patience-cv", flags.patienceCv, { min: 0 });
  if (flags.patienceCv !== undefined && flags.patience === undefined) c.problem("--patience-cv", "only applies with --patience SECONDS", flags.patienceCv);
  const hours = num("--hours", flags.hours, { min: 0, exclusiveMin: true });
  const replications = num("--replications", flags.replications, { min: 2, max: 10_000, integer: true });
  const seed = num("--seed", flags.seed, { integer: true });
  const target = flags.target === undefined ? undefined : c.attempt(() => parseTargetOption("--target", flags.target!));
  c.done();
  const targetAnswerSeconds = target?.targetAnswerSeconds ?? 20;
  const options = steadyQueueOptions({
    callsPerInterval: calls!,
    intervalSeconds: intervalMinutes! * 60,
    ahtSeconds: ahtSeconds!,
    agents: agents!,
    hours: hours!,
    replications: replications!,
    seed: seed!,
    targetAnswerSeconds,
    ...(patienceSeconds === undefined ? {} : { patienceSeconds }),
    ...(ahtCv === undefined ? {} : { ahtCv }),
    ...(patienceCv === undefined ? {} : { patienceCv }),
  });
  const result = await simulateInWorkers(options);
  const request = {
    callsPerInterval: calls!,
    intervalMinutes: intervalMinutes!,
    ahtSeconds: ahtSeconds!,
    ahtCv: ahtCv ?? null,
    agents: agents!,
    patienceSeconds: patienceSeconds ?? null,
    patienceCv: patienceSeconds === undefined ? null : (patienceCv ?? null),
    targetAnswerSeconds,
    hours: hours!,
  };
  const json = steadyJson(result, request);
  if (format === "json") return toJson(json);
  if (format === "csv") return renderTable([json], Object.keys(json).map((key) => ({ key, value: (r: Record<string, unknown>) => r[key] as number | null })), "csv");
  const v = result.period.contactTypes[0]!;
  const g = result.period.agentGroups[0]!;
  const m = lf.messages.simulateCli;
  const { pct, pm, fixed, plain } = writers(lf);
  const shape = (cv: number | undefined) => (cv === undefined ? m.shapes.exponential : cv === 0 ? m.shapes.deterministic : m.shapes.lognormal(plain(cv)));
  const pairs: [string, string][] = [
    [m.simulated, m.simulatedValue({ replications: plain(result.replications), hours: plain(hours!), warmupMinutes: fixed(options.warmupSeconds! / 60, 0), seed: plain(seed!), contacts: plain(result.contactsSimulated) })],
    [m.traffic, m.trafficValue({ erlangs: plain(Number(((calls! * ahtSeconds!) / (intervalMinutes! * 60)).toFixed(3))), calls: plain(calls!), minutes: plain(intervalMinutes!), aht: plain(ahtSeconds!), shape: shape(ahtCv) })],
    [m.agents, plain(agents!)],
    ...(patienceSeconds === undefined ? [] : [[m.patience, m.patienceValue(plain(patienceSeconds), shape(patienceCv))] as [string, string]]),
    [m.serviceLevel, m.serviceLevelValue(`${pct(v.serviceLevel.mean)}${pm(v.serviceLevel.halfWidth)}`, plain(targetAnswerSeconds))],
    [m.waitProbability, `${pct(v.waitProbability.mean)}${pm(v.waitProbability.halfWidth)}`],
    [m.asa, m.asaValue(`${fixed(v.meanWaitSeconds.mean ?? 0, 1)}${pm(v.meanWaitSeconds.halfWidth, 1)}`)],
    ...(patienceSeconds === undefined ? [] : [[m.abandoned, `${pct(v.abandonRate.mean)}${pm(v.abandonRate.halfWidth)}`] as [string, string]]),
    [m.occupancy, `${pct(g.occupancy.mean)}${pm(g.occupancy.halfWidth)}`],
    [m.intervals, m.intervalsValue],
  ];
  const text = renderKeyValues(pairs, format === "md" ? "md" : "table");
  return format === "md" && lf.dir === "rtl" ? `<div dir="rtl" lang="${lf.lang}">\n\n${text}\n</div>\n` : text;
}

/** The plan-mode request: what to simulate, read from the files. */
interface PlanModeInputs {
  readonly source: string;
  readonly models: readonly PlanChannelModel[];
  readonly inputs: readonly PlanSimulationInput[];
  readonly intervalMinutes: number;
}

function readPlanMode(flags: SimulateFlags, io: CliIo, lf: LocaleFormat): PlanModeInputs {
  const sm = lf.messages.simulateCli;
  const c = optionProblems();
  const sources = [flags.plan, flags.staffing, flags.schedule].filter((s) => s !== undefined);
  if (sources.length > 1) c.problem("--plan", "give one of --plan, --staffing or --schedule");
  if (flags.plan === undefined && flags.volumes === undefined) c.problem("--volumes", `required with ${flags.staffing !== undefined ? "--staffing" : "--schedule"}: the interval volumes to simulate`);
  if (flags.plan !== undefined) {
    for (const [flag, value] of [["--volumes", flags.volumes], ["--config", flags.config], ["--channel", flags.channel]] as const) {
      if (value !== undefined) c.problem(flag, "does not apply with --plan (the plan folder holds the volumes and channel settings)", value);
    }
  } else if (flags.basis !== undefined) c.problem("--basis", "only applies with --plan", flags.basis);
  const basis = flags.basis === undefined ? undefined : c.attempt(() => parseChoiceOption("--basis", flags.basis!, ["staffing", "schedule"] as const));
  c.done();
  if (flags.plan !== undefined) {
    const read = readPlanSimulation(flags.plan, { cwd: io.cwd, ...(basis === undefined ? {} : { basis }) });
    return { source: sm.sourcePlan(flags.plan, lf.locale === "en" ? read.basis : lf.messages.simulation.what[read.basis]), models: read.models, inputs: read.inputs, intervalMinutes: read.intervalMinutes };
  }
  const volumes = readVolumeCsv(flags.volumes!, { cwd: io.cwd, option: "--volumes" });
  const config = flags.config === undefined ? {} : readStaffingConfig(flags.config, { cwd: io.cwd, option: "--config" });
  let models = planChannelModels(config, volumes.channels);
  const intervalSeconds = volumes.intervalMinutes * 60;
  const problems: Problem[] = [];
  const missing = (message: string, option: string) => {
    if (problems.length < 10) problems.push({ code: "invalid-option", option, message });
  };
  let agentsOf: (localMs: number, channel: string) => number | null;
  let source: string;
  if (flags.staffing !== undefined) {
    const staffing = readStaffingAgentsCsv(flags.staffing, { cwd: io.cwd });
    agentsOf = (localMs, channel) => staffing.agents.get(`${formatLocalTimestamp(localMs)}|${channel}`) ?? null;
    source = sm.sourceStaffing(flags.volumes!, flags.staffing);
  } else {
    if (flags.channel !== undefined) models = models.filter((m) => m.channel === flags.channel);
    if (models.length !== 1) {
      throw new WfmError({
        code: "invalid-option",
        option: "--channel",
        message: flags.channel === undefined ? `the volumes have ${models.length} queue channels (${models.map((m) => m.channel).join(", ")}): pick the one the schedule serves with --channel NAME` : `${flags.volumes} has no queue channel named ${JSON.stringify(flags.channel)}`,
        value: flags.channel,
      });
    }
    const floor = readScheduleFloor(flags.schedule!, { cwd: io.cwd });
    const first = volumes.rows.find((r) => r.channel === models[0]!.channel && r.calls > 0);
    const last = [...volumes.rows].reverse().find((r) => r.channel === models[0]!.channel && r.calls > 0);
    if (first !== undefined && (first.localMs < floor.fromLocalMs || last!.localMs + intervalSeconds * 1000 > floor.toLocalMs)) {
      missing(
        `${flags.schedule} covers ${formatLocalTimestamp(floor.fromLocalMs)} to ${formatLocalTimestamp(floor.toLocalMs)}, the volumes run from ${formatLocalTimestamp(first.localMs)} to ${formatLocalTimestamp(last!.localMs + intervalSeconds * 1000)}: schedule the whole horizon`,
        "--schedule",
      );
    }
    agentsOf = (localMs) => floor.floorAt(localMs, intervalSeconds * 1000);
    source = sm.sourceSchedule(flags.volumes!, flags.schedule!);
  }
  const queue = new Map(models.map((m) => [m.channel, m]));
  const inputs: PlanSimulationInput[] = [];
  for (const row of volumes.rows) {
    const model = queue.get(row.channel);
    if (model === undefined) continue;
    const agents = agentsOf(row.localMs, row.channel);
    const timestamp = formatLocalTimestamp(row.localMs);
    if (agents === null) {
      missing(`${flags.staffing} has no row for ${timestamp} ${row.channel}: the staffing does not cover the volumes' horizon`, "--staffing");
      continue;
    }
    const ahtSeconds = row.ahtSeconds ?? 0;
    if (!(ahtSeconds > 0) && row.calls > 0) {
      missing(`${flags.volumes} has no handle time for ${timestamp} ${row.channel}: add an ahtSeconds column`, "--volumes");
      continue;
    }
    inputs.push({ timestamp, channel: row.channel, calls: row.calls, ahtSeconds, agents, modelServiceLevel: modelServiceLevel(model, { calls: row.calls, ahtSeconds, agents, intervalSeconds }) });
  }
  if (problems.length > 0) throw new WfmError(problems);
  return { source, models, inputs, intervalMinutes: volumes.intervalMinutes };
}

/** One output row of plan mode. */
interface PlanRow {
  readonly timestamp: string;
  readonly channel: string;
  readonly calls: number;
  readonly agents: number;
  readonly modelServiceLevel: number | null;
  readonly serviceLevel: SimulatedEstimate;
  readonly abandonRate: SimulatedEstimate;
  readonly asaSeconds: SimulatedEstimate;
  readonly occupancy: SimulatedEstimate;
  readonly disagrees: boolean;
}

async function runPlanMode(flags: SimulateFlags, io: CliIo, format: TableFormat, lf: LocaleFormat): Promise<string> {
  const c = optionProblems();
  const replications = c.attempt(() => parseNumberOption("--replications", flags.replications, { min: 2, max: 10_000, integer: true }));
  const seed = c.attempt(() => parseNumberOption("--seed", flags.seed, { integer: true }));
  for (const [flag, value] of [["--calls", flags.calls], ["--interval", flags.interval], ["--aht", flags.aht], ["--agents", flags.agents], ["--patience", flags.patience], ["--aht-cv", flags.ahtCv], ["--patience-cv", flags.patienceCv], ["--target", flags.target]] as const) {
    if (value !== undefined) c.problem(flag, "applies to the steady-interval mode, not with --plan, --staffing or --schedule", value);
  }
  c.done();
  const read = readPlanMode(flags, io, lf);
  const settings = { models: read.models, inputs: read.inputs, intervalMinutes: read.intervalMinutes, replications: replications!, seed: seed! };
  const { options, timestamps } = planSimulationOptions(settings);
  const result = await simulateInWorkers(options);
  const basis = comparePlanWithSimulation({ ...settings, result });
  const index = new Map(timestamps.map((t, i) => [t, i]));
  const typeIndex = new Map(options.contactTypes.map((t, i) => [t.name, i]));
  const rows: PlanRow[] = basis.intervals
    .map((i) => {
      const slice = result.intervals[index.get(i.timestamp)!]!;
      const t = typeIndex.get(i.channel)!;
      const v = slice.contactTypes[t]!;
      return {
        timestamp: i.timestamp,
        channel: i.channel,
        calls: i.calls,
        agents: i.agents,
        modelServiceLevel: i.modelServiceLevel,
        serviceLevel: v.serviceLevel,
        abandonRate: v.abandonRate,
        asaSeconds: v.asaSeconds,
        occupancy: slice.agentGroups[t]!.occupancy,
        disagrees: i.disagrees,
      };
    })
    .sort((a, b) => compareText(a.timestamp, b.timestamp) || compareText(a.channel, b.channel));
  const csv = format === "csv" || format === "json";
  // CSV and JSON keep the English keys and plain figures; table and Markdown are in the locale.
  const tl = csv ? localeFormat("en") : lf;
  const m = tl.messages.simulateCli;
  const k = m.columns;
  const { pct, pm, plain } = writers(tl);
  const half = (v: number | null) => (v === null ? "-" : tl.digits((v * 100).toFixed(1)));
  const oneDecimal = (v: number | null) => (v === null ? "-" : tl.digits(v.toFixed(1)));
  const stamp = (timestamp: string) => (csv ? timestamp : (tl.timestamp(parseLocalTimestamp(timestamp)?.localMs ?? Number.NaN) ?? timestamp));
  const titled = (title: string) => (csv || tl.locale === "en" ? {} : { title });
  const est = (key: string, title: string, get: (r: PlanRow) => SimulatedEstimate, text: (v: number | null) => string, halfText: (v: number | null) => string): TableColumn<PlanRow>[] => [
    { key, title, value: (r) => get(r).mean, text: (r) => (csv ? (get(r).mean === null ? "" : String(Number(get(r).mean!.toFixed(6)))) : text(get(r).mean)), align: "right" },
    { key: `${key}HalfWidth`, title: k.halfWidth, value: (r) => get(r).halfWidth, text: (r) => (csv ? (get(r).halfWidth === null ? "" : String(Number(get(r).halfWidth!.toFixed(6)))) : halfText(get(r).halfWidth)), align: "right" },
  ];
  const columns: TableColumn<PlanRow>[] = [
    { key: "timestamp", ...titled(k.timestamp), value: (r) => stamp(r.timestamp), align: "left" },
    { key: "channel", ...titled(k.channel), value: (r) => r.channel, align: "left" },
    { key: "calls", ...titled(k.calls), value: (r) => r.calls, ...(csv ? {} : { text: (r: PlanRow) => plain(r.calls) }), align: "right" },
    { key: "agents", ...titled(k.agents), value: (r) => r.agents, ...(csv ? {} : { text: (r: PlanRow) => plain(r.agents) }), align: "right" },
    { key: "modelServiceLevel", title: k.modelServiceLevel, value: (r) => r.modelServiceLevel, text: (r) => (csv ? (r.modelServiceLevel === null ? "" : String(r.modelServiceLevel)) : pct(r.modelServiceLevel)), align: "right" },
    ...est("serviceLevel", k.serviceLevel, (r) => r.serviceLevel, pct, half),
    ...est("abandonRate", k.abandonRate, (r) => r.abandonRate, pct, half),
    ...est("asaSeconds", k.asaSeconds, (r) => r.asaSeconds, oneDecimal, oneDecimal),
    ...est("occupancy", k.occupancy, (r) => r.occupancy, pct, half),
    { key: "disagrees", title: k.flag, value: (r) => r.disagrees, text: (r) => (csv ? String(r.disagrees) : r.disagrees ? m.differs : ""), align: "left" },
  ];
  if (format === "csv" || format === "json") return renderTable(rows, columns, format);
  const summary = basis.channels.map((ch) =>
    m.channelSummary({ channel: ch.channel, simulated: pct(ch.simulatedServiceLevel), halfWidth: pm(ch.halfWidth), model: pct(ch.modelServiceLevel), disagreeing: plain(ch.disagreeingIntervals), intervals: plain(ch.intervals) }),
  );
  const heading = m.heading(read.source, plain(result.replications), plain(result.seed), plain(result.contactsSimulated));
  if (format === "md") {
    const text = `## ${heading}\n\n${summary.map((s) => `- ${s}`).join("\n")}\n\n${renderTable(rows, columns, "md")}`;
    return lf.dir === "rtl" ? `<div dir="rtl" lang="${lf.lang}">\n\n${text}\n</div>\n` : text;
  }
  return `${heading}\n${summary.join("\n")}\n\n${renderTable(rows, columns, "table")}`;
}

/**
 * `wfm simulate`: the discrete-event simulator from the command line. Steady mode (the flags of
 * `wfm erlang`) simulates one interval's load for `--hours`; plan mode simulates a plan folder, a
 * staffing CSV or a schedule against interval volumes, per interval and channel. Replications run
 * on every core (worker threads); the result is the same for a seed on any machine.
 */
export const simulateCommand: CommandModule = {
  name: "simulate",
  register(program: Command, io: CliIo) {
    program
      .command("simulate")
      .description("simulate a queue (the flags of wfm erlang) or a plan, with confidence intervals from replications")
      .option("--calls <n>", "calls per interval (steady mode)")
      .option("--interval <minutes>", "interval length in minutes (steady mode)")
      .option("--aht <seconds>", "average handle time, seconds (steady mode)")
      .option("--agents <n>", "agents on the floor (steady mode)")
      .option("--patience <seconds>", "mean patience, seconds: callers abandon (steady mode)")
      .option("--aht-cv <cv>", "coefficient of variation of the handle time: lognormal (0: deterministic; default exponential)")
      .option("--patience-cv <cv>", "coefficient of variation of the patience: lognormal (default exponential)")
      .option("--target <percent/seconds>", "service level target, e.g. 80/20 (T = 20 s)")
      .option("--hours <h>", "simulated hours per replication (steady mode)", "8")
      .option("--replications <n>", "independent replications (confidence intervals)", "30")
      .option("--seed <n>", "random seed", "1")
      .option("--plan <dir>", "a wfm plan output folder (its summary.json)")
      .option("--basis <which>", "with --plan: staffing or schedule (default: schedule when the plan has one)")
      .option("--staffing <file>", "staffing CSV (wfm staff --format csv): required agents per interval and channel")
      .option("--schedule <file>", "schedule JSON (wfm schedule --format json): agents on the floor")
      .option("--volumes <file>", "interval volume CSV to simulate, with --staffing or --schedule")
      .option("--config <file>", "staffing config (patience, concurrency, targets per channel)")
      .option("--channel <name>", "with --schedule: the channel the schedule serves")
      .option("--format <format>", "table, csv, json or md", "table")
      .option("--out <file>", "write to a file instead of standard output")
      .option("--locale <locale>", "language of the table and md output: en or fa (Persian digits, Solar Hijri dates, right to left); csv and json do not change", "en")
      .action(async (flags: SimulateFlags) => {
        const format = parseChoiceOption<TableFormat>("--format", flags.format, formats);
        const lf = localeFormat(parseChoiceOption("--locale", flags.locale ?? "en", locales));
        const planMode = flags.plan !== undefined || flags.staffing !== undefined || flags.schedule !== undefined || flags.volumes !== undefined;
        const text = planMode ? await runPlanMode(flags, io, format, lf) : await runSteady(flags, io, format, lf);
        if (flags.out === undefined) io.stdout(text);
        else {
          const inputs = [flags.volumes, flags.staffing, flags.schedule, flags.config, flags.plan === undefined ? undefined : `${flags.plan}/summary.json`];
          writeFileAtomic(resolve(io.cwd, flags.out), text, { option: "--out", inputs: inputs.filter((f): f is string => f !== undefined).map((f) => resolve(io.cwd, f)) });
        }
      });
  },
};
