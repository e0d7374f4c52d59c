/**
 * Call-back offers in `wfm erlang` (`--callback-threshold`, `--callback-share`,
 * `--callback-deadline`, `--callback-in-time`): the call into the queueing engine
 * ({@link callbackQueue}, {@link requiredAgentsCallback}) and the table and JSON renderings.
 *
 * @module
 */
import { erlangPercent as pct, erlangSeconds as secs } from "../erlang-format.js";
import { renderKeyValues } from "../../io/render.js";
import { localeFormat, type LocaleFormat } from "../../io/locale/index.js";
import { callbackQueue, requiredAgentsCallback, type CallbackQueueResult } from "../../queueing/index.js";
import { parseNumberOption, parsePercentOption, type OptionProblems } from "../options.js";
import { scheduledFor, type PremiumRequest } from "./erlang-premium.js";

/** The call-back settings of a `wfm erlang` request (ratios as fractions, parsed from percent). */
export interface CallbackRequestSettings {
  /** `--callback-threshold`: offer when the expected wait exceeds this, seconds. */
  readonly thresholdSeconds: number;
  /** `--callback-share`: share of offered callers who take the call-back. */
  readonly takeUpShare: number;
  /** `--callback-deadline`: promised time to the call-back, seconds. @defaultValue 3600 */
  readonly deadlineSeconds: number;
  /** `--callback-in-time`: target share of call-backs made within the deadline. */
  readonly targetInTimeShare?: number;
}

/** Answer of `wfm erlang --callback-threshold ...`. */
export interface CallbackAnswer {
  readonly evaluated: boolean;
  readonly metrics: CallbackQueueResult | null;
  readonly atOneFewer: CallbackQueueResult | null;
  readonly scheduledAgents: number | null;
  readonly feasible: boolean;
  readonly reason?: string;
}

const english = localeFormat("en");

/** Runs the call-back model: solves N for every target (or evaluates `--agents`). */
export function answerCallback(request: PremiumRequest, settings: CallbackRequestSettings): CallbackAnswer {
  const inputs = {
    ...request.traffic,
    callbackThresholdSeconds: settings.thresholdSeconds,
    takeUpShare: settings.takeUpShare,
    callbackDeadlineSeconds: settings.deadlineSeconds,
    ...(request.patienceSeconds !== undefined ? { patienceSeconds: request.patienceSeconds } : {}),
    ...(request.targetAnswerSeconds !== undefined ? { targetAnswerSeconds: request.targetAnswerSeconds } : {}),
  };
  const shrinkage = request.shrinkage ?? 0;
  if (request.agents !== undefined) {
    const m = callbackQueue({ ...inputs, agents: request.agents });
    const failed = callbackFailed(request, settings, m, english);
    return {
      evaluated: true,
      metrics: m,
      atOneFewer: null,
      scheduledAgents: scheduledFor(request.agents, shrinkage),
      feasible: failed.length === 0,
      ...(failed.length > 0 ? { reason: english.messages.erlang.agentsMiss(String(request.agents), failed.join(", ")) } : {}),
    };
  }
  const r = requiredAgentsCallback({
    ...inputs,
    ...(request.targetServiceLevel !== undefined ? { targetServiceLevel: request.targetServiceLevel } : {}),
    ...(settings.targetInTimeShare !== undefined ? { targetCallbacksInTimeShare: settings.targetInTimeShare } : {}),
    ...(request.targetAsaSeconds !== undefined ? { targetAsaSeconds: request.targetAsaSeconds } : {}),
    ...(request.maxAbandonProbability !== undefined ? { maxAbandonProbability: request.maxAbandonProbability } : {}),
    ...(request.maxOccupancy !== undefined ? { maxOccupancy: request.maxOccupancy } : {}),
  });
  if (!r.feasible) return { evaluated: false, metrics: null, atOneFewer: null, scheduledAgents: null, feasible: false, reason: r.reason };
  // The in-time share of the candidates was skipped when no in-time target was given: report it.
  const metrics = Number.isNaN(r.metrics.callbacksInTimeShare) ? callbackQueue({ ...inputs, agents: r.agents }) : r.metrics;
  return { evaluated: false, metrics, atOneFewer: r.atOneFewer, scheduledAgents: scheduledFor(r.agents, shrinkage), feasible: true };
}

const given = (f: number, lf: LocaleFormat) => lf.digits(`${Number((f * 100).toPrecision(12))}%`);
const givenSecs = (value: number, lf: LocaleFormat) => lf.messages.erlang.seconds(lf.digits(String(value)));

/** The targets an evaluated pool misses, in the locale's words. */
function callbackFailed(request: PremiumRequest, settings: CallbackRequestSettings, m: CallbackQueueResult, lf: LocaleFormat): string[] {
  const e = lf.messages.erlang;
  const failed: string[] = [];
  if (!m.stable) failed.push(e.x.missSteady);
  if (request.targetServiceLevel !== undefined && !(m.serviceLevel >= request.targetServiceLevel)) failed.push(e.missSl(given(request.targetServiceLevel, lf), givenSecs(m.targetAnswerSeconds, lf)));
  if (settings.targetInTimeShare !== undefined && !(m.callbacksInTimeShare >= settings.targetInTimeShare)) failed.push(e.callback.missInTime(given(settings.targetInTimeShare, lf)));
  if (request.targetAsaSeconds !== undefined && !(m.asaSeconds <= request.targetAsaSeconds)) failed.push(e.missAsa(givenSecs(request.targetAsaSeconds, lf)));
  if (request.maxAbandonProbability !== undefined && !(m.abandonProbability <= request.maxAbandonProbability)) failed.push(e.missAbandon(given(request.maxAbandonProbability, lf)));
  if (request.maxOccupancy !== undefined && !(m.occupancy <= request.maxOccupancy)) failed.push(e.missOccupancy(given(request.maxOccupancy, lf)));
  return failed;
}

/**
 * The readable table of `wfm erlang` with call-back offers.
 *
 * @param lf - the locale (`--locale`). @defaultValue English
 */
export function callbackTable(request: PremiumRequest, settings: CallbackRequestSettings, answer: CallbackAnswer, lf: LocaleFormat = english): string {
  const m = answer.metrics;
  const e = lf.messages.erlang;
  const l = e.labels;
  const c = e.callback;
  const n = (value: number | null) => (value === null ? "-" : lf.digits(String(value)));
  const t = request.traffic;
  const a = "trafficErlangs" in t ? t.trafficErlangs : (t.callsPerInterval * t.ahtSeconds) / t.intervalSeconds;
  const erlangs = e.erlangs(lf.digits(String(Number(a.toFixed(3)))));
  const rows: [string, string][] = [[l.model, c.model(request.patienceSeconds !== undefined)]];
  rows.push([l.traffic, "callsPerInterval" in t ? e.callsTraffic({ erlangs, calls: lf.digits(String(t.callsPerInterval)), minutes: lf.digits(String(Number((t.intervalSeconds / 60).toFixed(2)))), aht: givenSecs(t.ahtSeconds, lf) }) : erlangs]);
  if (request.patienceSeconds !== undefined) rows.push([l.patience, givenSecs(request.patienceSeconds, lf)]);
  const k = m?.offerQueueLength ?? null;
  rows.push([c.offer, k === null && m !== null ? c.never : c.offerValue(givenSecs(settings.thresholdSeconds, lf), n(k), given(settings.takeUpShare, lf))]);
  rows.push([c.deadline, givenSecs(settings.deadlineSeconds, lf)]);
  if (m === null) {
    rows.push([l.agents, e.noAgents]);
    rows.push([l.reason, answer.reason ?? ""]);
    return renderKeyValues(rows, "table");
  }
  rows.push([l.agents, answer.evaluated ? e.given(n(m.agents)) : e.minimum(n(m.agents))]);
  if (request.shrinkage !== undefined) rows.push([l.scheduledAgents, e.scheduled(n(answer.scheduledAgents), given(request.shrinkage, lf))]);
  if (!m.stable) rows.push([l.stable, c.unstable]);
  rows.push([c.inboundSl, c.inboundSlValue(pct(m.serviceLevel, lf), givenSecs(m.targetAnswerSeconds, lf), pct(m.serviceLevelOfOffered, lf))]);
  rows.push([l.waitProbability, pct(m.waitProbability, lf)]);
  rows.push([c.asa, secs(m.asaSeconds, lf)]);
  if (request.patienceSeconds !== undefined) rows.push([l.abandonment, pct(m.abandonProbability, lf)]);
  rows.push([c.taken, c.takenValue(pct(m.callbackShare, lf))]);
  rows.push([c.inTime, c.inTimeValue(pct(m.callbacksInTimeShare, lf), givenSecs(settings.deadlineSeconds, lf), secs(m.meanCallbackDelaySeconds, lf))]);
  rows.push([l.occupancy, pct(m.occupancy, lf)]);
  if (!answer.evaluated && answer.atOneFewer !== null) {
    const f = answer.atOneFewer;
    const parts = [e.atSl(pct(f.serviceLevel, lf))];
    if (settings.targetInTimeShare !== undefined) parts.push(c.atInTime(pct(f.callbacksInTimeShare, lf)));
    rows.push([l.withAgents(n(f.agents)), e.missesATarget(parts.join(lf.messages.list))]);
  }
  if (answer.evaluated) rows.push([l.targetsMet, answer.feasible ? e.yes : e.no(e.agentsMiss(n(m.agents), callbackFailed(request, settings, m, lf).join(lf.messages.list)))]);
  return renderKeyValues(rows, "table");
}

/** The JSON of `wfm erlang` with call-back offers. */
export function callbackJson(request: PremiumRequest, settings: CallbackRequestSettings, answer: CallbackAnswer): Record<string, unknown> {
  const m = answer.metrics;
  const finite = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? null : v);
  return {
    model: request.patienceSeconds !== undefined ? "callback-erlang-a" : "callback-erlang-c",
    trafficErlangs: m?.trafficErlangs ?? null,
    agents: m?.agents ?? null,
    scheduledAgents: answer.scheduledAgents,
    callbackThresholdSeconds: settings.thresholdSeconds,
    takeUpShare: settings.takeUpShare,
    callbackDeadlineSeconds: settings.deadlineSeconds,
    targetCallbacksInTimeShare: settings.targetInTimeShare ?? null,
    offerQueueLength: m?.offerQueueLength ?? null,
    serviceLevel: m?.serviceLevel ?? null,
    serviceLevelOfOffered: m?.serviceLevelOfOffered ?? null,
    waitProbability: m?.waitProbability ?? null,
    asaSeconds: finite(m?.asaSeconds),
    asaAnsweredSeconds: finite(m?.asaAnsweredSeconds),
    abandonProbability: m?.abandonProbability ?? null,
    callbackShare: m?.callbackShare ?? null,
    callbacksInTimeShare: m?.callbacksInTimeShare ?? null,
    meanCallbackDelaySeconds: finite(m?.meanCallbackDelaySeconds),
    meanCallbackBacklog: finite(m?.meanCallbackBacklog),
    occupancy: m?.occupancy ?? null,
    stable: m?.stable ?? null,
    truncatedMass: m?.truncatedMass ?? null,
    feasible: answer.feasible,
    ...(answer.reason !== undefined ? { reason: answer.reason } : {}),
  };
}

/** Raw commander values of the call-back flags of `wfm erlang`. */
export interface CallbackFlags {
  callbackThreshold?: string;
  callbackShare?: string;
  callbackDeadline?: string;
  callbackInTime?: string;
}

/**
 * Parses the call-back flags, adding one problem per bad or conflicting flag to `collected`
 * (percentages at this edge, fractions after). Returns undefined when no call-back flag is given.
 */
export function parseCallbackFlags(
  flags: CallbackFlags & { classes?: string; outboundReserve?: string },
  model: string,
  collected: OptionProblems,
): CallbackRequestSettings | undefined {
  const given = (v: string | undefined) => v !== undefined;
  const { problem, attempt } = collected;
  const any = [flags.callbackThreshold, flags.callbackShare, flags.callbackDeadline, flags.callbackInTime].some(given);
  if (!any) return undefined;
  const threshold = flags.callbackThreshold === undefined ? undefined : attempt(() => parseNumberOption("--callback-threshold", flags.callbackThreshold!, { min: 0 }));
  const share = flags.callbackShare === undefined ? undefined : attempt(() => parsePercentOption("--callback-share", flags.callbackShare!));
  const deadline = flags.callbackDeadline === undefined ? undefined : attempt(() => parseNumberOption("--callback-deadline", flags.callbackDeadline!, { min: 0, exclusiveMin: true }));
  const inTime = flags.callbackInTime === undefined ? undefined : attempt(() => parsePercentOption("--callback-in-time", flags.callbackInTime!));
  if (!given(flags.callbackThreshold)) problem("--callback-threshold", "required with the other --callback flags: offer a call-back when the expected wait exceeds this many seconds, e.g. 60");
  if (!given(flags.callbackShare)) problem("--callback-share", "required with --callback-threshold: the percentage of offered callers who take the call-back, e.g. 40");
  if (model !== "erlang-c" && model !== "erlang-a") problem("--callback-threshold", `applies to erlang-c or erlang-a (callers wait), not --model ${model}`, flags.callbackThreshold);
  if (given(flags.classes)) problem("--callback-threshold", "cannot be combined with --classes", flags.callbackThreshold);
  if (given(flags.outboundReserve)) problem("--callback-threshold", "cannot be combined with --outbound-reserve", flags.callbackThreshold);
  if (threshold === undefined || share === undefined || (given(flags.callbackDeadline) && deadline === undefined) || (given(flags.callbackInTime) && inTime === undefined)) return undefined;
  return { thresholdSeconds: threshold, takeUpShare: share, deadlineSeconds: deadline ?? 3600, ...(inTime !== undefined ? { targetInTimeShare: inTime } : {}) };
}
