import { describe, expect, it } from "vitest";
import { parseTicketCsv } from "../../src/io/tickets-csv.js";
import { problemsOf } from "../support/problems.js";


describe("parseTicketCsv", () => {
  it("reads contacts as first-contact resolution and an empty resolvedAt as an open ticket", () => {
    const file = parseTicketCsv("Ticket ID,Created,Closed At,Touches\nT1,2026-10-01T08:00,2026-10-01T09:30,1\nT2,2026-10-01 09:00,,2\nT3,2026-10-02T10:00,2026-10-03T10:00,3\n", { file: "t.csv" });
    expect(file.hasFcr).toBe(true);
    expect(file.hasResolution).toBe(true);
    expect(file.tickets).toEqual([
      { id: "T1", createdMs: Date.UTC(2026, 9, 1, 8), resolvedMs: Date.UTC(2026, 9, 1, 9, 30), resolvedAtFirstContact: true },
      { id: "T2", createdMs: Date.UTC(2026, 9, 1, 9) },
      { id: "T3", createdMs: Date.UTC(2026, 9, 2, 10), resolvedMs: Date.UTC(2026, 9, 3, 10), resolvedAtFirstContact: false },
    ]);
  });

  it("reads a yes/no first-contact column in preference to contacts", () => {
    const file = parseTicketCsv("id,createdAt,resolvedAt,fcr,contacts\nA,2026-10-01T08:00,2026-10-01T09:00,no,1\nB,2026-10-01T08:00,2026-10-01T09:00,Yes,2\n", { file: "t.csv" });
    expect(file.tickets.map((t) => t.resolvedAtFirstContact)).toEqual([false, true]);
  });

  it("reports every bad cell with its line and column", () => {
    const text = [
      "id,createdAt,resolvedAt,contacts",
      ",2026-10-01T08:00,,1",
      "A,yesterday,,1",
      "B,2026-10-02T08:00,2026-10-01T08:00,1",
      "C,2026-10-02T08:00,2026-10-03T08:00,0",
      "C,2026-10-02T08:00,,1",
    ].join("\n");
    expect(problemsOf(() => parseTicketCsv(text, { file: "t.csv" }))).toEqual([
      "t.csv:2:1: id is empty",
      't.csv:3:2: createdAt "yesterday" is not a date-time; expected e.g. 2026-12-01T08:00 or 2026-12-01 08:00 (other forms: --date-format)',
      't.csv:4:3: resolvedAt "2026-10-01T08:00" is before createdAt "2026-10-02T08:00"',
      't.csv:5:4: contacts must be a whole number of at least 1, got "0"',
      't.csv:6:1: id "C" repeats line 5',
    ]);
  });
});
