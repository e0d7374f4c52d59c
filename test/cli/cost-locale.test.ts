import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parseLocalizedNumber } from "../../src/io/locale/index.js";
import { runCli } from "../support/cli.js";

const examples = resolve(import.meta.dirname, "../../examples");

/** Figures of a line (Latin or Persian digits), signs kept, in order. */
const figures = (line: string) => (line.match(/-?[0-9۰-۹][0-9۰-۹.٫,٬]*[%٪]?/g) ?? []).map((t) => parseLocalizedNumber(t));

/** Projected, projected with scenarios, actual from the KPI report, actual from --staffed-hours. */
const requests = [
  ["cost", "--config", "cost.json", "--volumes", "volumes-month.csv", "--staffing", "staffing.json", "--orders", "520000"],
  ["cost", "--config", "cost.json", "--volumes", "volumes-month.csv", "--staffing", "staffing.json", "--scenarios", "scenarios.json"],
  ["cost", "--config", "cost.json", "--kpi", "kpi-report.csv", "--shrinkage", "30%"],
  ["cost", "--config", "cost.json", "--staffed-hours", "15000", "--peak-agents", "70", "--contacts", "voice=50000,chat=20000"],
];

describe("wfm cost --locale fa", () => {
  it("prints the same figures as in English, in Persian words and digits", async () => {
    let compared = 0;
    for (const args of requests) {
      const en = await runCli(args, { cwd: examples });
      const fa = await runCli([...args, "--locale", "fa"], { cwd: examples });
      expect(fa.stderr).toBe("");
      expect(fa.status).toBe(0);
      const enLines = en.stdout.trimEnd().split("\n");
      const faLines = fa.stdout.trimEnd().split("\n");
      expect(faLines.length, args.join(" ")).toBe(enLines.length);
      for (let i = 0; i < enLines.length; i++) {
        // a month 2026-10 is written by name in Persian ("اکتبر ۲۰۲۶"): compare its year only
        const enLine = enLines[i]!.replace(/\b(\d{4})-(0[1-9]|1[0-2])\b/g, "$1");
        expect(figures(faLines[i]!), faLines[i]).toEqual(figures(enLine));
        compared += figures(enLine).length;
      }
    }
    expect(compared).toBeGreaterThan(250);
    const fa = await runCli([...requests[0]!, "--locale", "fa"], { cwd: examples });
    expect(fa.stdout).toContain("دستمزد کارشناسان");
    const kpi = await runCli([...requests[2]!, "--locale", "fa"], { cwd: examples });
    expect(kpi.stdout.split("\n")[0]).toBe("kpi-report.csv اکتبر ۲۰۲۶ (واقعی)، USD، ۱ ماه");
    expect(fa.stdout).toContain("هزینه‌ی هر تماس               ۳٫۴۵۵۸");
  });

  it("wraps md in a right-to-left block; keeps CSV and JSON unchanged; refuses --locale xx with one line", async () => {
    const md = await runCli([...requests[0]!, "--format", "md", "--locale", "fa"], { cwd: examples });
    expect(md.stdout.startsWith('<div dir="rtl" lang="fa">\n')).toBe(true);
    for (const args of [requests[0]!, requests[1]!, requests[2]!]) {
      for (const format of ["csv", "json"]) {
        const en = await runCli([...args, "--format", format], { cwd: examples });
        const fa = await runCli([...args, "--format", format, "--locale", "fa"], { cwd: examples });
        expect(fa.stdout, `${args.join(" ")} ${format}`).toBe(en.stdout);
      }
    }
    const bad = await runCli([...requests[0]!, "--locale", "xx"], { cwd: examples });
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe("");
    expect(bad.stderr).toBe('--locale: expected one of en, fa, got "xx"\n');
  });
});
