/**
 * Checks one reference case (the `{id, model, inputs, expected, tolerance}` format of
 * ../shared/reference/queueing-cases.json, also used by the committed high-precision fixture)
 * against the library, key by key. Returns one line per mismatch, naming the case, its inputs,
 * the key, the expected and the computed value, so a failing test prints everything needed.
 */
import { erlangA, erlangB, erlangC, requiredAgents, type QueueingModel } from "../../src/queueing/index.js";

export interface ReferenceCase {
  readonly id: string;
  readonly model: "erlangB" | "erlangC" | "erlangA";
  readonly inputs: Record<string, number>;
  readonly expected: Record<string, number | boolean | null>;
  readonly tolerance?: { readonly relative?: number; readonly absolute?: number; readonly integers?: string };
}

const modelNames: Record<ReferenceCase["model"], QueueingModel> = {
  erlangB: "erlang-b",
  erlangC: "erlang-c",
  erlangA: "erlang-a",
};

const integerKeys = new Set(["requiredAgents", "requiredLines", "scheduledAgents", "agents"]);

/** Whether `got` is within the case's tolerance of `expected`: |got - expected| <= max(rel |expected|, abs). */
export function withinTolerance(got: number, expected: number, relative: number, absolute: number): boolean {
  if (!Number.isFinite(got)) return false;
  return Math.abs(got - expected) <= Math.max(relative * Math.abs(expected), absolute);
}

/** Every key of `expected` that the library gets wrong (empty when the case passes). */
export function checkCase(c: ReferenceCase, defaults: { relative: number; absolute: number } = { relative: 1e-9, absolute: 1e-12 }): string[] {
  const relative = c.tolerance?.relative ?? (c.tolerance?.absolute !== undefined ? 0 : defaults.relative);
  const absolute = c.tolerance?.absolute ?? defaults.absolute;
  const isRequirement = c.inputs.agents === undefined && c.inputs.lines === undefined;
  const model = modelNames[c.model];
  const problems: string[] = [];
  const fail = (key: string, expected: unknown, got: unknown) =>
    problems.push(`${c.id} ${key}: expected ${String(expected)}, got ${String(got)} (inputs ${JSON.stringify(c.inputs)})`);
  let result: Record<string, unknown>;
  let oneFewer: Record<string, unknown> | null = null;
  try {
    if (isRequirement) {
      const r = requiredAgents({ ...c.inputs, model });
      result = r as unknown as Record<string, unknown>;
      oneFewer = r.feasible ? (r.atOneFewer as unknown as Record<string, unknown> | null) : null;
    } else if (c.model === "erlangB") {
      result = erlangB(c.inputs) as unknown as Record<string, unknown>;
    } else if (c.model === "erlangC") {
      result = erlangC(c.inputs as never) as unknown as Record<string, unknown>;
    } else {
      result = erlangA(c.inputs as never) as unknown as Record<string, unknown>;
    }
  } catch (error) {
    return [`${c.id}: threw ${String(error)} (inputs ${JSON.stringify(c.inputs)})`];
  }
  for (const [key, expected] of Object.entries(c.expected)) {
    let got: unknown;
    switch (key) {
      case "requiredAgents":
      case "requiredLines":
        got = result.agents;
        break;
      case "attainable":
        got = result.feasible;
        break;
      case "serviceLevelAnsweredWithinOverOffered":
        got = result.serviceLevel;
        break;
      case "serviceLevelAtRequiredMinus1":
        got = oneFewer?.serviceLevel;
        break;
      case "blockingProbabilityAtRequiredMinus1":
        got = oneFewer?.blockingProbability;
        break;
      case "waitProbabilityWithAnyAgents":
      case "serviceLevelWithAnyAgents":
      case "asaSecondsWithAnyAgents": {
        // Evaluate at several staffing levels: the value must hold for each.
        const metric = key.replace("WithAnyAgents", "");
        for (const agents of [0, 1, 2, 10, 1000]) {
          const m = (c.model === "erlangA" ? erlangA({ ...c.inputs, agents } as never) : erlangC({ ...c.inputs, agents } as never)) as unknown as Record<
            string,
            unknown
          >;
          if (m[metric] !== expected) fail(`${key} at ${agents} agents`, expected, m[metric]);
        }
        continue;
      }
      default:
        got = result[key];
    }
    if (expected === null) {
      // null: infinite (asaSeconds of an unstable queue) or "no answer" (requiredAgents of an infeasible target)
      if (!(got === null || got === Number.POSITIVE_INFINITY)) fail(key, expected, got);
    } else if (typeof expected === "boolean") {
      if (got !== expected) fail(key, expected, got);
    } else if (integerKeys.has(key) || Number.isInteger(expected) && (key.startsWith("required") || key === "scheduledAgents")) {
      if (got !== expected) fail(key, expected, got);
    } else if (typeof got !== "number" || !withinTolerance(got, expected, relative, absolute)) {
      fail(key, expected, got);
    }
  }
  return problems;
}
