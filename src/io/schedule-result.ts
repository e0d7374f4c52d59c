import { z } from "zod";
import { WfmError } from "../errors.js";
import { readJsonFile, zodProblems } from "./json.js";

/** The part of `wfm schedule --format json` output that costing needs. */
const scheduleResultSchema = z.object({
  status: z.string(),
  totals: z.object({ paidHours: z.number().nonnegative() }),
});

/** A schedule result as costing reads it. */
export interface ScheduleResultFile {
  readonly file: string;
  readonly status: string;
  /** Paid agent hours of the schedule. */
  readonly paidHours: number;
}

/**
 * Reads the JSON that `wfm schedule --format json` writes, for `wfm cost --schedule`.
 *
 * @throws {WfmError} `file-not-found`, `invalid-file` or `invalid-config` (not a schedule result)
 */
export function readScheduleResult(path: string, options: { readonly cwd?: string; readonly option?: string } = {}): ScheduleResultFile {
  const parsed = scheduleResultSchema.safeParse(readJsonFile(path, options));
  if (!parsed.success) {
    throw new WfmError(
      zodProblems(parsed.error, path).map((p) => ({ ...p, message: `${p.message} (expected the JSON of wfm schedule --format json)` })),
    );
  }
  return { file: path, status: parsed.data.status, paidHours: parsed.data.totals.paidHours };
}
