import { describe, expect, it } from "vitest";
import { parseHolidaysCsv } from "../../src/io/holidays.js";
import { parseOrdersCsv } from "../../src/io/orders-csv.js";

describe("special days CSV (date,label,kind)", () => {
  it("reads dates, labels and kinds (holiday by default)", () => {
    const text = "date,label,kind\n1999-09-20,Yom Kippur,holiday\n2026-11-27,Black Friday,campaign\n2026-12-25,Christmas,\n";
    expect(parseHolidaysCsv(text, { file: "h.csv" })).toEqual([
      { dateMs: Date.UTC(1999, 8, 20), label: "Yom Kippur", kind: "holiday" },
      { dateMs: Date.UTC(2026, 10, 27), label: "Black Friday", kind: "campaign" },
      { dateMs: Date.UTC(2026, 11, 25), label: "Christmas", kind: "holiday" },
    ]);
  });
  it("reports every bad cell with line and column", () => {
    const text = "date,label,kind\n2026-02-30,X,holiday\n2026-03-01,,holiday\n2026-03-02,Y,party\n";
    expect(() => parseHolidaysCsv(text, { file: "h.csv" })).toThrow(
      ['h.csv:2:1: date "2026-02-30" is not a date; expected e.g. 2026-12-01 (other forms: --date-format)', "h.csv:3:2: label must not be empty", 'h.csv:4:3: kind must be one of holiday, campaign, outage, closed, got "party"'].join("\n"),
    );
  });
});

describe("orders CSV (date,orders)", () => {
  it("reads daily orders, skipping empty cells, accepting the reservations header", () => {
    expect(parseOrdersCsv("timestamp,total_reservations\n2013-01-01T00:00:00,\n2014-01-01T00:00:00,1200\n", { file: "o.csv" })).toEqual([{ dateMs: Date.UTC(2014, 0, 1), orders: 1200 }]);
  });
  it("rejects negative orders and repeated dates", () => {
    expect(() => parseOrdersCsv("date,orders\n2026-01-01,-3\n2026-01-02,5\n2026-01-02,6\n", { file: "o.csv" })).toThrow(
      ['o.csv:2:2: orders must be a non-negative number, got "-3"', 'o.csv:4:1: date "2026-01-02" repeats line 3'].join("\n"),
    );
  });
});
