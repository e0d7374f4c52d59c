import { describe, expect, it } from "vitest";
import { localeFormat, parseLocalizedNumber } from "../../../src/io/locale/index.js";
import { renderReportHtml, renderReportMarkdown, type ReportDocument } from "../../../src/io/report/document.js";
import { buildPlanReport, dailyTotals } from "../../../src/io/report/plan-report.js";
import { planMonth, type PlanResult } from "../../../src/plan/plan-month.js";
import { smallPlanOptions } from "../../plan/fixture.js";

let cached: Promise<PlanResult> | undefined;
const options = () => {
  const o = smallPlanOptions();
  // The fixture's week, 2026-12-07 to 2026-12-14, labelled as its Gregorian month.
  return { ...o, period: { ...o.period, label: "2026-12" } };
};
const plan = () => (cached ??= planMonth(options()));
const report = async (locale: "en" | "fa") => buildPlanReport(await plan(), dailyTotals(options().history.rows), { locale, footer: localeFormat(locale).messages.footer("x", "USD") });

/** The figures in a rendered cell, read back whatever digits and separators the locale wrote. */
function figures(text: string): number[] {
  return (text.match(/[-−]?[0-9۰-۹][0-9۰-۹,٬.٫]*[%٪]?/g) ?? []).map((t) => {
    const v = parseLocalizedNumber(t.replace(/^−/, "-").replace(/[,٬.٫]$/, ""));
    expect(v, t).not.toBeNull();
    return v!;
  });
}

/** Every table cell and headline value of a report, in order. */
function cells(doc: ReportDocument): string[] {
  return [...doc.headline.flatMap((h) => [h.value, h.note ?? ""]), ...doc.sections.flatMap((s) => (s.tables ?? []).flatMap((t) => t.rows.flat()))];
}

describe("plan report in English and Persian", () => {
  it("has the same numbers in both locales, only written differently", async () => {
    const [enDoc, faDoc] = [await report("en"), await report("fa")];
    expect(faDoc.sections.map((s) => s.id)).toEqual(enDoc.sections.map((s) => s.id));
    const enCells = cells(enDoc);
    const faCells = cells(faDoc);
    expect(faCells.length).toBe(enCells.length);
    let compared = 0;
    for (let i = 0; i < enCells.length; i++) {
      expect(figures(faCells[i]!), `${enCells[i]} / ${faCells[i]}`).toEqual(figures(enCells[i]!));
      compared += figures(enCells[i]!).length;
    }
    expect(compared).toBeGreaterThan(100);
    // Persian cells carry no Latin digits except inside names (scenario "deflect-20", currency codes).
    const latin = faCells.filter((c) => /[0-9]/.test(c));
    expect(latin.every((c) => /deflect-20/.test(c))).toBe(true);
  });

  it("renders right to left with lang fa, right-aligned tables, Persian terms and Solar Hijri dates", async () => {
    const faDoc = await report("fa");
    const html = renderReportHtml(faDoc);
    expect(html).toContain('<html lang="fa" dir="rtl">');
    expect(html).toContain('[dir="rtl"] th, [dir="rtl"] td, [dir="rtl"] td.num, [dir="rtl"] th.num, [dir="rtl"] caption { text-align: right; }');
    expect(html).toContain("سطح سرویس");
    expect(html).toContain("نیروی مورد نیاز");
    // 2026-12-07 is 16 Azar 1405 and 2026-12-13 (the last day) is 22 Azar 1405 (1 Azar 1405 = 2026-11-22).
    expect(faDoc.title).toBe("Test centre: برنامه‌ی دسامبر ۲۰۲۶ (۱۶ آذر تا ۲۲ آذر ۱۴۰۵)");
    expect(faDoc.subtitle).toContain("از ۱۶ آذر ۱۴۰۵ تا ۲۲ آذر ۱۴۰۵، ۷ روز");
    // The chart axes: Persian digits and Solar Hijri day labels.
    expect(html).toMatch(/data-chart="forecast"[\s\S]*>۱۶ آذر<\/text>/);
    expect(html).toMatch(/data-chart="heatmap"[\s\S]*>۲۲ آذر ۱۴۰۵<\/text>/);
    const md = renderReportMarkdown(faDoc);
    expect(md.startsWith('<div dir="rtl" lang="fa">\n\n# Test centre')).toBe(true);
    expect(md).toContain("| شاخص اصلی | مقدار | توضیح |");
    expect(md).toContain("_نمودار: ");
  });

  it("keeps English the default: lang en, left to right, no wrapper", async () => {
    const enDoc = await buildPlanReport(await plan(), dailyTotals(options().history.rows));
    const html = renderReportHtml(enDoc);
    expect(html).toContain('<html lang="en" dir="ltr">');
    // Rendered after the Persian report in this file: no Persian digit leaks into English charts.
    expect(/[۰-۹]/.test(html)).toBe(false);
    expect(enDoc.title).toBe("Test centre: plan for 2026-12");
    expect(renderReportMarkdown(enDoc).startsWith("# Test centre: plan for 2026-12\n")).toBe(true);
  });

  it("is deterministic: the same plan gives the same Persian bytes", async () => {
    const a = renderReportHtml(await report("fa"));
    const b = renderReportHtml(await report("fa"));
    expect(b).toBe(a);
  });
});
