import { describe, expect, it } from "vitest";
import { calibrationFromJson } from "../../src/io/calibration-config.js";
import { calibrateForecastRows, calibrateStaffingConfig, calibrationFromReview } from "../../src/review/calibration.js";
import { reviewMonth } from "../../src/review/review-month.js";
import { shrinkageAt } from "../../src/staffing/shrinkage.js";
import { syntheticActuals, syntheticPlan } from "./synthetic.js";

const monday8 = Date.UTC(2026, 11, 7, 8);

describe("calibrateForecastRows", () => {
  it("scales calls and band by the volume factor and takes the AHT of the same interval of week", () => {
    const rows = calibrateForecastRows({
      rows: [
        { localMs: monday8, calls: 100, lower: 90, upper: 110, ahtSeconds: 300 },
        { localMs: monday8 + 3_600_000, calls: 50, lower: 40, upper: 60, ahtSeconds: 300 },
      ],
      calibration: { volumeFactor: 1.1, ahtSecondsByIntervalOfWeek: { monday: { "08:00": 320 } } },
    });
    expect(rows[0]).toEqual({ localMs: monday8, calls: 100 * 1.1, lower: 90 * 1.1, upper: 110 * 1.1, ahtSeconds: 320 });
    expect(rows[1]!.ahtSeconds).toBe(300);
  });

  it("leaves rows alone without a calibration for the channel", () => {
    const rows = [{ localMs: monday8, calls: 1, lower: 1, upper: 1 }];
    expect(calibrateForecastRows({ rows, calibration: undefined })).toEqual(rows);
  });
});

describe("calibrateStaffingConfig", () => {
  const config = {
    channels: { voice: { type: "voice" as const, targetServiceLevel: 0.8, targetAnswerSeconds: 20 }, chat: { type: "chat" as const, targetServiceLevel: 0.8, targetAnswerSeconds: 60 } },
    shrinkage: { components: [{ name: "leave", fraction: 0.1 }, { name: "training", fraction: 0.05, byDayOfWeek: { saturday: 0 } }] },
  };

  it("sets the fitted patience on voice and scales the shrinkage profile to the actual level", () => {
    const next = calibrateStaffingConfig({ config, calibration: { month: "2026-11", channels: { voice: { patienceSeconds: 75, shrinkage: 0.2, plannedShrinkage: 0.15 } } } });
    const voice = next.channels!.voice!;
    expect(voice.type === "voice" && voice.patienceSeconds).toBe(75);
    // weekday: (0.1 + 0.05) x 0.2 / 0.15 = 0.2; Saturday keeps its lower level, scaled: 0.1 x 4/3
    expect(shrinkageAt({ shrinkage: voice.shrinkage!, localMs: monday8 }).shrinkage).toBeCloseTo(0.2, 12);
    expect(shrinkageAt({ shrinkage: voice.shrinkage!, localMs: Date.UTC(2026, 11, 12, 8) }).shrinkage).toBeCloseTo(0.1 * (0.2 / 0.15), 12);
    expect(next.channels!.chat).toBe(config.channels.chat);
  });

  it("uses one flat component when the plan had no shrinkage", () => {
    const next = calibrateStaffingConfig({ config: { channels: config.channels }, calibration: { month: "2026-11", channels: { chat: { shrinkage: 0.12 } } } });
    expect(next.channels!.chat!.shrinkage).toEqual({ method: "additive", components: [{ name: "calibrated", kind: "unplanned", fraction: 0.12 }] });
  });
});

describe("calibrationFromReview", () => {
  it("writes a file the calibration schema accepts, with the measured values", () => {
    const plan = syntheticPlan({ chat: true });
    const review = reviewMonth({ plan, actual: { intervals: syntheticActuals(plan, { volumeFactor: 1.2, ahtFactor: 1.05, shrinkageDelta: 0.04, patienceSeconds: 90 }) } });
    const calibration = calibrationFromReview(review);
    expect(calibrationFromJson(JSON.parse(JSON.stringify(calibration)), "calibration.json")).toEqual(calibration);
    expect(calibration.channels.voice).toMatchObject({ volumeFactor: 1.2, shrinkage: 0.24, plannedShrinkage: 0.2 });
    expect(calibration.channels.voice!.patienceSeconds).toBeCloseTo(90, 0);
    expect(calibration.channels.voice!.ahtSecondsByIntervalOfWeek!.tuesday!["08:00"]).toBe(252);
    expect(calibration.channels.chat!.patienceSeconds).toBeUndefined();
  });

  it("names the file and field of a bad calibration", () => {
    expect(() => calibrationFromJson({ month: "2026-11", channels: { voice: { shrinkage: 1.2 } } }, "c.json")).toThrow("c.json: channels.voice.shrinkage: must be below 1 (a fraction: 0.3 means 30%)");
  });
});
