import { describe, expect, it } from "vitest";
import { seededRandom } from "../../src/staffing/random.js";
import { compileDistribution, sampleDuration } from "../../src/simulation/distributions.js";
import { simulate, studentT975, type DurationDistribution, type SimulationOptions } from "../../src/simulation/index.js";
import { WfmError } from "../../src/errors.js";

const exp = (meanSeconds: number): DurationDistribution => ({ kind: "exponential", meanSeconds });
const flat = (value: number, n: number) => Array<number>(n).fill(value);

describe("duration distributions", () => {
  // n = 200,000 draws: the sample mean is within 5 standard errors (sd / sqrt(n)) of the mean,
  // and the sample coefficient of variation within 5% of the target.
  it.each([
    [{ kind: "exponential", meanSeconds: 180 }, 180, 1],
    [{ kind: "lognormal", meanSeconds: 300, cv: 0.5 }, 300, 0.5],
    [{ kind: "lognormal", meanSeconds: 300, cv: 1.5 }, 300, 1.5],
    [{ kind: "gamma", meanSeconds: 120, cv: 0.7 }, 120, 0.7],
    [{ kind: "gamma", meanSeconds: 120, cv: 2 }, 120, 2],
    [{ kind: "deterministic", seconds: 42 }, 42, 0],
    [{ kind: "empirical", samplesSeconds: [10, 20, 30, 40] }, 25, Math.sqrt(125) / 25],
  ] as [DurationDistribution, number, number][])("%j has mean %d and CV %d", (d, mean, cv) => {
    const compiled = compileDistribution(d, [], [], { allowNone: false, positiveMean: true })!;
    const random = seededRandom(99);
    const n = 200_000;
    let sum = 0;
    let sumSquares = 0;
    let negative = 0;
    for (let i = 0; i < n; i++) {
      const x = sampleDuration(compiled, random);
      if (!(x >= 0)) negative++;
      sum += x;
      sumSquares += x * x;
    }
    expect(negative).toBe(0);
    const m = sum / n;
    const sd = Math.sqrt(Math.max(0, sumSquares / n - m * m));
    expect(Math.abs(m - mean)).toBeLessThanOrEqual(5 * ((cv * mean) / Math.sqrt(n)) + 1e-9);
    expect(Math.abs(sd / m - cv)).toBeLessThanOrEqual(0.05 * cv + 1e-9);
  });

  it("Student's t quantile: table values and the large-sample limit", () => {
    expect(studentT975(1)).toBeCloseTo(12.7062, 4);
    expect(studentT975(19)).toBeCloseTo(2.0930, 4);
    expect(studentT975(30)).toBeCloseTo(2.0423, 4);
    // R: qt(0.975, c(40, 120)) = 2.021075, 1.979930
    expect(studentT975(40)).toBeCloseTo(2.021075, 4);
    expect(studentT975(120)).toBeCloseTo(1.97993, 4);
  });
});

describe("routing", () => {
  const twoTiers = (afterWaitSeconds: number): SimulationOptions => ({
    intervalSeconds: 1800,
    contactTypes: [{ name: "support", volumes: flat(120, 8), handleTime: exp(180), patience: exp(120) }],
    agentGroups: [
      { name: "tier1", skills: ["support"], agents: 11 },
      { name: "tier2", skills: [{ contactType: "support", afterWaitSeconds }], agents: 3 },
    ],
    replications: 10,
    seed: 4,
    warmupSeconds: 1800,
  });
  it("overflow: tier 2 takes calls only after they waited; it then lifts the service level", () => {
    const never = simulate(twoTiers(1e9));
    const after30 = simulate(twoTiers(30));
    expect(never.period.agentGroups[1]!.busyHours.mean).toBe(0);
    expect(after30.period.agentGroups[1]!.busyHours.mean!).toBeGreaterThan(0);
    const slNever = never.period.contactTypes[0]!.serviceLevel;
    const slAfter = after30.period.contactTypes[0]!.serviceLevel;
    expect(slAfter.mean! - slNever.mean!).toBeGreaterThan(slAfter.halfWidth! + slNever.halfWidth!);
  });

  it("a group's primary skill goes first: the specialist group serves its own type before the shared one", () => {
    const r = simulate({
      intervalSeconds: 1800,
      contactTypes: [
        { name: "billing", volumes: flat(60, 4), handleTime: exp(240) },
        { name: "tech", volumes: flat(60, 4), handleTime: exp(240) },
      ],
      agentGroups: [{ name: "generalists", skills: ["billing", "tech"], agents: 17 }],
      replications: 10,
      seed: 2,
    });
    const [billing, tech] = r.period.contactTypes;
    expect(billing!.asaSeconds.mean!).toBeLessThan(tech!.asaSeconds.mean!);
  });
});

describe("call-backs, outbound blending, redials, over-dispersion, schedules", () => {
  it("call-back: offered above the expected-wait threshold; made before their deadline when capacity allows", () => {
    const base: SimulationOptions = {
      intervalSeconds: 1800,
      contactTypes: [
        {
          name: "voice",
          volumes: [120, 120, 120, 40, 40, 40],
          handleTime: exp(180),
          patience: exp(90),
          callback: { offerAboveExpectedWaitSeconds: 30, acceptProbability: 0.6, deadlineSeconds: 3600 },
        },
      ],
      agentGroups: [{ name: "team", skills: ["voice"], agents: 11 }],
      replications: 10,
      seed: 8,
    };
    const r = simulate(base).period.contactTypes[0]!;
    expect(r.callbacksAccepted.mean!).toBeGreaterThan(0);
    expect(r.callbacksMade.mean!).toBeCloseTo(r.callbacksAccepted.mean!, 9); // the quiet hours catch up
    expect(r.callbacksInTimeShare.mean!).toBeGreaterThan(0.9);
    const noCallback = simulate({ ...base, contactTypes: [{ ...base.contactTypes[0]!, callback: undefined }] }).period.contactTypes[0]!;
    expect(r.abandonRate.mean!).toBeLessThan(noCallback.abandonRate.mean!);
  });

  it("outbound blending: no outbound while the reserve cannot stay idle; with reserve 0 outbound fills idle time", () => {
    const options = (reserve: number): SimulationOptions => ({
      intervalSeconds: 1800,
      contactTypes: [
        { name: "inbound", volumes: flat(60, 4), handleTime: exp(180), patience: exp(120) },
        { name: "sales", volumes: flat(500, 4), handleTime: exp(300), outbound: true },
      ],
      agentGroups: [{ name: "blended", skills: ["inbound", "sales"], agents: 10, outboundReserveAgents: reserve }],
      replications: 6,
      seed: 5,
    });
    const none = simulate(options(10)).period;
    const some = simulate(options(2)).period;
    const all = simulate(options(0)).period;
    expect(none.agentGroups[0]!.outboundHandled.mean).toBe(0);
    expect(none.contactTypes[1]!.answered.mean).toBe(0);
    expect(some.agentGroups[0]!.outboundHandled.mean!).toBeGreaterThan(0);
    expect(all.agentGroups[0]!.outboundHandled.mean!).toBeGreaterThan(some.agentGroups[0]!.outboundHandled.mean!);
    expect(all.contactTypes[0]!.serviceLevel.mean!).toBeLessThan(none.contactTypes[0]!.serviceLevel.mean!);
    expect(all.agentGroups[0]!.occupancy.mean!).toBeGreaterThan(none.agentGroups[0]!.occupancy.mean!);
  });

  it("redials: abandoned callers come back; fresh arrivals = offered - redials keep the Poisson mean", () => {
    const r = simulate({
      intervalSeconds: 1800,
      contactTypes: [{ name: "voice", volumes: flat(150, 8), handleTime: exp(180), patience: exp(60), redial: { probability: 0.7, delay: exp(300) } }],
      agentGroups: [{ name: "team", skills: ["voice"], agents: 13 }],
      replications: 20,
      seed: 6,
    }).period.contactTypes[0]!;
    expect(r.redials.mean!).toBeGreaterThan(0);
    // Fresh arrivals in 8 intervals: Poisson(1200) per replication, so the mean of 20 has sd sqrt(1200 / 20).
    expect(Math.abs(r.offered.mean! - r.redials.mean! - 1200)).toBeLessThan(4 * Math.sqrt(1200 / 20));
    // Redials are at most 70% of the abandons (those falling after the horizon are not offered).
    expect(r.redials.mean!).toBeLessThanOrEqual(0.7 * r.abandoned.mean! + 4 * r.abandoned.standardError! + 1e-9);
  });

  it("over-dispersion: a gamma day factor with CV c gives daily volumes of variance V + (c V)^2", () => {
    const run = (dailyVolumeCv: number) =>
      simulate({
        intervalSeconds: 3600,
        intervalsPerDay: 1,
        contactTypes: [{ name: "voice", volumes: flat(1000, 1), handleTime: exp(10), dailyVolumeCv }],
        agentGroups: [{ name: "team", skills: ["voice"], agents: 20 }],
        replications: 60,
        seed: 12,
      }).period.contactTypes[0]!.offered;
    const sdOf = (e: { standardError: number | null; replications: number }) => e.standardError! * Math.sqrt(e.replications);
    // The sample sd of 60 values is within about +-30% of the true sd (chi-square, 99.9%).
    const poisson = sdOf(run(0));
    const dispersed = sdOf(run(0.3));
    expect(poisson / Math.sqrt(1000)).toBeGreaterThan(0.7);
    expect(poisson / Math.sqrt(1000)).toBeLessThan(1.3);
    const expected = Math.sqrt(1000 + (0.3 * 1000) ** 2);
    expect(dispersed / expected).toBeGreaterThan(0.7);
    expect(dispersed / expected).toBeLessThan(1.3);
  });

  it("schedules: headcount per interval, staffed hours follow it, queues carry over an interval with nobody", () => {
    const r = simulate({
      intervalSeconds: 1800,
      contactTypes: [{ name: "voice", volumes: [40, 40, 40, 0], handleTime: exp(120) }],
      agentGroups: [{ name: "team", skills: ["voice"], agents: [4, 0, 6, 6] }],
      replications: 5,
      seed: 1,
    });
    // With the headcount rising from interval 1 on, staffed hours are exactly the schedule's.
    expect(r.intervals[2]!.agentGroups[0]!.staffedHours.mean).toBeCloseTo(3, 9);
    expect(r.intervals[3]!.agentGroups[0]!.staffedHours.mean).toBeCloseTo(3, 9);
    // Calls arriving while nobody is on the floor are answered in the next interval.
    const empty = r.intervals[1]!.contactTypes[0]!;
    expect(empty.answered.mean!).toBeGreaterThan(30);
    expect(empty.serviceLevel.mean!).toBeLessThan(0.1);
    expect(r.period.contactTypes[0]!.queuedAtEnd.mean).toBe(0);
  });
});

describe("bad input", () => {
  const problems = (options: unknown) => {
    try {
      simulate(options as SimulationOptions);
    } catch (error) {
      if (error instanceof WfmError) return error.problems.map((p) => p.message);
      throw error;
    }
    return [];
  };
  it("impossible distribution parameters, one line each", () => {
    expect(
      problems({
        intervalSeconds: 900,
        contactTypes: [
          {
            name: "voice",
            volumes: [1, -2],
            handleTime: { kind: "lognormal", meanSeconds: 180, cv: -1 },
            patience: { kind: "empirical", samplesSeconds: [] },
            redial: { probability: 1.5, delay: { kind: "weibull" } },
          },
        ],
        agentGroups: [{ name: "team", skills: ["voice"], agents: 2.5, concurrency: 0 }],
      }),
    ).toEqual([
      "simulate: contactTypes[0].volumes[1] must be a finite number >= 0, got -2",
      "simulate: contactTypes[0].handleTime.cv must be a positive finite number, got -1",
      "simulate: contactTypes[0].patience.samplesSeconds must be a non-empty list of durations, got []",
      "simulate: contactTypes[0].redial.probability must be a fraction from 0 to 1, got 1.5",
      'simulate: contactTypes[0].redial.delay.kind must be "exponential", "lognormal", "gamma", "deterministic" or "empirical", got "weibull"',
      "simulate: agentGroups[0].concurrency must be a whole number from 1 to 100, got 0",
      "simulate: agentGroups[0].agents must be a whole number of agents from 0 to 1000000, got 2.5",
    ]);
  });
  it("a contact type no group serves is an error, not an infinite queue", () => {
    expect(
      problems({
        intervalSeconds: 900,
        contactTypes: [
          { name: "voice", volumes: [1], handleTime: exp(60) },
          { name: "vip", volumes: [1], handleTime: exp(60) },
        ],
        agentGroups: [{ name: "team", skills: ["voice"], agents: 1 }],
      }),
    ).toEqual(['simulate: contactTypes[1].name: no agent group serves contact type "vip": add it to some group\'s skills']);
  });
});

describe("handle time per interval", () => {
  it("scales the draws to each interval's mean (AHT of the handled contacts follows it)", () => {
    const r = simulate({
      intervalSeconds: 3600,
      contactTypes: [{ name: "voice", volumes: [400, 400], handleTime: { kind: "lognormal", meanSeconds: 100, cv: 0.5 }, handleTimeMeanByInterval: [100, 300] }],
      agentGroups: [{ name: "team", skills: ["voice"], agents: 60 }],
      replications: 10,
      seed: 3,
    });
    // 4,000 contacts per interval over the replications: standard error of the mean about 0.5 / sqrt(4000) of it.
    const [first, second] = r.intervals.map((i) => i.contactTypes[0]!.ahtSeconds.mean!);
    expect(Math.abs(first! - 100)).toBeLessThan(5 * 100 * 0.5 / Math.sqrt(4000));
    expect(Math.abs(second! - 300)).toBeLessThan(5 * 300 * 0.5 / Math.sqrt(4000));
  });
});

describe("memory", () => {
  it("is flat in the number of contacts: records are recycled, ten times the horizon needs no more of them", async () => {
    const { compileModel } = await import("../../src/simulation/model.js");
    const { Engine } = await import("../../src/simulation/engine.js");
    const records = (intervals: number) => {
      const engine = new Engine(
        compileModel({
          intervalSeconds: 1800,
          contactTypes: [{ name: "voice", volumes: flat(1000, intervals), handleTime: exp(180), patience: exp(120) }],
          agentGroups: [{ name: "team", skills: ["voice"], agents: 100 }],
        }),
      );
      engine.run(0);
      return { records: engine.contactRecords, contacts: engine.contacts };
    };
    const short = records(4);
    const long = records(40);
    expect(long.contacts).toBeGreaterThan(9 * short.contacts);
    // 100 agents plus the queue: a few hundred records, whatever the number of contacts.
    expect(short.records).toBeLessThan(400);
    expect(long.records).toBeLessThan(400);
  });
});
