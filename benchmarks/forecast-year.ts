/**
 * Fit, backtest (8 weekly origins, every method) and forecast a month from one year of hourly
 * history (8,760 rows, generated: weekday x intraday shape x Poisson noise, seeded).
 * Target (issue 4): under 1 s.   Run: npx tsx benchmarks/forecast-year.ts
 */
import { forecastVolume } from "../src/forecast/index.js";
import { measure } from "./measure.js";

let seed = 42;
const random = () => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const normal = () => Math.sqrt(-2 * Math.log(Math.max(random(), 1e-12))) * Math.cos(2 * Math.PI * random());
const weekday = [1.0, 1.05, 1.0, 1.0, 0.95, 0.35, 0.15];
const start = Date.UTC(2025, 0, 1);
const points = Array.from({ length: 365 * 24 }, (_, i) => {
  const localMs = start + i * 3_600_000;
  const d = new Date(localMs);
  const h = d.getUTCHours();
  const mean = 1500 * weekday[d.getUTCDay()]! * (h < 7 ? 0.005 : Math.max(0.005, Math.sin(((h - 6) / 18) * Math.PI) / 11));
  return { localMs, calls: Math.max(0, Math.round(mean + Math.sqrt(mean) * normal())) };
});
const next = Date.UTC(2026, 0, 1);

for (const method of ["auto", "combined"] as const) {
  measure(
    `forecast-year: fit + backtest (8 origins) + forecast a month, 8760 hourly rows, --method ${method}`,
    () => forecastVolume({ points, intervalMinutes: 60, startLocalMs: next, endLocalMs: Date.UTC(2026, 1, 1), method }),
    { targetSeconds: 1, minSeconds: 3, warmup: 1 },
  );
}
