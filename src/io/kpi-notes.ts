import type { KpiNote } from "../cost/kpi.js";
import type { LocaleFormat } from "./locale/index.js";

/**
 * One note of `kpiReport` (its `noteDetails`) in the words of a locale: the KPIs a missing column
 * leaves unmeasured, or how many days of its month the data covers. In `en` the text is the core's
 * own English note, byte for byte; in `fa` the KPIs are named as in the Persian KPI tables, the
 * figures are in Persian digits and the month as the Persian report writes it. Column names stay
 * as they are written in the CSV header.
 *
 * @param note - an entry of `KpiReport.noteDetails`
 * @param lf - the locale to write in
 * @returns the note's text, without the locale's `note:` prefix
 * @example
 * ```ts
 * kpiNoteText({ kind: "partial-month", month: "2026-11", coveredDays: 12, monthDays: 30 }, localeFormat("en"));
 * //=> "2026-11: the data covers 12 of its 30 days"
 * ```
 * Reference: ISO 18295-1:2017 (customer contact centres), the KPI definitions the notes refer to.
 */
export function kpiNoteText(note: KpiNote, lf: LocaleFormat): string {
  const words = lf.messages.kpi.notes;
  if (note.kind === "partial-month") return words.partialMonth(lf.month(note.month), lf.digits(String(note.coveredDays)), lf.digits(String(note.monthDays)));
  const list = note.kpis.map((k) => words.labels[k]).join(words.list);
  const kpis = `${list.charAt(0).toUpperCase()}${list.slice(1)}`;
  const columns = note.columns.join(words.or);
  return note.kind === "no-column" ? words.noColumn(kpis, columns) : words.partlyMissing(kpis, columns);
}
