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
import { tinyText } from "./benchmark-fixtures.js";

/**
 * The optimum by exhaustive search: every day-string of each employee that the independent checker
 * accepts on its own (requests and cover left out), combined, scored by the checker. Null when no
 * roster keeps the hard rules.
 */
function bruteForce(instance: RosterBenchmark): number | null {
  const H = instance.horizonDays;
  const options = ["", ...instance.shifts.map((s) => s.id)];
  const perEmployee = instance.employees.map((employee) => {
    const alone: RosterBenchmark = { ...instance, employees: [employee], shiftOnRequests: [], shiftOffRequests: [], cover: [] };
    const rows: string[][] = [];
    const total = options.length ** H;
    for (let code = 0; code < total; code++) {
      const row: string[] = [];
      let c = code;
      for (let d = 0; d < H; d++) {
        row.push(options[c % options.length]!);
        c = Math.floor(c / options.length);
      }
      if (evaluateRosterBenchmark(alone, { [employee.id]: row }).feasible) rows.push(row);
    }
    return rows;
  });
  let best: number | null = null;
  const pick: string[][] = [];
  const walk = (e: number) => {
    if (e === instance.employees.length) {
      const roster: Record<string, string[]> = {};
      instance.employees.forEach((employee, k) => (roster[employee.id] = pick[k]!));
      const evaluation = evaluateRosterBenchmark(instance, roster);
      if (evaluation.feasible && (best === null || evaluation.objective < best)) best = evaluation.objective;
      return;
    }
    for (const row of perEmployee[e]!) {
      pick[e] = row;
      walk(e + 1);
    }
  };
  walk(0);
  return best;
}

/** Small random instances: 7 days, 2 employees (the second works only the first shift type), 1-2 types. */
const smallInstance: fc.Arbitrary<RosterBenchmark> = fc
  .record({
    types: fc.integer({ min: 1, max: 2 }),
    lengths: fc.tuple(fc.constantFrom(240, 480), fc.constantFrom(480, 600)),
    forbid: fc.boolean(),
    contracts: fc.array(
      fc.record({
        maxType: fc.integer({ min: 0, max: 7 }),
        maxShifts: fc.integer({ min: 1, max: 7 }),
        minShifts: fc.integer({ min: 0, max: 3 }),
        maxConsecutive: fc.integer({ min: 1, max: 5 }),
        minConsecutive: fc.integer({ min: 1, max: 3 }),
        minOff: fc.integer({ min: 1, max: 3 }),
        maxWeekends: fc.integer({ min: 0, max: 1 }),
        dayOff: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
      }),
      { minLength: 2, maxLength: 2 },
    ),
    onRequests: fc.array(fc.record({ employee: fc.constantFrom("A", "B"), day: fc.integer({ min: 0, max: 6 }), type: fc.integer({ min: 0, max: 1 }), weight: fc.integer({ min: 1, max: 3 }) }), { maxLength: 4 }),
    offRequests: fc.array(fc.record({ employee: fc.constantFrom("A", "B"), day: fc.integer({ min: 0, max: 6 }), type: fc.integer({ min: 0, max: 1 }), weight: fc.integer({ min: 1, max: 3 }) }), { maxLength: 4 }),
    cover: fc.array(fc.record({ day: fc.integer({ min: 0, max: 6 }), type: fc.integer({ min: 0, max: 1 }), requirement: fc.integer({ min: 0, max: 2 }), under: fc.integer({ min: 1, max: 100 }), over: fc.integer({ min: 0, max: 5 }) }), { maxLength: 6 }),
  })
  .map((r) => {
    const shifts = [
      { id: "E", lengthMinutes: r.lengths[0], forbiddenNext: [] as string[] },
      { id: "L", lengthMinutes: r.lengths[1], forbiddenNext: r.forbid ? ["E"] : [] },
    ].slice(0, r.types);
    const ids = shifts.map((s) => s.id);
    const typeOf = (k: number) => ids[Math.min(k, ids.length - 1)]!;
    const employees = r.contracts.map((c, e) => ({
      id: e === 0 ? "A" : "B",
      maxShifts: Object.fromEntries(ids.map((id, k) => [id, e === 1 && k > 0 ? 0 : k === 0 ? 7 : c.maxType])),
      maxTotalMinutes: c.maxShifts * 480,
      minTotalMinutes: c.minShifts * 240,
      maxConsecutiveShifts: c.maxConsecutive,
      minConsecutiveShifts: c.minConsecutive,
      minConsecutiveDaysOff: c.minOff,
      maxWeekends: c.maxWeekends,
    }));
    const daysOff = Object.fromEntries(r.contracts.flatMap((c, e) => (c.dayOff === undefined ? [] : [[e === 0 ? "A" : "B", [c.dayOff]]])));
    const request = (q: { employee: string; day: number; type: number; weight: number }) => ({ employee: q.employee, day: q.day, shift: typeOf(q.type), weight: q.weight });
    const seen = new Set<string>();
    const cover = r.cover
      .map((c) => ({ day: c.day, shift: typeOf(c.type), requirement: c.requirement, weightUnder: c.under, weightOver: c.over }))
      .filter((c) => !seen.has(`${c.day}/${c.shift}`) && seen.add(`${c.day}/${c.shift}`));
    return { horizonDays: 7, shifts, employees, daysOff, shiftOnRequests: r.onRequests.map(request), shiftOffRequests: r.offRequests.map(request), cover };
  });

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

  it("law: on random small instances the MIP optimum equals exhaustive search (or both find none)", async () => {
    let feasible = 0;
    await fc.assert(
      fc.asyncProperty(smallInstance, async (instance) => {
        const expected = bruteForce(instance);
        const result = await solveRosterBenchmark(instance, { timeLimitSeconds: 20, relativeGap: 0 });
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
