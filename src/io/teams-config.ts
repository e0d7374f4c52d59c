import { z } from "zod";
import { WfmError } from "../errors.js";
import type { AgentGroup, ContactType, SkillRouting } from "../skills/model.js";
import { readJsonFile, zodProblems } from "./json.js";

/**
 * `teams.json`: the config of `wfm teams` (and of `staffSkills` / `compareTeamDesigns` for
 * library users): contact types with their volumes per interval, handle times, targets and
 * tiers; optionally the centre's own agent groups and routing; the costs of the designs.
 * Ratios are fractions (0.8, not 80), times are seconds; `wfm schema teams` prints the JSON
 * Schema generated from the same zod object.
 *
 * @module
 */

const positive = z.number().positive();
const fraction = z.number().min(0).max(1);

const contactTypeSchema = z
  .object({
    name: z.string().min(1).describe("name, referred to by agentGroups[].skills and escalation.to"),
    volumes: z.array(z.number().nonnegative()).optional().describe("contacts arriving per interval; a tier-2 type reached only by escalation may leave it out"),
    ahtSeconds: positive.describe("mean handle time"),
    ahtSecondsByInterval: z.array(positive).optional().describe("mean handle time per interval (as many as volumes), replacing ahtSeconds"),
    targetServiceLevel: z.number().min(0).lt(1).describe("share answered within targetAnswerSeconds, 0.8 = 80%"),
    targetAnswerSeconds: z.number().nonnegative(),
    targetAsaSeconds: positive.optional(),
    maxOccupancy: z.number().gt(0).max(1).optional(),
    patienceSeconds: positive.optional().describe("mean caller patience: Erlang A, and abandonment in the simulation"),
    escalation: z
      .object({ share: fraction.describe("share of handled contacts that continue, 0.15 = 15%"), to: z.string().min(1).describe("the tier-2 contact type") })
      .strict()
      .optional()
      .describe("tier: a share of the handled contacts continues to a second-tier type"),
    deferred: z
      .boolean()
      .optional()
      .describe("deferred work (email, tickets): served in the groups' idle time; targetAnswerSeconds is the response window, targetServiceLevel the share answered within it"),
    concurrency: z.int().min(1).max(100).optional().describe("chat: chats one agent holds at once; a group serving it serves only types of the same concurrency"),
    handleTimeFactorPerExtraChat: z.number().nonnegative().optional().describe("chat: extra handle time per extra concurrent chat, 0.25 = +25%"),
  })
  .strict();

const agentGroupSchema = z
  .object({
    name: z.string().min(1),
    skills: z.array(z.string().min(1)).min(1).describe("contact types served, highest priority first"),
    costPerHour: positive.optional().describe("cost of one agent-hour (default 1)"),
    minimumAgents: z.int().min(0).optional(),
    ahtSecondsByType: z.record(z.string().min(1), positive).optional().describe("the group's own mean handle time per contact type it serves, seconds (default the type's ahtSeconds)"),
  })
  .strict();

/** The zod schema of `teams.json`. */
export const teamsConfigSchema = z
  .object({
    $schema: z.string().optional(),
    intervalMinutes: z.number().positive().max(1440).describe("length of one volume entry, minutes (15, 30, 60)"),
    contactTypes: z.array(contactTypeSchema).min(1),
    agentGroups: z.array(agentGroupSchema).min(1).optional().describe("the centre's own groups, staffed as the design \"current\""),
    routing: z
      .object({ overflowAfterSeconds: z.number().nonnegative().optional().describe("offer a contact to non-primary groups after it waited this long") })
      .strict()
      .optional(),
    costPerHour: positive.optional().describe("cost of a single-skill agent-hour in the compared designs (default 1)"),
    crossTrainingPremium: z.number().nonnegative().optional().describe("extra cost per extra skill, 0.1 = +10% (default 0)"),
    crossTrainedShare: z.number().min(0).lt(1).optional().describe("share of agents with two skills in the cross-trained design (default 0.2)"),
    hoursPerFtePerMonth: positive.optional().describe("paid hours of one FTE in a month (default 160)"),
    shrinkage: z.number().min(0).lt(1).optional().describe("share of paid time not on contacts, for FTE (default 0)"),
    simulation: z
      .object({
        replications: z.int().min(2).max(1000).optional().describe("independent runs per check (default 20)"),
        seed: z.int().optional().describe("seed of the runs (default 1)"),
      })
      .strict()
      .optional(),
  })
  .strict();

/** `teams.json` as written. */
export type TeamsConfigInput = z.input<typeof teamsConfigSchema>;

/** A validated `teams.json`. */
export interface TeamsConfig {
  readonly intervalMinutes: number;
  readonly contactTypes: readonly ContactType[];
  readonly agentGroups?: readonly AgentGroup[];
  readonly routing?: SkillRouting;
  readonly costPerHour?: number;
  readonly crossTrainingPremium?: number;
  readonly crossTrainedShare?: number;
  readonly hoursPerFtePerMonth?: number;
  readonly shrinkage?: number;
  readonly simulation?: { readonly replications?: number; readonly seed?: number };
}

/**
 * Validates a parsed `teams.json` value; names and references are checked too (a skill or an
 * escalation naming no contact type, duplicate names, volumes of different lengths).
 *
 * @param value - the parsed JSON
 * @param file - the file name for problems
 * @throws {WfmError} `invalid-config` with one problem per bad field, each naming its path
 *
 * @example
 * ```ts
 * teamsConfigFromJson({ intervalMinutes: 15, contactTypes: [{ name: "billing", volumes: [120],
 *   ahtSeconds: 240, targetServiceLevel: 0.8, targetAnswerSeconds: 20 }] }, "teams.json").contactTypes.length;
 * //=> 1
 * ```
 */
export function teamsConfigFromJson(value: unknown, file: string): TeamsConfig {
  const parsed = teamsConfigSchema.safeParse(value);
  if (!parsed.success) throw new WfmError(zodProblems(parsed.error, file).slice(0, 50));
  const { $schema: _ignored, ...config } = parsed.data;
  const problems: { path: (string | number)[]; message: string; value: unknown }[] = [];
  const names = new Map<string, number>();
  config.contactTypes.forEach((c, j) => {
    if (names.has(c.name)) problems.push({ path: ["contactTypes", j, "name"], message: `duplicate contact type ${JSON.stringify(c.name)}`, value: c.name });
    names.set(c.name, j);
  });
  const lengths = new Set(config.contactTypes.flatMap((c) => (c.volumes === undefined ? [] : [c.volumes.length])));
  if (lengths.size === 0) problems.push({ path: ["contactTypes", 0, "volumes"], message: "no contact type has volumes", value: undefined });
  if (lengths.size > 1) {
    const first = config.contactTypes.find((c) => c.volumes !== undefined)!.volumes!.length;
    config.contactTypes.forEach((c, j) => {
      if (c.volumes !== undefined && c.volumes.length !== first) problems.push({ path: ["contactTypes", j, "volumes"], message: `has ${c.volumes.length} intervals, the first type ${first}`, value: c.volumes.length });
    });
  }
  const intervals = config.contactTypes.find((c) => c.volumes !== undefined)?.volumes?.length;
  config.contactTypes.forEach((c, j) => {
    if (c.ahtSecondsByInterval !== undefined && intervals !== undefined && c.ahtSecondsByInterval.length !== intervals) {
      problems.push({ path: ["contactTypes", j, "ahtSecondsByInterval"], message: `has ${c.ahtSecondsByInterval.length} intervals, the volumes ${intervals}`, value: c.ahtSecondsByInterval.length });
    }
    if (c.escalation !== undefined && !names.has(c.escalation.to)) {
      problems.push({ path: ["contactTypes", j, "escalation", "to"], message: `names no contact type (${[...names.keys()].join(", ")})`, value: c.escalation.to });
    }
  });
  const groupNames = new Set<string>();
  config.agentGroups?.forEach((g, i) => {
    if (groupNames.has(g.name)) problems.push({ path: ["agentGroups", i, "name"], message: `duplicate agent group ${JSON.stringify(g.name)}`, value: g.name });
    groupNames.add(g.name);
    g.skills.forEach((s, k) => {
      if (!names.has(s)) problems.push({ path: ["agentGroups", i, "skills", k], message: `names no contact type (${[...names.keys()].join(", ")})`, value: s });
    });
    for (const type of Object.keys(g.ahtSecondsByType ?? {})) {
      if (!g.skills.includes(type)) problems.push({ path: ["agentGroups", i, "ahtSecondsByType", type], message: `names no skill of the group (${g.skills.join(", ")})`, value: type });
    }
  });
  if (problems.length > 0) throw new WfmError(problems.map((p) => ({ code: "invalid-config" as const, file, ...p })));
  return config;
}

/**
 * Reads and validates `teams.json` (see {@link teamsConfigFromJson}); a JSON syntax error is
 * reported with its line and column.
 *
 * @throws {WfmError} `file-not-found`, `invalid-file` or `invalid-config`
 */
export function readTeamsConfig(path: string, options: { readonly cwd?: string; readonly option?: string } = {}): TeamsConfig {
  return teamsConfigFromJson(readJsonFile(path, options), path);
}
