import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parseLocalizedNumber } from "../../src/io/locale/index.js";
import { runCli } from "../support/cli.js";

const examples = resolve(import.meta.dirname, "../../examples");
const base = ["kpi", "kpi-report.csv", "--tickets", "tickets.csv"];

/** Figures of a table line (Latin or Persian digits), signs kept. */
const figures = (line: string) => (line.match(/[-+±]?[0-9۰-۹][0-9۰-۹.٫]*[%٪]?/g) ?? []).map((t) => parseLocalizedNumber(t.replace(/^[+±]/, "")));

describe("wfm kpi --locale fa", () => {
  it("prints the month's KPIs in Persian with the same figures as in English", async () => {
    const en = await runCli(base, { cwd: examples });
    const fa = await runCli([...base, "--locale", "fa"], { cwd: examples });
    expect(fa.stderr).toBe("");
    expect(fa.status).toBe(0);
    // October 2026 runs from 9 Mehr to 9 Aban 1405 (1 Mehr 1405 = 2026-09-23; 1 Aban = 2026-10-23).
    expect(fa.stdout.split("\n")[0]).toContain("اکتبر ۲۰۲۶ (۹ مهر تا ۹ آبان ۱۴۰۵)");
    expect(fa.stdout).toContain("نرخ رهاشدگی");
    expect(fa.stdout).toContain("میانگین سرعت پاسخگویی");
    const enLines = en.stdout.split("\n");
    const faLines = fa.stdout.split("\n");
    expect(faLines.length).toBe(enLines.length);
    // The KPI table: every line after the heading and the rule, until the blank line.
    const end = enLines.indexOf("", 2);
    let compared = 0;
    for (let i = 4; i < end; i++) {
      // Drop the row label (it may hold "T" or digits only in English, e.g. "(in T / offered)").
      const e = figures(enLines[i]!.replace(/^.*?\)?\s{2,}(?=[-+±\d])/, ""));
      const f = figures(faLines[i]!.replace(/^.*?\)?\s{2,}(?=[-+±۰-۹])/, ""));
      expect(f, faLines[i]).toEqual(e);
      compared += e.length;
    }
    expect(compared).toBeGreaterThan(60);
  });

  it("keeps CSV and JSON unchanged; refuses --locale xx with one line", async () => {
    for (const format of ["csv", "json"]) {
      const en = await runCli([...base, "--format", format, "--by", "day"], { cwd: examples });
      const fa = await runCli([...base, "--format", format, "--by", "day", "--locale", "fa"], { cwd: examples });
      expect(fa.stdout, format).toBe(en.stdout);
    }
    const bad = await runCli([...base, "--locale", "xx"], { cwd: examples });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('--locale: expected one of en, fa, got "xx"\n');
  });
});
