/**
 * Generates a contact-centre month for `wfm roster`: agents in teams (a share of them on nights,
 * a share part-time), 24x7 demand per team on three shifts, and leave and preference requests,
 * all drawn from the project's seeded generator (same seed, same files).
 *
 *   npx tsx examples/roster/generate.ts [--agents 12] [--teams 1] [--requests 20] [--days 14] [--seed 7] [--out examples/roster]
 *
 * Writes agents.csv, requests.csv and roster.json.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { seededRandom } from "../../src/staffing/random.js";

/** Options of {@link generateRosterExample}. */
export interface RosterExampleOptions {
  readonly agents: number;
  readonly teams: number;
  readonly requests: number;
  readonly seed: number;
  /** First day of the period. @defaultValue "2026-12-01" */
  readonly startDate?: string;
  /** Days in the period. @defaultValue 31 */
  readonly days?: number;
}

const teamNames = ["calls", "chat", "email", "vip", "backoffice"];

/** The three input files as text. */
export function generateRosterExample(options: RosterExampleOptions): { agentsCsv: string; requestsCsv: string; configJson: string } {
  const { agents, teams, requests, seed, startDate = "2026-12-01", days = 31 } = options;
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const agentLines = ["id,name,team,templates,minHoursPerWeek,maxHoursPerWeek,minHoursPerMonth,maxHoursPerMonth,maxShifts,maxConsecutiveDays,minConsecutiveDaysOff,maxWeekends,maxNights,hourlyCost"];
  const ids: string[] = [];
  const perTeam = Math.ceil(agents / teams);
  for (let i = 0; i < agents; i++) {
    const team = teamNames[Math.floor(i / perTeam) % teamNames.length]!;
    const id = `a${String(i + 1).padStart(3, "0")}`;
    ids.push(id);
    const k = i % perTeam;
    const nights = k < Math.round(perTeam * 0.6);
    const partTime = k % 5 === 4;
    const templates = nights ? "Early|Late|Night" : "Early|Late";
    // monthly hours scaled to the period's length
    const share = days / 31;
    const [minMonth, maxMonth, maxWeek] = partTime ? [Math.round(60 * share), Math.round(110 * share), 30] : [Math.round(120 * share), Math.round(172.5 * share * 2) / 2, 45];
    agentLines.push(
      [id, `Agent ${i + 1}`, team, templates, "", maxWeek, minMonth, maxMonth, Math.round((partTime ? 15 : 23) * share), 6, 2, Math.ceil(3 * share), nights ? Math.round(8 * share) : 0, partTime ? 18 : 20 + Math.floor(random() * 5)].join(","),
    );
  }
  const start = Date.parse(`${startDate}T00:00:00Z`);
  const dateOf = (d: number) => new Date(start + d * 86_400_000).toISOString().slice(0, 10);
  const requestLines = ["agent,date,kind,template,weight"];
  const used = new Set<string>();
  while (requestLines.length - 1 < requests) {
    const agent = pick(ids);
    const day = Math.floor(random() * days);
    const key = `${agent}/${day}`;
    if (used.has(key)) continue;
    used.add(key);
    const u = random();
    if (u < 0.3) requestLines.push([agent, dateOf(day), "leave", "", ""].join(","));
    else if (u < 0.75) requestLines.push([agent, dateOf(day), "off", "", 1 + Math.floor(random() * 5)].join(","));
    else requestLines.push([agent, dateOf(day), "on", pick(["Early", "Late"]), 1 + Math.floor(random() * 3)].join(","));
  }
  // demand per team: 22 shifts on a weekday and 16 on a weekend day per 40 agents (about 70% of
  // what the contracts allow, so every shift can be filled and the objective is about requests,
  // fairness and the excess the minimum hours force)
  const scale = perTeam / 40;
  const count = (n: number) => Math.max(1, Math.round(n * scale));
  const demand = teamNames.slice(0, teams).flatMap((team) => [
    { template: "Early", team, agents: count(10) },
    { template: "Late", team, agents: count(8) },
    { template: "Night", team, agents: count(4), minimum: count(2) },
    { template: "Early", team, agents: count(7), weekdays: ["saturday", "sunday"] },
    { template: "Late", team, agents: count(6), weekdays: ["saturday", "sunday"] },
    { template: "Night", team, agents: count(3), minimum: count(2), weekdays: ["saturday", "sunday"] },
  ]);
  const config = {
    startDate,
    days,
    templates: [
      { name: "Early", start: "07:00", lengthMinutes: 480, unpaidBreakMinutes: 30, breaks: "lunch 11:00-11:30" },
      { name: "Late", start: "15:00", lengthMinutes: 480, unpaidBreakMinutes: 30, breaks: "dinner 19:00-19:30" },
      { name: "Night", start: "23:00", lengthMinutes: 480, unpaidBreakMinutes: 30, breaks: "break 03:00-03:30" },
    ],
    rules: { minRestHours: 11, shortfallPenalty: 1000, excessPenalty: 5, nightFairness: 10, weekendFairness: 10 },
    demand,
    timeLimitSeconds: 120,
    gapPercent: 1,
  };
  return { agentsCsv: `${agentLines.join("\n")}\n`, requestsCsv: `${requestLines.join("\n")}\n`, configJson: `${JSON.stringify(config, null, 2)}\n` };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name: string, fallback: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1]! : fallback;
  };
  const out = option("--out", join(fileURLToPath(new URL(".", import.meta.url))));
    const files = generateRosterExample({
    agents: Number(option("--agents", "12")),
    teams: Number(option("--teams", "1")),
    requests: Number(option("--requests", "20")),
    seed: Number(option("--seed", "7")),
    days: Number(option("--days", "14")),
  });
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, "agents.csv"), files.agentsCsv);
  writeFileSync(join(out, "requests.csv"), files.requestsCsv);
  writeFileSync(join(out, "roster.json"), files.configJson);
}
