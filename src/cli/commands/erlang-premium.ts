/**
 * The premium models of `wfm erlang`: priority classes (`--classes`) and Erlang X
 * (`--model erlang-x` with `--redial`, `--redial-delay`, `--lines`): parsing of their flags,
 * the calls into the queueing engine, and their table and JSON renderings.
 *
 * @module
 */
import { erlangPercent, erlangSeconds } from "../erlang-format.js";
import { WfmError, type Problem } from "../../errors.js";
import { renderKeyValues, renderTable } from "../../io/render.js";
import { localeFormat, type LocaleFormat } from "../../io/locale/index.js";
import {
  bestOutboundReserve,
  blending,
  erlangX,
  type BlendingResult,
  priorityQueue,
  requiredAgentsErlangX,
  requiredAgentsPriority,
  type ErlangXResult,
  type PriorityClass,
  type PriorityQueueResult,
} from "../../queueing/index.js";
import { parseNumberOption, parsePercentOption, parseTargetOption } from "../options.js";

const classesOption = "--classes";

function classesError(message: string, value: unknown): never {
  throw new WfmError({ code: "invalid-option", option: classesOption, message, value });
}

/** A class as given on the command line (share as a fraction; null when left to fill up to 100%). */
interface ClassSpec {
  readonly name: string;
  readonly share: number | null;
  readonly targetServiceLevel?: number;
  readonly targetAnswerSeconds?: number;
  readonly ahtSeconds?: number;
  readonly patienceSeconds?: number;
}

function collectProblems(problems: Problem[], name: string, parse: () => void): void {
  try {
    parse();
  } catch (error) {
    if (error instanceof WfmError) problems.push(...error.problems.map((p) => ({ ...p, option: classesOption, message: `class ${name}: ${p.message}` })));
    else throw error;
  }
}

/**
 * Parses `--classes`: `NAME[:SHARE%][:PERCENT/SECONDS],...` highest priority first (one class may
 * omit its share: it gets the rest of 100%), or a JSON array such as
 * `[{"name":"vip","share":10,"target":"90/10"},{"name":"regular","share":90}]` (shares in percent;
 * a class may add its own `"aht"` and `"patience"` in seconds, solved by the exact chain of
 * priorityQueue).
 *
 * @throws {WfmError} `invalid-option` naming `--classes` (bad syntax, shares not summing to 100%, more than 5 classes).
 * @example
 * ```ts
 * parseClassesOption("vip:10%:90/10,regular:80/20");
 * //=> [{ name: "vip", share: 0.1, targetServiceLevel: 0.9, targetAnswerSeconds: 10 }, { name: "regular", share: 0.9, targetServiceLevel: 0.8, targetAnswerSeconds: 20 }]
 * ```
 */
export function parseClassesOption(raw: string): PriorityClass[] {
  const specs: ClassSpec[] = [];
  const problems: Problem[] = [];
  const text = raw.trim();
  if (text.startsWith("[")) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      classesError(`expected a JSON array of classes, got invalid JSON ${JSON.stringify(raw)}`, raw);
    }
    if (!Array.isArray(parsed)) classesError("expected a JSON array of classes", raw);
    parsed.forEach((entry: unknown, i: number) => {
      const e = entry as { name?: unknown; share?: unknown; target?: unknown; aht?: unknown; patience?: unknown };
      if (typeof e !== "object" || e === null || typeof e.name !== "string" || e.name === "") {
        problems.push({ code: "invalid-option", option: classesOption, message: `class ${i + 1}: expected an object with a "name"`, value: entry });
        return;
      }
      let share: number | null = null;
      let target: { targetServiceLevel: number; targetAnswerSeconds: number } | undefined;
      const own: { ahtSeconds?: number; patienceSeconds?: number } = {};
      collectProblems(problems, String(e.name), () => {
        if (e.share !== undefined) share = parsePercentOption(`${classesOption} ${e.name} share`, String(e.share));
        if (e.target !== undefined) target = parseTargetOption(`${classesOption} ${e.name} target`, String(e.target));
      });
      // a class's own handle time and patience (seconds): solved by the exact chain
      collectProblems(problems, `${String(e.name)} aht`, () => {
        if (e.aht !== undefined) own.ahtSeconds = parseNumberOption(`${classesOption} ${e.name} aht`, String(e.aht), { min: 0, exclusiveMin: true });
      });
      collectProblems(problems, `${String(e.name)} patience`, () => {
        if (e.patience !== undefined) own.patienceSeconds = parseNumberOption(`${classesOption} ${e.name} patience`, String(e.patience), { min: 0, exclusiveMin: true });
      });
      specs.push({ name: e.name, share, ...(target ?? {}), ...own });
    });
  } else {
    for (const [i, item] of text.split(",").entries()) {
      const parts = item.split(":").map((p) => p.trim());
      const name = parts[0] ?? "";
      if (name === "") {
        problems.push({ code: "invalid-option", option: classesOption, message: `class ${i + 1}: expected NAME[:SHARE%][:PERCENT/SECONDS], got ${JSON.stringify(item)}`, value: item });
        continue;
      }
      let share: number | null = null;
      let target: { targetServiceLevel: number; targetAnswerSeconds: number } | undefined;
      collectProblems(problems, name, () => {
        for (const part of parts.slice(1)) {
          if (part.includes("/")) target = parseTargetOption(`${classesOption} ${name} target`, part);
          else share = parsePercentOption(`${classesOption} ${name} share`, part);
        }
      });
      specs.push({ name, share, ...(target ?? {}) });
    }
  }
  if (problems.length > 0) throw new WfmError(problems);
  if (specs.length < 1 || specs.length > 5) classesError(`expected 1 to 5 classes, got ${specs.length}`, raw);
  const names = new Set<string>();
  for (const s of specs) {
    if (names.has(s.name)) classesError(`class names must be unique, "${s.name}" appears twice`, raw);
    names.add(s.name);
  }
  const missing = specs.filter((s) => s.share === null);
  if (missing.length > 1) classesError(`only one class may leave its share out (it gets the rest of 100%): ${missing.map((s) => s.name).join(", ")} have none`, raw);
  const given = specs.reduce((sum, s) => sum + (s.share ?? 0), 0);
  const percent = (f: number) => `${Number((f * 100).toPrecision(10))}%`;
  const listing = specs.map((s) => `${s.name} ${s.share === null ? "rest" : percent(s.share)}`).join(", ");
  if (missing.length === 1) {
    if (!(given < 1 - 1e-9)) classesError(`the shares given already reach ${percent(given)}, leaving nothing for ${missing[0]!.name} (${listing})`, raw);
  } else if (Math.abs(given - 1) > 1e-9) {
    classesError(`class shares must sum to 100%, got ${percent(given)} (${listing})`, raw);
  }
  return specs.map((s) => ({
    name: s.name,
    share: s.share ?? 1 - given,
    ...(s.targetServiceLevel !== undefined ? { targetServiceLevel: s.targetServiceLevel, targetAnswerSeconds: s.targetAnswerSeconds! } : {}),
    ...(s.ahtSeconds !== undefined ? { ahtSeconds: s.ahtSeconds } : {}),
    ...(s.patienceSeconds !== undefined ? { patienceSeconds: s.patienceSeconds } : {}),
  }));
}

/** The inputs the premium paths need from the parsed `wfm erlang` request. */
export interface PremiumRequest {
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
  readonly classes?: readonly PriorityClass[];
  readonly redialShare?: number;
  readonly redialDelaySeconds?: number;
  readonly lines?: number;
  /** Blending: the reserve R, or "best" (smallest R meeting the inbound target). */
  readonly outboundReserve?: number | "best";
  readonly outboundAhtSeconds?: number;
}

/** Answer of `wfm erlang --classes`. */
export interface PriorityAnswer {
  readonly evaluated: boolean;
  readonly classes: readonly PriorityClass[];
  readonly metrics: PriorityQueueResult | null;
  readonly scheduledAgents: number | null;
  /** Per class: the minimum pool meeting that class's own targets alone (null without targets). */
  readonly agentsForClass: readonly (number | null)[];
  readonly bindingClasses: readonly string[];
  readonly feasible: boolean;
  readonly reason?: string;
}

/** Scheduled agents for N on the floor: ceil(N / (1 - shrinkage)), kept exact when the decimal quotient is whole. */
export function scheduledFor(n: number, shrinkage: number): number {
  const up = Math.ceil(n / (1 - shrinkage));
  return up > 0 && (up - 1) * (1 - shrinkage) >= n ? up - 1 : up;
}

/** Classes with the pool-wide targets filled in where a class has none of its own. */
function classesWithDefaults(request: PremiumRequest): PriorityClass[] {
  return (request.classes ?? []).map((c) => ({
    ...c,
    ...(c.targetServiceLevel === undefined && request.targetServiceLevel !== undefined
      ? { targetServiceLevel: request.targetServiceLevel, targetAnswerSeconds: request.targetAnswerSeconds ?? 20 }
      : {}),
    ...(c.targetAnswerSeconds === undefined && request.targetAnswerSeconds !== undefined ? { targetAnswerSeconds: request.targetAnswerSeconds } : {}),
    ...(request.targetAsaSeconds !== undefined ? { targetAsaSeconds: request.targetAsaSeconds } : {}),
    ...(request.maxAbandonProbability !== undefined ? { maxAbandonProbability: request.maxAbandonProbability } : {}),
  }));
}

/** Runs `--classes`: solves the shared pool (or evaluates `--agents`). */
export function answerPriority(request: PremiumRequest): PriorityAnswer {
  const classes = classesWithDefaults(request);
  const common = { ...request.traffic, ...(request.patienceSeconds !== undefined ? { patienceSeconds: request.patienceSeconds } : {}) };
  const shrinkage = request.shrinkage ?? 0;
  const hasTarget = (c: PriorityClass) => c.targetServiceLevel !== undefined || c.targetAsaSeconds !== undefined || c.maxAbandonProbability !== undefined;
  const agentsForClass = classes.map((c, i) => {
    if (!hasTarget(c)) return null;
    const alone = classes.map((other, j) => (j === i ? other : { name: other.name, share: other.share, ...(other.targetAnswerSeconds !== undefined ? { targetAnswerSeconds: other.targetAnswerSeconds } : {}) }));
    const r = requiredAgentsPriority({ ...common, classes: alone });
    return r.feasible ? r.agents : null;
  });
  if (request.agents !== undefined) {
    const metrics = priorityQueue({ ...common, agents: request.agents, classes });
    const missed = classes.filter((c, i) => {
      const m = metrics.classes[i]!;
      return !(
        (c.targetServiceLevel === undefined || m.serviceLevel >= c.targetServiceLevel) &&
        (c.targetAsaSeconds === undefined || m.asaSeconds <= c.targetAsaSeconds) &&
        (c.maxAbandonProbability === undefined || m.abandonProbability <= c.maxAbandonProbability)
      );
    });
    const occupancyMissed = request.maxOccupancy !== undefined && !(metrics.occupancy <= request.maxOccupancy);
    const names = [...missed.map((c) => c.name), ...(occupancyMissed ? [english.messages.erlang.priority.occupancyCap] : [])];
    return {
      evaluated: true,
      classes,
      metrics,
      scheduledAgents: scheduledFor(request.agents, shrinkage),
      agentsForClass,
      bindingClasses: names,
      feasible: names.length === 0,
      ...(names.length > 0 ? { reason: english.messages.erlang.priority.agentsMiss(String(request.agents), names.join(", ")) } : {}),
    };
  }
  const r = requiredAgentsPriority({ ...common, classes, shrinkage, ...(request.maxOccupancy !== undefined ? { maxOccupancy: request.maxOccupancy } : {}) });
  if (!r.feasible) return { evaluated: false, classes, metrics: null, scheduledAgents: null, agentsForClass, bindingClasses: [], feasible: false, reason: r.reason };
  return { evaluated: false, classes, metrics: r.metrics, scheduledAgents: r.scheduledAgents, agentsForClass, bindingClasses: r.bindingClasses, feasible: true };
}

const english = localeFormat("en");
const pct = (fraction: number, lf: LocaleFormat = english): string => erlangPercent(fraction, lf);
const secs = erlangSeconds;

/** Seconds as given, e.g. `180 s` / `۱۸۰ ثانیه`. */
const givenSecs = (value: number, lf: LocaleFormat) => lf.messages.erlang.seconds(lf.digits(String(value)));

const given = (f: number, lf: LocaleFormat = english) => lf.digits(`${Number((f * 100).toPrecision(12))}%`);

function trafficText(request: PremiumRequest, erlangs: number, lf: LocaleFormat): string {
  const t = request.traffic;
  const e = lf.messages.erlang.erlangs(lf.digits(String(Number(erlangs.toFixed(3)))));
  return "callsPerInterval" in t
    ? lf.messages.erlang.callsTraffic({ erlangs: e, calls: lf.digits(String(t.callsPerInterval)), minutes: lf.digits(String(Number((t.intervalSeconds / 60).toFixed(2)))), aht: givenSecs(t.ahtSeconds, lf) })
    : e;
}

/**
 * The readable table of `wfm erlang --classes`: the pool, then one row per class.
 *
 * @param lf - the locale (`--locale`). @defaultValue English
 */
export function priorityTable(request: PremiumRequest, answer: PriorityAnswer, lf: LocaleFormat = english): string {
  const m = answer.metrics;
  const e = lf.messages.erlang;
  const l = e.labels;
  const p = e.priority;
  const n = (value: number | null) => (value === null ? "-" : lf.digits(String(value)));
  const rows: [string, string][] = [[l.model, request.patienceSeconds !== undefined ? p.modelA : p.modelC]];
  const a = m?.trafficErlangs ?? ("trafficErlangs" in request.traffic ? request.traffic.trafficErlangs : (request.traffic.callsPerInterval * request.traffic.ahtSeconds) / request.traffic.intervalSeconds);
  rows.push([l.traffic, trafficText(request, a, lf)]);
  if (request.patienceSeconds !== undefined) rows.push([l.patience, givenSecs(request.patienceSeconds, lf)]);
  if (m === null) {
    rows.push([l.agents, p.noPool]);
    rows.push([l.reason, answer.reason ?? ""]);
    return renderKeyValues(rows, "table");
  }
  // "the occupancy cap" is the one binding name that is not a class name
  const bindingNames = answer.bindingClasses.map((name) => (name === english.messages.erlang.priority.occupancyCap ? p.occupancyCap : name)).join(lf.messages.list);
  rows.push([l.agents, answer.evaluated ? e.given(n(m.agents)) : p.minimum(n(m.agents))]);
  if (request.shrinkage !== undefined) rows.push([l.scheduledAgents, e.scheduled(n(answer.scheduledAgents), given(request.shrinkage, lf))]);
  rows.push([l.waitProbability, p.everyClass(pct(m.waitProbability, lf))]);
  rows.push([l.occupancy, pct(m.occupancy, lf)]);
  if (!answer.evaluated && answer.bindingClasses.length > 0) rows.push([l.withAgents(n(m.agents - 1)), p.missesTargetsOf(bindingNames)]);
  if (answer.evaluated) rows.push([l.targetsMet, answer.feasible ? e.yes : e.no(p.agentsMiss(n(request.agents!), bindingNames))]);
  const head = renderKeyValues(rows, "table");
  const withPatience = request.patienceSeconds !== undefined || answer.classes.some((c) => c.patienceSeconds !== undefined);
  // classes with their own handle time or patience (the exact chain) show them
  const own = answer.classes.some((c) => c.ahtSeconds !== undefined || c.patienceSeconds !== undefined);
  const poolAht = request.traffic.ahtSeconds;
  const classRows = m.classes.map((k, i) => ({ k, c: answer.classes[i]!, alone: answer.agentsForClass[i] ?? null }));
  type Row = (typeof classRows)[number];
  const table = renderTable<Row>(
    classRows,
    [
      { key: "class", title: p.columns.class, value: (r) => r.k.name },
      { key: "share", title: p.columns.share, value: (r) => r.k.share, text: (r) => given(r.k.share, lf) },
      {
        key: "target",
        title: p.columns.target,
        value: (r) => (r.c.targetServiceLevel === undefined ? null : r.c.targetServiceLevel),
        text: (r) => (r.c.targetServiceLevel === undefined ? "-" : p.target(given(r.c.targetServiceLevel, lf), givenSecs(r.k.targetAnswerSeconds, lf))),
        align: "right",
      },
      ...(own
        ? [
            { key: "aht", title: p.columns.aht, value: (r: Row) => r.c.ahtSeconds ?? poolAht ?? null, text: (r: Row) => (r.c.ahtSeconds ?? poolAht) === undefined ? "-" : givenSecs((r.c.ahtSeconds ?? poolAht)!, lf), align: "right" as const },
            { key: "patience", title: p.columns.patience, value: (r: Row) => r.c.patienceSeconds ?? request.patienceSeconds ?? null, text: (r: Row) => (r.c.patienceSeconds ?? request.patienceSeconds) === undefined ? "-" : givenSecs((r.c.patienceSeconds ?? request.patienceSeconds)!, lf), align: "right" as const },
          ]
        : []),
      { key: "alone", title: p.columns.alone, value: (r) => r.alone, text: (r) => n(r.alone) },
      { key: "serviceLevel", title: p.columns.serviceLevel, value: (r) => r.k.serviceLevel, text: (r) => p.slIn(pct(r.k.serviceLevel, lf), givenSecs(r.k.targetAnswerSeconds, lf)) },
      { key: "asa", title: p.columns.asa, value: (r) => r.k.asaSeconds, text: (r) => secs(r.k.asaSeconds, lf) },
      ...(withPatience ? [{ key: "abandon", title: p.columns.abandon, value: (r: Row) => r.k.abandonProbability, text: (r: Row) => pct(r.k.abandonProbability, lf) }] : []),
    ],
    "table",
  );
  return `${head}\n${table}`;
}

/** The JSON of `wfm erlang --classes`: the pool's totals and a `classes` array. */
export function priorityJson(request: PremiumRequest, answer: PriorityAnswer): Record<string, unknown> {
  const m = answer.metrics;
  const finite = (v: number) => (Number.isFinite(v) ? v : null);
  return {
    model: request.patienceSeconds !== undefined ? "priority-erlang-a" : "priority-erlang-c",
    trafficErlangs: m?.trafficErlangs ?? null,
    agents: m?.agents ?? null,
    scheduledAgents: answer.scheduledAgents,
    waitProbability: m?.waitProbability ?? null,
    serviceLevel: m?.serviceLevel ?? null,
    asaSeconds: m === null ? null : finite(m.asaSeconds),
    abandonProbability: m?.abandonProbability ?? null,
    occupancy: m?.occupancy ?? null,
    stable: m?.stable ?? null,
    truncationError: m?.truncationError ?? null,
    ...(m?.chain !== undefined ? { chain: m.chain } : {}),
    classes: answer.classes.map((c, i) => {
      const k = m?.classes[i];
      return {
        name: c.name,
        share: c.share,
        targetServiceLevel: c.targetServiceLevel ?? null,
        targetAnswerSeconds: k?.targetAnswerSeconds ?? c.targetAnswerSeconds ?? 20,
        serviceLevel: k?.serviceLevel ?? null,
        asaSeconds: k === undefined ? null : finite(k.asaSeconds),
        waitProbability: k?.waitProbability ?? null,
        abandonProbability: k?.abandonProbability ?? null,
        agents: answer.agentsForClass[i] ?? null,
        ...(c.ahtSeconds !== undefined ? { ahtSeconds: c.ahtSeconds } : {}),
        ...(c.patienceSeconds !== undefined ? { patienceSeconds: c.patienceSeconds } : {}),
      };
    }),
    bindingClasses: answer.bindingClasses,
    feasible: answer.feasible,
    ...(answer.reason !== undefined ? { reason: answer.reason } : {}),
  };
}

/** Answer of `wfm erlang --model erlang-x`. */
export interface ErlangXAnswer {
  readonly evaluated: boolean;
  readonly metrics: ErlangXResult | null;
  readonly atOneFewer: ErlangXResult | null;
  readonly scheduledAgents: number | null;
  readonly feasible: boolean;
  readonly reason?: string;
}

/** Runs `--model erlang-x`: solves N (or evaluates `--agents`). */
export function answerErlangXRequest(request: PremiumRequest): ErlangXAnswer {
  const inputs = {
    ...request.traffic,
    ...(request.patienceSeconds !== undefined ? { patienceSeconds: request.patienceSeconds } : {}),
    ...(request.redialShare !== undefined ? { redialShare: request.redialShare } : {}),
    ...(request.redialDelaySeconds !== undefined ? { redialDelaySeconds: request.redialDelaySeconds } : {}),
    ...(request.lines !== undefined ? { lines: request.lines } : {}),
    ...(request.targetAnswerSeconds !== undefined ? { targetAnswerSeconds: request.targetAnswerSeconds } : {}),
  };
  const shrinkage = request.shrinkage ?? 0;
  const targets = {
    ...(request.targetServiceLevel !== undefined ? { targetServiceLevel: request.targetServiceLevel } : {}),
    ...(request.targetAsaSeconds !== undefined ? { targetAsaSeconds: request.targetAsaSeconds } : {}),
    ...(request.maxAbandonProbability !== undefined ? { maxAbandonProbability: request.maxAbandonProbability } : {}),
    ...(request.maxBlocking !== undefined ? { maxBlocking: request.maxBlocking } : {}),
  };
  if (request.agents !== undefined) {
    const m = erlangX({ ...inputs, agents: request.agents });
    const failed = erlangXFailed(request, m, english);
    return {
      evaluated: true,
      metrics: m,
      atOneFewer: null,
      scheduledAgents: scheduledFor(request.agents, shrinkage),
      feasible: failed.length === 0,
      ...(failed.length > 0 ? { reason: english.messages.erlang.agentsMiss(String(request.agents), failed.join(", ")) } : {}),
    };
  }
  const r = requiredAgentsErlangX({ ...inputs, ...targets });
  if (!r.feasible) return { evaluated: false, metrics: null, atOneFewer: null, scheduledAgents: null, feasible: false, reason: r.reason };
  return { evaluated: false, metrics: r.metrics, atOneFewer: r.atOneFewer, scheduledAgents: scheduledFor(r.agents, shrinkage), feasible: true };
}

/** The targets an evaluated Erlang X pool misses, in the locale's words. */
function erlangXFailed(request: PremiumRequest, m: ErlangXResult, lf: LocaleFormat): string[] {
  const e = lf.messages.erlang;
  const failed: string[] = [];
  if (!m.stable) failed.push(e.x.missSteady);
  if (request.targetServiceLevel !== undefined && !(m.serviceLevel >= request.targetServiceLevel)) failed.push(e.x.missSl(given(request.targetServiceLevel, lf)));
  if (request.targetAsaSeconds !== undefined && !(m.asaSeconds <= request.targetAsaSeconds)) failed.push(e.missAsa(givenSecs(request.targetAsaSeconds, lf)));
  if (request.maxAbandonProbability !== undefined && !(m.abandonProbability <= request.maxAbandonProbability)) failed.push(e.missAbandon(given(request.maxAbandonProbability, lf)));
  if (request.maxBlocking !== undefined && !(m.blockingProbability <= request.maxBlocking)) failed.push(e.missBlocking(given(request.maxBlocking, lf)));
  return failed;
}

/**
 * The readable table of `wfm erlang --model erlang-x`.
 *
 * @param lf - the locale (`--locale`). @defaultValue English
 */
export function erlangXTable(request: PremiumRequest, answer: ErlangXAnswer, lf: LocaleFormat = english): string {
  const m = answer.metrics;
  const e = lf.messages.erlang;
  const l = e.labels;
  const x = e.x;
  const n = (value: number | null) => (value === null ? "-" : lf.digits(String(value)));
  const rows: [string, string][] = [[l.model, x.model]];
  const t = request.traffic;
  const a = "trafficErlangs" in t ? t.trafficErlangs : (t.callsPerInterval * t.ahtSeconds) / t.intervalSeconds;
  rows.push([x.freshTraffic, trafficText(request, a, lf)]);
  if (request.patienceSeconds !== undefined) rows.push([l.patience, givenSecs(request.patienceSeconds, lf)]);
  rows.push([x.redials, request.redialShare === undefined || request.redialShare === 0 ? x.none : x.redialText(given(request.redialShare, lf), givenSecs(request.redialDelaySeconds ?? 300, lf))]);
  rows.push([x.lines, request.lines === undefined ? x.unlimited : n(request.lines)]);
  if (m === null) {
    rows.push([l.agents, e.noAgents]);
    rows.push([l.reason, answer.reason ?? ""]);
    return renderKeyValues(rows, "table");
  }
  const reason = answer.evaluated && !answer.feasible ? e.agentsMiss(n(m.agents), erlangXFailed(request, m, lf).join(lf.messages.list)) : (answer.reason ?? "");
  rows.push([l.agents, answer.evaluated ? e.given(n(m.agents)) : e.minimum(n(m.agents))]);
  if (request.shrinkage !== undefined) rows.push([l.scheduledAgents, e.scheduled(n(answer.scheduledAgents), given(request.shrinkage, lf))]);
  if (!m.stable) {
    rows.push([l.stable, x.unstable]);
    if (!answer.feasible) rows.push([l.targetsMet, e.no(reason)]);
    return renderKeyValues(rows, "table");
  }
  rows.push([
    x.effectiveTraffic,
    x.effective(e.erlangs(lf.digits(String(Number(m.effectiveTrafficErlangs.toFixed(3))))), pct(m.redialAttemptShare, lf), lf.digits(String(Number(m.attemptsPerCaller.toFixed(4))))),
  ]);
  rows.push([l.serviceLevel, x.slWithin(pct(m.serviceLevel, lf), givenSecs(m.targetAnswerSeconds, lf))]);
  rows.push([l.waitProbability, pct(m.waitProbability, lf)]);
  rows.push([l.asa, secs(m.asaSeconds, lf)]);
  rows.push([l.abandonment, x.ofAttempts(pct(m.abandonProbability, lf))]);
  rows.push([l.blocking, x.ofAttempts(pct(m.blockingProbability, lf))]);
  rows.push([x.callersLost, x.neverAnswered(pct(m.callerLossProbability, lf))]);
  rows.push([l.occupancy, pct(m.occupancy, lf)]);
  if (!answer.evaluated && answer.atOneFewer !== null) {
    rows.push([l.withAgents(n(answer.atOneFewer.agents)), e.missesATarget([e.atSl(pct(answer.atOneFewer.serviceLevel, lf)), e.atAbandon(pct(answer.atOneFewer.abandonProbability, lf))].join(lf.messages.list))]);
  }
  if (answer.evaluated) rows.push([l.targetsMet, answer.feasible ? e.yes : e.no(reason)]);
  return renderKeyValues(rows, "table");
}

/** The JSON of `wfm erlang --model erlang-x`. */
export function erlangXJson(answer: ErlangXAnswer): Record<string, unknown> {
  const m = answer.metrics;
  const finite = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? null : v);
  return {
    model: "erlang-x",
    trafficErlangs: m?.trafficErlangs ?? null,
    effectiveTrafficErlangs: finite(m?.effectiveTrafficErlangs),
    agents: m?.agents ?? null,
    scheduledAgents: answer.scheduledAgents,
    lines: m?.lines ?? null,
    redialShare: m?.redialShare ?? null,
    redialAttemptShare: m?.redialAttemptShare ?? null,
    waitProbability: m?.waitProbability ?? null,
    serviceLevel: m?.serviceLevel ?? null,
    asaSeconds: finite(m?.asaSeconds),
    abandonProbability: m?.abandonProbability ?? null,
    blockingProbability: m?.blockingProbability ?? null,
    callerLossProbability: m?.callerLossProbability ?? null,
    occupancy: m?.occupancy ?? null,
    stable: m?.stable ?? null,
    feasible: answer.feasible,
    ...(answer.reason !== undefined ? { reason: answer.reason } : {}),
  };
}

/** Answer of `wfm erlang --outbound-reserve`. */
export interface BlendingAnswer {
  /** The chosen (or given) reserve's figures; null when no reserve meets the target. */
  readonly metrics: BlendingResult | null;
  /** With `best`: the figures at every reserve 0..N. */
  readonly byReserve: readonly BlendingResult[] | null;
  readonly feasible: boolean;
  readonly reason?: string;
}

/** Runs `--outbound-reserve`: blending at `--agents` N, for the given reserve or the best one. */
export function answerBlending(request: PremiumRequest): BlendingAnswer {
  const t = request.traffic;
  const ahtSeconds = t.ahtSeconds!;
  const options = {
    ...t,
    agents: request.agents!,
    outboundAhtSeconds: request.outboundAhtSeconds ?? ahtSeconds,
    ...(request.patienceSeconds !== undefined ? { patienceSeconds: request.patienceSeconds } : {}),
    ...(request.targetAnswerSeconds !== undefined ? { targetAnswerSeconds: request.targetAnswerSeconds } : {}),
  };
  if (request.outboundReserve === "best") {
    const best = bestOutboundReserve({ ...options, targetServiceLevel: request.targetServiceLevel! });
    if (!best.feasible || best.outboundReserveAgents === null) return { metrics: null, byReserve: best.byReserve, feasible: false, reason: best.reason ?? "" };
    return { metrics: best.byReserve[best.outboundReserveAgents]!, byReserve: best.byReserve, feasible: true };
  }
  const metrics = blending({ ...options, outboundReserveAgents: request.outboundReserve! });
  const missed = request.targetServiceLevel !== undefined && !(metrics.serviceLevel >= request.targetServiceLevel);
  return { metrics, byReserve: null, feasible: !missed, ...(missed ? { reason: english.messages.erlang.blending.reserveMisses(String(metrics.outboundReserveAgents), given(request.targetServiceLevel!)) } : {}) };
}

/**
 * The readable table of `wfm erlang --outbound-reserve`.
 *
 * @param lf - the locale (`--locale`). @defaultValue English
 */
export function blendingTable(request: PremiumRequest, answer: BlendingAnswer, lf: LocaleFormat = english): string {
  const t = request.traffic;
  const e = lf.messages.erlang;
  const l = e.labels;
  const b = e.blending;
  const n = (value: number) => lf.digits(String(value));
  const a = "trafficErlangs" in t ? t.trafficErlangs : (t.callsPerInterval * t.ahtSeconds) / t.intervalSeconds;
  const rows: [string, string][] = [[l.model, b.model], [b.inboundTraffic, trafficText(request, a, lf)]];
  rows.push([l.agents, e.given(n(request.agents!))]);
  rows.push([b.outboundAht, givenSecs(request.outboundAhtSeconds ?? t.ahtSeconds!, lf)]);
  const m = answer.metrics;
  if (m === null) {
    rows.push([b.reserve, b.noReserve]);
    rows.push([l.reason, answer.reason ?? ""]);
  } else {
    rows.push([b.reserve, b.reserveValue(n(m.outboundReserveAgents), request.outboundReserve === "best")]);
    rows.push([b.inboundSl, e.slWithin(pct(m.serviceLevel, lf), givenSecs(m.targetAnswerSeconds, lf), false)]);
    rows.push([b.inboundAsa, secs(m.asaSeconds, lf)]);
    if (request.patienceSeconds !== undefined) rows.push([b.inboundAbandon, pct(m.abandonProbability, lf)]);
    rows.push([b.outbound, b.outboundValue(lf.digits(m.outboundContactsPerHour.toFixed(1)), lf.digits(m.outboundAgents.toFixed(2)))]);
    rows.push([l.occupancy, pct(m.occupancy, lf)]);
    if (!answer.feasible) rows.push([l.targetsMet, e.no(b.reserveMisses(n(m.outboundReserveAgents), given(request.targetServiceLevel!, lf)))]);
  }
  const head = renderKeyValues(rows, "table");
  if (answer.byReserve === null) return head;
  const table = renderTable<BlendingResult>(
    answer.byReserve,
    [
      { key: "reserve", title: b.columns.reserve, value: (r) => r.outboundReserveAgents, text: (r) => n(r.outboundReserveAgents) },
      { key: "serviceLevel", title: b.columns.serviceLevel, value: (r) => r.serviceLevel, text: (r) => pct(r.serviceLevel, lf) },
      { key: "outbound", title: b.columns.outbound, value: (r) => r.outboundContactsPerHour, text: (r) => lf.digits(r.outboundContactsPerHour.toFixed(1)) },
    ],
    "table",
  );
  return `${head}\n${table}`;
}

/** The JSON of `wfm erlang --outbound-reserve`. */
export function blendingJson(answer: BlendingAnswer): Record<string, unknown> {
  const m = answer.metrics;
  const row = (r: BlendingResult) => ({
    outboundReserveAgents: r.outboundReserveAgents,
    serviceLevel: r.serviceLevel,
    waitProbability: r.waitProbability,
    asaSeconds: Number.isFinite(r.asaSeconds) ? r.asaSeconds : null,
    abandonProbability: r.abandonProbability,
    outboundContactsPerHour: r.outboundContactsPerHour,
    occupancy: r.occupancy,
  });
  return {
    model: "blending",
    trafficErlangs: m?.trafficErlangs ?? answer.byReserve?.[0]?.trafficErlangs ?? null,
    agents: m?.agents ?? answer.byReserve?.[0]?.agents ?? null,
    ...(m === null ? { outboundReserveAgents: null } : row(m)),
    ...(answer.byReserve !== null ? { byReserve: answer.byReserve.map(row) } : {}),
    feasible: answer.feasible,
    ...(answer.reason !== undefined ? { reason: answer.reason } : {}),
  };
}
