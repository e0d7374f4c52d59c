import { describe, expect, it } from "vitest";
import { z } from "zod";
import { costConfigSchema, costModelFromConfig, parseJsonExact } from "../../src/io/cost-config.js";
import { scenarioConfigSchema, scenariosFromConfig } from "../../src/io/scenario-config.js";
import { problemsOf } from "../support/problems.js";


const good = `{
  "currency": "IRR",
  "hoursPerFte": 176,
  "employerOverheadPercent": 23.5,
  "sites": [
    { "name": "tehran", "agentSharePercent": 66.6, "monthlyWage": 150000000.10 },
    { "name": "tabriz", "agentSharePercent": 33.4, "hourlyWage": "612345.123456789012345678901" }
  ],
  "supportingStaff": [{ "role": "qa", "agentsPerPerson": 12, "monthlyWage": 180000000 }],
  "otherCosts": [{ "name": "telephony", "perHandledMinute": 0.1, "channel": "voice" }]
}`;

describe("cost config", () => {
  it("reads money from its decimal text, numbers or strings, with no float in between", () => {
    const model = costModelFromConfig(parseJsonExact(good, "cost.json"), "cost.json");
    expect(model.minorUnits).toBe(0);
    expect(model.rounding).toBe("half-up");
    expect(model.employerOverheadRate.toString()).toBe("0.235");
    // 150000000.10 as a JSON number would print as 150000000.1 (fine), but 27 significant digits
    // survive only because the text is read, not the double.
    expect(model.sites[0]!.wage.amount.toString()).toBe("150000000.1");
    expect(model.sites[1]!.wage.amount.toString()).toBe("612345.123456789012345678901");
    expect(model.sites.map((s) => s.agentShare)).toEqual([0.666, 0.334]);
    expect(model.otherCosts[0]).toMatchObject({ basis: "per-handled-minute", channel: "voice" });
    expect(model.otherCosts[0]!.amount.toString()).toBe("0.1");
    expect(parseJsonExact('{"perMonth": 0.12345678901234567890123}', "c.json")).toEqual({ perMonth: "0.12345678901234567890123" });
  });

  it("reports every problem of a bad config, one line each, with the path", () => {
    const bad = `{
  "currency": "dollars",
  "hoursPerFte": 0,
  "employerOverheadPercent": 130,
  "sites": [
    { "name": "a", "agentSharePercent": 60, "hourlyWage": "12,5" },
    { "name": "a", "agentSharePercent": 30, "hourlyWage": 3, "monthlyWage": 4, "sets": 3 }
  ],
  "supportingStaff": [{ "role": "qa", "site": "b", "monthlyWage": 1 }],
  "otherCosts": [{ "name": "x", "perMonth": 1, "perContact": 2 }, { "name": "y", "perMonth": -1, "channel": "voice" }]
}`;
    expect(problemsOf(() => costModelFromConfig(parseJsonExact(bad, "cost.json"), "cost.json"))).toEqual([
      "cost.json: currency: expected a three-letter currency code such as USD or IRR",
      "cost.json: hoursPerFte: Too small: expected number to be >0",
      "cost.json: employerOverheadPercent: must be a percentage from 0 to 100",
      'cost.json: sites[0].hourlyWage: expected a decimal amount such as "12.35"',
      'cost.json: sites[1]: Unrecognized key: "sets"',
      "cost.json: sites[1]: give exactly one of hourlyWage and monthlyWage",
      "cost.json: supportingStaff[0]: give exactly one of agentsPerPerson and headcount",
      "cost.json: otherCosts[0]: give exactly one of perMonth, perAgentFte, perHandledMinute and perContact",
      "cost.json: otherCosts[1].perMonth: must be at least 0",
      "cost.json: otherCosts[1]: channel applies only to perHandledMinute and perContact costs",
      'cost.json: sites[1].name: site "a" is listed twice',
      "cost.json: sites: agentSharePercent must sum to 100 over the sites, got 90",
      'cost.json: supportingStaff[0].site: unknown site "b"; sites are a',
      "cost.json: minorUnits: currency dollars is not in the built-in list; give minorUnits",
    ]);
  });

  it("reports a JSON syntax error with its line and column", () => {
    expect(problemsOf(() => parseJsonExact('{\n  "currency": "USD",\n}', "cost.json"))).toEqual(["cost.json:3:1: not valid JSON: Expected double-quoted property name"]);
  });

  it("has a JSON Schema for editors", () => {
    const schema = z.toJSONSchema(costConfigSchema, { io: "input", unrepresentable: "any" }) as { required: string[]; properties: Record<string, unknown> };
    expect(schema.required).toEqual(["currency", "hoursPerFte", "sites"]);
    expect(Object.keys(schema.properties)).toContain("otherCosts");
  });
});

describe("scenarios config", () => {
  it("turns percentages into fractions and money into decimals", () => {
    const text = `{ "scenarios": [
      { "name": "mix", "deflect": [{ "channel": "voice", "percent": 12.5 }], "aht": [{ "changeSeconds": -20 }, { "channel": "chat", "changePercent": -10 }],
        "serviceLevel": [{ "target": "90/15" }], "maxOccupancy": [{ "percent": 85 }], "chatConcurrency": 4,
        "wages": [{ "site": "hq", "changePercent": 4 }], "relocate": [{ "sharePercent": 30, "from": "hq", "to": { "name": "north", "hourlyWage": 9.35, "seatCostPerMonth": "120" } }],
        "remote": [{ "sharePercent": 40 }], "seatCost": [{ "site": "hq", "seatCostPerMonth": 250.5 }] } ] }`;
    const [s] = scenariosFromConfig(parseJsonExact(text, "s.json"), "s.json");
    expect(s).toMatchObject({
      name: "mix",
      deflect: [{ channel: "voice", fraction: 0.125 }],
      aht: [{ changeSeconds: -20 }, { channel: "chat", changeFraction: -0.1 }],
      serviceLevel: [{ targetServiceLevel: 0.9, targetAnswerSeconds: 15 }],
      maxOccupancy: [{ maxOccupancy: 0.85 }],
      chatConcurrency: 4,
      remote: [{ remoteShare: 0.4 }],
    });
    expect(s!.wages![0]!.changeFraction.toString()).toBe("0.04");
    expect(s!.relocate![0]).toMatchObject({ share: 0.3, from: "hq", to: { name: "north" } });
    expect(s!.relocate![0]!.to.wage!.amount.toString()).toBe("9.35");
    expect(s!.seatCost![0]!.seatCostPerMonth.toString()).toBe("250.5");
  });

  it("reports every problem, one line each", () => {
    const bad = `{ "scenarios": [ { "name": "base", "deflect": [{ "channel": "voice", "percent": 120 }], "aht": [{ "channel": "voice" }] },
      { "name": "x", "serviceLevel": [{ "target": "90" }], "chatConcurrency": 0, "levers": 1 }, { "name": "x" } ] }`;
    expect(problemsOf(() => scenariosFromConfig(parseJsonExact(bad, "s.json"), "s.json"))).toEqual([
      "s.json: scenarios[0].deflect[0].percent: must be a percentage from 0 to 100",
      "s.json: scenarios[0].aht[0]: give changeSeconds or changePercent",
      "s.json: scenarios[1].serviceLevel[0].target: expected PERCENT/SECONDS such as 90/20",
      "s.json: scenarios[1].chatConcurrency: Too small: expected number to be >=1",
      "s.json: scenarios[1]: Unrecognized key: \"levers\"",
      's.json: scenarios[0].name: name "base" is reserved for the base plan',
      's.json: scenarios[2].name: name "x" is used twice',
    ]);
    expect(z.toJSONSchema(scenarioConfigSchema, { io: "input", unrepresentable: "any" })).toHaveProperty("properties.scenarios");
  });
});
