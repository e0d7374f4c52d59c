import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { forecastByChannel, pointsByChannel } from "../../src/forecast/by-channel.js";
import { forecastVolume } from "../../src/forecast/forecast.js";

const hour = 3_600_000;

describe("pointsByChannel", () => {
  it("sums queues of a channel and weights AHT by calls", () => {
    const map = pointsByChannel([
      { localMs: hour, calls: 3, ahtSeconds: 100, channel: "voice" },
      { localMs: 0, calls: 1, ahtSeconds: 300, channel: "chat" },
      { localMs: hour, calls: 1, ahtSeconds: 300, channel: "voice" },
      { localMs: 0, calls: 2, channel: "voice" },
    ]);
    expect([...map.keys()]).toEqual(["voice", "chat"]);
    expect(map.get("voice")).toEqual([
      { localMs: 0, calls: 2 },
      { localMs: hour, calls: 4, ahtSeconds: 150 },
    ]);
  });

  it("keeps the total of calls per channel (law)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ localMs: fc.integer({ min: 0, max: 50 }).map((h) => h * hour), calls: fc.integer({ min: 0, max: 1000 }), channel: fc.constantFrom("voice", "chat", "email") })),
        (rows) => {
          const map = pointsByChannel(rows);
          for (const channel of ["voice", "chat", "email"]) {
            const expected = rows.filter((r) => r.channel === channel).reduce((s, r) => s + r.calls, 0);
            const got = (map.get(channel) ?? []).reduce((s, p) => s + p.calls, 0);
            expect(got).toBe(expected);
          }
        },
      ),
    );
  });
});

describe("forecastByChannel", () => {
  it("gives each channel the forecast it would get alone", () => {
    const start = Date.UTC(2026, 0, 5);
    const rows = [];
    for (let h = 0; h < 24 * 35; h++) {
      rows.push({ localMs: start + h * hour, calls: 10 + (h % 24), channel: "voice" });
      rows.push({ localMs: start + h * hour, calls: 3 + (h % 7), channel: "chat" });
    }
    const options = { intervalMinutes: 60, startLocalMs: start + 35 * 24 * hour, endLocalMs: start + 42 * 24 * hour, method: "seasonal-average" as const };
    const both = forecastByChannel({ rows, ...options });
    expect(both.map((f) => f.channel)).toEqual(["voice", "chat"]);
    const chatAlone = forecastVolume({ points: rows.filter((r) => r.channel === "chat").map(({ localMs, calls }) => ({ localMs, calls })), ...options });
    expect(both[1]!.result.rows).toEqual(chatAlone.rows);
  });
});
