/**
 * Seeded synthetic contact-centre histories for the forecasting tests: calls = level x weekday
 * factor x intraday shape, optionally Poisson noise, optional opening hours.
 */
import type { VolumePoint } from "../../src/forecast/types.js";
import { poissonSample, seededRandom } from "../../src/staffing/random.js";

/** The library's seeded generator (mulberry32). */
export const rng = seededRandom;

/** The library's Poisson draw. */
export const poisson = (mean: number, random: () => number): number => poissonSample(mean, random);

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
