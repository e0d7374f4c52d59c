import { describe, expect, it } from "vitest";
import { solveMip, type MipModelData } from "../../src/schedule/mip.js";
import type { MipProgress } from "../../src/schedule/highs-run.js";

// A multi-dimensional 0-1 knapsack written as a minimisation (cost = -value), small enough to
// enumerate: the exhaustive search below is the independent check of HiGHS's optimum.
const items = 18;
const constraints = 4;
let seed = 12345;
const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const value = Array.from({ length: items }, () => 10 + Math.floor(next() * 90));
const weight = Array.from({ length: constraints }, () => Array.from({ length: items }, () => 5 + Math.floor(next() * 45)));
const capacity = weight.map((row) => Math.floor(row.reduce((a, b) => a + b, 0) * 0.4));

function knapsack(): MipModelData {
  const starts: number[] = [];
  const indices: number[] = [];
  const values: number[] = [];
  for (let j = 0; j < items; j++) {
    starts.push(indices.length);
    for (let r = 0; r < constraints; r++) {
      indices.push(r);
      values.push(weight[r]![j]!);
    }
  }
  starts.push(indices.length);
  return {
    numCols: items,
    numRows: constraints,
    colCost: Float64Array.from(value, (v) => -v),
    colLower: new Float64Array(items),
    colUpper: new Float64Array(items).fill(1),
    rowLower: new Float64Array(constraints).fill(-Infinity),
    rowUpper: Float64Array.from(capacity),
    matrix: { format: "csc", numRows: constraints, numCols: items, starts: Int32Array.from(starts), indices: Int32Array.from(indices), values: Float64Array.from(values) },
    integrality: new Int32Array(items).fill(1),
  };
}

function bestByEnumeration(): number {
  let best = 0;
  for (let mask = 0; mask < 1 << items; mask++) {
    let total = 0;
    let fits = true;
    for (let r = 0; r < constraints && fits; r++) {
      let load = 0;
      for (let j = 0; j < items; j++) if (mask & (1 << j)) load += weight[r]![j]!;
      fits = load <= capacity[r]!;
    }
    if (!fits) continue;
    for (let j = 0; j < items; j++) if (mask & (1 << j)) total += value[j]!;
    best = Math.max(best, total);
  }
  return -best;
}

describe("runHighs (through solveMip)", () => {
  it("reaches the enumerated optimum and reports progress that never crosses its own bound", async () => {
    const reports: MipProgress[] = [];
    const result = await solveMip(knapsack(), { timeLimitSeconds: 30, relativeGap: 0, onProgress: (p) => reports.push(p) });
    expect(result.status).toBe("optimal");
    expect(result.objective).toBeCloseTo(bestByEnumeration(), 9);
    expect(reports.length).toBeGreaterThan(0);
    for (const p of reports) {
      expect(p.elapsedSeconds).toBeGreaterThanOrEqual(0);
      if (p.bestObjective !== null && p.bound !== null) expect(p.bestObjective).toBeGreaterThanOrEqual(p.bound - 1e-6);
      if (p.bestObjective !== null) expect(result.objective!).toBeLessThanOrEqual(p.bestObjective + 1e-9);
    }
  });

  it("stops as cancelled when shouldStop says so at the first poll", async () => {
    let polls = 0;
    const result = await solveMip(knapsack(), { timeLimitSeconds: 30, relativeGap: 0, shouldStop: () => ++polls > 0 });
    expect(result.status).toBe("cancelled");
    expect(polls).toBeGreaterThan(0);
  });
});
