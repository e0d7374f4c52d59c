import { cpSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parseLocalizedNumber } from "../../src/io/locale/index.js";
import { runCli, tempDir } from "../support/cli.js";

const example = resolve(import.meta.dirname, "../../examples/review");

function exampleCopy(): string {
  const dir = tempDir("wfm-review-locale-");
  for (const f of ["plan-2026-11", "actual-2026-11.csv", "agent-states.csv", "agent-schedule.csv"]) cpSync(join(example, f), join(dir, f), { recursive: true });
  cpSync(join(example, "..", "plan", "holidays.csv"), join(dir, "holidays.csv"));
  cpSync(join(example, "..", "cost.json"), join(dir, "cost.json"));
  return dir;
}

/** Figures of a line (Latin or Persian digits); dates are left out of the comparison by the caller. */
const figures = (line: string) => (line.match(/[-+]?[0-9۰-۹][0-9۰-۹.٫]*[%٪]?/g) ?? []).map((t) => parseLocalizedNumber(t.replace(/^\+/, "").replace(/[.٫]$/, "")));

describe("wfm review --locale fa", () => {
  const dir = exampleCopy();
  const args = ["review", "--plan", "plan-2026-11", "--actual", "actual-2026-11.csv", "--agent-states", "agent-states.csv", "--agent-schedule", "agent-schedule.csv", "--holidays", "holidays.csv", "--cost", "cost.json"];

  it("writes review.html and review.md in Persian with the same figures; review.json and calibration.json unchanged", async () => {
    const en = await runCli([...args, "--out", "en"], { cwd: dir });
    const fa = await runCli([...args, "--out", "fa", "--locale", "fa"], { cwd: dir });
    expect(fa.stderr).toBe("");
    expect(fa.status).toBe(0);
    for (const name of ["review.json", "calibration.json"]) expect(readFileSync(join(dir, "fa", name), "utf8"), name).toBe(readFileSync(join(dir, "en", name), "utf8"));
    const html = readFileSync(join(dir, "fa", "review.html"), "utf8");
    expect(html).toContain('<html lang="fa" dir="rtl">');
    expect(html).toContain("سطح سرویس");
    // November 2026 runs from 10 Aban to 9 Azar 1405 (1 Azar 1405 = 2026-11-22).
    expect(html).toContain("نوامبر ۲۰۲۶ (۱۰ آبان تا ۹ آذر ۱۴۰۵)");
    // The tables of the Markdown report: the same figures, row by row.
    const rows = (text: string) => text.split("\n").filter((l) => l.startsWith("| ") && !/---/.test(l));
    const enRows = rows(readFileSync(join(dir, "en", "review.md"), "utf8"));
    const faRows = rows(readFileSync(join(dir, "fa", "review.md"), "utf8"));
    expect(faRows.length).toBe(enRows.length);
    const date = /\d{4}-\d{2}-\d{2}|[۰-۹]+ [^\s|]+ [۰-۹]{4}/g;
    let compared = 0;
    for (let i = 0; i < enRows.length; i++) {
      const e = figures(enRows[i]!.replace(date, ""));
      expect(figures(faRows[i]!.replace(date, "")), faRows[i]).toEqual(e);
      compared += e.length;
    }
    expect(compared).toBeGreaterThan(150);
  });

  it("prints the tables in Persian; --locale xx is refused with one line", async () => {
    const fa = await runCli([...args, "--locale", "fa"], { cwd: dir });
    expect(fa.status).toBe(0);
    expect(fa.stdout).toContain("چرا: سطح سرویس از برنامه تا واقعیت");
    expect(fa.stdout).toContain("۶ آذر ۱۴۰۵"); // Black Friday, 2026-11-27, among the worst days
    const bad = await runCli([...args, "--locale", "xx"], { cwd: dir });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('--locale: expected one of en, fa, got "xx"\n');
  });
});
