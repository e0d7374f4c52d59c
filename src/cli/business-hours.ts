import { formatLocalDate, type OpeningHours } from "../calendar/local-time.js";
import { formatOpeningHours } from "../calendar/opening-hours.js";
import { WfmError } from "../errors.js";
import { localeFormat, type LocaleFormat } from "../io/locale/index.js";

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
 * @param options.configName - where openingHours is set, for messages (`staffing.json`); the locale's "the staffing config" by default
 * @param options.locale - the locale the notes are worded in (dates, digits, day names); English by default. Errors stay English.
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
  readonly locale?: LocaleFormat;
}): string[] {
  const { file, configHours, inferredHours, closedDays, closedCalls, strict = false, configName, locale: lf = localeFormat("en") } = options;
  const m = lf.messages.businessHours;
  const hoursText = (hours: OpeningHours | undefined) => lf.digits(formatOpeningHours(hours, m.hours));
  const notes: string[] = [];
  if (configHours === undefined && inferredHours !== undefined) notes.push(m.inferred(file, hoursText(inferredHours)));
  if (closedDays.length > 0) {
    const dates = closedDays.slice(0, 5).map((day) => lf.date(formatLocalDate(day))).join(m.dateList);
    const more = closedDays.length > 5 ? lf.digits(String(closedDays.length - 5)) : null;
    notes.push(m.noRows({ dates, more, days: lf.digits(String(closedDays.length)), count: closedDays.length }));
  }
  if (closedCalls.intervals > 0) {
    const calls = Number(closedCalls.calls.toFixed(2));
    if (strict) {
      // Errors stay English.
      const message = `${closedCalls.intervals} interval${closedCalls.intervals === 1 ? "" : "s"} with ${calls} call${calls === 1 ? "" : "s"} fall outside openingHours of ${configName ?? "the staffing config"} (${formatOpeningHours(configHours)}) and get 0 agents`;
      throw new WfmError({ code: "invalid-config", option: "--strict", message: `${message}; fix openingHours or the volumes` });
    }
    notes.push(
      m.closedCalls({
        intervals: lf.digits(String(closedCalls.intervals)),
        intervalCount: closedCalls.intervals,
        calls: lf.digits(String(calls)),
        callCount: calls,
        config: configName ?? m.staffingConfig,
        hours: hoursText(configHours),
      }),
    );
  }
  return notes;
}
