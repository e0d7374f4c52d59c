/**
 * The generated instances of the shift-scheduling benchmarks (issue 17), kept in the repo so
 * every figure in the README can be rerun: a seeded 24x7 requirement curve of a chosen peak, the
 * four templates of a contact centre (early, day, late, night; 8.5 hours) and its three break
 * windows (two paid 15-minute breaks and an unpaid 30-minute meal).
 *
 * The curve: a day peak near 11:00 and an evening peak near 19:00 over a night floor, weekends at
 * 70%, each interval's calls drawn from a Poisson law (seeded, `src/staffing/random.ts`), agents
 * = ceil(a + 1.5 sqrt(a)) for the offered load a, scaled so the largest interval needs `peak`.
 */
import { buildTemplateProblem, type ShiftTemplate, type TemplateProblem } from "../src/schedule/index.js";
import { poissonSample, seededRandom } from "../src/staffing/random.js";

/** Agents required per interval over `days` days (Monday first), the largest value = `peak`. */
export function requirementCurve(options: { days: number; intervalMinutes: number; peak: number; seed?: number }): number[] {
  const { days, intervalMinutes, peak, seed = 17 } = options;
  const random = seededRandom(seed);
  const perDay = 1440 / intervalMinutes;
  const load: number[] = [];
  for (let d = 0; d < days; d++) {
    const weekend = d % 7 >= 5 ? 0.7 : 1;
    for (let k = 0; k < perDay; k++) {
      const h = ((k + 0.5) * intervalMinutes) / 60;
      const mean = (20 + 180 * Math.exp(-(((h - 11) / 4) ** 2)) + 90 * Math.exp(-(((h - 19) / 2.5) ** 2))) * weekend * (intervalMinutes / 30);
      load.push(poissonSample(mean, random));
    }
  }
  const agents = load.map((a) => a + 1.5 * Math.sqrt(a));
  const top = Math.max(...agents);
  return agents.map((a) => Math.max(1, Math.ceil((a * peak) / top - 1e-9)));
}

/** The three break windows: two paid 15-minute breaks and an unpaid 30-minute meal. */
export const threeBreaks = [
  { name: "break1", durationMinutes: 15, earliestStartAfterMinutes: 60, latestStartAfterMinutes: 135, paid: true },
  { name: "lunch", durationMinutes: 30, earliestStartAfterMinutes: 180, latestStartAfterMinutes: 285 },
  { name: "break2", durationMinutes: 15, earliestStartAfterMinutes: 330, latestStartAfterMinutes: 405, paid: true },
];

/** Four 8.5-hour templates (early, day, late, night) starting every `stepMinutes` in their windows. */
export function fourTemplates(stepMinutes: number, breaks: ShiftTemplate["breaks"] = []): ShiftTemplate[] {
  return [
    { name: "early", earliestStartMinute: 360, latestStartMinute: 480, startStepMinutes: stepMinutes, minLengthMinutes: 510, costPerPaidHour: 20, breaks },
    { name: "day", earliestStartMinute: 540, latestStartMinute: 660, startStepMinutes: stepMinutes, minLengthMinutes: 510, costPerPaidHour: 20, breaks },
    { name: "late", earliestStartMinute: 840, latestStartMinute: 960, startStepMinutes: stepMinutes, minLengthMinutes: 510, costPerPaidHour: 22, breaks },
    { name: "night", earliestStartMinute: 1320, latestStartMinute: 1380, startStepMinutes: stepMinutes, minLengthMinutes: 510, costPerPaidHour: 26, breaks },
  ];
}

/** One benchmark instance: days, start step, peak, breaks, tours (always 15-minute intervals, the breaks' grid). */
export interface InstanceSpec {
  readonly days: number;
  /** Step between allowed shift starts, minutes (15 or 30). */
  readonly stepMinutes: number;
  readonly peak: number;
  readonly breaks: "three" | "none";
  /** Weekly tours of 5 working days with 2 consecutive days off. */
  readonly tours?: boolean;
  readonly seed?: number;
}

/** Builds the {@link TemplateProblem} of a spec (December 7, 2026 is a Monday). */
export function benchmarkProblem(spec: InstanceSpec): TemplateProblem {
  const breaks = spec.breaks === "none" ? [] : threeBreaks;
  return buildTemplateProblem({
    series: {
      startLocalMs: Date.UTC(2026, 11, 7),
      intervalMinutes: 15,
      required: requirementCurve({ days: spec.days, intervalMinutes: 15, peak: spec.peak, ...(spec.seed === undefined ? {} : { seed: spec.seed }) }),
    },
    settings: {
      templates: fourTemplates(spec.stepMinutes, breaks),
      ...(spec.tours ? { tours: { patterns: [{ name: "5 days", workDays: 5 }], weeklyPaidHours: { max: 40 } } } : {}),
      coverage: { shortfallPenaltyPerAgentHour: 200, excessPenaltyPerAgentHour: 1 },
      cyclicWeek: spec.days === 7,
    },
  });
}
