/**
 * The accuracy targets of issue 4 on the real Anonymous Bank 1999 hourly data (Brown et al. 2005,
 * JASA 100(469); see ../shared/data/README.md). Protocols (hourly WAPE, forecasts clipped at 0,
 * only data before the origin):
 *   P1: origin 1999-12-18 00:00, 336 h;  P2: origin 1999-12-01 00:00, 744 h;
 *   P3: origins 1999-11-06 + 7k days, k = 0..7, 168 h each, pooled.
 * Baselines given in the issue: seasonal naive 22.2 / 22.4 / 22.4 %, 4-week mean 14.9 / 16.9 / 17.6 %.
 * Target: `auto` <= 16.5% on P3 and never worse than the 4-week mean.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildIntervalGrid, forecastVolume, seasonalAverage, seasonalNaive, type ForecastMethodChoice } from "../../src/forecast/index.js";
import { parseVolumeCsv } from "../../src/io/volume-csv.js";
import { sharedFile } from "../support/shared.js";

const path = sharedFile("data", "anonymous-bank-1999-hourly.csv");
const series = parseVolumeCsv(readFileSync(path, "utf8"), { file: path });
const points = series.rows.map((r) => ({ localMs: r.localMs, calls: r.calls }));
const actual = new Map(points.map((p) => [p.localMs, p.calls]));
const hour = 3_600_000;
const day = 86_400_000;

const protocols: Record<"P1" | "P2" | "P3", [number, number][]> = {
  P1: [[Date.UTC(1999, 11, 18), 14]],
  P2: [[Date.UTC(1999, 11, 1), 31]],
  P3: Array.from({ length: 8 }, (_, k) => [Date.UTC(1999, 10, 6) + 7 * k * day, 7] as [number, number]),
};

type Forecaster = (origin: number, days: number) => Map<number, number> & { upper?: Map<number, number> };

function baseline(kind: "naive" | "mean4"): Forecaster {
  return (origin, days) => {
    const grid = buildIntervalGrid({ points: points.filter((p) => p.localMs < origin), intervalMinutes: 60 });
    const context = { grid, excluded: new Uint8Array(grid.days) };
    const f = kind === "naive" ? seasonalNaive({ context, horizonDays: days }) : seasonalAverage({ context, horizonDays: days, weeks: 4, skipExcluded: false });
    return new Map(Array.from(f, (v, i) => [origin + i * hour, v]));
  };
}

const chosen: string[] = [];
const coverage = { below: 0, n: 0 };
function library(method: ForecastMethodChoice): Forecaster {
  return (origin, days) => {
    const r = forecastVolume({ points, intervalMinutes: 60, startLocalMs: origin, endLocalMs: origin + days * day, method, quantile: 0.8 });
    if (method === "auto") {
      chosen.push(r.method);
      for (const row of r.rows) {
        coverage.n++;
        if (actual.get(row.localMs)! <= row.upper) coverage.below++;
      }
    }
    return new Map(r.rows.map((row) => [row.localMs, row.calls]));
  };
}

function wape(forecaster: Forecaster, list: [number, number][]): number {
  let err = 0;
  let total = 0;
  for (const [origin, days] of list) {
    const f = forecaster(origin, days);
    for (let i = 0; i < days * 24; i++) {
      const ms = origin + i * hour;
      const a = actual.get(ms)!;
      err += Math.abs(Math.max(0, f.get(ms) ?? 0) - a);
      total += a;
    }
  }
  return err / total;
}

function figures(forecaster: Forecaster) {
  return { P1: wape(forecaster, protocols.P1), P2: wape(forecaster, protocols.P2), P3: wape(forecaster, protocols.P3) };
}

const pct = (x: number) => (100 * x).toFixed(1);
const pct2 = (x: number) => (100 * x).toFixed(2);

describe("Anonymous Bank 1999: issue 4 accuracy targets", () => {
  const naive = figures(baseline("naive"));
  const mean4 = figures(baseline("mean4"));
  const auto = figures(library("auto"));

  it("the harness reproduces the issue's baselines", () => {
    expect([pct(naive.P1), pct(naive.P2), pct(naive.P3)]).toEqual(["22.2", "22.4", "22.4"]);
    expect([pct(mean4.P1), pct(mean4.P2), pct(mean4.P3)]).toEqual(["14.9", "16.9", "17.6"]);
  });

  it("auto reaches 16.5% or better on P3 and is never worse than the 4-week mean", () => {
    console.log(`auto: P1 ${pct(auto.P1)}%  P2 ${pct(auto.P2)}%  P3 ${pct(auto.P3)}%  (methods chosen: ${[...new Set(chosen)].join(", ")})`);
    expect(auto.P3).toBeLessThanOrEqual(0.165);
    expect(auto.P1).toBeLessThanOrEqual(mean4.P1);
    expect(auto.P2).toBeLessThanOrEqual(mean4.P2);
    expect(auto.P3).toBeLessThanOrEqual(mean4.P3);
    // far from the ~8.3% Poisson floor: no leakage
    expect(auto.P3).toBeGreaterThan(0.12);
  });

  it("the 80% upper bound covers about 80% of the real hours", () => {
    const share = coverage.below / coverage.n;
    console.log(`P80 upper bound covers ${pct(share)}% of ${coverage.n} real hours (P1 + P2 + P3)`);
    expect(share).toBeGreaterThan(0.72);
    expect(share).toBeLessThan(0.88);
  });

  it("table of every method (printed for the README)", () => {
    const rows: [string, ReturnType<typeof figures>][] = [
      ["seasonal naive", naive],
      ["4-week mean", mean4],
      ...(["seasonal-average", "holt-winters", "top-down", "combined", "auto"] as const).map((m) => [m, m === "auto" ? auto : figures(library(m))] as [string, ReturnType<typeof figures>]),
    ];
    const lines = ["| method | P1 | P2 | P3 |", "|---|---:|---:|---:|", ...rows.map(([name, f]) => `| ${name} | ${pct2(f.P1)}% | ${pct2(f.P2)}% | ${pct2(f.P3)}% |`)];
    console.log(lines.join("\n"));
    for (const [, f] of rows) expect(f.P3).toBeGreaterThan(0.12);
  });
});
