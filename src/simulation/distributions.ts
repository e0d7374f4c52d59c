import type { Problem } from "../errors.js";
import { describeValue } from "../errors.js";
import type { DurationDistribution, PatienceDistribution } from "./types.js";

/**
 * Duration distributions of the simulator: validation and sampling.
 *
 * Sampling uses only uniforms in (0, 1) from the caller's stream (`seededRandom`), so a seed
 * gives the same durations on every machine:
 * - exponential: −m ln U (inversion);
 * - lognormal: exp(μ + σ Z), Z standard normal by Box-Muller from two uniforms,
 *   σ² = ln(1 + c²), μ = ln m − σ² / 2, so the mean is m and the coefficient of variation c;
 * - gamma: Marsaglia & Tsang's squeeze method (shape α = 1 / c², scale m c²), with the
 *   U^(1/α) boost for α < 1;
 * - empirical: the sample value at index ⌊U n⌋.
 *
 * @see Marsaglia & Tsang, "A simple method for generating gamma variables", ACM TOMS 26 (2000) 363-372;
 * Law, "Simulation Modeling and Analysis", 5th ed., ch. 8.
 * @module
 */

/** Kind codes of a compiled distribution (internal). */
export const DistKind = { Exponential: 0, Lognormal: 1, Gamma: 2, Deterministic: 3, Empirical: 4, None: 5 } as const;

/** A distribution ready to sample: one shape for every kind, so the hot path stays monomorphic. */
export interface CompiledDistribution {
  readonly kind: number;
  /** exponential: mean; lognormal: μ; gamma: shape α; deterministic: the value. */
  readonly a: number;
  /** lognormal: σ; gamma: scale. */
  readonly b: number;
  /** empirical: the samples. */
  readonly samples: Float64Array;
  /** Mean, seconds (Infinity for `none`). */
  readonly meanSeconds: number;
}

const noSamples = new Float64Array(0);

function problem(problems: Problem[], path: readonly (string | number)[], expectation: string, value: unknown): void {
  problems.push({
    code: "invalid-argument",
    message: `simulate: ${formatField(path)} must be ${expectation}, got ${describeValue(value)}`,
    path,
    value,
  });
}

/** `contactTypes[0].handleTime.meanSeconds` (internal). */
export function formatField(path: readonly (string | number)[]): string {
  let out = "";
  for (const part of path) out += typeof part === "number" ? `[${part}]` : out === "" ? part : `.${part}`;
  return out;
}

/** Pushes an `invalid-argument` problem naming the field (internal). */
export { problem as pushProblem };

/**
 * Validates a distribution, pushing one problem per bad field, and compiles it (internal).
 * `positiveMean` demands a mean > 0 (handle times); otherwise durations may be 0 (patience, delays).
 * Returns `null` when a problem was found.
 */
export function compileDistribution(
  d: PatienceDistribution | undefined,
  path: readonly (string | number)[],
  problems: Problem[],
  options: { readonly allowNone: boolean; readonly positiveMean: boolean },
): CompiledDistribution | null {
  if (d === undefined || d === null || typeof d !== "object") {
    if (d === undefined && options.allowNone) return { kind: DistKind.None, a: 0, b: 0, samples: noSamples, meanSeconds: Infinity };
    problem(problems, path, "a distribution object ({ kind: \"exponential\" | \"lognormal\" | \"gamma\" | \"deterministic\" | \"empirical\", ... })", d);
    return null;
  }
  const before = problems.length;
  const positive = (field: string, value: unknown) => {
    if (!(typeof value === "number" && Number.isFinite(value) && value > 0)) problem(problems, [...path, field], "a positive finite number", value);
  };
  const nonNegative = (field: string, value: unknown) => {
    const ok = typeof value === "number" && Number.isFinite(value) && (options.positiveMean ? value > 0 : value >= 0);
    if (!ok) problem(problems, [...path, field], options.positiveMean ? "a positive finite number" : "a finite number >= 0", value);
  };
  switch (d.kind) {
    case "none":
      if (!options.allowNone) {
        problem(problems, [...path, "kind"], "\"exponential\", \"lognormal\", \"gamma\", \"deterministic\" or \"empirical\"", d.kind);
        return null;
      }
      return { kind: DistKind.None, a: 0, b: 0, samples: noSamples, meanSeconds: Infinity };
    case "exponential": {
      positive("meanSeconds", d.meanSeconds);
      if (problems.length > before) return null;
      return { kind: DistKind.Exponential, a: d.meanSeconds, b: 0, samples: noSamples, meanSeconds: d.meanSeconds };
    }
    case "lognormal":
    case "gamma": {
      positive("meanSeconds", d.meanSeconds);
      positive("cv", d.cv);
      if (problems.length > before) return null;
      const m = d.meanSeconds;
      const c = d.cv;
      if (d.kind === "lognormal") {
        const sigma2 = Math.log1p(c * c);
        return { kind: DistKind.Lognormal, a: Math.log(m) - sigma2 / 2, b: Math.sqrt(sigma2), samples: noSamples, meanSeconds: m };
      }
      return { kind: DistKind.Gamma, a: 1 / (c * c), b: m * c * c, samples: noSamples, meanSeconds: m };
    }
    case "deterministic": {
      nonNegative("seconds", d.seconds);
      if (problems.length > before) return null;
      return { kind: DistKind.Deterministic, a: d.seconds, b: 0, samples: noSamples, meanSeconds: d.seconds };
    }
    case "empirical": {
      const list = d.samplesSeconds;
      if (!Array.isArray(list) || list.length === 0) {
        problem(problems, [...path, "samplesSeconds"], "a non-empty list of durations", list);
        return null;
      }
      const samples = new Float64Array(list.length);
      let sum = 0;
      for (let i = 0; i < list.length; i++) {
        const v = list[i];
        if (!(typeof v === "number" && Number.isFinite(v) && v >= 0)) {
          problem(problems, [...path, "samplesSeconds", i], "a finite number >= 0", v);
          continue;
        }
        samples[i] = v;
        sum += v;
      }
      if (problems.length > before) return null;
      if (options.positiveMean && !(sum > 0)) {
        problem(problems, [...path, "samplesSeconds"], "durations with a positive mean", list);
        return null;
      }
      return { kind: DistKind.Empirical, a: 0, b: 0, samples, meanSeconds: sum / list.length };
    }
    default:
      problem(problems, [...path, "kind"], "\"exponential\", \"lognormal\", \"gamma\", \"deterministic\" or \"empirical\"", (d as { kind?: unknown }).kind);
      return null;
  }
}

/** A standard normal draw by Box-Muller from two uniforms (internal). */
export function standardNormal(random: () => number): number {
  const u = random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** A gamma draw with shape `shape` and scale 1 (Marsaglia & Tsang; internal). */
export function gammaUnitScale(shape: number, random: () => number): number {
  if (shape < 1) {
    const boost = Math.pow(random(), 1 / shape);
    return gammaUnitScale(shape + 1, random) * boost;
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = random();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** One duration, seconds (Infinity for `none`; internal). */
export function sampleDuration(d: CompiledDistribution, random: () => number): number {
  switch (d.kind) {
    case DistKind.Exponential:
      return -d.a * Math.log(random());
    case DistKind.Lognormal:
      return Math.exp(d.a + d.b * standardNormal(random));
    case DistKind.Gamma:
      return d.b * gammaUnitScale(d.a, random);
    case DistKind.Deterministic:
      return d.a;
    case DistKind.Empirical:
      return d.samples[Math.floor(random() * d.samples.length)]!;
    default:
      return Infinity;
  }
}
