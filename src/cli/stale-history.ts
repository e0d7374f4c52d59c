import { formatLocalDate, millisecondsInDay } from "../calendar/local-time.js";
import { WfmError } from "../errors.js";
import { localeFormat, type LocaleFormat } from "../io/locale/index.js";

/** A history that ends more than this many days before the forecast starts is refused without --force-history. */
export const staleHistoryDays = 31;

/** "1097 days (about 3.0 years)": a span of days, with months or years when long. */
function describeDays(days: number, lf: LocaleFormat): string {
  const m = lf.messages.businessHours;
  const d = lf.digits(String(days));
  if (days >= 365) return m.spanYears(d, lf.digits((days / 365.25).toFixed(1)));
  if (days >= 60) return m.spanMonths(d, lf.digits((days / 30.44).toFixed(1)));
  return m.spanDays(d, days);
}

/**
 * Refuses (or, with --force-history, notes) a history that ends long before the forecast period:
 * a year-old history, or one read in the wrong calendar, forecasts a world that has moved on.
 * Returns the note to print (in the words of `lf`, English by default), or null when the history
 * is recent. The error stays English.
 * @param history - the history file as the user named it, or null for the plan config's history
 * @throws {WfmError} `invalid-option`, one line per problem naming the field or option.
 */
export function staleHistory(history: string | null, endMs: number, startLocalMs: number, force: boolean, option: string, lf: LocaleFormat = localeFormat("en")): string | null {
  const days = Math.floor((startLocalMs - endMs) / millisecondsInDay);
  if (days <= staleHistoryDays) return null;
  if (force) {
    return lf.messages.businessHours.staleHistory({ history, end: lf.date(formatLocalDate(endMs - 1)), span: describeDays(days, lf), start: lf.date(formatLocalDate(startLocalMs)) });
  }
  const text = `the history ${history ?? "of the plan"} ends on ${formatLocalDate(endMs - 1)}, ${describeDays(days, localeFormat("en"))} before the forecast starts on ${formatLocalDate(startLocalMs)}`;
  throw new WfmError({ code: "invalid-option", option, message: `${text} (more than ${staleHistoryDays} days): check the dates and --calendar, or pass --force-history to forecast from it anyway` });
}
