import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { en, type Messages } from "../../../src/io/locale/en.js";
import { fa } from "../../../src/io/locale/fa.js";
import { lastDayOfPeriod, localeFormat, parseLocalizedNumber, toPersianDigits } from "../../../src/io/locale/index.js";

/** Every key path of a catalogue, functions as leaves. */
function keyPaths(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keyPaths(v, prefix === "" ? k : `${prefix}.${k}`));
}

/** Paths of the lookup tables (method, status, category and unit names), which may be empty in English. */
const lookupTables = ["forecast.methods", "schedule.statuses", "cost.categories", "cost.units"];

describe("message catalogues", () => {
  it("fa has every key of en with a value of the same kind", () => {
    const enPaths = keyPaths(en).filter((p) => !lookupTables.some((t) => p.startsWith(`${t}.`)));
    const faPaths = new Set(keyPaths(fa));
    for (const path of enPaths) {
      if (lookupTables.includes(path)) continue;
      expect(faPaths.has(path), path).toBe(true);
      const pick = (o: unknown) => path.split(".").reduce<unknown>((x, k) => (x as Record<string, unknown>)[k], o);
      expect(typeof pick(fa), path).toBe(typeof pick(en));
    }
  });

  it("is type-enforced: a catalogue without a key does not compile", () => {
    const { none: _none, ...withoutNone } = fa;
    // @ts-expect-error `none` is missing, so this is not a Messages
    const incomplete: Messages = withoutNone;
    expect(incomplete).not.toHaveProperty("none");
  });

  it("translates the terms Persian planners use", () => {
    expect(fa.lastMonth.serviceLevel).toContain("سطح سرویس");
    expect(fa.lastMonth.asa).toContain("میانگین سرعت پاسخگویی");
    expect(fa.lastMonth.abandonRate).toBe("نرخ رهاشدگی");
    expect(fa.lastMonth.occupancy).toBe("اشغال");
    expect(fa.lastMonth.aht).toContain("زمان متوسط مکالمه");
    expect(fa.headline.agentFte).toContain("تمام‌وقت معادل");
    expect(fa.staffing.intro("160")).toContain("شرینکیج (ضریب اتلاف نیرو)");
    expect(fa.staffing.title).toContain("نیروی مورد نیاز");
  });
});

describe("locale formats", () => {
  it("writes figures with Persian digits and separators (independent reference strings)", () => {
    // Unicode: U+06F0..U+06F9 extended Arabic-Indic digits, U+066C thousands, U+066B decimal, U+066A percent.
    expect(toPersianDigits("0123456789")).toBe("\u06f0\u06f1\u06f2\u06f3\u06f4\u06f5\u06f6\u06f7\u06f8\u06f9");
    expect(localeFormat("fa").number(1234567.891, 2)).toBe("\u06f1\u066c\u06f2\u06f3\u06f4\u066c\u06f5\u06f6\u06f7\u066b\u06f8\u06f9");
    expect(localeFormat("fa").percent(0.8123)).toBe("\u06f8\u06f1\u066b\u06f2\u066a");
    expect(localeFormat("en").percent(0.8123)).toBe("81.2%");
    expect(toPersianDigits("A sentence, with. punctuation 1,200.5")).toBe("A sentence, with. punctuation ۱٬۲۰۰٫۵");
  });

  it("law: a number written in fa reads back to the same value as in en", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.integer({ min: 0, max: 4 }), (value, decimals) => {
        const enText = localeFormat("en").number(value, decimals);
        const faText = localeFormat("fa").number(value, decimals);
        expect(/[0-9]/.test(faText)).toBe(false);
        expect(parseLocalizedNumber(faText)).toBe(parseLocalizedNumber(enText));
        expect(parseLocalizedNumber(faText)).toBeCloseTo(value, decimals === 0 ? -0.2 : decimals - 1);
      }),
    );
  });

  it("law: a percentage written in fa reads back to the same fraction as in en", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 2, noNaN: true }), (fraction) => {
        expect(parseLocalizedNumber(localeFormat("fa").percent(fraction))).toBe(parseLocalizedNumber(localeFormat("en").percent(fraction)));
      }),
    );
  });

  it("writes dates in the Solar Hijri calendar (reference: 1 Azar 1404 = 2025-11-22, Nowruz 1405 = 2026-03-21)", () => {
    const f = localeFormat("fa");
    expect(f.date("2025-11-22")).toBe("۱ آذر ۱۴۰۴");
    expect(f.date("2026-03-21")).toBe("۱ فروردین ۱۴۰۵");
    expect(f.date("2026-03-20")).toBe("۲۹ اسفند ۱۴۰۴");
    expect(f.date("2026-12-01")).toBe("۱۰ آذر ۱۴۰۵");
    expect(localeFormat("en").date("2026-12-01")).toBe("2026-12-01");
    expect(lastDayOfPeriod("2027-01-01")).toBe("2026-12-31");
  });

  it("names the planning month: Persian month of a Persian plan, Gregorian month with its Solar Hijri days otherwise", () => {
    const f = localeFormat("fa");
    expect(f.period({ label: "1404-09", calendar: "persian", start: "2025-11-22", end: "2025-12-22" })).toBe("آذر ۱۴۰۴");
    expect(f.period({ label: "2026-12", calendar: "gregorian", start: "2026-12-01", end: "2027-01-01" })).toBe("دسامبر ۲۰۲۶ (۱۰ آذر تا ۱۰ دی ۱۴۰۵)");
    expect(f.month("2026-11")).toBe("نوامبر ۲۰۲۶ (۱۰ آبان تا ۹ آذر ۱۴۰۵)");
    expect(localeFormat("en").period({ label: "2026-12", calendar: "gregorian", start: "2026-12-01", end: "2027-01-01" })).toBe("2026-12");
  });

  it("refuses another locale", () => {
    expect(() => localeFormat("xx" as "en")).toThrow('localeFormat: locale must be one of en, fa, got "xx"');
  });
});
