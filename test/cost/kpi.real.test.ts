import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { kpiReport } from "../../src/cost/kpi.js";
import { parseKpiCsv } from "../../src/io/kpi-csv.js";
import { sharedFile } from "../support/shared.js";

// The Anonymous Bank 1999 hourly arrivals (see ../shared/data/README.md) as a KPI report: the
// file has `calls` (an alias of `offered`) and nothing else, so every KPI but offered must be
// disabled with a note, and December must compare with November.
const path = sharedFile("data", "anonymous-bank-1999-hourly.csv");
const text = readFileSync(path, "utf8");

describe("kpiReport on the Anonymous Bank 1999 hourly file", () => {
  const file = parseKpiCsv(text, { file: "anonymous-bank-1999-hourly.csv" });
  const report = kpiReport({ intervals: file.intervals, orders: file.orders });

  it("reports December against November with offered only, and says why the rest is missing", () => {
    // Independent sums: read the raw lines with a plain split, no code under test.
    const sumOf = (prefix: string) =>
      text
        .split("\n")
        .filter((l) => l.startsWith(prefix))
        .reduce((a, l) => a + Number(l.split(",")[1]), 0);
    expect(report.month).toBe("1999-12");
    expect(report.previousMonth).toBe("1999-11");
    const dec = report.months.find((r) => r.period === "1999-12")!.metrics;
    const nov = report.months.find((r) => r.period === "1999-11")!.metrics;
    expect(dec.offered).toBeCloseTo(sumOf("1999-12-"), 9);
    expect(nov.offered).toBeCloseTo(sumOf("1999-11-"), 9);
    expect(report.changes.find((c) => c.kpi === "offered")!.change).toBeCloseTo((dec.offered - nov.offered) / nov.offered, 12);
    for (const kpi of ["serviceLevel", "abandonRate", "ahtSeconds", "asaSeconds", "occupancy", "contactsPerOrder"] as const) expect(dec[kpi]).toBeNull();
    expect(report.notes).toHaveLength(8); // answered, abandoned, within target, short abandons, handle, staffed, wait, orders
    expect(report.notes.every((n) => n.includes("not measured, the report has no"))).toBe(true);
    expect(file.intervalMinutes).toBe(60);
    expect(report.days).toHaveLength(31);
    expect(report.hours).toHaveLength(24);
  });
});
