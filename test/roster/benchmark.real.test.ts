import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseRosterBenchmark } from "../../src/io/roster-benchmark.js";
import { evaluateRosterBenchmark } from "../../src/roster/benchmark-evaluate.js";
import { constructRosterBenchmark } from "../../src/roster/benchmark-construct.js";
import { generateColumns } from "../../src/roster/benchmark-columns.js";
import { buildRosterBenchmarkModel, solveRosterBenchmark } from "../../src/roster/benchmark-solve.js";
import { solveMip } from "../../src/schedule/mip.js";
import { sharedFile } from "../support/shared.js";

/**
 * The small Curtois & Qu instances solved to their proven optimum (best-known.csv, Curtois & Qu
 * 2014, Table 2), each roster re-checked by the independent evaluator.
 */
const bestKnown = new Map(
  readFileSync(sharedFile("bench-roster", "best-known.csv"), "utf8")
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => line.split(","))
    .map(([instance, , , , best]) => [instance!, Number(best)]),
);

const cpuSeconds = () => {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1e6;
};

describe("Curtois & Qu instances with a proven optimum", () => {
  for (const name of ["Instance1", "Instance2", "Instance3", "Instance4"]) {
    it(`${name}: reaches the proven optimum ${bestKnown.get(name)}, and the checker agrees`, async () => {
      const file = sharedFile("bench-roster", "instances", `${name}.txt`);
      const instance = parseRosterBenchmark(readFileSync(file, "utf8"), { file });
      // the budget in CPU seconds of this process (HiGHS runs in this thread): independent of the load
      const result = await solveRosterBenchmark(instance, { timeLimitSeconds: 120, clockSeconds: cpuSeconds });
      const evaluation = evaluateRosterBenchmark(instance, result.roster!);
      expect(evaluation.violations).toEqual([]);
      expect(evaluation.objective).toBe(bestKnown.get(name));
      expect(result.objective).toBe(bestKnown.get(name));
      expect(result.status).toBe("optimal");
      expect(result.bound).toBe(bestKnown.get(name));
    }, 900_000);
  }

  for (const name of ["Instance1", "Instance2", "Instance3"]) {
    it(`${name}: the constructive first roster keeps every hard rule (independent checker) and costs no less than the optimum`, async () => {
      const file = sharedFile("bench-roster", "instances", `${name}.txt`);
      const instance = parseRosterBenchmark(readFileSync(file, "utf8"), { file });
      const roster = await constructRosterBenchmark({ instance, runMip: solveMip, timeLimitSeconds: 60 });
      const evaluation = evaluateRosterBenchmark(instance, roster!);
      expect(evaluation.violations).toEqual([]);
      expect(evaluation.objective).toBeGreaterThanOrEqual(bestKnown.get(name)!);
    }, 120_000);
  }

  for (const name of ["Instance1", "Instance2", "Instance3", "Instance4", "Instance5", "Instance6", "Instance7"]) {
    it(`${name}: the column-generation bound lies between the compact model's LP relaxation and the proven optimum`, async () => {
      const file = sharedFile("bench-roster", "instances", `${name}.txt`);
      const instance = parseRosterBenchmark(readFileSync(file, "utf8"), { file });
      const columns = await generateColumns({ instance, budgetSeconds: 600, converge: true });
      // the compact model with every integrality dropped: a weaker relaxation of the same roster
      const compact = buildRosterBenchmarkModel(instance).data;
      const lp = await solveMip({ ...compact, integrality: new Int32Array(compact.numCols) }, { timeLimitSeconds: 600, relativeGap: 0 });
      expect(columns.converged).toBe(true);
      expect(columns.bound).toBeLessThanOrEqual(bestKnown.get(name)! + 1e-6);
      expect(columns.bound).toBeGreaterThanOrEqual(lp.objective! - 1e-6);
    }, 900_000);
  }

  it("reads every instance with the sizes best-known.csv lists", () => {
    const rows = readFileSync(sharedFile("bench-roster", "best-known.csv"), "utf8").trim().split("\n").slice(1).map((l) => l.split(","));
    for (const [name, days, staff, types] of rows) {
      const file = sharedFile("bench-roster", "instances", `${name}.txt`);
      const instance = parseRosterBenchmark(readFileSync(file, "utf8"), { file });
      expect([instance.horizonDays, instance.employees.length, instance.shifts.length]).toEqual([Number(days), Number(staff), Number(types)]);
    }
  });
});
