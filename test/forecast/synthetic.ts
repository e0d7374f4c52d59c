/**
 * Seeded synthetic contact-centre histories for the forecasting tests: calls = level x weekday
 * factor x intraday shape, optionally Poisson noise, optional opening hours.
 */
import type { VolumePoint } from "../../src/forecast/types.js";

/** mulberry32: a small seeded PRNG (public domain, Tommy Ettinger). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Poisson sample by inversion (Knuth) for small means, normal approximation above 50. */
export function poisson(mean: number, random: () => number): number {
  if (mean <= 0) return 0;
  if (mean > 50) {
    const u = Math.max(random(), 1e-12);
    const v = random();
    const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    return Math.max(0, Math.round(mean + Math.sqrt(mean) * z));
  }
  const limit = Math.exp(-mean);
  let k = 0;
  let p = random();
  while (p > limit) {
    k++;
    p *= random();
  }
  return k;
}

/** Weekday factors, 0 = Sunday. */
export const weekdayFactors = [0.5, 1.2, 1.1, 1.0, 1.0, 0.9, 0.3];

/** Intraday shape over 24 hours (sums to 1): a day-time hump. */
export function hourShape(hour: number): number {
  const raw = hour < 7 || hour >= 21 ? 0.01 : Math.sin(((hour - 6) / 16) * Math.PI) + 0.2;
  return raw / hourShapeTotal;
}
const hourShapeTotal = Array.from({ length: 24 }, (_, h) => (h < 7 || h >= 21 ? 0.01 : Math.sin(((h - 6) / 16) * Math.PI) + 0.2)).reduce((a, b) => a + b, 0);

/** Options of {@link syntheticHistory}. */
export interface SyntheticOptions {
  /** First day, local midnight. */
  startMs: number;
  days: number;
  /** Calls on an average day. */
  dailyCalls: number;
  /** Poisson noise with this seed; exact expectations when absent. */
  seed?: number;
  /** Hours open [from, to) on weekdays Mon-Fri only (rows absent otherwise). */
  openHours?: [number, number];
  /** Add an AHT column: 300 s + 60 s in the afternoon. */
  aht?: boolean;
}

/** The expected calls of an hour. */
export function expectedCalls(localMs: number, dailyCalls: number): number {
  const d = new Date(localMs);
  return dailyCalls * weekdayFactors[d.getUTCDay()]! * hourShape(d.getUTCHours());
}

/** An hourly history following the model. */
export function syntheticHistory(options: SyntheticOptions): VolumePoint[] {
  const { startMs, days, dailyCalls, seed, openHours, aht = false } = options;
  const random = seed === undefined ? null : rng(seed);
  const out: VolumePoint[] = [];
  for (let d = 0; d < days; d++) {
    for (let h = 0; h < 24; h++) {
      const localMs = startMs + d * 86_400_000 + h * 3_600_000;
      const weekday = new Date(localMs).getUTCDay();
      if (openHours && (weekday === 0 || weekday === 6 || h < openHours[0] || h >= openHours[1])) continue;
      const mean = expectedCalls(localMs, dailyCalls);
      const calls = random ? poisson(mean, random) : mean;
      out.push(aht ? { localMs, calls, ahtSeconds: 300 + (h >= 12 ? 60 : 0) } : { localMs, calls });
    }
  }
  return out;
}
