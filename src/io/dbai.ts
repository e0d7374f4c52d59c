import { WfmError, type Problem } from "../errors.js";
import type { DbaiInstance, DbaiShift, DbaiShiftType } from "../schedule/dbai.js";

/**
 * Reader of the DBAI (TU Wien) shift-design text format. The files are Latin-1; this parser
 * takes the decoded text (the CLI decodes with `latin1`).
 *
 * Layout: `#Label` lines, each followed by its value lines; `#MinuteInterval`, `#DaysPerCycle`,
 * `#FlagCyclical`, `#Requirements` (one line of integers, Monday 00:00 first), `#Number of shift
 * templates`, `#Shift templates` (`Abbr Name H:M +Min -Min Length +Min -Min days`, days `*` for
 * all or a 0/1 string), `#Duties per week` (lower upper), `# Average number of hours per week`,
 * `#UnderCover`, `#Overcover`, `#DutiesPerWeek`, `#Shifts` (weights), and optionally
 * `#Fitness of assumed optimal Solution` (`# 720`) and `#Optimal Solution` (`# k: H:M length d1..d7`).
 *
 * @module
 */

interface Line {
  readonly text: string;
  readonly line: number;
}

function parseClock(text: string): number | null {
  const match = /^(\d{1,2}):(\d{1,2})$/.exec(text);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 47 || minutes > 59) return null;
  return hours * 60 + minutes;
}

/**
 * Parses a DBAI shift-design instance from its decoded text.
 *
 * @param text - the file content (decoded from Latin-1)
 * @param options.file - the file name used in problems
 * @returns the instance
 * @throws {WfmError} `invalid-file` with one problem per bad or missing section (file:line)
 *
 * @example
 * ```ts
 * const instance = parseDbaiInstance(text, { file: "RandomExample1.txt" });
 * instance.intervalMinutes; //=> 60
 * instance.requirements.length; //=> 168
 * ```
 */
export function parseDbaiInstance(text: string, options: { file: string }): DbaiInstance {
  const { file } = options;
  const lines = text.split(/\r?\n/).map((t, i) => ({ text: t.trim(), line: i + 1 }));
  const problems: Problem[] = [];
  const fail = (line: number | undefined, message: string) => {
    problems.push({ code: "invalid-file", file, ...(line === undefined ? {} : { line }), message });
  };
  /** The value lines after the first label line matching `pattern` (up to the next label). */
  const section = (pattern: RegExp, opts: { commented?: boolean } = {}): { label: number; values: Line[] } | null => {
    const index = lines.findIndex((l) => l.text.startsWith("#") && pattern.test(l.text));
    if (index < 0) return null;
    const values: Line[] = [];
    for (let i = index + 1; i < lines.length; i++) {
      const l = lines[i]!;
      if (l.text === "") {
        if (values.length > 0 && !opts.commented) break;
        continue;
      }
      if (l.text.startsWith("#")) {
        if (opts.commented && /^#\s*[\d]/.test(l.text)) {
          values.push({ text: l.text.replace(/^#\s*/, ""), line: l.line });
          continue;
        }
        // A commented section may be left empty (random set 3 states no fitness: "#" alone, or a
        // blank line): the next label ends it, so its value is never read from the next section.
        const isLabel = /^#\s*[A-Za-z]/.test(l.text) && !/^#\s*(abbr|shift start)/i.test(l.text);
        if (values.length > 0 || !opts.commented || isLabel) {
          if (/^#\s*(abbr|shift start)/i.test(l.text)) continue; // column-heading comments
          break;
        }
        continue;
      }
      values.push(l);
    }
    return { label: lines[index]!.line, values };
  };
  const number = (pattern: RegExp, name: string, check: (n: number) => boolean, expectation: string): number => {
    const s = section(pattern);
    if (s === null) {
      fail(undefined, `missing section ${name}`);
      return Number.NaN;
    }
    const first = s.values[0];
    const value = first === undefined ? Number.NaN : Number(first.text.split(/\s+/)[0]);
    if (!Number.isFinite(value) || !check(value)) {
      fail(first?.line ?? s.label, `${name} must be ${expectation}, got ${JSON.stringify(first?.text ?? "")}`);
    }
    return value;
  };

  const intervalMinutes = number(/^#\s*MinuteInterval/i, "MinuteInterval", (n) => Number.isInteger(n) && n > 0 && 1440 % n === 0, "a whole number of minutes dividing 1440");
  const daysPerCycle = number(/^#\s*DaysPerCycle/i, "DaysPerCycle", (n) => Number.isInteger(n) && n >= 1 && n <= 366, "a whole number of days from 1 to 366");

  let cyclic = true;
  const cyclical = section(/^#\s*FlagCyclical/i);
  if (cyclical === null) fail(undefined, "missing section FlagCyclical");
  else {
    const value = cyclical.values[0]?.text.toLowerCase();
    if (value === "yes" || value === "no") cyclic = value === "yes";
    else fail(cyclical.values[0]?.line ?? cyclical.label, `FlagCyclical must be yes or no, got ${JSON.stringify(value ?? "")}`);
  }

  const requirements: number[] = [];
  const req = section(/^#\s*Requirements/i);
  if (req === null) fail(undefined, "missing section Requirements");
  else {
    for (const l of req.values) {
      l.text.split(/\s+/).forEach((token, k) => {
        const value = Number(token);
        if (!Number.isInteger(value) || value < 0) fail(l.line, `requirement ${k + 1} must be a non-negative whole number, got ${JSON.stringify(token)}`);
        requirements.push(value);
      });
    }
    const expected = (daysPerCycle * 1440) / intervalMinutes;
    if (Number.isInteger(expected) && requirements.length !== expected) {
      fail(req.values[0]?.line ?? req.label, `expected ${expected} requirements (${daysPerCycle} days of ${intervalMinutes}-minute slots), found ${requirements.length}`);
    }
  }

  const typeCount = number(/^#\s*Number of shift templates/i, "Number of shift templates", (n) => Number.isInteger(n) && n >= 1, "a positive whole number");
  const shiftTypes: DbaiShiftType[] = [];
  const templates = section(/^#\s*Shift templates/i);
  if (templates === null) fail(undefined, "missing section Shift templates");
  else {
    for (const l of templates.values) {
      const parts = l.text.split(/\s+/);
      if (parts.length < 9) {
        fail(l.line, `a shift template needs 9 fields (Abbr Name Start +Min -Min Length +Min -Min days), found ${parts.length}`);
        continue;
      }
      const [abbreviation, name, start, sPlus, sMinus, length, lPlus, lMinus, days] = parts as [string, string, string, string, string, string, string, string, string];
      const startMinute = parseClock(start);
      const numbers = [sPlus, sMinus, length, lPlus, lMinus].map(Number);
      if (startMinute === null) fail(l.line, `shift template ${abbreviation}: start must be H:M, got ${JSON.stringify(start)}`);
      if (numbers.some((n) => !Number.isInteger(n) || n < 0)) fail(l.line, `shift template ${abbreviation}: windows and length must be whole minutes`);
      let dayFlags: boolean[];
      if (days === "*") dayFlags = new Array<boolean>(Math.max(daysPerCycle || 7, 1)).fill(true);
      else if (/^[01]+$/.test(days)) dayFlags = [...days].map((ch) => ch === "1");
      else {
        fail(l.line, `shift template ${abbreviation}: available days must be * or a 0/1 string, got ${JSON.stringify(days)}`);
        dayFlags = [];
      }
      shiftTypes.push({
        abbreviation,
        name,
        startMinute: startMinute ?? 0,
        startPlusMinutes: numbers[0]!,
        startMinusMinutes: numbers[1]!,
        lengthMinutes: numbers[2]!,
        lengthPlusMinutes: numbers[3]!,
        lengthMinusMinutes: numbers[4]!,
        days: dayFlags,
      });
    }
    if (Number.isFinite(typeCount) && shiftTypes.length !== typeCount) {
      fail(templates.label, `expected ${typeCount} shift templates, found ${shiftTypes.length}`);
    }
  }

  let dutiesPerWeek = { lower: 0, upper: Infinity };
  const duties = section(/^#\s*Duties per week/i);
  if (duties === null) fail(undefined, "missing section Duties per week");
  else {
    const [lower, upper] = (duties.values[0]?.text ?? "").split(/\s+/).map(Number);
    if (!Number.isFinite(lower) || !Number.isFinite(upper) || lower! > upper!) {
      fail(duties.values[0]?.line ?? duties.label, `Duties per week must be two numbers "lower upper", got ${JSON.stringify(duties.values[0]?.text ?? "")}`);
    } else dutiesPerWeek = { lower: lower!, upper: upper! };
  }
  const averageHoursPerWeek = number(/^#\s*Average number of hours/i, "Average number of hours per week", (n) => n > 0, "a positive number");
  const weight = (pattern: RegExp, name: string) => number(pattern, name, (n) => n >= 0, "a non-negative number");
  const weights = {
    underCover: weight(/^#\s*UnderCover/i, "UnderCover"),
    overCover: weight(/^#\s*OverCover/i, "Overcover"),
    dutiesPerWeek: weight(/^#\s*DutiesPerWeek/i, "DutiesPerWeek"),
    shifts: weight(/^#\s*Shifts\s*:/i, "Shifts"),
  };

  let statedFitness: number | null = null;
  const fitness = section(/^#\s*Fitness of assumed optimal/i, { commented: true });
  if (fitness !== null && fitness.values.length > 0) {
    const value = Number(fitness.values[0]!.text);
    if (Number.isFinite(value)) statedFitness = value;
    else fail(fitness.values[0]!.line, `fitness must be a number, got ${JSON.stringify(fitness.values[0]!.text)}`);
  }
  let embeddedSolution: DbaiShift[] | null = null;
  const optimal = section(/^#\s*Optimal Solution/i, { commented: true });
  if (optimal !== null && optimal.values.length > 0) {
    embeddedSolution = [];
    for (const l of optimal.values) {
      const match = /^\d+:\s*(\d{1,2}:\d{1,2})\s+(\d+)\s+(.*)$/.exec(l.text);
      const startMinute = match ? parseClock(match[1]!) : null;
      const counts = match ? match[3]!.trim().split(/\s+/).map(Number) : [];
      if (!match || startMinute === null || counts.some((n) => !Number.isInteger(n) || n < 0)) {
        fail(l.line, `a solution line must be "# k: H:M length d1 .. dn", got ${JSON.stringify(l.text)}`);
        continue;
      }
      embeddedSolution.push({ startMinute: startMinute % 1440, lengthMinutes: Number(match[2]), counts });
    }
  }
  if (problems.length > 0) throw new WfmError(problems);
  return {
    intervalMinutes,
    daysPerCycle,
    cyclic,
    requirements,
    shiftTypes,
    dutiesPerWeek,
    averageHoursPerWeek,
    weights,
    statedFitness,
    embeddedSolution,
  };
}
