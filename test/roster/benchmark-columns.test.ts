import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseRosterBenchmark } from "../../src/io/roster-benchmark.js";
import type { RosterBenchmark } from "../../src/roster/benchmark.js";
import { branchAndPrice, generateColumns, improveByBranchAndPrice, LinePool, masterModel } from "../../src/roster/benchmark-columns.js";
import { evaluateRosterBenchmark } from "../../src/roster/benchmark-evaluate.js";
import { cheapestLines, lineStateCount, type BenchmarkLine } from "../../src/roster/benchmark-lines.js";
import { solveMip } from "../../src/schedule/mip.js";
import { bareInstance, bruteForce, smallInstance, tinyText } from "./benchmark-fixtures.js";

/** One employee of an instance alone, without requests or cover: its lines are what its contract allows. */
function alone(instance: RosterBenchmark, e: number): RosterBenchmark {
  const employee = instance.employees[e]!;
  return { ...instance, employees: [employee], daysOff: { [employee.id]: instance.daysOff[employee.id] ?? [] }, shiftOnRequests: [], shiftOffRequests: [], cover: [] };
}

/** Every line of the employee that the independent checker accepts, by enumeration. */
function feasibleLines(instance: RosterBenchmark, e: number): BenchmarkLine[] {
  const one = alone(instance, e);
  const id = instance.employees[e]!.id;
  const H = instance.horizonDays;
  const options = instance.shifts.length + 1;
  const lines: BenchmarkLine[] = [];
  for (let code = 0; code < options ** H; code++) {
    const line = new Int8Array(H);
    let c = code;
    for (let d = 0; d < H; d++) {
      line[d] = (c % options) - 1;
      c = Math.floor(c / options);
    }
    if (evaluateRosterBenchmark(one, { [id]: Array.from(line, (s) => (s < 0 ? "" : instance.shifts[s]!.id)) }).feasible) lines.push(line);
  }
  return lines;
}

const costOf = (line: BenchmarkLine, dayCost: Float64Array, offCost: Float64Array, S: number) => line.reduce((sum, s, d) => sum + (s < 0 ? offCost[d]! : dayCost[d * S + s]!), 0);

const asRoster = (instance: RosterBenchmark, lines: readonly BenchmarkLine[]) =>
  Object.fromEntries(instance.employees.map((employee, e) => [employee.id, Array.from(lines[e]!, (s) => (s < 0 ? "" : instance.shifts[s]!.id))]));

describe("cheapestLines", () => {
  it("law: the cheapest line equals the cheapest of every line the checker accepts (enumerated), and each line returned keeps the contract and costs what it says", () => {
    let priced = 0;
    fc.assert(
      fc.property(smallInstance, fc.array(fc.integer({ min: -6, max: 6 }), { minLength: 28, maxLength: 28 }), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 21, maxLength: 21 }), (instance, costs, forbidden) => {
        const H = instance.horizonDays;
        const S = instance.shifts.length;
        // random day costs; a cell forbidden (Infinity) where its random draw is 0
        const dayCost = Float64Array.from({ length: H * S }, (_, k) => (forbidden[k % 21] === 0 ? Infinity : costs[k]!));
        const offCost = Float64Array.from({ length: H }, (_, d) => (forbidden[14 + d] === 1 ? Infinity : 0));
        for (let e = 0; e < instance.employees.length; e++) {
          const all = feasibleLines(instance, e).filter((line) => Number.isFinite(costOf(line, dayCost, offCost, S)));
          const lines = cheapestLines(instance, e, dayCost, 5, offCost);
          if (all.length === 0) {
            expect(lines).toEqual([]);
            continue;
          }
          priced++;
          const optimum = Math.min(...all.map((line) => costOf(line, dayCost, offCost, S)));
          expect(lines[0]!.cost).toBe(optimum);
          const keys = new Set(all.map((line) => line.join(",")));
          lines.forEach((priced, k) => {
            expect(keys.has(priced.line.join(","))).toBe(true);
            expect(priced.cost).toBe(costOf(priced.line, dayCost, offCost, S));
            if (k > 0) expect(priced.cost).toBeGreaterThanOrEqual(lines[k - 1]!.cost);
          });
          expect(new Set(lines.map((l) => l.line.join(","))).size).toBe(lines.length);
        }
      }),
      { numRuns: 60, seed: 20 },
    );
    expect(priced).toBeGreaterThanOrEqual(40);
  });

  it("refuses an employee index out of range and cost arrays of the wrong length, naming the argument", () => {
    const instance = parseRosterBenchmark(tinyText, { file: "tiny.txt" });
    expect(() => cheapestLines(instance, 2, new Float64Array(14))).toThrow("cheapestLines: employee must be an employee index in [0, 2), got 2");
    expect(() => cheapestLines(instance, 0, new Float64Array(13))).toThrow("cheapestLines: dayCost must be a Float64Array of 14 day costs (days x shift types)");
    expect(() => cheapestLines(instance, 0, new Float64Array(14), 1, new Float64Array(6))).toThrow("cheapestLines: offCost must be a Float64Array of 7 day-off costs");
    expect(() => masterModel(instance, new LinePool(3))).toThrow("masterModel: pool must be a LinePool with one list per employee");
  });

  it("counts the states of Instance7's first contract: (3 types + 1) x 6 run lengths x 2 x 3 weekends x 19 minute units", () => {
    // Instance7 employee A: E and D up to 28 (the horizon: no counter), L forbidden; 480-minute
    // shifts, at most 8640 minutes = 18 shifts (minute units 0-18); at most 5 days in a row and at
    // least 2 off: run lengths 0-5; whether the run is exempt; at most 2 weekends (0-2)
    const instance = bareInstance({
      horizonDays: 28,
      shifts: [
        { id: "E", lengthMinutes: 480, forbiddenNext: [] },
        { id: "D", lengthMinutes: 480, forbiddenNext: ["E"] },
        { id: "L", lengthMinutes: 480, forbiddenNext: ["E", "D"] },
      ],
      employees: [{ id: "A", maxShifts: { E: 28, D: 28, L: 0 }, maxTotalMinutes: 8640, minTotalMinutes: 7560, maxConsecutiveShifts: 5, minConsecutiveShifts: 2, minConsecutiveDaysOff: 2, maxWeekends: 2 }],
      daysOff: { A: [15, 16] },
    });
    expect(lineStateCount(instance, 0)).toBe(4 * 6 * 2 * 3 * 19);
  });
});

describe("generateColumns and branchAndPrice", () => {
  it("law: on random small instances the column-generation bound is at most the exhaustive optimum, and complete branch and price reaches it with a roster the checker accepts", async () => {
    let solved = 0;
    await fc.assert(
      fc.asyncProperty(smallInstance, async (instance) => {
        const optimum = bruteForce(instance);
        const root = await generateColumns({ instance, budgetSeconds: 30, converge: true });
        const result = await branchAndPrice({ instance, budgetSeconds: 60 });
        if (optimum === null) {
          expect(root.bound).toBe(Infinity);
          expect(result.lines).toBeNull();
          return;
        }
        solved++;
        expect(root.converged).toBe(true);
        expect(root.bound).toBeLessThanOrEqual(optimum + 1e-6);
        expect(result.complete).toBe(true);
        expect(result.objective).toBe(optimum);
        expect(result.bound).toBe(optimum);
        const evaluation = evaluateRosterBenchmark(instance, asRoster(instance, result.lines!));
        expect(evaluation.violations).toEqual([]);
        expect(evaluation.objective).toBe(optimum);
      }),
      { numRuns: 25, seed: 21 },
    );
    expect(solved).toBeGreaterThanOrEqual(8);
  }, 120_000);

  it("the restricted master over the pool is the best roster of its lines: its MIP optimum equals the checker's objective of the lines it picks", async () => {
    const instance = parseRosterBenchmark(tinyText, { file: "tiny.txt" });
    const columns = await generateColumns({ instance, budgetSeconds: 30, converge: true });
    const master = masterModel(instance, columns.pool);
    const mip = await solveMip(master.data, { relativeGap: 0 });
    const lines: BenchmarkLine[] = [];
    master.columns.forEach(({ employee, index }, k) => mip.values![master.firstLineColumn + k]! > 0.5 && (lines[employee] = columns.pool.lines[employee]![index]!));
    const evaluation = evaluateRosterBenchmark(instance, asRoster(instance, lines));
    expect(evaluation.violations).toEqual([]);
    expect(mip.objective).toBeCloseTo(evaluation.objective, 6);
    expect(mip.objective!).toBeGreaterThanOrEqual(columns.bound - 1e-6);
  });

  it("law: neighbourhoods solved by branch and price never worsen the incumbent, keep every hard rule, and a roster they call proven is the exhaustive optimum", async () => {
    let improved = 0;
    await fc.assert(
      fc.asyncProperty(smallInstance, fc.integer({ min: 1, max: 1000 }), async (instance, seed) => {
        const optimum = bruteForce(instance);
        if (optimum === null) return;
        // a poor incumbent: each employee's own cheapest line, priced with no cover at all
        const S = instance.shifts.length;
        const lines = instance.employees.map((_, e) => cheapestLines(instance, e, new Float64Array(instance.horizonDays * S))[0]!.line);
        const start = evaluateRosterBenchmark(instance, asRoster(instance, lines)).objective;
        const result = await improveByBranchAndPrice({ instance, incumbent: { lines, objective: start }, budgetSeconds: 2, seed });
        const evaluation = evaluateRosterBenchmark(instance, asRoster(instance, result.lines));
        expect(evaluation.violations).toEqual([]);
        expect(evaluation.objective).toBe(result.objective);
        expect(result.objective).toBeLessThanOrEqual(start);
        expect(result.objective).toBeGreaterThanOrEqual(optimum);
        if (result.proven) expect(result.objective).toBe(optimum);
        if (result.objective < start) improved++;
      }),
      { numRuns: 15, seed: 22 },
    );
    expect(improved).toBeGreaterThanOrEqual(3);
  }, 120_000);

  it("firstRosterSeconds: a budget spent before any roster stretches until the first roster (a clock that moves 1 s per reading)", async () => {
    const instance = parseRosterBenchmark(tinyText, { file: "tiny.txt" });
    const ticking = () => {
      let t = 0;
      return () => (t += 1);
    };
    const without = await branchAndPrice({ instance, budgetSeconds: 0.5, clockSeconds: ticking() });
    expect(without.lines).toBeNull();
    expect(without.complete).toBe(false);
    const stretched = await branchAndPrice({ instance, budgetSeconds: 0.5, clockSeconds: ticking(), firstRosterSeconds: 1e6 });
    expect(stretched.lines).not.toBeNull();
    const evaluation = evaluateRosterBenchmark(instance, asRoster(instance, stretched.lines!));
    expect(evaluation.violations).toEqual([]);
    expect(evaluation.objective).toBe(stretched.objective);
  });

  it("a pool keeps one copy of each line", () => {
    const pool = new LinePool(2);
    expect(pool.add(0, Int8Array.from([0, -1]))).toBe(true);
    expect(pool.add(0, Int8Array.from([0, -1]))).toBe(false);
    expect(pool.add(1, Int8Array.from([0, -1]))).toBe(true);
    expect(pool.size).toBe(2);
  });
});
