import fc from "fast-check";
import type { RosterBenchmark } from "../../src/roster/benchmark.js";
import { evaluateRosterBenchmark } from "../../src/roster/benchmark-evaluate.js";

/** A one-week instance in the Curtois & Qu text format (CRLF line endings, as the published files). */
export const tinyText = [
  "# a comment",
  "SECTION_HORIZON",
  "7",
  "",
  "SECTION_SHIFTS",
  "# ShiftID, Length in mins, Shifts which cannot follow this shift | separated",
  "D,480,",
  "N,600,D",
  "",
  "SECTION_STAFF",
  "A,D=7|N=2,2400,960,3,2,2,1",
  "B,D=7|N=0,2400,480,5,1,1,1",
  "",
  "SECTION_DAYS_OFF",
  "A,3",
  "",
  "SECTION_SHIFT_ON_REQUESTS",
  "B,0,D,2",
  "",
  "SECTION_SHIFT_OFF_REQUESTS",
  "A,1,N,3",
  "",
  "SECTION_COVER",
  "0,D,1,100,1",
  "1,N,1,100,1",
  "5,D,2,100,1",
  "",
].join("\r\n");

/** A bare instance: one shift type D (480 min), employees with loose contracts, nothing else. */
export function bareInstance(overrides: Partial<RosterBenchmark> = {}): RosterBenchmark {
  return {
    horizonDays: 14,
    shifts: [
      { id: "D", lengthMinutes: 480, forbiddenNext: [] },
      { id: "N", lengthMinutes: 480, forbiddenNext: ["D"] },
    ],
    employees: [
      {
        id: "A",
        maxShifts: { D: 14, N: 2 },
        maxTotalMinutes: 14 * 480,
        minTotalMinutes: 0,
        maxConsecutiveShifts: 5,
        minConsecutiveShifts: 2,
        minConsecutiveDaysOff: 2,
        maxWeekends: 1,
      },
    ],
    daysOff: { A: [9] },
    shiftOnRequests: [],
    shiftOffRequests: [],
    cover: [],
    ...overrides,
  };
}

/**
 * The optimum by exhaustive search: every day-string of each employee that the independent checker
 * accepts on its own (requests and cover left out), combined, scored by the checker. Null when no
 * roster keeps the hard rules.
 */
export function bruteForce(instance: RosterBenchmark): number | null {
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
export const smallInstance: fc.Arbitrary<RosterBenchmark> = fc
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
