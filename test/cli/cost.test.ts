import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempDir } from "../support/cli.js";

const config = {
  currency: "USD",
  hoursPerFte: 160,
  sites: [{ name: "hq", agentSharePercent: 100, hourlyWage: "10" }],
  otherCosts: [{ name: "facilities", perMonth: "1000" }],
};

function folder(): string {
  const dir = tempDir();
  writeFileSync(join(dir, "cost.json"), JSON.stringify(config));
  const volumes = ["timestamp,channel,calls,ahtSeconds"];
  for (let h = 0; h < 24; h++) {
    const stamp = `2026-11-02T${String(h).padStart(2, "0")}:00`;
    volumes.push(`${stamp},voice,${20 + 4 * Math.min(h, 24 - h)},240`, `${stamp},chat,${8 + Math.min(h, 24 - h)},420`);
  }
  writeFileSync(join(dir, "volumes.csv"), `${volumes.join("\n")}\n`);
  writeFileSync(
    join(dir, "staffing.json"),
    JSON.stringify({
      channels: {
        voice: { type: "voice", targetServiceLevel: 0.8, targetAnswerSeconds: 20 },
        chat: { type: "chat", targetServiceLevel: 0.8, targetAnswerSeconds: 60, concurrency: 2 },
      },
      hoursPerFtePerMonth: 160,
    }),
  );
  writeFileSync(
    join(dir, "scenarios.json"),
    JSON.stringify({ scenarios: [{ name: "ivr", description: "10% of calls to the IVR", deflect: [{ channel: "voice", percent: 10 }] }, { name: "faster", aht: [{ changeSeconds: -30 }] }] }),
  );
  writeFileSync(
    join(dir, "report.csv"),
    "timestamp,channel,offered,answered,handleSeconds,staffedSeconds,orders\n2026-10-01T10:00,voice,100,90,18000,36000,300\n2026-10-01T10:00,chat,40,40,12000,14400,300\n2026-10-01T11:00,voice,80,80,16000,36000,200\n",
  );
  return dir;
}

describe("wfm cost (actual)", () => {
  it("costs given hours, contacts and minutes exactly", async () => {
    // 1,600 h x 10 + 1,000 facilities = 17,000; hours split by handled minutes 3:1 ->
    // voice 12,000 + 750 = 12,750 over 6,000 contacts and 30,000 minutes; chat 4,250.
    const cwd = folder();
    const run = await runCli(
      ["cost", "--config", "cost.json", "--staffed-hours", "1600", "--contacts", "voice=6000,chat=2000", "--handled-minutes", "voice=30000,chat=10000", "--orders", "20000", "--format", "json"],
      { cwd },
    );
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(out).toMatchObject({
      currency: "USD",
      basis: "actual",
      total: "17000.00",
      agentFte: 10,
      costPerHandledMinute: "0.4250",
      costPerContact: "2.1250",
      costPerOrder: "0.8500",
      channels: [
        { channel: "voice", cost: "12750.00", handledContacts: 6000, handledMinutes: 30000, costPerContact: "2.1250", costPerHandledMinute: "0.4250" },
        { channel: "chat", cost: "4250.00", handledContacts: 2000, handledMinutes: 10000, costPerContact: "2.1250", costPerHandledMinute: "0.4250" },
      ],
      lines: [
        { category: "agent-wages", name: "agents hq", quantity: "1600", unit: "hours", rate: "10", amount: "16000.00" },
        { category: "employer-overhead", name: "employer overhead", quantity: "16000", unit: "wages", rate: "0", amount: "0.00" },
        { category: "other", name: "facilities", quantity: "1", unit: "months", rate: "1000", amount: "1000.00" },
      ],
      notes: ["paid agent hours = --staffed-hours 1600, split over the channels by handled minutes"],
    });
  });

  it("costs a KPI report's staffed hours, grossed up for shrinkage", async () => {
    // staffed 86,400 s = 24 h, / (1 - 0.25) = 32 paid hours x 10 = 320 + 1,000 = 1,320;
    // answered 210, handled 46,000 s = 766.67 min, orders 500.
    const cwd = folder();
    const run = await runCli(["cost", "--config", "cost.json", "--kpi", "report.csv", "--shrinkage", "25", "--format", "json"], { cwd });
    expect(run.stderr).toBe("");
    const out = JSON.parse(run.stdout) as { total: string; costPerContact: string; costPerOrder: string; notes: string[] };
    expect(out.total).toBe("1320.00");
    expect(out.costPerContact).toBe("6.2857"); // 1320 / 210
    expect(out.costPerOrder).toBe("2.6400"); // 1320 / 500
    expect(out.notes).toEqual(["paid hours = staffed hours / (1 - 25.0% shrinkage)"]);
  });

  it("prints a table whose lines add up to the total", async () => {
    const cwd = folder();
    const run = await runCli(["cost", "--config", "cost.json", "--staffed-hours", "1600.5", "--format", "csv"], { cwd });
    expect(run.stdout).toBe("category,name,quantity,unit,rate,amount\nagent-wages,agents hq,1600.5,hours,10,16005.00\nemployer-overhead,employer overhead,16005,wages,0,0.00\nother,facilities,1,months,1000,1000.00\ntotal,total,,,,17005.00\n");
    const table = await runCli(["cost", "--config", "cost.json", "--staffed-hours", "1600"], { cwd });
    expect(table.status).toBe(0);
    expect(table.stdout).toContain("total cost               17000.00 USD");
    expect(table.stdout).toContain("note: cost per order: not computed, give --orders N");
  });
});

describe("wfm cost (projected and scenarios)", () => {
  it("staffs the volumes and costs the plan", async () => {
    const cwd = folder();
    const run = await runCli(["cost", "--config", "cost.json", "--volumes", "volumes.csv", "--staffing", "staffing.json", "--orders", "9000", "--format", "json"], { cwd });
    expect(run.stderr).toBe("");
    const out = JSON.parse(run.stdout) as { basis: string; total: string; lines: { amount: string }[]; channels: { channel: string }[] };
    expect(out.basis).toBe("projected");
    expect(out.channels.map((c) => c.channel)).toEqual(["voice", "chat"]);
    const sum = out.lines.reduce((a, l) => a + Math.round(Number(l.amount) * 100), 0);
    expect(sum).toBe(Math.round(Number(out.total) * 100));
  });

  it("takes the paid hours from a schedule result, shared among the channels as planned", async () => {
    // 1,000 paid hours x 10 = 10,000, plus facilities at 1,000 a month for the volumes' one day
    // (1/30 of November) = 33.33: 10,033.33, whatever the staffing plan's hours were.
    const cwd = folder();
    writeFileSync(join(cwd, "schedule.json"), JSON.stringify({ status: "optimal", requirementColumn: "scheduledAgents", totals: { paidHours: 1000 }, shifts: [] }));
    const run = await runCli(["cost", "--config", "cost.json", "--volumes", "volumes.csv", "--staffing", "staffing.json", "--schedule", "schedule.json", "--format", "json"], { cwd });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout) as { total: string; agentHours: number; notes: string[] };
    expect(out.total).toBe("10033.33");
    expect(out.agentHours).toBe(1000);
    expect(out.notes.some((n) => n.startsWith("agent hours: 1000.0 paid hours of schedule.json (schedule status optimal) instead of the staffing plan's "))).toBe(true);

    writeFileSync(join(cwd, "not-a-schedule.json"), JSON.stringify({ status: "optimal" }));
    const bad = await runCli(["cost", "--config", "cost.json", "--volumes", "volumes.csv", "--staffing", "staffing.json", "--schedule", "not-a-schedule.json"], { cwd });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe("not-a-schedule.json: totals: Invalid input: expected object, received undefined (expected the JSON of wfm schedule --format json)\n");

    const clash = await runCli(["cost", "--config", "cost.json", "--volumes", "volumes.csv", "--staffing", "staffing.json", "--schedule", "schedule.json", "--scenarios", "scenarios.json"], { cwd });
    expect(clash.status).toBe(2);
    expect(clash.stderr).toBe("--schedule: scenarios are costed from recomputed staffing plans, not from a schedule: drop --schedule or --scenarios (wfm plan does both)\n");
  });

  it("compares scenarios side by side with the base", async () => {
    const cwd = folder();
    const run = await runCli(["cost", "--config", "cost.json", "--volumes", "volumes.csv", "--staffing", "staffing.json", "--orders", "9000", "--scenarios", "scenarios.json"], { cwd });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const lines = run.stdout.split("\n");
    expect(lines[0]).toBe("volumes.csv planned with staffing.json (projected), USD: 2 scenarios against the base");
    expect(lines[2]).toMatch(/^\s+base\s+ivr\s+faster$/);
    expect(lines.map((l) => l.split(/\s{2,}/)[0])).toEqual(
      expect.arrayContaining(["agent FTE", "total FTE (with support)", "total cost USD", "vs base", "per handled minute", "per contact", "per order", "expected SL", "SL vs base"]),
    );
    expect(run.stdout).toContain("ivr: 10% of calls to the IVR");
    const json = await runCli(["cost", "--config", "cost.json", "--volumes", "volumes.csv", "--staffing", "staffing.json", "--scenarios", "scenarios.json", "--format", "json"], { cwd });
    const out = JSON.parse(json.stdout) as { scenarios: { name: string; totalDelta: string; costPerOrder: string | null }[]; notes: string[] };
    expect(out.scenarios.map((s) => s.name)).toEqual(["base", "ivr", "faster"]);
    expect(out.scenarios[0]!.totalDelta).toBe("0.00");
    expect(Number(out.scenarios[1]!.totalDelta)).toBeLessThan(0);
    expect(out.scenarios[0]!.costPerOrder).toBeNull();
    expect(out.notes).toEqual(["cost per order: not computed, give --orders N (the volume file has no orders column)"]);
  });
});

describe("wfm cost: mistakes", () => {
  it("reports a bad config in one line per problem, exit 2", async () => {
    const cwd = folder();
    writeFileSync(join(cwd, "bad.json"), JSON.stringify({ currency: "USD", hoursPerFte: 160, sites: [{ name: "a", agentSharePercent: 90, hourlyWage: "1.2.3" }], extra: true }));
    const run = await runCli(["cost", "--config", "bad.json", "--staffed-hours", "10"], { cwd });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      'bad.json: sites[0].hourlyWage: expected a decimal amount such as "12.35"\nbad.json: Unrecognized key: "extra"\nbad.json: sites: agentSharePercent must sum to 100 over the sites, got 90\n',
    );
    writeFileSync(join(cwd, "shares.json"), JSON.stringify({ ...config, sites: [{ name: "a", agentSharePercent: 90, hourlyWage: 1 }] }));
    const shares = await runCli(["cost", "--config", "shares.json", "--staffed-hours", "10"], { cwd });
    expect(shares.stderr).toBe("shares.json: sites: agentSharePercent must sum to 100 over the sites, got 90\n");
  });

  it("says which inputs are missing or clash", async () => {
    const cwd = folder();
    const cases: [string[], string][] = [
      [["cost", "--config", "cost.json"], "--staffed-hours: give the inputs: --volumes with --staffing (projected), or --kpi report.csv or --staffed-hours HOURS (actual)\n"],
      [["cost", "--config", "cost.json", "--volumes", "volumes.csv"], "--staffing: --volumes needs --staffing staffing.json (the staffing config: targets, AHT, shrinkage)\n"],
      [["cost", "--config", "cost.json", "--volumes", "volumes.csv", "--kpi", "report.csv"], "--volumes: choose projected inputs (--volumes with --staffing) or actual ones (--kpi, --staffed-hours), not both\n"],
      [["cost", "--config", "cost.json", "--kpi", "report.csv", "--scenarios", "scenarios.json"], "--scenarios: scenarios recompute staffing: give --volumes and --staffing\n"],
      [["cost", "--config", "cost.json", "--staffed-hours", "10", "--contacts", "voice:5"], '--contacts: expected CHANNEL=NUMBER pairs such as voice=52000,chat=18000, got "voice:5"\n'],
      [["cost", "--config", "cost.json", "--staffed-hours", "-4"], '--staffed-hours: expected a number of at least 0, got "-4"\n'],
      [["cost", "--config", "cost.json", "--kpi", "report.csv", "--contacts", "voice=1"], "--contacts: the --kpi report gives contacts and handled minutes; leave --contacts and --handled-minutes out\n"],
      [["cost", "--config", "cost.json", "--staffed-hours", "10", "--shrinkage", "30"], "--shrinkage: --shrinkage grosses up the staffed time of a --kpi report; --staffed-hours are paid hours already\n"],
    ];
    for (const [argv, stderr] of cases) {
      const run = await runCli(argv, { cwd });
      expect({ argv, stderr: run.stderr, status: run.status }).toEqual({ argv, stderr, status: 2 });
    }
  });

  it("asks for seats it cannot size", async () => {
    const cwd = folder();
    writeFileSync(join(cwd, "seats.json"), JSON.stringify({ ...config, sites: [{ name: "hq", agentSharePercent: 100, hourlyWage: "10", seatCostPerMonth: "200" }] }));
    const run = await runCli(["cost", "--config", "seats.json", "--staffed-hours", "100"], { cwd });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      "--peak-agents: site hq in seats.json has a seat cost but no seats; give seats in the config, --peak-agents N, or inputs with interval staffing (--kpi with staffedSeconds, --volumes)\n",
    );
    const sized = await runCli(["cost", "--config", "seats.json", "--staffed-hours", "100", "--peak-agents", "7.5", "--format", "json"], { cwd });
    expect((JSON.parse(sized.stdout) as { seats: Record<string, number> }).seats).toEqual({ hq: 8 });
  });
});
