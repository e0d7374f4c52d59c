import { WfmError, describeValue, requireOptions, type Problem } from "../errors.js";
import { compileDistribution, formatField, type CompiledDistribution } from "./distributions.js";
import type { SimulationOptions, SimulationSkill } from "./types.js";

/**
 * Validation of {@link SimulationOptions} into the engine's flat, typed-array model (internal).
 * Every problem is collected (one per bad field) and thrown together as one WfmError.
 *
 * @module
 */

/** The validated model the engine runs (internal). */
export interface CompiledModel {
  readonly intervalSeconds: number;
  readonly intervals: number;
  readonly intervalsPerDay: number;
  readonly days: number;
  readonly warmupSeconds: number;
  readonly replications: number;
  readonly seed: number;
  readonly typeNames: readonly string[];
  readonly groupNames: readonly string[];
  /** Arrival rate per second, [type * intervals + interval]. */
  readonly rates: Float64Array;
  readonly handle: readonly CompiledDistribution[];
  /** Handle-time scale per arrival interval, [type * intervals + interval] (1 = the distribution's mean). */
  readonly handleScale: Float64Array;
  readonly patience: readonly CompiledDistribution[];
  readonly hasPatience: Uint8Array;
  readonly targetSeconds: Float64Array;
  readonly shortAbandonSeconds: Float64Array;
  readonly priority: Float64Array;
  readonly redialProbability: Float64Array;
  readonly redialDelay: readonly (CompiledDistribution | null)[];
  readonly callback: Uint8Array;
  readonly callbackThresholdSeconds: Float64Array;
  readonly callbackAccept: Float64Array;
  readonly callbackDeadlineSeconds: Float64Array;
  readonly callbackUrgentSeconds: Float64Array;
  readonly outbound: Uint8Array;
  readonly dailyCv: Float64Array;
  /** Agents on the floor, [group * intervals + interval]. */
  readonly headcount: Int32Array;
  readonly maxHeadcount: Int32Array;
  readonly concurrency: Int32Array;
  readonly factor: Float64Array;
  readonly balanced: Uint8Array;
  readonly reserve: Int32Array;
  /** Per group: the skill types in order and their overflow delays. */
  readonly skillTypes: readonly Int32Array[];
  readonly skillDelays: readonly Float64Array[];
  /** Per type: the groups serving it, best first (skill rank, then group order), and the delays. */
  readonly routeGroups: readonly Int32Array[];
  readonly routeDelays: readonly Float64Array[];
  /** Handle-time scale of group g serving type t, [g * types + t] (1 = the type's own); null when every group serves at the type's mean. */
  readonly groupHandleScale: Float64Array | null;
  /** Per type: the distinct positive overflow delays, ascending. */
  readonly overflowDelays: readonly Float64Array[];
}

const isObject = (v: unknown): boolean => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Validates the options, collecting every problem, and compiles the model (internal).
 * `fn` is the public function called (`simulate`, `simulateBatch`, `summarizeSimulation`), named
 * by every message.
 *
 * @throws {WfmError} `invalid-argument`, one problem per bad field
 */
export function compileModel(options: SimulationOptions, fn = "simulate"): CompiledModel {
  requireOptions(fn, options);
  const problems: Problem[] = [];
  const bad = (path: readonly (string | number)[], expectation: string, value: unknown) =>
    problems.push({ code: "invalid-argument", message: `simulate: ${formatField(path)} must be ${expectation}, got ${describeValue(value)}`, path, value });
  const say = (path: readonly (string | number)[], message: string, value?: unknown) =>
    problems.push({ code: "invalid-argument", message: `simulate: ${formatField(path)}: ${message}`, path, value });

  const intervalSeconds = options.intervalSeconds;
  if (!(typeof intervalSeconds === "number" && Number.isFinite(intervalSeconds) && intervalSeconds > 0)) bad(["intervalSeconds"], "a positive finite number", intervalSeconds);
  const replications = options.replications ?? 10;
  if (!(Number.isInteger(replications) && replications >= 1 && replications <= 100_000)) bad(["replications"], "a whole number from 1 to 100000", replications);
  const seed = options.seed ?? 1;
  if (!Number.isInteger(seed)) bad(["seed"], "a whole number", seed);
  const warmupSeconds = options.warmupSeconds ?? 0;
  if (!(typeof warmupSeconds === "number" && Number.isFinite(warmupSeconds) && warmupSeconds >= 0)) bad(["warmupSeconds"], "a finite number >= 0", warmupSeconds);
  const types = Array.isArray(options.contactTypes) ? options.contactTypes : [];
  const groups = Array.isArray(options.agentGroups) ? options.agentGroups : [];
  if (types.length === 0) bad(["contactTypes"], "a non-empty list of contact types", options.contactTypes);
  if (groups.length === 0) bad(["agentGroups"], "a non-empty list of agent groups", options.agentGroups);

  const intervals = types.length > 0 && Array.isArray(types[0]!.volumes) ? types[0]!.volumes.length : 0;
  if (types.length > 0 && intervals === 0) bad(["contactTypes", 0, "volumes"], "a non-empty list of expected arrivals per interval", types[0]!.volumes);
  const okInterval = typeof intervalSeconds === "number" && intervalSeconds > 0 && Number.isFinite(intervalSeconds);
  const intervalsPerDay = options.intervalsPerDay ?? (okInterval ? Math.max(1, Math.round(86_400 / intervalSeconds)) : 1);
  if (!(Number.isInteger(intervalsPerDay) && intervalsPerDay >= 1)) bad(["intervalsPerDay"], "a whole number >= 1", intervalsPerDay);

  const T = types.length;
  const G = groups.length;
  const I = intervals;
  const typeIndex = new Map<string, number>();
  const rates = new Float64Array(T * I);
  const handle: CompiledDistribution[] = [];
  const handleScale = new Float64Array(T * I).fill(1);
  const patience: CompiledDistribution[] = [];
  const hasPatience = new Uint8Array(T);
  const targetSeconds = new Float64Array(T);
  const shortAbandonSeconds = new Float64Array(T);
  const priority = new Float64Array(T);
  const redialProbability = new Float64Array(T);
  const redialDelay: (CompiledDistribution | null)[] = [];
  const callback = new Uint8Array(T);
  const callbackThresholdSeconds = new Float64Array(T);
  const callbackAccept = new Float64Array(T);
  const callbackDeadlineSeconds = new Float64Array(T);
  const callbackUrgentSeconds = new Float64Array(T);
  const outbound = new Uint8Array(T);
  const dailyCv = new Float64Array(T);
  const placeholder = compileDistribution({ kind: "deterministic", seconds: 1 }, [], [], { allowNone: false, positiveMean: true })!;

  types.forEach((type, t) => {
    const at = (...rest: (string | number)[]) => ["contactTypes", t, ...rest];
    if (!isObject(type)) {
      bad(at(), "a contact type object", type);
      handle.push(placeholder);
      patience.push(placeholder);
      redialDelay.push(null);
      return;
    }
    if (!(typeof type.name === "string" && type.name.length > 0)) bad(at("name"), "a non-empty string", type.name);
    else if (typeIndex.has(type.name)) say(at("name"), `duplicate contact type name ${JSON.stringify(type.name)}`, type.name);
    else typeIndex.set(type.name, t);
    if (!Array.isArray(type.volumes)) bad(at("volumes"), "a list of expected arrivals per interval", type.volumes);
    else {
      if (type.volumes.length !== I) say(at("volumes"), `has ${type.volumes.length} intervals, the first contact type has ${I}`, type.volumes.length);
      for (let i = 0; i < Math.min(I, type.volumes.length); i++) {
        const v = type.volumes[i];
        if (!(typeof v === "number" && Number.isFinite(v) && v >= 0)) bad(at("volumes", i), "a finite number >= 0", v);
        else if (okInterval) rates[t * I + i] = v / intervalSeconds;
      }
    }
    const h = compileDistribution(type.handleTime, at("handleTime"), problems, { allowNone: false, positiveMean: true }) ?? placeholder;
    handle.push(h);
    const means = type.handleTimeMeanByInterval;
    if (means !== undefined) {
      if (!Array.isArray(means)) bad(at("handleTimeMeanByInterval"), "a list of mean handle times per interval", means);
      else {
        if (means.length !== I) say(at("handleTimeMeanByInterval"), `has ${means.length} intervals, the volumes have ${I}`, means.length);
        for (let i = 0; i < Math.min(I, means.length); i++) {
          const v = means[i];
          if (!(typeof v === "number" && Number.isFinite(v) && v > 0)) bad(at("handleTimeMeanByInterval", i), "a positive finite number", v);
          else handleScale[t * I + i] = v / h.meanSeconds;
        }
      }
    }
    const p = compileDistribution(type.patience, at("patience"), problems, { allowNone: true, positiveMean: false }) ?? placeholder;
    patience.push(p);
    hasPatience[t] = p.kind === 5 ? 0 : 1;
    const nonNegative = (field: string, value: unknown, fallback: number): number => {
      if (value === undefined) return fallback;
      if (!(typeof value === "number" && Number.isFinite(value) && value >= 0)) {
        bad(at(field), "a finite number >= 0", value);
        return fallback;
      }
      return value;
    };
    targetSeconds[t] = nonNegative("targetAnswerSeconds", type.targetAnswerSeconds, 20);
    shortAbandonSeconds[t] = nonNegative("shortAbandonSeconds", type.shortAbandonSeconds, 5);
    if (type.priority !== undefined && !(typeof type.priority === "number" && Number.isFinite(type.priority))) bad(at("priority"), "a finite number", type.priority);
    else priority[t] = type.priority ?? 0;
    dailyCv[t] = nonNegative("dailyVolumeCv", type.dailyVolumeCv, 0);
    if (type.outbound !== undefined && typeof type.outbound !== "boolean") bad(at("outbound"), "true or false", type.outbound);
    outbound[t] = type.outbound === true ? 1 : 0;
    let delay: CompiledDistribution | null = null;
    if (type.redial !== undefined) {
      if (!isObject(type.redial)) bad(at("redial"), "{ probability, delay }", type.redial);
      else {
        const pr = type.redial.probability;
        if (!(typeof pr === "number" && pr >= 0 && pr <= 1)) bad(at("redial", "probability"), "a fraction from 0 to 1", pr);
        else redialProbability[t] = pr;
        delay = compileDistribution(type.redial.delay, at("redial", "delay"), problems, { allowNone: false, positiveMean: false });
      }
    }
    redialDelay.push(delay);
    if (type.callback !== undefined) {
      const cb = type.callback;
      if (!isObject(cb)) bad(at("callback"), "{ offerAboveExpectedWaitSeconds, acceptProbability, deadlineSeconds }", cb);
      else {
        callback[t] = 1;
        callbackThresholdSeconds[t] = nonNegative("callback.offerAboveExpectedWaitSeconds", cb.offerAboveExpectedWaitSeconds ?? NaN, 0);
        const acc = cb.acceptProbability;
        if (!(typeof acc === "number" && acc >= 0 && acc <= 1)) bad(at("callback", "acceptProbability"), "a fraction from 0 to 1", acc);
        else callbackAccept[t] = acc;
        const dl = cb.deadlineSeconds;
        if (!(typeof dl === "number" && Number.isFinite(dl) && dl > 0)) bad(at("callback", "deadlineSeconds"), "a positive finite number", dl);
        else {
          callbackDeadlineSeconds[t] = dl;
          // null: never escalate (call-backs only in idle time, the analytic model callbackQueue's rule).
          callbackUrgentSeconds[t] = cb.urgentBeforeDeadlineSeconds === null ? Number.NEGATIVE_INFINITY : nonNegative("callback.urgentBeforeDeadlineSeconds", cb.urgentBeforeDeadlineSeconds, dl / 4);
        }
      }
    }
  });

  const headcount = new Int32Array(G * I);
  const maxHeadcount = new Int32Array(G);
  const concurrency = new Int32Array(G);
  const factor = new Float64Array(G);
  const balanced = new Uint8Array(G);
  const reserve = new Int32Array(G);
  const skillTypes: Int32Array[] = [];
  const skillDelays: Float64Array[] = [];
  const groupNames: string[] = [];
  const groupSeen = new Set<string>();
  const served = new Uint8Array(T);
  const groupHandleScale = new Float64Array(G * T).fill(1);
  let groupScaled = false;
  groups.forEach((group, g) => {
    const at = (...rest: (string | number)[]) => ["agentGroups", g, ...rest];
    if (!isObject(group)) {
      bad(at(), "an agent group object", group);
      skillTypes.push(new Int32Array(0));
      skillDelays.push(new Float64Array(0));
      groupNames.push(String(g));
      return;
    }
    groupNames.push(typeof group.name === "string" ? group.name : String(g));
    if (!(typeof group.name === "string" && group.name.length > 0)) bad(at("name"), "a non-empty string", group.name);
    else if (groupSeen.has(group.name)) say(at("name"), `duplicate agent group name ${JSON.stringify(group.name)}`, group.name);
    else groupSeen.add(group.name);
    const k = group.concurrency ?? 1;
    if (!(Number.isInteger(k) && k >= 1 && k <= 100)) bad(at("concurrency"), "a whole number from 1 to 100", k);
    else concurrency[g] = k;
    const f = group.handleTimeFactorPerExtraChat ?? 0;
    if (!(typeof f === "number" && Number.isFinite(f) && f >= 0)) bad(at("handleTimeFactorPerExtraChat"), "a finite number >= 0", f);
    else factor[g] = f;
    const routing = group.chatRouting ?? "least-loaded";
    if (routing !== "least-loaded" && routing !== "balanced") bad(at("chatRouting"), "\"least-loaded\" or \"balanced\"", routing);
    balanced[g] = routing === "balanced" ? 1 : 0;
    const r = group.outboundReserveAgents ?? 0;
    if (!(Number.isInteger(r) && r >= 0)) bad(at("outboundReserveAgents"), "a whole number >= 0", r);
    else reserve[g] = r;
    const agents = group.agents;
    const checkCount = (v: unknown, path: (string | number)[]) => {
      if (!(typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= 1_000_000)) {
        bad(path, "a whole number of agents from 0 to 1000000", v);
        return 0;
      }
      return v;
    };
    if (Array.isArray(agents)) {
      if (agents.length !== I) say(at("agents"), `covers ${agents.length} intervals, the volumes cover ${I}: give one headcount per interval`, agents.length);
      for (let i = 0; i < Math.min(I, agents.length); i++) headcount[g * I + i] = checkCount(agents[i], at("agents", i));
    } else {
      const n = checkCount(agents, at("agents"));
      for (let i = 0; i < I; i++) headcount[g * I + i] = n;
    }
    let max = 0;
    for (let i = 0; i < I; i++) max = Math.max(max, headcount[g * I + i]!);
    maxHeadcount[g] = max;
    const st: number[] = [];
    const sd: number[] = [];
    if (!Array.isArray(group.skills) || group.skills.length === 0) bad(at("skills"), "a non-empty list of contact type names", group.skills);
    else {
      (group.skills as readonly SimulationSkill[]).forEach((skill, s) => {
        const object = typeof skill === "object" && skill !== null ? skill : undefined;
        const name: unknown = typeof skill === "string" ? skill : object?.contactType;
        const delay: unknown = object?.afterWaitSeconds ?? 0;
        const t = typeof name === "string" ? typeIndex.get(name) : undefined;
        if (t === undefined) {
          say(at("skills", s), `no contact type is named ${describeValue(name)} (contact types: ${[...typeIndex.keys()].join(", ")})`, name);
          return;
        }
        if (!(typeof delay === "number" && Number.isFinite(delay) && delay >= 0)) {
          bad(at("skills", s, "afterWaitSeconds"), "a finite number >= 0", delay);
          return;
        }
        if (st.includes(t)) {
          say(at("skills", s), `lists contact type ${JSON.stringify(name)} twice`, name);
          return;
        }
        const mean: unknown = object?.handleTimeMeanSeconds;
        if (mean !== undefined) {
          if (!(typeof mean === "number" && Number.isFinite(mean) && mean > 0)) bad(at("skills", s, "handleTimeMeanSeconds"), "a positive finite number", mean);
          else if (handle[t] !== undefined && mean !== handle[t]!.meanSeconds) {
            groupHandleScale[g * T + t] = mean / handle[t]!.meanSeconds;
            groupScaled = true;
          }
        }
        st.push(t);
        sd.push(delay);
        served[t] = 1;
      });
    }
    skillTypes.push(Int32Array.from(st));
    skillDelays.push(Float64Array.from(sd));
  });
  types.forEach((type, t) => {
    if (isObject(type) && typeIndex.get(type.name) === t && served[t] === 0) {
      say(["contactTypes", t, "name"], `no agent group serves contact type ${JSON.stringify(type.name)}: add it to some group's skills`, type.name);
    }
  });
  if (problems.length > 0) {
    // The field checks (here and in compileDistribution) speak as simulate; name the function called.
    throw new WfmError(fn === "simulate" ? problems : problems.map((p) => ({ ...p, message: p.message.replace(/^simulate: /, `${fn}: `) })));
  }

  const routeGroups: Int32Array[] = [];
  const routeDelays: Float64Array[] = [];
  const overflowDelays: Float64Array[] = [];
  for (let t = 0; t < T; t++) {
    const routes: { g: number; rank: number; delay: number }[] = [];
    for (let g = 0; g < G; g++) {
      const idx = skillTypes[g]!.indexOf(t);
      if (idx >= 0) routes.push({ g, rank: idx, delay: skillDelays[g]![idx]! });
    }
    routes.sort((a, b) => a.rank - b.rank || a.g - b.g);
    routeGroups.push(Int32Array.from(routes.map((r) => r.g)));
    routeDelays.push(Float64Array.from(routes.map((r) => r.delay)));
    overflowDelays.push(Float64Array.from([...new Set(routes.map((r) => r.delay).filter((d) => d > 0))].sort((a, b) => a - b)));
  }
  return {
    intervalSeconds,
    intervals: I,
    intervalsPerDay,
    days: Math.ceil(I / intervalsPerDay),
    warmupSeconds,
    replications,
    seed,
    typeNames: types.map((t) => t.name),
    groupNames,
    rates,
    handle,
    handleScale,
    patience,
    hasPatience,
    targetSeconds,
    shortAbandonSeconds,
    priority,
    redialProbability,
    redialDelay,
    callback,
    callbackThresholdSeconds,
    callbackAccept,
    callbackDeadlineSeconds,
    callbackUrgentSeconds,
    outbound,
    dailyCv,
    headcount,
    maxHeadcount,
    concurrency,
    factor,
    balanced,
    reserve,
    skillTypes,
    skillDelays,
    routeGroups,
    routeDelays,
    groupHandleScale: groupScaled ? groupHandleScale : null,
    overflowDelays,
  };
}
