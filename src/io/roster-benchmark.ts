import { WfmError, type Problem } from "../errors.js";
import type { BenchmarkCover, BenchmarkEmployee, BenchmarkRequest, BenchmarkShiftType, RosterBenchmark } from "../roster/benchmark.js";

/**
 * Reader of the Curtois & Qu staff-rostering text format ("nrp" instances of the Employee Shift
 * Scheduling Benchmark Data Sets). `#` starts a comment; each section starts with its keyword
 * (`SECTION_HORIZON`, `SECTION_SHIFTS`, `SECTION_STAFF`, `SECTION_DAYS_OFF`,
 * `SECTION_SHIFT_ON_REQUESTS`, `SECTION_SHIFT_OFF_REQUESTS`, `SECTION_COVER`) and holds
 * comma-separated records up to the next keyword. Carriage returns are ignored.
 *
 * @module
 */

const SECTIONS = [
  "SECTION_HORIZON",
  "SECTION_SHIFTS",
  "SECTION_STAFF",
  "SECTION_DAYS_OFF",
  "SECTION_SHIFT_ON_REQUESTS",
  "SECTION_SHIFT_OFF_REQUESTS",
  "SECTION_COVER",
] as const;
type Section = (typeof SECTIONS)[number];

interface Record_ {
  readonly fields: string[];
  readonly line: number;
}

/**
 * Parses a Curtois & Qu instance, reporting every bad record with its line.
 *
 * @param text - the file content
 * @param options.file - the file name used in problems
 * @returns the instance
 * @throws {WfmError} `invalid-file` with one problem per bad record or missing section (file:line)
 *
 * @example
 * ```ts
 * const instance = parseRosterBenchmark(text, { file: "Instance1.txt" });
 * instance.horizonDays; //=> 14
 * instance.employees.length; //=> 8
 * ```
 */
export function parseRosterBenchmark(text: string, options: { file: string }): RosterBenchmark {
  const { file } = options;
  const problems: Problem[] = [];
  const fail = (line: number | undefined, message: string, column?: number) =>
    problems.push({ code: "invalid-file", file, ...(line === undefined ? {} : { line }), ...(column === undefined ? {} : { column }), message });

  const records = new Map<Section, Record_[]>();
  let current: Section | null = null;
  text.split("\n").forEach((raw, i) => {
    const content = raw.replace(/\r/g, "").replace(/#.*$/, "").trim();
    if (content === "") return;
    if ((SECTIONS as readonly string[]).includes(content)) {
      current = content as Section;
      if (records.has(current)) fail(i + 1, `section ${current} appears twice`);
      records.set(current, []);
      return;
    }
    if (current === null) {
      fail(i + 1, `expected a SECTION_ keyword, got ${JSON.stringify(content)}`);
      return;
    }
    records.get(current)!.push({ fields: content.split(",").map((f) => f.trim()), line: i + 1 });
  });
  const section = (name: Section): Record_[] => {
    const found = records.get(name);
    if (found === undefined) {
      fail(undefined, `missing section ${name}`);
      return [];
    }
    return found;
  };
  const integer = (r: Record_, k: number, name: string, min = 0): number => {
    const raw = r.fields[k];
    const value = raw === undefined || raw === "" ? Number.NaN : Number(raw);
    if (!Number.isInteger(value) || value < min) {
      fail(r.line, `${name} must be a whole number of at least ${min}, got ${JSON.stringify(raw ?? "")}`, k + 1);
      return min;
    }
    return value;
  };

  const horizonRecords = section("SECTION_HORIZON");
  let horizonDays = 0;
  if (horizonRecords.length !== 1) fail(horizonRecords[1]?.line, `SECTION_HORIZON must hold one number, found ${horizonRecords.length} records`);
  if (horizonRecords[0]) horizonDays = integer(horizonRecords[0], 0, "the horizon (days)", 1);

  const shifts: BenchmarkShiftType[] = [];
  const shiftIds = new Set<string>();
  for (const r of section("SECTION_SHIFTS")) {
    const id = r.fields[0] ?? "";
    if (id === "") fail(r.line, "a shift needs an id", 1);
    if (shiftIds.has(id)) fail(r.line, `shift ${id} is defined twice`, 1);
    shiftIds.add(id);
    const lengthMinutes = integer(r, 1, `shift ${id}: length (minutes)`, 1);
    const forbiddenNext = (r.fields[2] ?? "").split("|").map((s) => s.trim()).filter((s) => s !== "");
    shifts.push({ id, lengthMinutes, forbiddenNext });
  }
  const checkShift = (r: Record_, k: number, id: string) => {
    if (!shiftIds.has(id)) fail(r.line, `unknown shift ${JSON.stringify(id)}`, k + 1);
  };
  for (const r of section("SECTION_SHIFTS")) for (const next of (r.fields[2] ?? "").split("|").map((s) => s.trim()).filter((s) => s !== "")) checkShift(r, 2, next);

  const employees: BenchmarkEmployee[] = [];
  const employeeIds = new Set<string>();
  for (const r of section("SECTION_STAFF")) {
    const id = r.fields[0] ?? "";
    if (r.fields.length !== 8) {
      fail(r.line, `a staff record needs 8 fields (id, maxShifts, maxTotalMinutes, minTotalMinutes, maxConsecutiveShifts, minConsecutiveShifts, minConsecutiveDaysOff, maxWeekends), found ${r.fields.length}`);
      continue;
    }
    if (employeeIds.has(id)) fail(r.line, `employee ${id} is defined twice`, 1);
    employeeIds.add(id);
    const maxShifts: Record<string, number> = {};
    for (const pair of r.fields[1]!.split("|").filter((p) => p.trim() !== "")) {
      const [shift, count] = pair.split("=").map((s) => s.trim());
      const value = Number(count);
      if (shift === undefined || !shiftIds.has(shift) || !Number.isInteger(value) || value < 0) {
        fail(r.line, `employee ${id}: maxShifts must be SHIFT=n pairs of known shifts, got ${JSON.stringify(pair)}`, 2);
        continue;
      }
      maxShifts[shift] = value;
    }
    employees.push({
      id,
      maxShifts,
      maxTotalMinutes: integer(r, 2, `employee ${id}: maxTotalMinutes`),
      minTotalMinutes: integer(r, 3, `employee ${id}: minTotalMinutes`),
      maxConsecutiveShifts: integer(r, 4, `employee ${id}: maxConsecutiveShifts`, 1),
      minConsecutiveShifts: integer(r, 5, `employee ${id}: minConsecutiveShifts`),
      minConsecutiveDaysOff: integer(r, 6, `employee ${id}: minConsecutiveDaysOff`),
      maxWeekends: integer(r, 7, `employee ${id}: maxWeekends`),
    });
  }
  const checkEmployee = (r: Record_, id: string) => {
    if (!employeeIds.has(id)) fail(r.line, `unknown employee ${JSON.stringify(id)}`, 1);
  };
  const day = (r: Record_, k: number) => {
    const d = integer(r, k, "a day", 0);
    if (horizonDays > 0 && d >= horizonDays) fail(r.line, `day ${d} is outside the horizon 0..${horizonDays - 1}`, k + 1);
    return d;
  };

  const daysOff: Record<string, number[]> = {};
  for (const r of section("SECTION_DAYS_OFF")) {
    const id = r.fields[0] ?? "";
    checkEmployee(r, id);
    const list = (daysOff[id] ??= []);
    for (let k = 1; k < r.fields.length; k++) if (r.fields[k] !== "") list.push(day(r, k));
  }

  const requests = (name: Section): BenchmarkRequest[] =>
    (records.has(name) ? records.get(name)! : []).map((r) => {
      if (r.fields.length !== 4) fail(r.line, `a request needs 4 fields (employee, day, shift, weight), found ${r.fields.length}`);
      checkEmployee(r, r.fields[0] ?? "");
      checkShift(r, 2, r.fields[2] ?? "");
      return { employee: r.fields[0] ?? "", day: day(r, 1), shift: r.fields[2] ?? "", weight: integer(r, 3, "a weight") };
    });
  const shiftOnRequests = requests("SECTION_SHIFT_ON_REQUESTS");
  const shiftOffRequests = requests("SECTION_SHIFT_OFF_REQUESTS");

  const cover: BenchmarkCover[] = [];
  for (const r of section("SECTION_COVER")) {
    if (r.fields.length !== 5) {
      fail(r.line, `a cover record needs 5 fields (day, shift, requirement, weightUnder, weightOver), found ${r.fields.length}`);
      continue;
    }
    checkShift(r, 1, r.fields[1]!);
    cover.push({
      day: day(r, 0),
      shift: r.fields[1]!,
      requirement: integer(r, 2, "a requirement"),
      weightUnder: integer(r, 3, "weightUnder"),
      weightOver: integer(r, 4, "weightOver"),
    });
  }
  if (horizonDays % 7 !== 0 && problems.length === 0) fail(horizonRecords[0]?.line, `the horizon must be a whole number of weeks, got ${horizonDays} days`);
  if (problems.length > 0) throw new WfmError(problems);
  return { horizonDays, shifts, employees, daysOff, shiftOnRequests, shiftOffRequests, cover };
}
