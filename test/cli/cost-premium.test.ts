import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { toMoney } from "../../src/cost/money.js";
import { runCli, tempDir } from "../support/cli.js";

/** Two hours of voice with a VIP class (25%), no abandonment, and a sales line blending outbound contacts at 4.00 each. */
function folder(): string {
  const dir = tempDir();
  writeFileSync(join(dir, "cost.json"), JSON.stringify({ currency: "USD", hoursPerFte: 160, sites: [{ name: "hq", agentSharePercent: 100, hourlyWage: "10" }] }));
  writeFileSync(join(dir, "volumes.csv"), "timestamp,channel,calls,ahtSeconds\n2026-11-02T09:00,voice,40,180\n2026-11-02T09:00,sales,20,240\n2026-11-02T10:00,voice,80,180\n2026-11-02T10:00,sales,30,240\n");
  writeFileSync(
    join(dir, "staffing.json"),
    JSON.stringify({
      channels: {
        voice: {
          type: "voice",
          classes: [
            { name: "vip", share: 0.25, targetServiceLevel: 0.9, targetAnswerSeconds: 10 },
            { name: "regular", share: 0.75, targetServiceLevel: 0.8, targetAnswerSeconds: 20 },
          ],
        },
        sales: { type: "voice", targetServiceLevel: 0.8, targetAnswerSeconds: 20, outbound: { ahtSeconds: 300, revenuePerContact: 4 } },
      },
      hoursPerFtePerMonth: 160,
    }),
  );
  return dir;
}

interface Out {
  total: string;
  channels: { channel: string; cost: string; classes?: { name: string; cost: string; handledContacts: number; handledMinutes: number; costPerContact: string }[]; outbound?: { contacts: number; revenue: string | null } }[];
  outbound: { contacts: number; revenue: string; revenueToCost: string };
  exact: { total: string; revenue: string; revenueToCost: string };
}

describe("wfm cost with priority classes and an outbound line", () => {
  it("gives cost per contact per class and the revenue-to-cost ratio (json)", async () => {
    const cwd = folder();
    const run = await runCli(["cost", "--config", "cost.json", "--volumes", "volumes.csv", "--staffing", "staffing.json", "--format", "json"], { cwd });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout) as Out;
    const voice = out.channels[0]!;
    const sales = out.channels[1]!;
    const classes = voice.classes!;
    // No abandonment: handled = calls; vip 25% of 120 = 30 calls x 3 min = 90 min, regular 90 calls, 270 min.
    expect(classes.map((k) => [k.name, k.handledContacts, k.handledMinutes])).toEqual([
      ["vip", 30, 90],
      ["regular", 90, 270],
    ]);
    // One shared AHT: the class costs are the channel's cost by call share, 1 : 3.
    const cost = toMoney(voice.cost);
    expect(toMoney(classes[0]!.cost).eq(cost.times("0.25").toDecimalPlaces(2))).toBe(true);
    expect(toMoney(classes[0]!.cost).plus(classes[1]!.cost).eq(cost)).toBe(true);
    expect(toMoney(classes[0]!.costPerContact).eq(cost.dividedBy(120).toDecimalPlaces(4))).toBe(true);
    // Revenue = outbound contacts x 4.00; ratio = revenue / total.
    expect(out.outbound.contacts).toBeGreaterThan(0);
    expect(toMoney(out.exact.revenue).eq(toMoney(out.outbound.contacts).times(4))).toBe(true);
    expect(out.outbound.revenue).toBe(toMoney(out.exact.revenue).toFixed(2));
    expect(toMoney(out.exact.revenueToCost).eq(toMoney(out.exact.revenue).dividedBy(out.exact.total))).toBe(true);
    expect(sales.outbound!.revenue).toBe(out.outbound.revenue);
    expect(voice.outbound).toBeUndefined();
    expect(sales.classes).toBeUndefined();
  });

  it("prints the per-class table and the revenue lines (table and md)", async () => {
    const cwd = folder();
    const json = JSON.parse((await runCli(["cost", "--config", "cost.json", "--volumes", "volumes.csv", "--staffing", "staffing.json", "--format", "json"], { cwd })).stdout) as Out;
    const table = await runCli(["cost", "--config", "cost.json", "--volumes", "volumes.csv", "--staffing", "staffing.json"], { cwd });
    expect(table.status).toBe(0);
    expect(table.stdout).toContain("Per priority class (a channel's cost split by its classes' handled minutes)");
    const vipRow = table.stdout.split("\n").find((l) => /^voice\s+vip\s/.test(l))!;
    expect(vipRow.trim().split(/\s+/)).toEqual(["voice", "vip", json.channels[0]!.classes![0]!.cost, "30", "90", json.channels[0]!.classes![0]!.costPerContact]);
    expect(table.stdout).toMatch(new RegExp(`outbound revenue USD\\s+${json.outbound.revenue.replace(".", "\\.")}\\n`));
    expect(table.stdout).toMatch(new RegExp(`revenue / cost\\s+${json.outbound.revenueToCost.replace(".", "\\.")}\\n`));
    const md = await runCli(["cost", "--config", "cost.json", "--volumes", "volumes.csv", "--staffing", "staffing.json", "--format", "md"], { cwd });
    expect(md.stdout).toMatch(/\| voice +\| vip +\|/);
  });

  it("has no class table and no revenue without classes or a revenue per contact", async () => {
    const cwd = folder();
    writeFileSync(join(cwd, "plain.json"), JSON.stringify({ channels: { voice: { type: "voice", targetServiceLevel: 0.8, targetAnswerSeconds: 20 }, sales: { type: "voice", targetServiceLevel: 0.8, targetAnswerSeconds: 20, outbound: { ahtSeconds: 300 } } } }));
    const run = await runCli(["cost", "--config", "cost.json", "--volumes", "volumes.csv", "--staffing", "plain.json", "--format", "json"], { cwd });
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout) as Out;
    expect(out.outbound).toBeUndefined();
    expect(out.channels[0]!.classes).toBeUndefined();
    expect(out.channels[1]!.outbound!.revenue).toBeNull();
    const table = await runCli(["cost", "--config", "cost.json", "--volumes", "volumes.csv", "--staffing", "plain.json"], { cwd });
    expect(table.stdout).not.toContain("Per priority class");
    expect(table.stdout).not.toContain("revenue / cost");
  });
});
