import { formatLocalDate, millisecondsInDay } from "../calendar/local-time.js";
import { WfmError } from "../errors.js";

/** A history that ends more than this many days before the forecast starts is refused without --force-history. */
export const staleHistoryDays = 31;

/** "1097 days (about 3.0 years)": a span of days, with months or years when long. */
function describeDays(days: number): string {
  if (days >= 365) return `${days} days (about ${(days / 365.25).toFixed(1)} years)`;
  if (days >= 60) return `${days} days (about ${(days / 30.44).toFixed(1)} months)`;
  return `${days} day${days === 1 ? "" : "s"}`;
}

/**
 * Refuses (or, with --force-history, notes) a history that ends long before the forecast period:
 * a year-old history, or one read in the wrong calendar, forecasts a world that has moved on.
 * Returns the note to print, or null when the history is recent.
 * @throws {WfmError} `invalid-option`, one line per problem naming the field or option.
 */
export function staleHistory(history: string, endMs: number, startLocalMs: number, force: boolean, option: string): string | null {
  const days = Math.floor((startLocalMs - endMs) / millisecondsInDay);
  if (days <= staleHistoryDays) return null;
  const text = `the history ${history} ends on ${formatLocalDate(endMs - 1)}, ${describeDays(days)} before the forecast starts on ${formatLocalDate(startLocalMs)}`;
  if (force) return `${text}; forecasting from it anyway (--force-history)`;
  throw new WfmError({ code: "invalid-option", option, message: `${text} (more than ${staleHistoryDays} days): check the dates and --calendar, or pass --force-history to forecast from it anyway` });
}

