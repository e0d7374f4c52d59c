import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempDir } from "../support/cli.js";
import { historyCsv, smallHistory } from "../plan/fixture.js";

const two = (n: number) => String(n).padStart(2, "0");
const stamp = (ms: number) => {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}T${two(d.getUTCHours())}:00`;
};

/**
 * Words a Persian report keeps in Latin letters: the names the config gives (channels, groups,
 * shift templates, agents, the centre), acronyms Persian planners write in Latin, file names, the
 * command, and the authors of a cited paper.
 */
const allowed = new Set([
  // acronyms and units
  "FTE", "AHT", "ASA", "WAPE", "MAPE", "RMSE", "MIP", "HiGHS", "KPI", "FCR", "MTTR", "EUR", "T",
  // the queueing models (ارلنگ C, ارلنگ A)
  "A", "C",
  // the default supporting roles, named as in the configs
  "qa", "teamLead",
  // the command, files (and the output folder, fa) and the summary.json key the text points to
  "wfm", "plan", "summary", "json", "simulation", "roster", "report", "csv", "fa", "html", "calendar", "AGENT", "ics",
  // the paper cited for the skill-transfer program
  "Bhulai", "Koole", "Pot",
]);

/** Latin words in the text of a rendered report (HTML without its markup, styles and scripts; Markdown without links' targets). */
function latinWords(text: string): string[] {
  return [...new Set(text.match(/[A-Za-z][A-Za-z-]*/g) ?? [])];
}

function htmlText(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, " ")
    .replace(/<script[\s\S]*?<\/script>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&[a-z]+;|&#\d+;/g, " ");
}

function mdText(md: string): string {
  return md
    .replace(/<[^>]+>/g, " ")
    .replace(/\]\([^)]*\)/g, "]")
    .replace(/^\|[\s|:-]+\|$/gm, " ");
}

/** Two voice queues staffed by two agent groups, scheduled on shifts, rostered, simulated; a chat channel. */
function groupsPlan(): { dir: string; names: string[] } {
  const dir = tempDir("wfm-plan-fa-words-");
  const rows = smallHistory(Date.UTC(2026, 9, 27)).map((r) => ({ ...r, channel: r.channel === "voice" ? "billing" : "tech" }));
  writeFileSync(join(dir, "history.csv"), historyCsv(rows));
  writeFileSync(join(dir, "agents.csv"), ["id,name,team,maxHoursPerWeek,maxNights", ...Array.from({ length: 6 }, (_, i) => `a${i + 1},Agent ${i + 1},calls,40,6`), ""].join("\n"));
  writeFileSync(join(dir, "roster.json"), JSON.stringify({ templates: [
    { name: "early", start: "07:00", lengthMinutes: 480, unpaidBreakMinutes: 30 },
    { name: "late", start: "15:00", lengthMinutes: 480, unpaidBreakMinutes: 30 },
    { name: "night", start: "22:00", lengthMinutes: 480 },
  ], timeLimitSeconds: 20, gapPercent: 5 }));
  const plan = {
    name: "Centre",
    month: "2026-12",
    history: "history.csv",
    forecast: { method: "seasonal-average" },
    staffing: {
      channels: {
        billing: { type: "voice", targetServiceLevel: 0.8, targetAnswerSeconds: 20 },
        tech: { type: "voice", targetServiceLevel: 0.8, targetAnswerSeconds: 30 },
      },
      agentGroups: [
        { name: "billing team", skills: ["billing"] },
        { name: "tech team", skills: ["tech", "billing"] },
      ],
      routing: { overflowAfterSeconds: 10 },
    },
    shifts: {
      templates: [
        { name: "early", earliestStart: "06:00", latestStart: "09:00", startStepMinutes: 60, lengthMinutes: 480, costPerPaidHour: 20 },
        { name: "late", earliestStart: "13:00", latestStart: "16:00", startStepMinutes: 60, lengthMinutes: 480, costPerPaidHour: 22 },
        { name: "night", earliestStart: "22:00", latestStart: "22:00", lengthMinutes: 480, costPerPaidHour: 26 },
      ],
      coverage: { mode: "soft", shortfallPenaltyPerAgentHour: 200 },
    },
    schedule: { timeLimitSeconds: 20, gapPercent: 5 },
    roster: { agents: "agents.csv", config: "roster.json" },
  };
  writeFileSync(join(dir, "plan.json"), JSON.stringify(plan, null, 2));
  return { dir, names: ["Centre", "billing", "tech", "team", "early", "late", "night", "Agent", "a", "calls"] };
}

/** One voice channel with priority classes, a chat channel, cost and a scenario, simulated (no shifts). */
function classesPlan(): { dir: string; names: string[] } {
  const dir = tempDir("wfm-plan-fa-words-");
  const rows = smallHistory(Date.UTC(2026, 9, 27));
  writeFileSync(join(dir, "history.csv"), historyCsv(rows));
  const plan = {
    name: "Centre",
    month: "2026-12",
    history: "history.csv",
    forecast: { method: "seasonal-average" },
    staffing: {
      channels: {
        voice: {
          type: "voice",
          classes: [
            { name: "vip", share: 0.2, targetServiceLevel: 0.9, targetAnswerSeconds: 10 },
            { name: "standard", share: 0.8, targetServiceLevel: 0.8, targetAnswerSeconds: 30 },
          ],
        },
        chat: { type: "chat", targetServiceLevel: 0.8, targetAnswerSeconds: 60, concurrency: 2, minimumAgents: 1 },
      },
      shrinkage: { components: [{ name: "absence", kind: "unplanned", fraction: 0.1 }] },
    },
    cost: { currency: "EUR", hoursPerFte: 160, employerOverheadPercent: 20, sites: [{ name: "hq", agentSharePercent: 100, hourlyWage: "14.10", seatCostPerMonth: "250" }] },
    scenarios: { scenarios: [{ name: "ivr", description: "self-service", deflect: [{ channel: "voice", percent: 10 }] }] },
  };
  writeFileSync(join(dir, "plan.json"), JSON.stringify(plan, null, 2));
  return { dir, names: ["Centre", "voice", "chat", "vip", "standard", "hq", "ivr", "self-service", "absence"] };
}

async function foreignWords(plan: { dir: string; names: string[] }): Promise<{ html: string[]; md: string[]; summary: string[]; report: string }> {
  const run = await runCli(["plan", "--config", "plan.json", "--out", "fa", "--locale", "fa", "--replications", "4"], { cwd: plan.dir });
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  const ok = (w: string) => allowed.has(w) || plan.names.includes(w);
  const html = readFileSync(join(plan.dir, "fa", "report.html"), "utf8");
  const md = readFileSync(join(plan.dir, "fa", "report.md"), "utf8");
  return {
    html: latinWords(htmlText(html)).filter((w) => !ok(w)),
    md: latinWords(mdText(md)).filter((w) => !ok(w)),
    summary: latinWords(run.stdout.split("\n").slice(1).join("\n")).filter((w) => !ok(w)),
    report: md,
  };
}

describe("wfm plan --locale fa: no English label left", () => {
  it("agent groups, their schedule, the teams section, the roster and the simulation tables are in Persian", async () => {
    const words = await foreignWords(groupsPlan());
    expect(words.html).toEqual([]);
    expect(words.md).toEqual([]);
    expect(words.summary).toEqual([]);
    expect(words.report).toContain("## تیم‌ها و مهارت‌ها (شلوغ‌ترین روز، ");
    expect(words.report).toContain("| نوع تماس | تماس‌ها | هدف | سطح سرویس | بازه‌ی ۹۵٪ | رهاشده | رسیدن به هدف |");
    expect(words.report).toContain("## برنامه‌ی نفرات");
  }, 300_000);

  it("priority classes, chat, cost, scenarios and the simulation tables are in Persian", async () => {
    const words = await foreignWords(classesPlan());
    expect(words.html).toEqual([]);
    expect(words.md).toEqual([]);
    expect(words.summary).toEqual([]);
    expect(words.report).toContain("سطح سرویس: مدل در برابر شبیه‌سازی برنامه‌ی نیروی انسانی (۴ تکرار، بازه‌ی اطمینان ۹۵٪)");
  }, 300_000);
});

/**
 * A business-hours centre (08:00-20:00 Monday to Saturday, closed on Sunday, no rows on one
 * Wednesday) whose history ends 44 days before the month, with last month's interval report
 * lacking most columns and covering two days: every note of the plan is triggered.
 */
function notesPlan(): { dir: string; names: string[] } {
  const dir = tempDir("wfm-plan-fa-notes-");
  // 14 September to 18 October 2026; Wednesday 7 October has no rows.
  const rows = smallHistory(Date.UTC(2026, 8, 14)).filter((r) => {
    const d = new Date(r.localMs);
    return d.getUTCHours() >= 8 && d.getUTCHours() < 20 && d.getUTCDay() !== 0 && stamp(r.localMs).slice(0, 10) !== "2026-10-07";
  });
  writeFileSync(join(dir, "history.csv"), historyCsv(rows));
  writeFileSync(join(dir, "last-month.csv"), ["timestamp,channel,offered,answered,abandoned,answeredWithinTarget", "2026-11-02T10:00,voice,200,180,20,150", "2026-11-03T10:00,voice,60,54,6,40", ""].join("\n"));
  const plan = {
    name: "Centre",
    month: "2026-12",
    history: "history.csv",
    lastMonthReport: "last-month.csv",
    forecast: { method: "seasonal-average" },
    staffing: {
      channels: {
        voice: { type: "voice", targetServiceLevel: 0.8, targetAnswerSeconds: 20 },
        chat: { type: "chat", targetServiceLevel: 0.8, targetAnswerSeconds: 60, concurrency: 2 },
      },
    },
  };
  writeFileSync(join(dir, "plan.json"), JSON.stringify(plan, null, 2));
  // The CSV columns and the config field the notes name, as they are written.
  return { dir, names: ["Centre", "voice", "chat", "history", "last-month", "shortAbandoned", "handleSeconds", "ahtSeconds", "staffedSeconds", "waitSeconds", "asaSeconds", "orders", "openingHours", "force-history"] };
}

describe("wfm plan --locale fa: the notes of the plan", () => {
  it("the stale history, the inferred opening hours, the day with no rows and last month's KPI notes are in Persian", async () => {
    const plan = notesPlan();
    const run = await runCli(["plan", "--config", "plan.json", "--out", "fa", "--locale", "fa", "--force-history", "--replications", "0"], { cwd: plan.dir });
    expect(run.status).toBe(0);
    // The last row is on Saturday 17 October 2026 (= 25 Mehr 1405); 18 October to 1 December is 44 days.
    // 1 December 2026 = 10 Azar 1405.
    expect(run.stderr).toBe("یادداشت: سابقه‌ی برنامه در ۲۵ مهر ۱۴۰۵ تمام می‌شود، ۴۴ روز پیش از شروع پیش‌بینی در ۱۰ آذر ۱۴۰۵؛ پیش‌بینی با این حال از آن انجام می‌شود (--force-history)\n");
    const summary = run.stdout.split("\n").filter((l) => l.includes("یادداشت:")).map((l) => l.trim());
    // 7 October 2026 = 15 Mehr 1405.
    expect(summary).toEqual([
      "یادداشت: ساعات کاری از history.csv استنباط شد (پیکربندی openingHours ندارد): دوشنبه تا شنبه ۰۸:۰۰-۲۰:۰۰، یکشنبه تعطیل",
      "یادداشت: روزهای بدون ردیف: ۱۵ مهر ۱۴۰۵ (۱ روز)؛ تعطیل در نظر گرفته شدند",
    ]);
    const md = readFileSync(join(plan.dir, "fa", "report.md"), "utf8");
    for (const line of [
      "- سطح سرویس بدون رهاشدگی‌های کوتاه: اندازه‌گیری نشد، گزارش ستون shortAbandoned ندارد",
      "- AHT، دقیقه‌های رسیدگی، اشغال: اندازه‌گیری نشد، گزارش ستون handleSeconds یا ahtSeconds ندارد",
      "- ساعات حضور، اشغال: اندازه‌گیری نشد، گزارش ستون staffedSeconds ندارد",
      "- ASA: اندازه‌گیری نشد، گزارش ستون waitSeconds یا asaSeconds ندارد",
      "- سفارش‌ها، تماس به ازای هر سفارش: اندازه‌گیری نشد، گزارش ستون orders ندارد",
      // 1 November 2026 = 10 Aban 1405, 30 November 2026 = 9 Azar 1405.
      "- نوامبر ۲۰۲۶ (۱۰ آبان تا ۹ آذر ۱۴۰۵): داده‌ها ۲ روز از ۳۰ روز این ماه را پوشش می‌دهند",
    ]) expect(md).toContain(`${line}\n`);
    const ok = (w: string) => allowed.has(w) || plan.names.includes(w);
    const html = readFileSync(join(plan.dir, "fa", "report.html"), "utf8");
    expect(latinWords(htmlText(html)).filter((w) => !ok(w))).toEqual([]);
    expect(latinWords(mdText(md)).filter((w) => !ok(w))).toEqual([]);
    expect(latinWords(run.stdout.split("\n").slice(1).join("\n")).filter((w) => !ok(w))).toEqual([]);
    expect(latinWords(run.stderr).filter((w) => !ok(w))).toEqual([]);
    // summary.json keeps the English notes of last month, without their data twin.
    const json = JSON.parse(readFileSync(join(plan.dir, "fa", "summary.json"), "utf8")) as { lastMonth: Record<string, unknown> };
    expect(json.lastMonth.notes).toContain("2026-11: the data covers 2 of its 30 days");
    expect(json.lastMonth).not.toHaveProperty("noteDetails");
  }, 300_000);
});

