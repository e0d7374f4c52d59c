import { stringify } from "csv-stringify/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvChunks, renderTable, type TableColumn } from "../../src/io/render.js";
import { lazyArray } from "../../src/staffing/lazy-array.js";

describe("renderTable csv", () => {
  it("writes csv-stringify's bytes for any cells, quotes and line ends included, from plain and lazy rows (law)", () => {
    const cell = fc.oneof(fc.constantFrom("", " ", "12", "0.5", "2026-12-01T08:00", "a,b", 'say "hi"', "two\nlines", "cr\ronly", "crlf\r\n", "\uFEFFbom", "=1+2"), fc.string({ maxLength: 6 }));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.array(fc.array(cell, { minLength: 4, maxLength: 4 }), { maxLength: 20 }), (width, rows) => {
        const keys = ["timestamp", "queue name", 'odd "key"', "x,y"].slice(0, width);
        const columns: TableColumn<string[]>[] = keys.map((key, k) => ({ key, value: (r) => r[k]! }));
        const reference = stringify([keys, ...rows.map((r) => r.slice(0, width))], { record_delimiter: "\n" });
        expect(renderTable(rows, columns, "csv")).toBe(reference);
        expect(renderTable(lazyArray(rows.length, (i) => rows[i]!), columns, "csv")).toBe(reference);
        // In chunks of any size, joined: the same text.
        for (const size of [1, 3]) expect([...csvChunks(rows, columns, size)].join("")).toBe(reference);
      }),
      { numRuns: 300 },
    );
  });
});
