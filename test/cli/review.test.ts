import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { historyCsv, smallHistory } from "../plan/fixture.js";
import { runCli, tempDir } from "../support/cli.js";

const example = resolve(import.meta.dirname, "../../examples/review");

/** A copy of the bundled review example (plan folder, actuals, agent logs) in a temp folder. */
function exampleCopy(): string {
  const dir = tempDir("wfm-review-");
  for (const f of ["plan-2026-11", "actual-2026-11.csv", "agent-states.csv", "agent-schedule.csv"]) cpSync(join(example, f), join(dir, f), { recursive: true });
  cpSync(join(example, "..", "plan", "holidays.csv"), join(dir, "holidays.csv"));
  cpSync(join(example, "..", "cost.json"), join(dir, "cost.json"));
  return dir;
}

describe("wfm review", () => {
  const dir = exampleCopy();

  it("writes review.json, review.md, review.html and calibration.json, the same bytes twice", async () => {
    const args = ["review", "--plan", "plan-2026-11", "--actual", "actual-2026-11.csv", "--agent-states", "agent-states.csv", "--agent-schedule", "agent-schedule.csv", "--holidays", "holidays.csv", "--cost", "cost.json", "--out", "out"];
    const first = await runCli(args, { cwd: dir });
    expect(first.stderr).toBe("");
    expect(first.status).toBe(0);
    expect(first.stdout).toContain("Why: service level from plan to actual");
    expect(first.stdout).toMatch(/2026-11-27 {2}voice .* Black Friday/);
    const files = ["review.json", "review.md", "review.html", "calibration.json"];
    const bytes = files.map((f) => readFileSync(join(dir, "out", f), "utf8"));
    const second = await runCli([...args, "--force"], { cwd: dir });
    expect(second.status).toBe(0);
    files.forEach((f, i) => expect(readFileSync(join(dir, "out", f), "utf8"), f).toBe(bytes[i]));
    const review = JSON.parse(bytes[0]!);
    expect(Object.keys(review)).toEqual(["month", "period", "channels", "forecastAccuracy", "targets", "targetsByPeriod", "attribution", "calibration", "simulation", "adherence", "cost", "tickets", "planExpectedServiceLevel", "definitions", "notes"]);
    // the planted shrinkage overrun: 6 points above plan
    const voice = review.calibration.channels.find((c: { channel: string }) => c.channel === "voice");
    expect(voice.shrinkage - voice.plannedShrinkage).toBeCloseTo(0.06, 2);
    for (const id of ["forecast-vs-actual", "waterfall", "sl-by-hour"]) expect(bytes[2]).toContain(`data-chart="${id}"`);
    // targets by day and hour of day, and the simulator's view, in every output
    expect(review.targetsByPeriod.days).toHaveLength(30 * 2);
    expect(review.targetsByPeriod.hours).toHaveLength(24 * 2);
    expect(review.simulation.replications).toBe(10);
    expect(review.simulation.channels.map((c: { channel: string }) => c.channel)).toEqual(["voice", "chat"]);
    for (const text of [first.stdout, bytes[1]!, bytes[2]!]) {
      expect(text).toContain("SL simulated");
      expect(text).toMatch(/2026-11-27/);
    }
    expect(first.stdout).toContain("Targets by hour of day");
  });

  it("skips the simulation with --replications 0, refuses a negative count", async () => {
    const run = await runCli(["review", "--plan", "plan-2026-11", "--actual", "actual-2026-11.csv", "--format", "json", "--replications", "0"], { cwd: dir });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).simulation).toBeNull();
    const bad = await runCli(["review", "--plan", "plan-2026-11", "--actual", "actual-2026-11.csv", "--replications", "-1"], { cwd: dir });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('--replications: expected a whole number of at least 0, got "-1"\n');
  });

  it("prints JSON with --format json", async () => {
    const run = await runCli(["review", "--plan", "plan-2026-11", "--actual", "actual-2026-11.csv", "--format", "json"], { cwd: dir });
    expect(run.status).toBe(0);
    const review = JSON.parse(run.stdout);
    expect(review.attribution.factors).toEqual(["volume", "handleTime", "staffing", "shrinkage"]);
    expect(review.adherence).toBeNull();
  });

  it("disables the parts a missing column needs, with a note", async () => {
    const lines = readFileSync(join(dir, "actual-2026-11.csv"), "utf8").trim().split("\n");
    const drop = lines[0]!.split(",").indexOf("staffedSeconds");
    writeFileSync(join(dir, "no-staffed.csv"), `${lines.map((l) => l.split(",").filter((_, i) => i !== drop).join(",")).join("\n")}\n`);
    const run = await runCli(["review", "--plan", "plan-2026-11", "--actual", "no-staffed.csv", "--cost", "cost.json"], { cwd: dir });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("note: actual shrinkage/adherence (that factor stays at plan), actual cost: not measured, no-staffed.csv has no staffedSeconds column (or it is empty on some rows)");
    expect(run.stdout).not.toContain("Cost (USD)");
  });

  it("refuses a report of another month: one line, exit 2", async () => {
    const text = readFileSync(join(dir, "actual-2026-11.csv"), "utf8").replaceAll("2026-11-", "2026-10-");
    writeFileSync(join(dir, "october.csv"), text);
    const run = await runCli(["review", "--plan", "plan-2026-11", "--actual", "october.csv"], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("--actual: october.csv covers 2026-10 but the plan plan-2026-11 is for 2026-11 (2026-11-01 to 2026-12-01); review a month with the plan made for it\n");
  });

  it("refuses a report with other channels: one line, exit 2", async () => {
    const text = readFileSync(join(dir, "actual-2026-11.csv"), "utf8").replaceAll(",chat,", ",email,");
    writeFileSync(join(dir, "email.csv"), text);
    const run = await runCli(["review", "--plan", "plan-2026-11", "--actual", "email.csv"], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("--actual: email.csv has channels voice, email but the plan plan-2026-11 has voice, chat (not planned: email) (no actuals: chat)\n");
  });

  it("refuses a folder that is not a plan", async () => {
    const run = await runCli(["review", "--plan", "nowhere", "--actual", "actual-2026-11.csv"], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("--plan: nowhere is not a folder (give the folder wfm plan wrote, with its summary.json)\n");
  });
});

describe("wfm plan --calibration and --review", () => {
  it("applies the calibration to the forecast and opens the report with last month's review", async () => {
    const dir = tempDir("wfm-plan-cal-");
    const rows = smallHistory(Date.UTC(2026, 9, 27));
    writeFileSync(join(dir, "history.csv"), historyCsv(rows));
    const plan = {
      month: "2026-12",
      history: "history.csv",
      forecast: { method: "seasonal-average" },
      staffing: {
        channels: {
          voice: { type: "voice", targetServiceLevel: 0.8, targetAnswerSeconds: 20, minimumAgents: 1 },
          chat: { type: "chat", targetServiceLevel: 0.8, targetAnswerSeconds: 60, concurrency: 2, minimumAgents: 1 },
        },
        shrinkage: { components: [{ name: "absence", kind: "unplanned", fraction: 0.1 }] },
      },
    };
    writeFileSync(join(dir, "plan.json"), JSON.stringify(plan));
    writeFileSync(join(dir, "calibration.json"), JSON.stringify({ month: "2026-11", channels: { voice: { volumeFactor: 1.5, patienceSeconds: 80, shrinkage: 0.2, plannedShrinkage: 0.1 } } }));
    const reviewDir = exampleCopy();
    expect((await runCli(["review", "--plan", "plan-2026-11", "--actual", "actual-2026-11.csv", "--out", "rev"], { cwd: reviewDir })).status).toBe(0);
    const base = await runCli(["plan", "--config", "plan.json", "--out", "base"], { cwd: dir });
    expect(base.status).toBe(0);
    const calibrated = await runCli(["plan", "--config", "plan.json", "--out", "cal", "--calibration", "calibration.json", "--review", join(reviewDir, "rev")], { cwd: dir });
    expect(calibrated.stderr).toBe("");
    expect(calibrated.status).toBe(0);
    const before = JSON.parse(readFileSync(join(dir, "base", "summary.json"), "utf8"));
    const after = JSON.parse(readFileSync(join(dir, "cal", "summary.json"), "utf8"));
    expect(after.headline.contactsByChannel.voice / before.headline.contactsByChannel.voice).toBeCloseTo(1.5, 3);
    expect(after.headline.contactsByChannel.chat).toBe(before.headline.contactsByChannel.chat);
    expect(after.staffing.models.find((m: { channel: string }) => m.channel === "voice")).toMatchObject({ model: "erlang-a", patienceSeconds: 80 });
    expect(after.staffing.intervals.find((i: { channel: string }) => i.channel === "voice").shrinkage).toBeCloseTo(0.2, 9);
    const report = readFileSync(join(dir, "cal", "report.md"), "utf8");
    expect(report).toMatch(/## Last month: plan vs actual \(2026-11\)\n\nForecast WAPE /);
    expect(report.indexOf("Last month: plan vs actual")).toBeLessThan(report.indexOf("## 2. Forecast"));
    expect(existsSync(join(dir, "cal", "report.html"))).toBe(true);
    // the same section from last month's plan folder and report, reviewed in place
    const direct = await runCli(["plan", "--config", "plan.json", "--out", "direct", "--review", join(reviewDir, "plan-2026-11"), "--review-actual", join(reviewDir, "actual-2026-11.csv")], { cwd: dir });
    expect(direct.status).toBe(0);
    const section = (text: string) => text.slice(text.indexOf("## Last month"), text.indexOf("## 2. Forecast"));
    expect(section(readFileSync(join(dir, "direct", "report.md"), "utf8"))).toBe(section(report));
  });

  it("refuses a --review folder without review.json", async () => {
    const dir = tempDir("wfm-plan-cal-");
    writeFileSync(join(dir, "plan.json"), JSON.stringify({ month: "2026-12", history: "h.csv", staffing: {} }));
    writeFileSync(join(dir, "h.csv"), "timestamp,calls\n2026-11-01T00:00,1\n2026-11-01T01:00,1\n");
    const run = await runCli(["plan", "--config", "plan.json", "--review", "nowhere"], { cwd: dir });
    expect(run.stderr).toBe("--review: nowhere has no review.json; give the folder wfm review --out wrote\n");
    expect(run.status).toBe(2);
  });
});
