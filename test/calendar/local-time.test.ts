import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  formatLocalTimestamp,
  isOpenAt,
  localDayOfWeek,
  localMinuteOfDay,
  localStartOfDay,
  parseLocalTimestamp,
} from "../../src/calendar/local-time.js";

describe("local wall-clock time", () => {
  it("parses the documented forms", () => {
    // Date.UTC values computed independently: 1999-01-01T06:00Z = 915148800 s + 6 h.
    expect(parseLocalTimestamp("1999-01-01T06:00")?.localMs).toBe(915_170_400_000);
    expect(parseLocalTimestamp("1999-01-01 06:00:00")?.localMs).toBe(915_170_400_000);
    expect(parseLocalTimestamp("1999-01-01T06:00-05:00")?.localMs).toBe(915_170_400_000);
    expect(parseLocalTimestamp("1999-01-01")?.style.dateOnly).toBe(true);
  });

  it.each(["2026-02-30", "2026-13-01", "2026-12-01T24:00", "2026-12-01T08:60", "01/12/2026 08:00", "", "2026-12-01T8:00"])(
    "rejects %j",
    (text) => {
      expect(parseLocalTimestamp(text)).toBeNull();
    },
  );

  it("knows weekdays and minutes of the day", () => {
    const friday = parseLocalTimestamp("1999-01-01T06:30")!.localMs;
    expect(localDayOfWeek(friday)).toBe(5);
    expect(localMinuteOfDay(friday)).toBe(390);
    expect(formatLocalTimestamp(localStartOfDay(friday))).toBe("1999-01-01T00:00");
  });

  it("the weekday is Date's getUTCDay over the whole Date range, fractions and NaN included (law)", () => {
    fc.assert(
      fc.property(fc.oneof(fc.double({ min: -8.64e15, max: 8.64e15, noNaN: true }), fc.integer({ min: -1e12, max: 1e12 }).map((m) => m * 900_000), fc.constantFrom(-0.5, 0.5, Number.NaN, 8.64e15 + 1, Infinity)), (ms) => {
        expect(localDayOfWeek(ms)).toBe(new Date(ms).getUTCDay());
      }),
      { numRuns: 2000 },
    );
  });

  it("format then parse is the identity for every style (law)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3_000_000 }).map((m) => Date.UTC(1970, 0, 1) + m * 60_000 * 30),
        fc.constantFrom<"T" | " ">("T", " "),
        fc.boolean(),
        fc.constantFrom(null, "Z", "+03:30", "-05:00"),
        (localMs, separator, seconds, offset) => {
          const style = { separator, seconds, dateOnly: false, offset };
          const parsed = parseLocalTimestamp(formatLocalTimestamp(localMs, style));
          expect(parsed).toEqual({ localMs, style });
        },
      ),
    );
  });

  it("applies opening hours, including ranges past midnight", () => {
    const hours = {
      monday: [{ openMinute: 7 * 60, closeMinute: 21 * 60 }],
      friday: [{ openMinute: 22 * 60, closeMinute: 2 * 60 }],
    };
    const at = (text: string) => parseLocalTimestamp(text)!.localMs;
    expect(isOpenAt(hours, at("2026-11-23T07:00"))).toBe(true); // Monday
    expect(isOpenAt(hours, at("2026-11-23T21:00"))).toBe(false);
    expect(isOpenAt(hours, at("2026-11-24T08:00"))).toBe(false); // Tuesday: closed
    expect(isOpenAt(hours, at("2026-11-27T23:00"))).toBe(true); // Friday night
    expect(isOpenAt(hours, at("2026-11-28T01:00"))).toBe(true); // ...into Saturday
    expect(isOpenAt(hours, at("2026-11-28T02:00"))).toBe(false);
    expect(isOpenAt(undefined, at("2026-11-28T02:00"))).toBe(true);
  });
});
