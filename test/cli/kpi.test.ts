import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempDir } from "../support/cli.js";

const report = [
  "timestamp,channel,offered,answered,abandoned,answeredWithinTarget,handleSeconds,staffedSeconds,orders",
  "2026-09-30T10:00,voice,100,90,10,70,21600,36000,500",
  "2026-10-01T10:00,voice,200,180,20,150,45000,64800,1000",
  "2026-10-01T10:00,chat,50,48,2,45,19200,10800,1000",
  "2026-10-02T10:00,voice,60,54,6,40,16200,21600,400",
].join("\n");

function folder(): string {
  const dir = tempDir();
  writeFileSync(join(dir, "report.csv"), `${report}\n`);
  writeFileSync(join(dir, "tickets.csv"), "id,createdAt,resolvedAt,contacts\nA,2026-10-01T08:00,2026-10-01T10:00,1\nB,2026-10-01T09:00,2026-10-02T09:00,2\nC,2026-10-02T09:00,,1\n");
  return dir;
}

describe("wfm kpi", () => {
  // Checked by hand: voice SL = (150 + 40) / 260 = 73.1%, Sept 70 / 100 = 70.0% (+3.1 pt);
  // voice AHT = (45,000 + 16,200) / 234 = 261.5 s, Sept 21,600 / 90 = 240 s (+21.5 s);
  // all SL = 235 / 310 = 75.8%; all AHT = 80,400 / 282 = 285.1 s; chat occupancy 19,200 / 10,800.
  it("prints the month against the previous one, the ticket KPIs, the definitions and what is not measured", async () => {
    const cwd = folder();
    const run = await runCli(["kpi", "report.csv", "--tickets", "tickets.csv", "--target-seconds", "20"], { cwd });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`report.csv: 2026-10 vs 2026-09, 4 interval rows, channels voice, chat

KPI                               voice  vs 2026-09    chat  vs 2026-09    all  vs 2026-09
--------------------------------  -----  ----------  ------  ----------  -----  ----------
offered                             260     +160.0%      50           -    310     +210.0%
answered                            234     +160.0%      48           -    282     +213.3%
abandoned                            26     +160.0%       2           -     28     +180.0%
abandonment rate                  10.0%     ±0.0 pt    4.0%           -   9.0%     -1.0 pt
service level (in T / offered)    73.1%     +3.1 pt   90.0%           -  75.8%     +5.8 pt
SL of answered (in T / answered)  81.2%     +3.4 pt   93.8%           -  83.3%     +5.6 pt
AHT (s)                           261.5     +21.5 s   400.0           -  285.1     +45.1 s
handled minutes                    1020     +183.3%     320           -   1340     +272.2%
staffed hours                        24     +140.0%       3           -     27     +170.0%
occupancy                         70.8%    +10.8 pt  177.8%           -  82.7%    +22.7 pt
orders                             1400     +180.0%    1400           -   1400     +180.0%
contacts per order                0.186       -7.1%   0.036           -  0.221      +10.7%

tickets created 2026-10: 3 (2 resolved, 1 open)
FCR (resolved at first contact / resolved): 50.0%
MTTR (mean created -> resolved): 13.0 h; median 13.0 h
definition: serviceLevel = answered within 20 s / offered (abandons count against it)
definition: serviceLevelOfAnswered = answered within 20 s / answered (ignores abandons)
definition: serviceLevelExcludingShortAbandons = answered within 20 s / (offered - abandons within the short-abandon threshold)
definition: abandonRate = abandoned / offered; asaSeconds = total answer wait / answered; ahtSeconds = total handle time / answered
definition: occupancy = handle time / staffed time (above 100% where agents handle contacts concurrently, as in chat); contactsPerOrder = offered / orders
definition: every KPI is a ratio of sums over the period's intervals, not a mean of interval ratios
note: Service level excluding short abandons: not measured, the report has no shortAbandoned column
note: ASA: not measured, the report has no waitSeconds or asaSeconds column
note: 2026-10: the data covers 2 of its 31 days
`);
  });

  it("writes days as CSV and the whole report as JSON", async () => {
    const cwd = folder();
    const csv = await runCli(["kpi", "report.csv", "--by", "day", "--format", "csv"], { cwd });
    expect(csv.status).toBe(0);
    const lines = csv.stdout.trim().split("\n");
    expect(lines[0]).toBe(
      "period,channel,offered,answered,abandoned,abandonRate,serviceLevel,serviceLevelOfAnswered,serviceLevelExcludingShortAbandons,asaSeconds,ahtSeconds,handledMinutes,staffedHours,occupancy,orders,contactsPerOrder",
    );
    expect(lines[1]).toBe("2026-10-01,voice,200,180,20,0.1,0.75,0.8333333333333334,,,250,750,18,0.6944444444444444,1000,0.2");
    expect(lines).toHaveLength(6);
    const json = await runCli(["kpi", "report.csv", "--format", "json", "--tickets", "tickets.csv"], { cwd });
    const parsed = JSON.parse(json.stdout) as { month: string; tickets: { fcr: number; mttrSeconds: number }; months: { metrics: { asaSeconds: number | null } }[] };
    expect(parsed.month).toBe("2026-10");
    expect(parsed.tickets).toMatchObject({ fcr: 0.5, mttrSeconds: 46800 });
    expect(parsed.months[0]!.metrics.asaSeconds).toBeNull();
  });

  it("writes --out atomically and never over an input", async () => {
    const cwd = folder();
    const ok = await runCli(["kpi", "report.csv", "--format", "md", "--out", "kpi.md"], { cwd });
    expect(ok.status).toBe(0);
    expect(readFileSync(join(cwd, "kpi.md"), "utf8")).toContain("| KPI | voice |");
    const refused = await runCli(["kpi", "report.csv", "--out", "report.csv"], { cwd });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe("--out: refusing to overwrite the input file " + join(cwd, "report.csv") + "; choose another output path\n");
  });

  it("reports bad reports and options in one line per problem, exit 2", async () => {
    const cwd = folder();
    writeFileSync(join(cwd, "bad.csv"), "timestamp,offered,answered\n2026-10-01T08:00,5,7\n2026-10-01T09:00,x,1\n");
    const bad = await runCli(["kpi", "bad.csv"], { cwd });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('bad.csv:2:3: answered 7 is more than offered 5\nbad.csv:3:2: offered must be a non-negative number, got "x"\n');
    const by = await runCli(["kpi", "report.csv", "--by", "week"], { cwd });
    expect(by.stderr).toBe('--by: expected one of month, day, hour, got "week"\n');
    const month = await runCli(["kpi", "report.csv", "--month", "2026-08"], { cwd });
    expect(month.stderr).toBe("--month: report.csv has no rows in 2026-08; it covers 2026-09, 2026-10\n");
    const missing = await runCli(["kpi", "nope.csv"], { cwd });
    expect(missing.stderr).toBe("<report>: file not found: nope.csv\n");
    expect([by.status, month.status, missing.status]).toEqual([2, 2, 2]);
  });
});
