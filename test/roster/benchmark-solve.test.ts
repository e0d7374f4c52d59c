import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseRosterBenchmark } from "../../src/io/roster-benchmark.js";
import { solveMipInWorker } from "../../src/io/solve-in-worker.js";
import type { BenchmarkRoster, RosterBenchmark } from "../../src/roster/benchmark.js";
import { evaluateRosterBenchmark } from "../../src/roster/benchmark-evaluate.js";
import { constructRosterBenchmark } from "../../src/roster/benchmark-construct.js";
import { solveRosterBenchmark } from "../../src/roster/benchmark-solve.js";
import { solveMip } from "../../src/schedule/mip.js";
import { seededRandom } from "../../src/staffing/random.js";
import { bruteForce, smallInstance, tinyText } from "./benchmark-fixtures.js";

describe("solveRosterBenchmark", () => {
  it("finds the exhaustive-search optimum of the one-week instance, and the checker agrees", async () => {
    const instance = parseRosterBenchmark(tinyText, { file: "tiny.txt" });
    const result = await solveRosterBenchmark(instance, { timeLimitSeconds: 20, relativeGap: 0 });
    expect(result.status).toBe("optimal");
    expect(result.objective).toBe(bruteForce(instance));
    expect(evaluateRosterBenchmark(instance, result.roster!).feasible).toBe(true);
    expect(result.bound).toBe(result.objective);
    expect(result.gap).toBe(0);
  });

  for (const [how, branchAndPriceShare] of [
    ["branch and price first (the default)", 0.5],
    ["the compact MIP's search alone (branchAndPriceShare 0)", 0],
  ] as const) {
    it(`law: on random small instances the optimum equals exhaustive search (or both find none): ${how}`, async () => {
      let feasible = 0;
      await fc.assert(
        fc.asyncProperty(smallInstance, async (instance) => {
          const expected = bruteForce(instance);
          const result = await solveRosterBenchmark(instance, { timeLimitSeconds: 20, relativeGap: 0, branchAndPriceShare });
          if (expected === null) {
            expect(result.status).toBe("infeasible");
            expect(result.roster).toBeNull();
          } else {
            feasible++;
            expect(result.status).toBe("optimal");
            expect(result.objective).toBe(expected);
            expect(evaluateRosterBenchmark(instance, result.roster!).violations).toEqual([]);
          }
        }),
        { numRuns: 25, seed: 15 },
      );
      expect(feasible).toBeGreaterThanOrEqual(8); // the law is exercised on rosters, not only on infeasible cases
    }, 120_000);
  }

  it("solves in a worker thread (solveMipInWorker) to the same roster as in-process", async () => {
    const instance = parseRosterBenchmark(tinyText, { file: "tiny.txt" });
    const inProcess = await solveRosterBenchmark(instance, { timeLimitSeconds: 20, relativeGap: 0 });
    const inWorker = await solveRosterBenchmark(instance, { timeLimitSeconds: 20, relativeGap: 0, runMip: solveMipInWorker });
    expect(inWorker.roster).toEqual(inProcess.roster as BenchmarkRoster);
    expect(inWorker.objective).toBe(inProcess.objective);
  });

  it("objectiveTarget: a target every roster meets stops the search after the LP rounding, with a roster the checker accepts", async () => {
    const instance = parseRosterBenchmark(tinyText, { file: "tiny.txt" });
    const result = await solveRosterBenchmark(instance, { timeLimitSeconds: 20, objectiveTarget: Number.MAX_SAFE_INTEGER });
    expect(result.profile.neighbourhoods).toBe(0);
    expect(result.profile.branchRuns).toBe(0);
    expect(evaluateRosterBenchmark(instance, result.roster!).violations).toEqual([]);
    expect(result.objective!).toBeGreaterThanOrEqual(bruteForce(instance)!);
  });

  it("clockSeconds: the budget is measured on the caller's clock (a clock past the budget leaves only the LP rounding)", async () => {
    const instance = parseRosterBenchmark(tinyText, { file: "tiny.txt" });
    let calls = 0;
    const clockSeconds = () => (calls++ === 0 ? 0 : 1000);
    const result = await solveRosterBenchmark(instance, { timeLimitSeconds: 20, clockSeconds });
    expect(calls).toBeGreaterThan(1);
    expect(result.profile.neighbourhoods).toBe(0);
    expect(evaluateRosterBenchmark(instance, result.roster!).violations).toEqual([]);
  });

  it("refuses a branch-and-price share outside [0, 1]", async () => {
    const instance = parseRosterBenchmark(tinyText, { file: "tiny.txt" });
    await expect(solveRosterBenchmark(instance, { branchAndPriceShare: 1.5 })).rejects.toThrow("solveRosterBenchmark: branchAndPriceShare must be a fraction in [0, 1], got 1.5");
  });

  it("refuses a time limit that is not positive", async () => {
    const instance = parseRosterBenchmark(tinyText, { file: "tiny.txt" });
    await expect(solveRosterBenchmark(instance, { timeLimitSeconds: 0 })).rejects.toThrow("solveRosterBenchmark: timeLimitSeconds must be a positive finite number, got 0");
  });
});

describe("constructRosterBenchmark", () => {
  it("law: on random small instances the constructive roster keeps every hard rule (independent checker), costs no less than the exhaustive optimum, and exists exactly when some roster does", async () => {
    let built = 0;
    await fc.assert(
      fc.asyncProperty(smallInstance, async (instance) => {
        const optimum = bruteForce(instance);
        const roster = await constructRosterBenchmark({ instance, runMip: solveMip, timeLimitSeconds: 20 });
        if (optimum === null) {
          expect(roster).toBeNull();
        } else {
          built++;
          const evaluation = evaluateRosterBenchmark(instance, roster!);
          expect(evaluation.violations).toEqual([]);
          expect(evaluation.objective).toBeGreaterThanOrEqual(optimum);
        }
      }),
      { numRuns: 25, seed: 16 },
    );
    expect(built).toBeGreaterThanOrEqual(8);
  }, 120_000);

  it("law: with one employee the constructive roster is the exhaustive-search optimum", async () => {
    await fc.assert(
      fc.asyncProperty(smallInstance, async (two) => {
        const instance: RosterBenchmark = {
          ...two,
          employees: two.employees.slice(0, 1),
          shiftOnRequests: two.shiftOnRequests.filter((r) => r.employee === "A"),
          shiftOffRequests: two.shiftOffRequests.filter((r) => r.employee === "A"),
          daysOff: { A: two.daysOff["A"] ?? [] },
        };
        const optimum = bruteForce(instance);
        const roster = await constructRosterBenchmark({ instance, runMip: solveMip, timeLimitSeconds: 20 });
        if (optimum === null) expect(roster).toBeNull();
        else expect(evaluateRosterBenchmark(instance, roster!).objective).toBe(optimum);
      }),
      { numRuns: 20, seed: 17 },
    );
  }, 120_000);

  it("builds a feasible roster for a generated 12-employee, 4-week instance with tight contracts", async () => {
    const random = seededRandom(15);
    const shifts = [
      { id: "E", lengthMinutes: 480, forbiddenNext: [] },
      { id: "L", lengthMinutes: 480, forbiddenNext: ["E"] },
      { id: "N", lengthMinutes: 600, forbiddenNext: ["E", "L"] },
    ];
    const employees = Array.from({ length: 12 }, (_, e) => ({
      id: `P${e}`,
      maxShifts: { E: 28, L: 28, N: e % 3 === 0 ? 0 : 4 },
      maxTotalMinutes: 20 * 480,
      minTotalMinutes: 15 * 480,
      maxConsecutiveShifts: 5,
      minConsecutiveShifts: 2,
      minConsecutiveDaysOff: 2,
      maxWeekends: 2,
    }));
    const daysOff = Object.fromEntries(employees.map((p) => [p.id, [Math.floor(random() * 28)]]));
    const cover = Array.from({ length: 28 }, (_, d) => shifts.map((s) => ({ day: d, shift: s.id, requirement: 1 + Math.floor(random() * 3), weightUnder: 100, weightOver: 1 }))).flat();
    const instance: RosterBenchmark = { horizonDays: 28, shifts, employees, daysOff, shiftOnRequests: [], shiftOffRequests: [], cover };
    const roster = await constructRosterBenchmark({ instance, runMip: solveMip, timeLimitSeconds: 30 });
    expect(evaluateRosterBenchmark(instance, roster!).violations).toEqual([]);
  }, 60_000);
});
