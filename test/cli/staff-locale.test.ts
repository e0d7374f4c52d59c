import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parseLocalizedNumber } from "../../src/io/locale/index.js";
import { runCli } from "../support/cli.js";

const examples = resolve(import.meta.dirname, "../../examples");
const base = ["staff", "volumes-month.csv", "--config", "staffing.json"];

/** The figures of a line, read back from Latin or Persian digits (dates and times left out). */
const figures = (line: string) =>
  (line.match(/[-]?[0-9۰-۹][0-9۰-۹.٫]*[%٪]?/g) ?? []).map((t) => parseLocalizedNumber(t.replace(/[.٫]$/, "")));

describe("wfm staff --locale fa", () => {
  it("prints the same figures as in English, in Persian digits, with Solar Hijri dates and Persian terms", async () => {
    const en = await runCli(base, { cwd: examples });
    const fa = await runCli([...base, "--locale", "fa"], { cwd: examples });
    expect(fa.stderr).toBe("");
    expect(fa.status).toBe(0);
    expect(fa.stdout).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(fa.stdout).toContain("سطح سرویس");
    expect(fa.stdout).toContain("برنامه‌ی نیروی انسانی");
    const enLines = en.stdout.split("\n");
    const faLines = fa.stdout.split("\n");
    expect(faLines.length).toBe(enLines.length);
    // The first day of the example, 2026-11-01, is 10 Aban 1405 (1 Azar 1405 = 2026-11-22).
    expect(fa.stdout).toContain("۱۰ آبان ۱۴۰۵");
    const dayRow = /^\d{4}-\d{2}-\d{2}\s+/;
    let compared = 0;
    // Every line but the title (its dates are written in the other calendar); day rows without their date.
    for (let i = 1; i < enLines.length; i++) {
      const enFigures = figures(enLines[i]!.replace(dayRow, ""));
      const faFigures = figures(faLines[i]!.replace(/^[۰-۹]+ \S+ [۰-۹]+\s+/, ""));
      expect(faFigures, faLines[i]).toEqual(enFigures);
      compared += enFigures.length;
    }
    expect(compared).toBeGreaterThan(900);
  });

  it("keeps CSV and JSON locale-independent", async () => {
    for (const format of ["csv", "json"]) {
      const en = await runCli([...base, "--format", format], { cwd: examples });
      const fa = await runCli([...base, "--format", format, "--locale", "fa"], { cwd: examples });
      expect(fa.stdout, format).toBe(en.stdout);
    }
  });

  it("wraps Markdown in a right-to-left block", async () => {
    const fa = await runCli([...base, "--format", "md", "--locale", "fa"], { cwd: examples });
    expect(fa.stdout.startsWith('<div dir="rtl" lang="fa">\n\n')).toBe(true);
  });

  it("refuses an unknown locale with one line and status 2", async () => {
    const run = await runCli([...base, "--locale", "xx"], { cwd: examples });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('--locale: expected one of en, fa, got "xx"\n');
  });
});
