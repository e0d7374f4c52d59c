/**
 * Generates the example input of `wfm teams` (examples/teams.json): one weekday of 15-minute
 * intervals, 07:00 to 22:00 open (60 intervals), of a support unit with three contact types:
 * billing calls and technical calls on the first line, and an advanced helpdesk (tier 2) that
 * 15% of the handled technical calls continue to. The centre's own organisation is three groups:
 * billing agents who also take technical calls, technical agents who also take billing calls
 * (cross-trained, 10% dearer), and the helpdesk. Seeded and deterministic: running it again
 * writes the same bytes.
 *
 *   npx tsx examples/generate-teams.ts
 */
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { TeamsConfigInput } from "../src/io/teams-config.js";
import { poissonSample, seededRandom } from "../src/staffing/random.js";

/** The example config (also used by benchmarks/skills.ts). */
export function teamsExample(): TeamsConfigInput {
  const random = seededRandom(20261201);
  const intervals = 60; // 07:00-22:00
  const curve = (t: number) => {
    const hour = 7 + t / 4;
    return 0.25 + Math.exp(-((hour - 11) ** 2) / 6) + 0.7 * Math.exp(-((hour - 16) ** 2) / 5);
  };
  const volumes = (peak: number) => Array.from({ length: intervals }, (_, t) => poissonSample((peak * curve(t)) / 1.25, random));
  return {
    intervalMinutes: 15,
    contactTypes: [
      { name: "billing", volumes: volumes(70), ahtSeconds: 240, targetServiceLevel: 0.8, targetAnswerSeconds: 20 },
      { name: "technical", volumes: volumes(45), ahtSeconds: 420, targetServiceLevel: 0.8, targetAnswerSeconds: 30, escalation: { share: 0.15, to: "helpdesk" } },
      { name: "helpdesk", ahtSeconds: 900, targetServiceLevel: 0.7, targetAnswerSeconds: 120 },
    ],
    agentGroups: [
      { name: "billing team", skills: ["billing"], costPerHour: 22 },
      { name: "technical team", skills: ["technical", "billing"], costPerHour: 24.2 },
      { name: "helpdesk", skills: ["helpdesk"], costPerHour: 22 },
    ],
    routing: { overflowAfterSeconds: 10 },
    costPerHour: 22,
    crossTrainingPremium: 0.1,
    crossTrainedShare: 0.2,
    hoursPerFtePerMonth: 160,
    shrinkage: 0.3,
    simulation: { replications: 20, seed: 1 },
  };
}

const here = dirname(fileURLToPath(import.meta.url));
if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const config = teamsExample();
  // One line per volume array keeps the file readable.
  const text = JSON.stringify(config, null, 2).replace(/\[\s+([\d,\s]+?)\s+\]/g, (_, body: string) => `[${body.split(/,\s*/).join(", ")}]`);
  writeFileSync(join(here, "teams.json"), `${text}\n`);
  console.log(`wrote ${join(here, "teams.json")}`);
}
