import { invalidArgument, requireOptions } from "../errors.js";
import { localMonthOf } from "./kpi.js";

/** One ticket (case) from a ticket export. */
export interface Ticket {
  /** Ticket id (for messages). */
  readonly id: string;
  /** Creation time, wall-clock milliseconds. */
  readonly createdMs: number;
  /** Resolution time, wall-clock milliseconds; absent while the ticket is open. */
  readonly resolvedMs?: number;
  /** Whether it was resolved at the first contact (from a `resolvedAtFirstContact` column, or `contacts === 1`). */
  readonly resolvedAtFirstContact?: boolean;
}

/** FCR and MTTR of the tickets created in one month. */
export interface TicketKpis {
  /** `YYYY-MM`. */
  readonly month: string;
  /** Tickets created in the month. */
  readonly created: number;
  /** Of those, resolved (by the end of the export). */
  readonly resolved: number;
  /** Of those, still open. */
  readonly open: number;
  /** First-contact resolution = resolved at the first contact / resolved; `null` without resolved tickets or FCR data. */
  readonly fcr: number | null;
  /** Mean time to resolution over resolved tickets, seconds; `null` without resolved tickets. */
  readonly mttrSeconds: number | null;
  /** Median time to resolution, seconds (MTTR is pulled up by a few long cases; the median shows the usual case). */
  readonly medianTtrSeconds: number | null;
}

/**
 * First-contact resolution and mean time to resolution of the tickets created in a month.
 *
 * FCR = tickets resolved at the first contact / resolved tickets;
 * MTTR = sum over resolved tickets of (resolved - created) / resolved tickets.
 * Open tickets count in `created` and `open` and in neither ratio.
 *
 * @param options.tickets - the export's tickets
 * @param options.month - `YYYY-MM` (tickets created in it)
 * @returns `null` FCR when no ticket says whether it was resolved at the first contact
 * @throws {WfmError} `invalid-argument` when a ticket is resolved before it was created
 *
 * @example
 * ```ts
 * const oct = (d: number, h: number) => Date.UTC(2026, 9, d, h);
 * ticketKpis({ month: "2026-10", tickets: [
 *   { id: "1", createdMs: oct(1, 8), resolvedMs: oct(1, 10), resolvedAtFirstContact: true },
 *   { id: "2", createdMs: oct(1, 9), resolvedMs: oct(2, 9), resolvedAtFirstContact: false },
 *   { id: "3", createdMs: oct(3, 9) },
 * ] });
 * //=> { month: "2026-10", created: 3, resolved: 2, open: 1, fcr: 0.5, mttrSeconds: 46800, medianTtrSeconds: 46800 }
 * ```
 */
export function ticketKpis(options: { readonly tickets: readonly Ticket[]; readonly month: string }): TicketKpis {
  requireOptions("ticketKpis", options, ["tickets", "month"]);
  const { tickets, month } = options;
  const inMonth = tickets.filter((t) => localMonthOf(t.createdMs) === month);
  const resolved = inMonth.filter((t) => t.resolvedMs !== undefined);
  const durations: number[] = [];
  for (const t of resolved) {
    const seconds = (t.resolvedMs! - t.createdMs) / 1000;
    if (seconds < 0) invalidArgument("ticketKpis", `tickets[${t.id}].resolvedMs`, "not before createdMs", t.resolvedMs);
    durations.push(seconds);
  }
  durations.sort((a, b) => a - b);
  const withFcr = resolved.filter((t) => t.resolvedAtFirstContact !== undefined);
  const fcr = withFcr.length === resolved.length && resolved.length > 0 ? withFcr.filter((t) => t.resolvedAtFirstContact).length / resolved.length : null;
  const n = durations.length;
  const median = n === 0 ? null : n % 2 === 1 ? durations[(n - 1) / 2]! : (durations[n / 2 - 1]! + durations[n / 2]!) / 2;
  return {
    month,
    created: inMonth.length,
    resolved: resolved.length,
    open: inMonth.length - resolved.length,
    fcr,
    mttrSeconds: n === 0 ? null : durations.reduce((a, b) => a + b, 0) / n,
    medianTtrSeconds: median,
  };
}
