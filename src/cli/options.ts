import { WfmError, type Problem } from "../errors.js";
import { dateFormatProblem } from "../io/csv.js";

/**
 * Parsers for command-line values. Each throws a {@link WfmError} whose problem names the
 * option, so the user sees e.g. `--target: expected PERCENT/SECONDS such as 80/20, got "80"`.
 * Percent flags accept `85` or `85%` and return a fraction (0.85); a value between 0 and 1 needs
 * its `%` sign (`0.5%`), since `0.85` is almost always a fraction meant as 85%.
 */

function optionError(option: string, message: string, value: unknown): never {
  throw new WfmError({ code: "invalid-option", option, message, value });
}

/** Decimal notation only: `12`, `-3.5`, `.5`, `1e3`; not `0x64`, `0b11`, `1_000` or `Infinity`. */
// `\d+(?:\.\d*)?` rather than `\d+\.?\d*`, which is quadratic on a long run of digits (see plainNumber in src/io/csv.ts).
const decimalNumber = /^[+-]?(\d+(?:\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * A number written in decimal notation, or NaN (hexadecimal, binary, octal, `Infinity`, empty
 * text): `Number("0x64")` is 100, which a count must not be.
 *
 * @example
 * ```ts
 * parseDecimal("1e3"); //=> 1000
 * parseDecimal("0x64"); //=> NaN
 * ```
 */
export function parseDecimal(text: string): number {
  const trimmed = text.trim();
  return decimalNumber.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/**
 * A finite number, optionally bounded.
 *
 * @example
 * ```ts
 * parseNumberOption("--calls", "100", { min: 0 }); //=> 100
 * ```
 */
export function parseNumberOption(
  option: string,
  raw: string,
  bounds: { min?: number; max?: number; exclusiveMin?: boolean; integer?: boolean } = {},
): number {
  const value = parseDecimal(raw);
  const { min, max, exclusiveMin = false, integer = false } = bounds;
  const kind = integer ? "a whole number" : "a number";
  let expectation = kind;
  if (min !== undefined && max !== undefined) expectation = `${kind} from ${min} to ${max}`;
  else if (min !== undefined) expectation = exclusiveMin ? `${kind} greater than ${min}` : `${kind} of at least ${min}`;
  if (!Number.isFinite(value)) optionError(option, `expected ${expectation}, got ${JSON.stringify(raw)}`, raw);
  if (integer && !Number.isInteger(value)) optionError(option, `expected ${expectation}, got ${JSON.stringify(raw)}`, raw);
  if (min !== undefined && (exclusiveMin ? value <= min : value < min)) {
    optionError(option, `expected ${expectation}, got ${JSON.stringify(raw)}`, raw);
  }
  if (max !== undefined && value > max) optionError(option, `expected ${expectation}, got ${JSON.stringify(raw)}`, raw);
  return value;
}

/**
 * A percentage `85` or `85%` as a fraction in [0, 1] (or [0, max/100]). A value strictly
 * between 0 and 1 needs its `%` sign, unless `smallPercent` says small percentages are the norm
 * (a solver's relative gap: `--gap 0.5` is 0.5%, and reading it as 50% is never intended).
 *
 * @example
 * ```ts
 * parsePercentOption("--shrinkage", "30%"); //=> 0.3
 * ```
 */
export function parsePercentOption(option: string, raw: string, bounds: { maxPercent?: number; exclusiveMax?: boolean; smallPercent?: boolean } = {}): number {
  const { maxPercent = 100, exclusiveMax = false, smallPercent = false } = bounds;
  const signed = /%\s*$/.test(raw);
  const value = parseDecimal(raw.trim().replace(/%$/, ""));
  const range = exclusiveMax ? `from 0 up to (not including) ${maxPercent}` : `from 0 to ${maxPercent}`;
  if (!Number.isFinite(value) || value < 0 || value > maxPercent || (exclusiveMax && value === maxPercent)) {
    optionError(option, `expected a percentage ${range} such as 85 or 85%, got ${JSON.stringify(raw)}`, raw);
  }
  if (!signed && !smallPercent) refuseFractionAsPercent(option, value, raw, (p) => p);
  return value / 100;
}

/**
 * Percent flags take percent: a value strictly between 0 and 1 without a `%` sign is almost
 * always a fraction meant as percent (`--max-occupancy 0.85`), which would read as 0.85%. It is
 * refused with both readings; `0.85%` states the small percentage explicitly.
 */
function refuseFractionAsPercent(option: string, value: number, raw: string, show: (percent: string) => string): void {
  if (!(value > 0 && value < 1)) return;
  const asPercent = String(Number((value * 100).toPrecision(12)));
  optionError(
    option,
    `${raw.trim()} reads as ${show(`${value}%`)}; write ${show(asPercent)} or ${show(`${asPercent}%`)} for ${asPercent}%, or ${show(`${value}%`)} if you mean ${value}%`,
    raw,
  );
}

/** A service-level target: the fraction to answer and the answer time in seconds. */
export interface ServiceLevelTarget {
  /** Fraction of contacts to answer within `targetAnswerSeconds` (0..1). */
  readonly targetServiceLevel: number;
  /** Answer-time threshold T, seconds. */
  readonly targetAnswerSeconds: number;
}

/**
 * `PERCENT/SECONDS`, e.g. `80/20` (80% answered within 20 s).
 *
 * @example
 * ```ts
 * parseTargetOption("--target", "80/20"); //=> { targetServiceLevel: 0.8, targetAnswerSeconds: 20 }
 * ```
 */
export function parseTargetOption(option: string, raw: string): ServiceLevelTarget {
  const match = /^\s*(\d+(?:\.\d+)?)\s*%?\s*\/\s*(\d+(?:\.\d+)?)\s*s?\s*$/.exec(raw);
  const percent = match ? Number(match[1]) : Number.NaN;
  const seconds = match ? Number(match[2]) : Number.NaN;
  if (!match || !(percent >= 0 && percent <= 100) || !Number.isFinite(seconds)) {
    optionError(option, `expected PERCENT/SECONDS such as 80/20, got ${JSON.stringify(raw)}`, raw);
  }
  if (!/%/.test(raw)) refuseFractionAsPercent(option, percent, raw, (p) => `${p}/${match![2]}`);
  return { targetServiceLevel: percent / 100, targetAnswerSeconds: seconds };
}

/**
 * One of a fixed set of words.
 *
 * @example
 * ```ts
 * parseChoiceOption("--format", "json", ["table", "json"]); //=> "json"
 * ```
 */
export function parseChoiceOption<T extends string>(option: string, raw: string, choices: readonly T[]): T {
  if ((choices as readonly string[]).includes(raw)) return raw as T;
  return optionError(option, `expected one of ${choices.join(", ")}, got ${JSON.stringify(raw)}`, raw);
}

/**
 * A `--date-format` value: a date-fns pattern such as `dd/MM/yyyy HH:mm` for the input files'
 * timestamps (see `dateFormatProblem` in `io/csv.ts`).
 *
 * @example
 * ```ts
 * parseDateFormatOption("--date-format", "dd/MM/yyyy HH:mm"); //=> "dd/MM/yyyy HH:mm"
 * ```
 */
export function parseDateFormatOption(option: string, raw: string): string {
  const problem = dateFormatProblem(raw);
  if (problem !== null) optionError(option, problem, raw);
  return raw;
}

/** The help text of `--date-format`, the same in every command. */
export const dateFormatHelp = 'date-fns pattern of the input timestamps when not ISO, e.g. "dd/MM/yyyy HH:mm" (day-first dates are never guessed)';

/**
 * The reader options of `--date-format` (validated) and a calendar, for spreading into a CSV
 * reader's options.
 *
 * @example
 * ```ts
 * csvDates({ dateFormat: "dd/MM/yyyy" }); //=> { dateFormat: "dd/MM/yyyy" }
 * csvDates({}, "persian"); //=> { calendar: "persian" }
 * ```
 */
export function csvDates(flags: { readonly dateFormat?: string | undefined }, calendar?: "gregorian" | "persian"): { dateFormat?: string; calendar?: "gregorian" | "persian" } {
  return {
    ...(flags.dateFormat === undefined ? {} : { dateFormat: parseDateFormatOption("--date-format", flags.dateFormat) }),
    ...(calendar === undefined ? {} : { calendar }),
  };
}

/** What {@link optionProblems} hands a flag parser. */
export interface OptionProblems {
  /** Runs one parse; a `WfmError` it throws is kept (all its lines) and `undefined` returned. */
  attempt<T>(parse: () => T): T | undefined;
  /** Records one `invalid-option` problem naming the flag. */
  problem(option: string, message: string, value?: unknown): void;
  /** Throws every recorded problem as one `WfmError` (one line each), if there is any. */
  done(): void;
}

/**
 * A collector for a command's flag problems, so that every bad or conflicting flag is reported
 * (one line each) in one run rather than the first one only.
 *
 * @returns `attempt`, `problem` and `done` (see {@link OptionProblems}).
 * @throws {WfmError} from `done()`: every `invalid-option` problem recorded.
 * @example
 * ```ts
 * const c = optionProblems();
 * const agents = c.attempt(() => parseNumberOption("--agents", "-3", { min: 1 }));
 * c.problem("--target", "give --target or --asa");
 * c.done(); // throws a WfmError with two problems
 * ```
 */
export function optionProblems(): OptionProblems {
  const problems: Problem[] = [];
  return {
    attempt<T>(parse: () => T): T | undefined {
      try {
        return parse();
      } catch (error) {
        if (error instanceof WfmError) {
          problems.push(...error.problems);
          return undefined;
        }
        throw error;
      }
    },
    problem(option: string, message: string, value?: unknown) {
      problems.push({ code: "invalid-option", option, message, value });
    },
    done() {
      if (problems.length > 0) throw new WfmError(problems);
    },
  };
}
