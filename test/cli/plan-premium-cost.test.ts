import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { toMoney } from "../../src/cost/money.js";
import { runCli, tempDir } from "../support/cli.js";
import { historyCsv, smallHistory } from "../plan/fixture.js";

/** A voice channel offering call-backs and a sales line blending outbound contacts at 6.50 each, costed (no shifts). */
function premiumPlan(): string {
  const dir = tempDir("wfm-plan-premium-");
  const rows = smallHistory(Date.UTC(2026, 9, 27)).map((r) => ({ ...r, channel: r.channel === "voice" ? "voice" : "sales" }));
  writeFileSync(join(dir, "history.csv"), historyCsv(rows));
  const plan = {
    name: "Centre",
    month: "2026-12",
    history: "history.csv",
    forecast: { method: "seasonal-average" },
    staffing: {
      channels: {
        voice: { type: "voice", targetServiceLevel: 0.8, targetAnswerSeconds: 20, callback: { thresholdSeconds: 30, takeUpShare: 0.5, deadlineSeconds: 1800 } },
        sales: { type: "voice", targetServiceLevel: 0.8, targetAnswerSeconds: 30, outbound: { ahtSeconds: 300, revenuePerContact: 6.5 } },
      },
    },
    cost: { currency: "EUR", hoursPerFte: 160, sites: [{ name: "hq", agentSharePercent: 100, hourlyWage: "14.10" }] },
  };
  writeFileSync(join(dir, "plan.json"), JSON.stringify(plan, null, 2));
  return dir;
}

describe("wfm plan with call-back and an outbound line with revenue", () => {
  it("writes the call-back figures to staffing.csv and the report, and the revenue-to-cost ratio to the cost section", async () => {
    const dir = premiumPlan();
    const run = await runCli(["plan", "--config", "plan.json", "--out", "out", "--replications", "0"], { cwd: dir });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const csv = readFileSync(join(dir, "out", "staffing.csv"), "utf8").split("\n");
    const header = csv[0]!.split(",");
    expect(header.slice(-2)).toEqual(["callbackShare", "callbacksInTimeShare"]);
    const voiceRows = csv.slice(1).filter((l) => l.split(",")[1] === "voice").map((l) => l.split(","));
    const share = header.indexOf("callbackShare");
    for (const r of voiceRows) expect(Number(r[share])).toBeGreaterThanOrEqual(0);
    // Sales has no call-back: its cells are empty.
    expect(csv.slice(1).filter((l) => l.split(",")[1] === "sales").every((l) => l.endsWith(",,"))).toBe(true);
    const md = readFileSync(join(dir, "out", "report.md"), "utf8");
    expect(md).toContain("Call-back (share of calls that took a call-back, weighted by calls; share of call-backs made within the deadline, weighted by call-backs)");
    expect(md).toMatch(/\| channel \| contacts \| took a call-back \| call-backs in time \| worst interval in time \|/);
    const summary = JSON.parse(readFileSync(join(dir, "out", "summary.json"), "utf8")) as { cost: { total: string; outbound: { contacts: number; revenue: string; revenueToCost: string } } };
    const { outbound, total } = summary.cost;
    expect(outbound.contacts).toBeGreaterThan(0);
    // revenue = contacts x 6.50 rounded to cents; ratio = revenue / cost (4 decimals, from the exact figures).
    expect(outbound.revenue).toBe(toMoney(outbound.contacts).times("6.5").toFixed(2));
    expect(Math.abs(Number(outbound.revenueToCost) - Number(outbound.revenue) / Number(total))).toBeLessThan(1e-4);
    expect(md).toMatch(new RegExp(`\\| outbound contacts \\| outbound revenue EUR \\| revenue / cost \\|[\\s\\S]*\\| ${outbound.revenue.replace(".", "\\.")} \\| ${outbound.revenueToCost.replace(".", "\\.")} \\|`));
  }, 300_000);
});
