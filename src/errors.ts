/**
 * Errors as data: one error class for every expected failure in wfm-kit.
 *
 * A {@link WfmError} carries a stable `code`, the `path` to the offending field
 * (`["rows", 14, "calls"]`), the offending `value`, and one or more {@link Problem}s. A CSV file
 * with twelve bad cells throws one `WfmError` holding twelve problems, so a user sees every
 * problem at once instead of fixing them one run at a time.
 *
 * The CLI prints each problem on its own line (see {@link formatProblem}) and exits with status 2;
 * anything that is not a `WfmError` is a bug and prints its stack.
 *
 * @module
 */

/** A stable, machine-readable error code. */
export type WfmErrorCode =
  | "invalid-argument"
  | "invalid-option"
  | "invalid-config"
  | "invalid-csv"
  | "invalid-file"
  | "file-not-found"
  | "output-exists"
  | "would-overwrite-input"
  | "infeasible"
  | "solver-failed"
  | "cancelled";

/**
 * One problem with the user's input.
 *
 * Location fields are filled in as far as they are known: a CSV problem has `file`, `line` and
 * `column`; a config problem has `file` and `path`; a command-line problem has `option`.
 */
export interface Problem {
  /** Stable code, e.g. `"invalid-csv"`. */
  readonly code: WfmErrorCode;
  /** Human sentence without the location prefix, e.g. `calls must be a non-negative number, got "-3"`. */
  readonly message: string;
  /** Path to the offending field inside the input object, e.g. `["channels", 0, "ahtSeconds"]`. */
  readonly path?: readonly (string | number)[];
  /** The offending value, when there is one. */
  readonly value?: unknown;
  /** File the problem is in. */
  readonly file?: string;
  /** 1-based line in `file`. */
  readonly line?: number;
  /** 1-based column (CSV field number, or character column for text formats). */
  readonly column?: number;
  /** The command-line option at fault, e.g. `--target`. */
  readonly option?: string;
}

/**
 * The error thrown for invalid input anywhere in wfm-kit.
 *
 * @example
 * ```ts
 * try {
 *   erlangC({ trafficErlangs: -1, agents: 3, ahtSeconds: 180 });
 * } catch (error) {
 *   if (error instanceof WfmError) console.log(error.code, error.path); //=> "invalid-argument" ["trafficErlangs"]
 * }
 * ```
 */
export class WfmError extends Error {
  /** Stable code of the first problem. */
  readonly code: WfmErrorCode;
  /** Path of the first problem. */
  readonly path: readonly (string | number)[];
  /** Value of the first problem. */
  readonly value: unknown;
  /** Every problem found (at least one). */
  readonly problems: readonly Problem[];

  constructor(problems: Problem | readonly Problem[]) {
    const given: readonly Problem[] = Array.isArray(problems) ? problems : [problems as Problem];
    if (given.length === 0) throw new TypeError("WfmError needs at least one problem");
    // A message never echoes a whole input: quoted text is cut to a short prefix.
    const list = given.map((p) => (p.message.length > maxQuotedCharacters ? { ...p, message: clipQuoted(p.message) } : p));
    const first = list[0]!;
    super(list.map(formatProblem).join("\n"));
    this.name = "WfmError";
    this.code = first.code;
    this.path = first.path ?? [];
    this.value = first.value;
    this.problems = list;
  }
}

/**
 * Throws a {@link WfmError} with code `invalid-argument` for a library function's option.
 *
 * @param fn - the public function's name, e.g. `"erlangC"`
 * @param field - the option's name, e.g. `"ahtSeconds"`
 * @param expectation - what the option must be, e.g. `"a positive finite number"`
 * @param value - what it was
 * @throws {WfmError} always
 *
 * @example
 * ```ts
 * invalidArgument("erlangC", "ahtSeconds", "a positive finite number", -5);
 * // throws WfmError: erlangC: ahtSeconds must be a positive finite number, got -5
 * ```
 */
export function invalidArgument(fn: string, field: string, expectation: string, value: unknown): never {
  throw new WfmError({
    code: "invalid-argument",
    message: `${fn}: ${field} must be ${expectation}, got ${describeValue(value)}`,
    path: [field],
    value,
  });
}

/**
 * Throws a {@link WfmError} (`invalid-argument`) unless a library function's options argument is
 * an object: a call with none (or with null, a number, a string) is named instead of failing on a
 * property read with a TypeError.
 *
 * @param fn - the public function's name, e.g. `"planStaffing"`
 * @param options - what the caller passed
 * @param required - the options that must be given (checked for presence; each function checks their values)
 * @throws {WfmError} when `options` is not an object, or a required option is missing (named)
 *
 * @example
 * ```ts
 * requireOptions("planStaffing", undefined);
 * // throws WfmError: planStaffing: options must be an object, got undefined
 * requireOptions("kpiReport", {}, ["intervals"]);
 * // throws WfmError: kpiReport: intervals must be given, got undefined
 * ```
 */
export function requireOptions(fn: string, options: unknown, required: readonly string[] = []): void {
  if (typeof options !== "object" || options === null) {
    throw new WfmError({ code: "invalid-argument", message: `${fn}: options must be an object, got ${describeValue(options)}`, path: [], value: options });
  }
  for (const field of required) {
    if ((options as Record<string, unknown>)[field] === undefined) invalidArgument(fn, field, "given", undefined);
  }
}

/**
 * Throws a {@link WfmError} (`invalid-argument`) unless a positional argument of a library
 * function is an object holding the required fields: the counterpart of {@link requireOptions}
 * for a function that takes more than one argument (`checkRoster(problem, roster)`), naming the
 * argument instead of "options".
 *
 * @param fn - the public function's name, e.g. `"checkRoster"`
 * @param field - the argument's name, e.g. `"problem"`
 * @param value - what the caller passed
 * @param required - fields that must be given (checked for presence)
 * @throws {WfmError} when `value` is not an object, or a required field is missing (named `field.name`)
 *
 * @example
 * ```ts
 * requireObject("checkRoster", "problem", undefined);
 * // throws WfmError: checkRoster: problem must be an object, got undefined
 * requireObject("checkRoster", "problem", {}, ["days"]);
 * // throws WfmError: checkRoster: problem.days must be given, got undefined
 * ```
 */
export function requireObject(fn: string, field: string, value: unknown, required: readonly string[] = []): void {
  if (typeof value !== "object" || value === null) invalidArgument(fn, field, "an object", value);
  for (const name of required) {
    if ((value as Record<string, unknown>)[name] === undefined) invalidArgument(fn, `${field}.${name}`, "given", undefined);
  }
}

/**
 * Runs `body`, and when it throws a {@link WfmError} whose messages name the function `from`
 * (`requiredAgents: ...`), rethrows it naming `to`, the public function the caller called.
 *
 * @throws {WfmError} the error of `body`, renamed; any other error unchanged
 * @example
 * ```ts
 * asCalledBy("requiredAgents", "requiredAgentsFractional", () => requiredAgents(options));
 * ```
 */
export function asCalledBy<T>(from: string, to: string, body: () => T): T {
  try {
    return body();
  } catch (error) {
    if (!(error instanceof WfmError)) throw error;
    throw new WfmError(error.problems.map((p) => (p.message.startsWith(`${from}: `) ? { ...p, message: `${to}: ${p.message.slice(from.length + 2)}` } : p)));
  }
}

/** Longest quoted input an error message repeats; longer text is cut, with its length said. */
export const maxQuotedCharacters = 60;

/**
 * Cuts every double-quoted text longer than {@link maxQuotedCharacters} in a message to its
 * first characters, saying how long it was, so a 300 MB cell never reaches the terminal.
 *
 * @example
 * ```ts
 * clipQuoted(`calls must be a number, got "${"9".repeat(100)}x"`);
 * //=> 'calls must be a number, got "999999999999999999999999999999999999999999999999999999999999..." (101 characters)'
 * ```
 */
export function clipQuoted(message: string): string {
  // A quote already cut (followed by its length, as `quoteCell` in src/io/csv.ts writes it) is left alone.
  return message.replace(/"((?:[^"\\]|\\.)*)"( \(\d+ characters\))?/g, (whole, inner: string, cut: string | undefined) =>
    inner.length <= maxQuotedCharacters || (cut !== undefined && inner.length <= maxQuotedCharacters + 3) ? whole : `"${inner.slice(0, maxQuotedCharacters)}..." (${inner.length} characters)`,
  );
}

/**
 * Renders a value for an error message: strings quoted, numbers and the rest as JavaScript prints them.
 *
 * @example
 * ```ts
 * describeValue("abc"); //=> '"abc"'
 * describeValue(-5); //=> "-5"
 * ```
 */
export function describeValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > maxQuotedCharacters ? `${value.slice(0, maxQuotedCharacters)}...` : value);
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") return String(value);
  if (value === undefined) return "undefined";
  if (value === null) return "null";
  try {
    const json = JSON.stringify(value);
    return json.length > 80 ? `${json.slice(0, 77)}...` : json;
  } catch {
    return String(value);
  }
}

/**
 * One line for a problem, prefixed by its location: `file:line:column: message`,
 * `file: path.to.field: message`, or `--option: message`.
 *
 * @throws {WfmError} `invalid-argument` when the options are not an object or lack `message`.
 * @example
 * ```ts
 * formatProblem({ code: "invalid-csv", file: "v.csv", line: 3, column: 2, message: "calls is not a number" });
 * //=> "v.csv:3:2: calls is not a number"
 * formatProblem({ code: "invalid-option", option: "--target", message: "expected PERCENT/SECONDS" });
 * //=> "--target: expected PERCENT/SECONDS"
 * ```
 */
export function formatProblem(problem: Problem): string {
  requireOptions("formatProblem", problem, ["message"]);
  const where: string[] = [];
  if (problem.file !== undefined) {
    let loc = problem.file;
    if (problem.line !== undefined) {
      loc += `:${problem.line}`;
      if (problem.column !== undefined) loc += `:${problem.column}`;
    }
    where.push(loc);
  }
  if (problem.option !== undefined) where.push(problem.option);
  if (problem.line === undefined && problem.path !== undefined && problem.path.length > 0 && problem.file !== undefined) {
    where.push(formatPath(problem.path));
  }
  return where.length > 0 ? `${where.join(": ")}: ${problem.message}` : problem.message;
}

/**
 * Formats a field path like `channels[0].ahtSeconds`.
 *
 * @example
 * ```ts
 * formatPath(["channels", 0, "ahtSeconds"]); //=> "channels[0].ahtSeconds"
 * ```
 */
export function formatPath(path: readonly (string | number)[]): string {
  if (!Array.isArray(path)) return "";
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? part : `.${part}`;
  }
  return out;
}
