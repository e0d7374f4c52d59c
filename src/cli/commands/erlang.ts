import { erlangPercent as percent, erlangSeconds as seconds } from "../erlang-format.js";
import type { Command } from "commander";
import { WfmError } from "../../errors.js";
import { renderKeyValues, toJson } from "../../io/render.js";
import { localeFormat, locales, type LocaleFormat } from "../../io/locale/index.js";
import {
  erlangA,
  erlangB,
  erlangC,
  requiredAgents,
  type AnyQueueMetrics,
  type QueueingModel,
} from "../../queueing/index.js";
import { scheduled } from "../../queueing/required-agents.js";
import { reachesTarget, withinLimit } from "../../queueing/limits.js";
import { optionProblems, parseChoiceOption, parseNumberOption, parsePercentOption, parseTargetOption } from "../options.js";
import {
  answerBlending,
  answerErlangXRequest,
  answerPriority,
  blendingJson,
  blendingTable,
  erlangXJson,
  erlangXTable,
  parseClassesOption,
  priorityJson,
  priorityTable,
  type PremiumRequest,
} from "./erlang-premium.js";
import { answerCallback, callbackJson, callbackTable, parseCallbackFlags, type CallbackFlags, type CallbackRequestSettings } from "./erlang-callback.js";
import type { CommandModule } from "../command.js";
import type { CliIo } from "../io.js";

/** Raw commander values of `wfm erlang` (all strings until parsed). */
interface ErlangFlags extends CallbackFlags {
  calls?: string;
  interval?: string;
  aht?: string;
  traffic?: string;
  target?: string;
  agents?: string;
  model?: string;
  patience?: string;
  maxAsa?: string;
  maxOccupancy?: string;
  maxAbandon?: string;
  maxBlocking?: string;
  shrinkage?: string;
  redial?: string;
  redialDelay?: string;
  lines?: string;
  classes?: string;
  outboundReserve?: string;
  outboundAht?: string;
  format: string;
  locale?: string;
}

const models = ["erlang-b", "erlang-c", "erlang-a", "erlang-x"] as const;
const formats = ["table", "json"] as const;

/** The parsed, cross-checked request. */
export interface ErlangRequest extends PremiumRequest {
  /** The model; `"erlang-x"` and `classes` are answered by erlang-premium.ts. */
  readonly model: QueueingModel | "erlang-x";
  readonly traffic:
    | { readonly callsPerInterval: number; readonly intervalSeconds: number; readonly ahtSeconds: number }
    | { readonly trafficErlangs: number; readonly ahtSeconds?: number };
  readonly agents?: number;
  readonly targetServiceLevel?: number;
  readonly targetAnswerSeconds?: number;
  readonly patienceSeconds?: number;
  readonly targetAsaSeconds?: number;
  readonly maxOccupancy?: number;
  readonly maxAbandonProbability?: number;
  readonly maxBlocking?: number;
  readonly shrinkage?: number;
  readonly format: "table" | "json";
  /** Language of the table (`--locale`); JSON does not change. @defaultValue "en" */
  readonly locale?: "en" | "fa";
  /** Call-back offers (`--callback-threshold`, ...); answered by erlang-callback.ts. */
  readonly callback?: CallbackRequestSettings;
}

/**
 * Parses the flags of `wfm erlang`, collecting every problem (one line each) before throwing.
 *
 * @throws {WfmError} `invalid-option` naming each bad or conflicting flag.
 */
export function parseErlangFlags(flags: ErlangFlags): ErlangRequest {
  const collected = optionProblems();
  const { attempt, problem, done } = collected;
  const given = (value: string | undefined) => value !== undefined;

  const format = attempt(() => parseChoiceOption("--format", flags.format, formats));
  const locale = attempt(() => parseChoiceOption("--locale", flags.locale ?? "en", locales));
  const explicitModel = flags.model === undefined ? undefined : attempt(() => parseChoiceOption("--model", flags.model!, models));
  const model: QueueingModel | "erlang-x" = explicitModel ?? (given(flags.patience) ? "erlang-a" : "erlang-c");

  const calls = flags.calls === undefined ? undefined : attempt(() => parseNumberOption("--calls", flags.calls!, { min: 0 }));
  const intervalMinutes =
    flags.interval === undefined ? undefined : attempt(() => parseNumberOption("--interval", flags.interval!, { min: 0, exclusiveMin: true }));
  const ahtSeconds = flags.aht === undefined ? undefined : attempt(() => parseNumberOption("--aht", flags.aht!, { min: 0, exclusiveMin: true }));
  const trafficErlangs = flags.traffic === undefined ? undefined : attempt(() => parseNumberOption("--traffic", flags.traffic!, { min: 0 }));
  const agents = flags.agents === undefined ? undefined : attempt(() => parseNumberOption("--agents", flags.agents!, { min: 0, integer: true }));
  const target = flags.target === undefined ? undefined : attempt(() => parseTargetOption("--target", flags.target!));
  const patienceSeconds =
    flags.patience === undefined ? undefined : attempt(() => parseNumberOption("--patience", flags.patience!, { min: 0, exclusiveMin: true }));
  const targetAsaSeconds = flags.maxAsa === undefined ? undefined : attempt(() => parseNumberOption("--max-asa", flags.maxAsa!, { min: 0 }));
  const maxOccupancy = flags.maxOccupancy === undefined ? undefined : attempt(() => parsePercentOption("--max-occupancy", flags.maxOccupancy!));
  const maxAbandonProbability = flags.maxAbandon === undefined ? undefined : attempt(() => parsePercentOption("--max-abandon", flags.maxAbandon!));
  const maxBlocking = flags.maxBlocking === undefined ? undefined : attempt(() => parsePercentOption("--max-blocking", flags.maxBlocking!));
  const shrinkage =
    flags.shrinkage === undefined ? undefined : attempt(() => parsePercentOption("--shrinkage", flags.shrinkage!, { exclusiveMax: true }));
  const redialShare = flags.redial === undefined ? undefined : attempt(() => parsePercentOption("--redial", flags.redial!));
  const redialDelaySeconds =
    flags.redialDelay === undefined ? undefined : attempt(() => parseNumberOption("--redial-delay", flags.redialDelay!, { min: 0, exclusiveMin: true }));
  const lines = flags.lines === undefined ? undefined : attempt(() => parseNumberOption("--lines", flags.lines!, { min: 0, integer: true }));
  const classes = flags.classes === undefined ? undefined : attempt(() => parseClassesOption(flags.classes!));
  const outboundReserve =
    flags.outboundReserve === undefined
      ? undefined
      : flags.outboundReserve.trim() === "best"
        ? ("best" as const)
        : attempt(() => parseNumberOption("--outbound-reserve", flags.outboundReserve!, { min: 0, integer: true }));
  const outboundAhtSeconds =
    flags.outboundAht === undefined ? undefined : attempt(() => parseNumberOption("--outbound-aht", flags.outboundAht!, { min: 0, exclusiveMin: true }));

  // Traffic: --traffic, or --calls with --interval and --aht.
  if (given(flags.traffic)) {
    for (const [flag, value] of [["--calls", flags.calls], ["--interval", flags.interval]] as const) {
      if (given(value)) problem(flag, "give either --traffic or --calls with --interval, not both", value);
    }
    if (model !== "erlang-b" && !given(flags.aht)) problem("--aht", `required with --traffic for ${model} (service level and ASA are times)`);
  } else {
    if (!given(flags.calls)) problem("--calls", "required: calls per interval (or give --traffic ERLANGS)");
    if (!given(flags.interval)) problem("--interval", "required: interval length in minutes, e.g. 30 (or give --traffic ERLANGS)");
    if (!given(flags.aht)) problem("--aht", "required: average handle time in seconds, e.g. 180");
  }
  // Model-specific flags.
  const patienceModel = model === "erlang-a" || model === "erlang-x";
  if (given(flags.patience) && !patienceModel) problem("--patience", `only applies to --model erlang-a or erlang-x (got --model ${model})`, flags.patience);
  if (model === "erlang-a" && !given(flags.patience)) problem("--patience", "required with --model erlang-a: mean patience in seconds, e.g. 120");
  if (given(flags.maxAbandon) && !(patienceModel && given(flags.patience))) problem("--max-abandon", "only applies to Erlang A: add --patience SECONDS", flags.maxAbandon);
  if (given(flags.maxBlocking) && model !== "erlang-b" && !(model === "erlang-x" && given(flags.lines))) {
    problem("--max-blocking", model === "erlang-x" ? "only applies to --model erlang-x with --lines" : "only applies to --model erlang-b", flags.maxBlocking);
  }
  for (const [flag, value] of [["--redial", flags.redial], ["--redial-delay", flags.redialDelay], ["--lines", flags.lines]] as const) {
    if (given(value) && model !== "erlang-x") problem(flag, `only applies to --model erlang-x (got --model ${model})`, value);
  }
  if (given(flags.classes) && model !== "erlang-c" && model !== "erlang-a") problem("--classes", `applies to erlang-c or erlang-a (callers wait), not --model ${model}`, flags.classes);
  if (given(flags.outboundReserve)) {
    if (model !== "erlang-c" && model !== "erlang-a") problem("--outbound-reserve", `applies to erlang-c or erlang-a, not --model ${model}`, flags.outboundReserve);
    if (given(flags.classes)) problem("--outbound-reserve", "cannot be combined with --classes", flags.outboundReserve);
    if (!given(flags.agents)) problem("--agents", "required with --outbound-reserve: the pool N that blends inbound and outbound work");
    if (outboundReserve === "best" && !given(flags.target)) problem("--target", "required with --outbound-reserve best: the inbound target the reserve must keep");
  }
  if (given(flags.outboundAht) && !given(flags.outboundReserve)) problem("--outbound-aht", "only applies with --outbound-reserve", flags.outboundAht);
  if (model === "erlang-x" && lines !== undefined && agents !== undefined && lines < agents) problem("--lines", `must be at least --agents (${agents}): every agent needs a line`, flags.lines);
  const callback = parseCallbackFlags(flags, model, collected);
  // a --classes value that failed to parse has already been reported: do not add "give a target"
  const classTargets = classes === undefined ? given(flags.classes) : classes.some((c) => c.targetServiceLevel !== undefined);
  const hasTarget = classTargets || given(flags.outboundReserve) || [flags.target, flags.maxAsa, flags.maxOccupancy, flags.maxAbandon, flags.maxBlocking, flags.callbackInTime].some(given);
  if (!given(flags.agents) && !hasTarget) {
    problem("--target", "give a target to solve for the agents (e.g. --target 80/20, --max-asa, --max-occupancy), or --agents N to evaluate");
  }
  done();

  const traffic =
    trafficErlangs !== undefined
      ? { trafficErlangs, ...(ahtSeconds !== undefined ? { ahtSeconds } : {}) }
      : { callsPerInterval: calls!, intervalSeconds: intervalMinutes! * 60, ahtSeconds: ahtSeconds! };
  return {
    model,
    traffic,
    format: format!,
    ...(locale !== undefined && locale !== "en" ? { locale } : {}),
    ...(agents !== undefined ? { agents } : {}),
    ...(target !== undefined ? target : {}),
    ...(patienceSeconds !== undefined ? { patienceSeconds } : {}),
    ...(targetAsaSeconds !== undefined ? { targetAsaSeconds } : {}),
    ...(maxOccupancy !== undefined ? { maxOccupancy } : {}),
    ...(maxAbandonProbability !== undefined ? { maxAbandonProbability } : {}),
    ...(maxBlocking !== undefined ? { maxBlocking } : {}),
    ...(shrinkage !== undefined ? { shrinkage } : {}),
    ...(redialShare !== undefined ? { redialShare } : {}),
    ...(redialDelaySeconds !== undefined ? { redialDelaySeconds } : {}),
    ...(lines !== undefined ? { lines } : {}),
    ...(classes !== undefined ? { classes } : {}),
    ...(outboundReserve !== undefined ? { outboundReserve } : {}),
    ...(outboundAhtSeconds !== undefined ? { outboundAhtSeconds } : {}),
    ...(callback !== undefined ? { callback } : {}),
  };
}

/** The answer of `wfm erlang`: metrics at the solved or given N, or the reason no N works. */
export interface ErlangAnswer {
  readonly request: ErlangRequest;
  /** Whether N was given (--agents) rather than solved for. */
  readonly evaluated: boolean;
  readonly trafficErlangs: number;
  /** Metrics at the solved or given N; null when no N meets the targets. */
  readonly metrics: AnyQueueMetrics | null;
  readonly scheduledAgents: number | null;
  /** Metrics at N - 1 when N was solved for (they miss a target). */
  readonly atOneFewer: AnyQueueMetrics | null;
  /** Solved: some N meets every target. Evaluated: the given N meets every given target. */
  readonly feasible: boolean;
  readonly reason?: string;
}

/** The flag behind each option of the queueing functions, for their errors. */
const flagOfOption: Readonly<Record<string, string>> = {
  callsPerInterval: "--calls",
  intervalSeconds: "--interval",
  ahtSeconds: "--aht",
  trafficErlangs: "--traffic",
  agents: "--agents",
  lines: "--agents",
  patienceSeconds: "--patience",
  targetServiceLevel: "--target",
  targetAnswerSeconds: "--target",
  targetAsaSeconds: "--max-asa",
  maxOccupancy: "--max-occupancy",
  maxAbandonProbability: "--max-abandon",
  maxBlocking: "--max-blocking",
  shrinkage: "--shrinkage",
};

/**
 * Runs the request through the queueing engine; a problem the engine finds (e.g. calls so large
 * that the traffic overflows) is reported against the flag that gave the value.
 */
export function answerErlang(request: ErlangRequest): ErlangAnswer {
  try {
    return answerErlangUnchecked(request);
  } catch (error) {
    throw onFlags(error);
  }
}

/** A queueing engine's WfmError restated against the flags that gave the values (other errors unchanged). */
function onFlags(error: unknown): unknown {
  if (!(error instanceof WfmError)) return error;
  return new WfmError(
    error.problems.map((p) => {
      const flag = typeof p.path?.[0] === "string" ? flagOfOption[p.path[0]] : undefined;
      return flag === undefined ? p : { ...p, option: flag, message: p.message.replace(/^[A-Za-z]+: /, "") };
    }),
  );
}

function answerErlangUnchecked(request: ErlangRequest): ErlangAnswer {
  const { traffic, agents, targetAnswerSeconds, patienceSeconds } = request;
  const model = request.model as QueueingModel;
  const targets = {
    ...(request.targetServiceLevel !== undefined ? { targetServiceLevel: request.targetServiceLevel } : {}),
    ...(request.targetAsaSeconds !== undefined ? { targetAsaSeconds: request.targetAsaSeconds } : {}),
    ...(request.maxOccupancy !== undefined ? { maxOccupancy: request.maxOccupancy } : {}),
    ...(request.maxAbandonProbability !== undefined ? { maxAbandonProbability: request.maxAbandonProbability } : {}),
    ...(request.maxBlocking !== undefined ? { maxBlocking: request.maxBlocking } : {}),
  };
  const shrinkage = request.shrinkage ?? 0;
  const answer = targetAnswerSeconds !== undefined ? { targetAnswerSeconds } : {};
  if (agents === undefined) {
    const result = requiredAgents({ ...traffic, ...answer, ...targets, model, shrinkage, ...(patienceSeconds !== undefined ? { patienceSeconds } : {}) });
    if (!result.feasible) {
      return { request, evaluated: false, trafficErlangs: result.trafficErlangs, metrics: null, scheduledAgents: null, atOneFewer: null, feasible: false, reason: result.reason };
    }
    return {
      request,
      evaluated: false,
      trafficErlangs: result.trafficErlangs,
      metrics: result,
      scheduledAgents: result.scheduledAgents,
      atOneFewer: result.atOneFewer,
      feasible: true,
    };
  }
  const metrics: AnyQueueMetrics =
    model === "erlang-b"
      ? erlangB({ ...traffic, ...answer, lines: agents })
      : model === "erlang-c"
        ? erlangC({ ...traffic, ...answer, agents })
        : erlangA({ ...traffic, ...answer, agents, patienceSeconds: patienceSeconds! });
  const failed = failedTargets(request, metrics);
  return {
    request,
    evaluated: true,
    trafficErlangs: metrics.trafficErlangs,
    metrics,
    scheduledAgents: scheduled(agents, shrinkage),
    atOneFewer: null,
    feasible: failed.length === 0,
    ...(failed.length > 0 ? { reason: english.messages.erlang.agentsMiss(String(agents), failed.join(", ")) } : {}),
  };
}

function failedTargets(request: ErlangRequest, m: AnyQueueMetrics, lf: LocaleFormat = english): string[] {
  const t = lf.messages.erlang;
  const failed: string[] = [];
  if (request.targetServiceLevel !== undefined && !reachesTarget(m.serviceLevel, request.targetServiceLevel)) {
    failed.push(t.missSl(givenPercent(request.targetServiceLevel, lf), givenSeconds(m.targetAnswerSeconds, lf)));
  }
  if (request.targetAsaSeconds !== undefined && !withinLimit(m.asaSeconds, request.targetAsaSeconds)) failed.push(t.missAsa(givenSeconds(request.targetAsaSeconds, lf)));
  if (request.maxOccupancy !== undefined && !withinLimit(m.occupancy, request.maxOccupancy)) failed.push(t.missOccupancy(givenPercent(request.maxOccupancy, lf)));
  if (request.maxAbandonProbability !== undefined && !withinLimit(m.abandonProbability ?? 0, request.maxAbandonProbability)) {
    failed.push(t.missAbandon(givenPercent(request.maxAbandonProbability, lf)));
  }
  if (request.maxBlocking !== undefined && !withinLimit(m.blockingProbability ?? 0, request.maxBlocking)) failed.push(t.missBlocking(givenPercent(request.maxBlocking, lf)));
  return failed;
}

const english = localeFormat("en");

/** An input time as given (no trailing zeros): "20 s", "0.5 s". */
function givenSeconds(value: number, lf: LocaleFormat): string {
  return lf.messages.erlang.seconds(lf.digits(String(Number(value.toPrecision(12)))));
}

/** An input fraction as a percentage as given: "80%", "2.5%". */
function givenPercent(fraction: number, lf: LocaleFormat): string {
  return lf.digits(`${Number((fraction * 100).toPrecision(12))}%`);
}

function erlangs(value: number, lf: LocaleFormat): string {
  return lf.messages.erlang.erlangs(lf.digits(String(Number(value.toFixed(3)))));
}

/** The JSON object of `wfm erlang --format json` (keys as documented; ratios as fractions). */
export function erlangJson(answer: ErlangAnswer): Record<string, unknown> {
  const { request, metrics } = answer;
  const model = request.model as QueueingModel;
  const out: Record<string, unknown> = {
    model,
    trafficErlangs: answer.trafficErlangs,
    agents: metrics?.agents ?? null,
    scheduledAgents: answer.scheduledAgents,
    waitProbability: metrics?.waitProbability ?? null,
    serviceLevel: metrics?.serviceLevel ?? null,
    asaSeconds: metrics === null || !Number.isFinite(metrics.asaSeconds) ? null : metrics.asaSeconds,
    occupancy: metrics?.occupancy ?? null,
  };
  if (model === "erlang-a") out.abandonProbability = metrics?.abandonProbability ?? null;
  if (model === "erlang-b") out.blockingProbability = metrics?.blockingProbability ?? null;
  out.stable = metrics?.stable ?? null;
  out.feasible = answer.feasible;
  if (answer.reason !== undefined) out.reason = answer.reason;
  return out;
}

/**
 * The readable table of `wfm erlang` (label, value with units), in the locale's words and digits.
 *
 * @param lf - the locale (`--locale`). @defaultValue English
 */
export function erlangTable(answer: ErlangAnswer, lf: LocaleFormat = english): string {
  const { request, evaluated, metrics: m } = answer;
  const t = lf.messages.erlang;
  const l = t.labels;
  const n = (value: number) => lf.digits(String(value));
  const rows: [string, string][] = [[l.model, t.models[request.model as QueueingModel]]];
  const tr = request.traffic;
  rows.push([
    l.traffic,
    "callsPerInterval" in tr
      ? t.callsTraffic({
          erlangs: erlangs(answer.trafficErlangs, lf),
          calls: n(tr.callsPerInterval),
          minutes: n(Number((tr.intervalSeconds / 60).toFixed(2))),
          aht: givenSeconds(tr.ahtSeconds, lf),
        })
      : erlangs(answer.trafficErlangs, lf),
  ]);
  if (request.patienceSeconds !== undefined) rows.push([l.patience, givenSeconds(request.patienceSeconds, lf)]);
  const targets = targetText(request, lf);
  if (targets !== "") rows.push([l.targets, targets]);
  // The reason of an evaluated N is rebuilt in the locale; a solver's reason is the queueing engine's own text.
  const reason = evaluated && m !== null && !answer.feasible ? t.agentsMiss(n(m.agents), failedTargets(request, m, lf).join(lf.messages.list)) : (answer.reason ?? "");
  if (m === null) {
    rows.push([l.agents, t.noAgents]);
    rows.push([l.reason, reason]);
    return renderKeyValues(rows, "table");
  }
  rows.push([l.agents, evaluated ? t.given(n(m.agents)) : t.minimum(n(m.agents))]);
  if (request.shrinkage !== undefined) rows.push([l.scheduledAgents, t.scheduled(n(answer.scheduledAgents!), givenPercent(request.shrinkage, lf))]);
  if (request.model === "erlang-b") rows.push([l.serviceLevel, t.slBlocked(percent(m.serviceLevel, lf))]);
  else rows.push([l.serviceLevel, t.slWithin(percent(m.serviceLevel, lf), givenSeconds(m.targetAnswerSeconds, lf), request.model === "erlang-a")]);
  if (m.serviceLevelAnsweredOrAbandonedWithin !== undefined) {
    rows.push([l.inclAbandoned, t.inclAbandoned(percent(m.serviceLevelAnsweredOrAbandonedWithin, lf), givenSeconds(m.targetAnswerSeconds, lf))]);
  }
  if (request.model !== "erlang-b") {
    rows.push([l.waitProbability, percent(m.waitProbability, lf)]);
    rows.push([l.asa, Number.isFinite(m.asaSeconds) ? seconds(m.asaSeconds, lf) : t.asaInfinite]);
  }
  if (m.abandonProbability !== undefined) rows.push([l.abandonment, percent(m.abandonProbability, lf)]);
  if (m.blockingProbability !== undefined) rows.push([l.blocking, percent(m.blockingProbability, lf)]);
  rows.push([l.occupancy, percent(m.occupancy, lf)]);
  if (request.model === "erlang-c") {
    rows.push([l.stable, m.trafficErlangs === 0 ? t.stableNoTraffic : m.stable ? t.stableYes : t.stableNo]);
  }
  if (!evaluated && answer.atOneFewer !== null) rows.push([l.withAgents(n(answer.atOneFewer.agents)), oneFewerText(request, answer.atOneFewer, lf)]);
  if (!answer.feasible) rows.push([l.targetsMet, t.no(reason)]);
  else if (evaluated && targets !== "") rows.push([l.targetsMet, t.yes]);
  return renderKeyValues(rows, "table");
}

function targetText(request: ErlangRequest, lf: LocaleFormat): string {
  const t = lf.messages.erlang;
  const parts: string[] = [];
  if (request.targetServiceLevel !== undefined) parts.push(t.targetSl(givenPercent(request.targetServiceLevel, lf), givenSeconds(request.targetAnswerSeconds ?? 20, lf)));
  if (request.targetAsaSeconds !== undefined) parts.push(t.targetAsa(givenSeconds(request.targetAsaSeconds, lf)));
  if (request.maxOccupancy !== undefined) parts.push(t.targetOccupancy(givenPercent(request.maxOccupancy, lf)));
  if (request.maxAbandonProbability !== undefined) parts.push(t.targetAbandon(givenPercent(request.maxAbandonProbability, lf)));
  if (request.maxBlocking !== undefined) parts.push(t.targetBlocking(givenPercent(request.maxBlocking, lf)));
  return parts.join(lf.messages.list);
}

function oneFewerText(request: ErlangRequest, m: AnyQueueMetrics, lf: LocaleFormat): string {
  const t = lf.messages.erlang;
  const parts: string[] = [];
  if (request.targetServiceLevel !== undefined) parts.push(t.atSl(percent(m.serviceLevel, lf)));
  if (request.targetAsaSeconds !== undefined) parts.push(t.atAsa(seconds(m.asaSeconds, lf)));
  if (request.maxOccupancy !== undefined) parts.push(t.atOccupancy(percent(m.occupancy, lf)));
  if (request.maxAbandonProbability !== undefined) parts.push(t.atAbandon(percent(m.abandonProbability ?? 0, lf)));
  if (request.maxBlocking !== undefined) parts.push(t.atBlocking(percent(m.blockingProbability ?? 0, lf)));
  return t.missesATarget(parts.join(lf.messages.list));
}

/**
 * `wfm erlang`: the Erlang B/C/A calculator. Solves for the minimum agents meeting every target
 * (`--target 80/20`, `--max-asa`, `--max-occupancy`, `--max-abandon`, `--max-blocking`), or
 * evaluates a given `--agents N`; prints a readable table or JSON.
 */
export const erlangCommand: CommandModule = {
  name: "erlang",
  register(program: Command, io: CliIo) {
    program
      .command("erlang")
      .description("Erlang B/C/A calculator: agents needed for a service-level target, or the metrics at N agents")
      .option("--calls <n>", "calls offered per interval")
      .option("--interval <minutes>", "interval length in minutes, e.g. 30")
      .option("--aht <seconds>", "average handle time in seconds")
      .option("--traffic <erlangs>", "offered traffic in Erlangs, instead of --calls/--interval")
      .option("--target <percent/seconds>", "service-level target, e.g. 80/20 (80% answered within 20 s)")
      .option("--agents <n>", "evaluate at N agents instead of solving")
      .option("--model <model>", "erlang-b | erlang-c | erlang-a | erlang-x (default erlang-c; --patience implies erlang-a)")
      .option("--patience <seconds>", "mean caller patience in seconds (Erlang A)")
      .option("--max-asa <seconds>", "maximum average speed of answer, seconds")
      .option("--max-occupancy <percent>", "maximum occupancy, e.g. 85 or 85%")
      .option("--max-abandon <percent>", "maximum abandonment (Erlang A), e.g. 5%")
      .option("--max-blocking <percent>", "maximum blocking (Erlang B), e.g. 1%")
      .option("--shrinkage <percent>", "shrinkage for scheduled agents, e.g. 30%")
      .option("--classes <spec>", "priority classes, highest first: NAME[:SHARE%][:PERCENT/SECONDS],... e.g. vip:10%:90/10,regular:80/20 (or a JSON array)")
      .option("--redial <percent>", "Erlang X: share of blocked and abandoning callers who call again, e.g. 60")
      .option("--redial-delay <seconds>", "Erlang X: mean delay before a redial, seconds (default 300)")
      .option("--lines <n>", "Erlang X: lines (trunks) for calls in service and waiting; busy tone beyond")
      .option("--outbound-reserve <n|best>", "blending: outbound work starts only while N other agents stay idle (with --agents); best = the smallest reserve meeting --target")
      .option("--outbound-aht <seconds>", "blending: mean handle time of an outbound contact, seconds (default --aht)")
      .option("--callback-threshold <seconds>", "call-back: offer a call-back when the expected wait exceeds this, seconds, e.g. 60")
      .option("--callback-share <percent>", "call-back: percentage of offered callers who take it, e.g. 40")
      .option("--callback-deadline <seconds>", "call-back: promised time to the call-back, seconds (default 3600)")
      .option("--callback-in-time <percent>", "call-back: target percentage of call-backs made within the deadline, e.g. 95")
      .option("--format <format>", "table | json", "table")
      .option("--locale <locale>", "language of the table: en or fa (Persian terms and digits); json does not change", "en")
      .addHelpText(
        "after",
        "\nExamples:\n  wfm erlang --calls 100 --interval 30 --aht 180 --target 80/20\n  wfm erlang --calls 100 --interval 30 --aht 180 --target 80/20 --patience 300 --max-abandon 5%\n  wfm erlang --traffic 100 --model erlang-b --max-blocking 1%\n  wfm erlang --calls 1000 --interval 30 --aht 180 --patience 120 --classes vip:10%:90/10,regular:80/20\n  wfm erlang --calls 1000 --interval 30 --aht 180 --target 80/20 --model erlang-x --patience 120 --redial 60 --redial-delay 300 --lines 120\n  wfm erlang --calls 300 --interval 30 --aht 180 --target 80/20 --callback-threshold 60 --callback-share 40 --callback-deadline 3600 --callback-in-time 95\n",
      )
      .action(async (flags: ErlangFlags) => {
        const request = parseErlangFlags(flags);
        const lf = localeFormat(request.locale ?? "en");
        if (request.classes !== undefined) {
          const premium = answerPriority(request);
          io.stdout(request.format === "json" ? toJson(priorityJson(request, premium)) : priorityTable(request, premium, lf));
          return;
        }
        if (request.callback !== undefined) {
          let premium: ReturnType<typeof answerCallback>;
          try {
            premium = answerCallback(request, request.callback);
          } catch (error) {
            throw onFlags(error);
          }
          io.stdout(request.format === "json" ? toJson(callbackJson(request, request.callback, premium)) : callbackTable(request, request.callback, premium, lf));
          return;
        }
        if (request.outboundReserve !== undefined) {
          const premium = answerBlending(request);
          io.stdout(request.format === "json" ? toJson(blendingJson(premium)) : blendingTable(request, premium, lf));
          return;
        }
        if (request.model === "erlang-x") {
          const premium = answerErlangXRequest(request);
          io.stdout(request.format === "json" ? toJson(erlangXJson(premium)) : erlangXTable(request, premium, lf));
          return;
        }
        const answer = answerErlang(request);
        io.stdout(request.format === "json" ? toJson(erlangJson(answer)) : erlangTable(answer, lf));
      });
  },
};
