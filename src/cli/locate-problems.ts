import { WfmError, type Problem } from "../errors.js";

/** Where the inputs of a staffing plan came from: the volume file and its rows, and the config file. */
export interface StaffingSources {
  /** The volume CSV as the user named it. */
  readonly volumesFile: string;
  /** Its rows, in the order they were passed as `intervals` (each with its 1-based line). */
  readonly rows: readonly { readonly line: number }[];
  /** The staffing config as the user named it, when there is one. */
  readonly configFile?: string;
}

/** A path as an array: `"intervals[3].ahtSeconds"` -> ["intervals", 3, "ahtSeconds"]. */
function pathParts(path: readonly (string | number)[]): (string | number)[] {
  return path.flatMap((part) =>
    typeof part === "number" ? [part] : part.split(/\.|\[(\d+)\]/).filter((p) => p !== undefined && p !== "").map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
  );
}

/**
 * Puts the problems a core function found in a staffing plan back where the user can fix them:
 * `intervals[i].field` becomes the volume file's line of row i, `config.channels...` the config
 * file's field. Other errors pass through unchanged.
 *
 * @example
 * ```ts
 * // planStaffing: intervals[0].ahtSeconds must be a positive finite number, got 0
 * //   -> v.csv:2: ahtSeconds must be a positive finite number, got 0
 * ```
 */
export function locateStaffingProblems(error: unknown, sources: StaffingSources): unknown {
  if (!(error instanceof WfmError)) return error;
  return new WfmError(error.problems.map((p) => locate(p, sources)));
}

function locate(problem: Problem, sources: StaffingSources): Problem {
  if (problem.path === undefined || problem.file !== undefined) return problem;
  const parts = pathParts(problem.path);
  const message = problem.message.replace(/^planStaffing: /, "");
  if (parts[0] === "intervals" && typeof parts[1] === "number" && sources.rows[parts[1]] !== undefined) {
    const field = parts.slice(2).join(".");
    const text = field !== "" && message.startsWith(`intervals[${parts[1]}].${field} `) ? `${field} ${message.slice(`intervals[${parts[1]}].${field} `.length)}` : message;
    const { path: _path, ...rest } = problem;
    return { ...rest, file: sources.volumesFile, line: sources.rows[parts[1]]!.line, message: text };
  }
  if (parts[0] === "config" && sources.configFile !== undefined) {
    const field = parts.slice(1);
    const dotted = parts.map((p) => (typeof p === "number" ? `[${p}]` : p)).join(".").replace(/\.\[/g, "[");
    const text = message.startsWith(`${dotted} `) ? message.slice(dotted.length + 1) : message;
    return { ...problem, file: sources.configFile, path: field, message: text };
  }
  return problem;
}
