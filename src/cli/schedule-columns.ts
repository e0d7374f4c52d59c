import { formatLocalDate, formatLocalTimestamp, localStartOfDay, millisecondsInDay, type TimestampStyle } from "../calendar/local-time.js";
import { localeFormat, type LocaleFormat } from "../io/locale/index.js";
import type { TableColumn } from "../io/render.js";
import type { ScheduledShift } from "../schedule/report.js";

/**
 * The shift table of `wfm schedule` (one row per shift instance), for one curve and per agent group.
 *
 * @module
 */

const two = (n: number) => String(n).padStart(2, "0");

/** A scheduled shift in the JSON of `wfm schedule` (timestamps in the requirement file's style). */
export function shiftJson(s: ScheduledShift, style: TimestampStyle) {
  return {
    date: formatLocalDate(s.startLocalMs),
    start: formatLocalTimestamp(s.startLocalMs, style),
    end: formatLocalTimestamp(s.endLocalMs, style),
    template: s.template,
    agents: s.agents,
    paidHours: s.paidHours,
    breaks: s.breaks.map((b) => ({ name: b.name, start: formatLocalTimestamp(b.startLocalMs, style), end: formatLocalTimestamp(b.endLocalMs, style), agents: b.agents })),
  };
}
const english = localeFormat("en");

/** `HH:MM`, with `+N` when the time falls N days after `dayMs`. */
function clockText(localMs: number, dayMs: number): string {
  const d = new Date(localMs);
  const days = Math.floor((localStartOfDay(localMs) - dayMs) / millisecondsInDay);
  return `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}${days > 0 ? `+${days}` : days < 0 ? `${days}` : ""}`;
}

function breaksText(shift: ScheduledShift, lf: LocaleFormat): string {
  const day = localStartOfDay(shift.startLocalMs);
  const m = lf.messages.scheduleCli;
  return shift.breaks.map((b) => m.breakText(b.name, lf.digits(clockText(b.startLocalMs, day)), lf.digits(clockText(b.endLocalMs, day)), lf.digits(String(b.agents)))).join(m.breakSeparator);
}

/**
 * Columns date, start, end (HH:MM, +N days after the start's day), breaks, agents, template. CSV
 * keeps the English keys and plain figures; table and Markdown are in the locale `lf`.
 */
export function shiftColumns(lf: LocaleFormat = english): TableColumn<ScheduledShift>[] {
  const day = (s: ScheduledShift) => localStartOfDay(s.startLocalMs);
  const c = lf.messages.scheduleCli.columns;
  const en = lf.locale === "en";
  return [
    { key: "date", ...(en ? {} : { title: c.date }), value: (s) => (en ? formatLocalDate(s.startLocalMs) : lf.date(formatLocalDate(s.startLocalMs))), align: "left" },
    { key: "start", ...(en ? {} : { title: c.start }), value: (s) => lf.digits(clockText(s.startLocalMs, day(s))), align: "left" },
    { key: "end", ...(en ? {} : { title: c.end }), value: (s) => lf.digits(clockText(s.endLocalMs, day(s))), align: "left" },
    { key: "breaks", ...(en ? {} : { title: c.breaks }), value: (s) => breaksText(s, lf), align: "left" },
    { key: "agents", ...(en ? {} : { title: c.agents }), value: (s) => s.agents, text: (s) => lf.digits(String(s.agents)), align: "right" },
    { key: "template", ...(en ? {} : { title: c.template }), value: (s) => s.template, align: "left" },
  ];
}
