import { formatLocalDate, localStartOfDay, millisecondsInDay } from "../calendar/local-time.js";
import type { TableColumn } from "../io/render.js";
import type { ScheduledShift } from "../schedule/report.js";

/**
 * The shift table of `wfm schedule` (one row per shift instance), for one curve and per agent group.
 *
 * @module
 */

const two = (n: number) => String(n).padStart(2, "0");

/** `HH:MM`, with `+N` when the time falls N days after `dayMs`. */
function clockText(localMs: number, dayMs: number): string {
  const d = new Date(localMs);
  const days = Math.floor((localStartOfDay(localMs) - dayMs) / millisecondsInDay);
  return `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}${days > 0 ? `+${days}` : days < 0 ? `${days}` : ""}`;
}

function breaksText(shift: ScheduledShift): string {
  const day = localStartOfDay(shift.startLocalMs);
  return shift.breaks.map((b) => `${b.name} ${clockText(b.startLocalMs, day)}-${clockText(b.endLocalMs, day)} x${b.agents}`).join("; ");
}

/** Columns date, start, end (HH:MM, +N days after the start's day), breaks, agents, template. */
export function shiftColumns(): TableColumn<ScheduledShift>[] {
  const day = (s: ScheduledShift) => localStartOfDay(s.startLocalMs);
  return [
    { key: "date", value: (s) => formatLocalDate(s.startLocalMs), align: "left" },
    { key: "start", value: (s) => clockText(s.startLocalMs, day(s)), align: "left" },
    { key: "end", value: (s) => clockText(s.endLocalMs, day(s)), align: "left" },
    { key: "breaks", value: (s) => breaksText(s), align: "left" },
    { key: "agents", value: (s) => s.agents },
    { key: "template", value: (s) => s.template, align: "left" },
  ];
}

