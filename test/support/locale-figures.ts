import { expect } from "vitest";
import { parseLocalizedNumber } from "../../src/io/locale/index.js";

const persianMonths = "فروردین|اردیبهشت|خرداد|تیر|مرداد|شهریور|مهر|آبان|آذر|دی|بهمن|اسفند";

/**
 * A line without its dates and clock times, in either locale: ISO dates and timestamps
 * (`2026-12-07`, `2026-12-07T09:00`), Solar Hijri dates (`۱۶ آذر ۱۴۰۵`, `۱۴۰۵/۰۹/۱۶ ۰۹:۰۰`),
 * a day of the month before a weekday, and `HH:MM` clock times (`16:00+1`). The two calendars write
 * different figures for the same day, so a comparison of figures leaves them out.
 */
export function withoutDates(line: string): string {
  return line
    .replace(/\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?/g, " ")
    .replace(/[۰-۹]{4}\/[۰-۹]{2}\/[۰-۹]{2}( [۰-۹]{2}:[۰-۹]{2})?/g, " ")
    .replace(new RegExp(`[۰-۹]{1,2} (${persianMonths})( [۰-۹]{4})?`, "g"), " ")
    .replace(/[0-9۰-۹]{2}:[0-9۰-۹]{2}(\+[0-9۰-۹])?/g, " ");
}

/**
 * The figures of a text, read back from Latin or Persian digits, separators and percent signs
 * (`81.2%` and `۸۱٫۲٪` both give 0.812).
 */
export function figures(text: string): (number | null)[] {
  // A minus sign right after a figure is a range dash (`84.3%-97.1%`), not a sign.
  return (text.match(/(?:(?<![0-9۰-۹%٪])-)?[0-9۰-۹][0-9۰-۹.٫]*[%٪]?/g) ?? []).map((t) => parseLocalizedNumber(t.replace(/[.٫]$/, "")));
}

/** Compares two outputs line by line: the same count of lines and the same figures on each, dates left out; returns how many figures were compared. */
export function sameFigures(en: string, fa: string, skip: (line: number) => boolean = () => false): number {
  const enLines = en.split("\n");
  const faLines = fa.split("\n");
  expect(faLines.length, "line count").toBe(enLines.length);
  let compared = 0;
  for (let i = 0; i < enLines.length; i++) {
    if (skip(i)) continue;
    const enFigures = figures(withoutDates(enLines[i]!));
    expect(figures(withoutDates(faLines[i]!)), `${enLines[i]}\n${faLines[i]}`).toEqual(enFigures);
    compared += enFigures.length;
  }
  return compared;
}
