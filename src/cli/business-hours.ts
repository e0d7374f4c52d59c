import { formatLocalDate, type OpeningHours } from "../calendar/local-time.js";
import { formatOpeningHours } from "../calendar/opening-hours.js";
import { WfmError } from "../errors.js";

/**
 * Notes about a centre's business hours for `wfm staff` and `wfm plan`: which opening hours were
 * used (inferred from the volume file when the config gives none), which days had no rows, and
 * calls in intervals the config says are closed, which are staffed with 0 agents: a warning, or an
 * error with `--strict`.
 *
 * @param options.file - the volume file as the user named it
 * @param options.configHours - `openingHours` of the config, if any
 * @param options.inferredHours - the hours inferred from the file (used when the config has none)
 * @param options.closedDays - days without rows (local midnights)
 * @param options.closedCalls - intervals outside the opening hours that have calls, and their calls
 * @param options.strict - fail instead of warning about calls in closed intervals
 * @param options.configName - where openingHours is set, for messages (`staffing.json`)
 * @throws {WfmError} `invalid-config` with `strict` when closed intervals have calls
 * @example
 * ```ts
 * businessHoursNotes({ file: "v.csv", inferredHours: { monday: [{ openMinute: 480, closeMinute: 1200 }] }, closedDays: [], closedCalls: { intervals: 0, calls: 0 } });
 * //=> ["opening hours inferred from v.csv (no openingHours in the config): Mon 08:00-20:00, Tue-Sun closed"]
 * ```
 */
export function businessHoursNotes(options: {
  readonly file: string;
  readonly configHours?: OpeningHours | undefined;
  readonly inferredHours?: OpeningHours | undefined;
  readonly closedDays: readonly number[];
  readonly closedCalls: { readonly intervals: number; readonly calls: number };
  readonly strict?: boolean;
  readonly configName?: string;
}): string[] {
  const { file, configHours, inferredHours, closedDays, closedCalls, strict = false, configName = "the staffing config" } = options;
  const notes: string[] = [];
  if (configHours === undefined && inferredHours !== undefined) {
    notes.push(`opening hours inferred from ${file} (no openingHours in the config): ${formatOpeningHours(inferredHours)}`);
  }
  if (closedDays.length > 0) {
    const shown = closedDays.slice(0, 5).map(formatLocalDate).join(", ");
    notes.push(`no rows on ${shown}${closedDays.length > 5 ? ` and ${closedDays.length - 5} more days` : ""} (${closedDays.length} day${closedDays.length === 1 ? "" : "s"}): treated as closed`);
  }
  if (closedCalls.intervals > 0) {
    const calls = Number(closedCalls.calls.toFixed(2));
    const message = `${closedCalls.intervals} interval${closedCalls.intervals === 1 ? "" : "s"} with ${calls} call${calls === 1 ? "" : "s"} fall outside openingHours of ${configName} (${formatOpeningHours(configHours)}) and get 0 agents`;
    if (strict) throw new WfmError({ code: "invalid-config", option: "--strict", message: `${message}; fix openingHours or the volumes` });
    notes.push(`${message}; fix openingHours, or pass --strict to make this an error`);
  }
  return notes;
}
