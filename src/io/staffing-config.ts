import { z } from "zod";
import { WfmError } from "../errors.js";
import { dayNames, type OpeningHours } from "../calendar/local-time.js";
import { validateOpeningHours } from "../calendar/opening-hours.js";
import type { StaffingConfig } from "../staffing/plan.js";
import { validateShrinkage } from "../staffing/shrinkage.js";
import { readJsonFile, zodProblems } from "./json.js";

/**
 * `staffing.json`: the config of `wfm staff` (and of `planStaffing` for library users), validated
 * with zod; `wfm schema staffing` prints the JSON Schema generated from the same object.
 * Ratios are fractions (0.8, not 80), times are seconds, opening hours are `"HH:MM-HH:MM"`
 * ranges per weekday (a range ending at or before its start runs past midnight).
 *
 * @module
 */

/**
 * A supporting role's name, identical in the staffing and the cost config: camelCase
 * (`qa`, `teamLead`, `wfm`), so `team-lead` in one file never misses `teamLead` in the other.
 */
export const roleNameSchema = z.string().superRefine((v, ctx) => {
  if (/^[a-z][a-zA-Z0-9]*$/.test(v)) return;
  const camel = v
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+(.)?/g, (_, c: string | undefined) => (c === undefined ? "" : c.toUpperCase()));
  ctx.addIssue({
    code: "custom",
    message: `role names are camelCase and the same in every config: write ${JSON.stringify(camel === "" ? "qa" : camel)}, not ${JSON.stringify(v.slice(0, 40))}`,
  });
});

const positive = z.number().positive();
const nonNegative = z.number().nonnegative();
/**
 * Ratios in the staffing config are fractions (0.8 = 80%), as in the library; fields holding
 * percent say so in their name (`employerOverheadPercent`, `gapPercent`). A number above 1 here is
 * a percent written in the wrong unit and is refused with both readings.
 */
const percentWrittenAsFraction = (v: number) => {
  const fractionText = String(Number((v / 100).toPrecision(12)));
  return `${v} would read as ${Number((v * 100).toPrecision(12))}% (this field is a fraction); write ${fractionText} for ${v}%`;
};
const fraction = z.number().min(0).superRefine((v, ctx) => {
  if (v > 1) ctx.addIssue({ code: "custom", message: percentWrittenAsFraction(v) });
});
const shrinkageFraction = z.number().min(0).superRefine((v, ctx) => {
  if (v > 1) ctx.addIssue({ code: "custom", message: percentWrittenAsFraction(v) });
  else if (v === 1) ctx.addIssue({ code: "custom", message: "must be below 1 (a fraction: 0.3 means 30%)" });
});
const occupancyFraction = z.number().gt(0).superRefine((v, ctx) => {
  if (v > 1) ctx.addIssue({ code: "custom", message: percentWrittenAsFraction(v) });
});

const shrinkageComponentSchema = z
  .object({
    name: z.string().min(1).describe("e.g. breaks, lunch, meetings, training, coaching, leave, absence"),
    kind: z.enum(["planned", "unplanned"]).optional().describe("planned (default) or unplanned"),
    fraction: shrinkageFraction.describe("share of paid time, 0.1 = 10%"),
    byDayOfWeek: z.partialRecord(z.enum(dayNames), shrinkageFraction).optional().describe("share by weekday, overriding fraction"),
    byHourOfDay: z.array(shrinkageFraction).length(24).optional().describe("24 shares, index 0 = 00:00-01:00, overriding byDayOfWeek and fraction"),
  })
  .strict();

const shrinkageSchema = z
  .object({
    method: z.enum(["additive", "multiplicative"]).optional().describe("additive (default): sum; multiplicative: 1 - product of (1 - s)"),
    components: z.array(shrinkageComponentSchema),
  })
  .strict();

const queueFields = {
  ahtSeconds: positive.optional().describe("handle time when the volume file has no ahtSeconds column (chat: a chat handled alone)"),
  targetServiceLevel: fraction.optional().describe("share answered within targetAnswerSeconds, 0.8 = 80%"),
  targetAnswerSeconds: nonNegative.optional(),
  targetAsaSeconds: positive.optional(),
  maxOccupancy: occupancyFraction.optional(),
  minimumAgents: z.int().min(0).optional().describe("fewest agents while open"),
  shrinkage: shrinkageSchema.optional().describe("replaces the top-level shrinkage for this channel"),
};

const voiceSchema = z
  .object({
    type: z.literal("voice"),
    ...queueFields,
    patienceSeconds: positive.optional().describe("mean caller patience; switches the model from Erlang C to Erlang A"),
    maxAbandonProbability: fraction.optional(),
    classes: z
      .array(
        z
          .object({
            name: z.string().min(1).describe('e.g. "vip"'),
            share: z.number().gt(0).superRefine((v, ctx) => {
              if (v > 1) ctx.addIssue({ code: "custom", message: percentWrittenAsFraction(v) });
            }).describe("share of the channel's calls, 0.1 = 10%; the shares sum to 1"),
            targetServiceLevel: fraction.optional().describe("share of this class answered within targetAnswerSeconds"),
            targetAnswerSeconds: nonNegative.optional().describe("default 20"),
            targetAsaSeconds: nonNegative.optional(),
            maxAbandonProbability: fraction.optional().describe("needs the channel's patienceSeconds"),
          })
          .strict(),
      )
      .min(1)
      .max(5)
      .optional()
      .describe("priority classes, highest first, each with its own targets (the channel then has none of its own): non-preemptive priority on the shared agents"),
    redialShare: fraction.optional().describe("Erlang X: share of blocked and abandoning callers who call again, 0.6 = 60%"),
    redialDelaySeconds: positive.optional().describe("Erlang X: mean delay before a redial (default 300)"),
    lines: z.int().min(1).optional().describe("Erlang X: lines (calls in service plus waiting); default unlimited"),
    maxBlockingProbability: fraction.optional().describe("Erlang X: highest share of attempts blocked (with lines)"),
    callback: z
      .object({
        thresholdSeconds: nonNegative.describe("offer a call-back when the expected wait (queued + 1) x AHT / agents exceeds this, seconds"),
        takeUpShare: fraction.describe("share of offered callers who take the call-back, 0.4 = 40%"),
        deadlineSeconds: positive.optional().describe("promised time to the call-back, seconds (default 3600)"),
        targetInTimeShare: fraction.optional().describe("lowest share of call-backs made within the deadline, 0.95 = 95%"),
      })
      .strict()
      .optional()
      .describe("call-back offers: the channel's targets then apply to the callers who stayed inbound; agents call back in idle time (not with classes or Erlang X)"),
    outbound: z
      .object({
        ahtSeconds: positive.describe("mean handle time of an outbound contact"),
        contactsPerInterval: nonNegative.optional().describe("outbound contacts to complete per open interval (agents are added to reach it)"),
        hoursPerInterval: nonNegative.optional().describe("or: agent-hours of outbound work per open interval"),
        revenuePerContact: nonNegative.optional().describe("revenue per outbound contact, in the cost model's currency"),
      })
      .strict()
      .optional()
      .describe("an outbound line worked in idle time (call blending): outbound starts only while more than R agents are idle, R the least reserve keeping the inbound target"),
  })
  .strict();

const chatSchema = z
  .object({
    type: z.literal("chat"),
    ...queueFields,
    concurrency: z.int().min(1).max(1000).optional().describe("chats one agent holds at once (default 1)"),
    handleTimeFactorPerExtraChat: nonNegative.optional().describe("extra handle time per extra concurrent chat, 0.25 = +25%"),
  })
  .strict();

const deferredSchema = z
  .object({
    type: z.literal("deferred"),
    ahtSeconds: positive.optional(),
    responseSeconds: positive.optional().describe("response window (default 86400 = 24 h)"),
    targetServiceLevel: fraction.optional().describe("share answered within responseSeconds, 0.9 = 90%: the target of the agent groups' simulation check (needed when a group serves the channel)"),
    maxOccupancy: occupancyFraction.optional(),
    minimumAgents: z.int().min(0).optional(),
    initialBacklog: nonNegative.optional().describe("items waiting before the first interval"),
    shrinkage: shrinkageSchema.optional(),
  })
  .strict();

const rangePattern = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-4]):([0-5]\d)$/;

/** The zod schema of `staffing.json`. */
export const staffingConfigSchema = z
  .object({
    $schema: z.string().optional(),
    channels: z
      .record(z.string().min(1), z.discriminatedUnion("type", [voiceSchema, chatSchema, deferredSchema]))
      .optional()
      .describe("settings per channel name as written in the volume file's channel column (voice when it has none)"),
    shrinkage: shrinkageSchema.optional(),
    supportRatios: z
      .array(z.object({ role: roleNameSchema, agentsPerRole: positive }).strict())
      .optional()
      .describe("default: qa 1 per 12 agents, teamLead 1 per 15"),
    fixedRoles: z
      .array(z.object({ role: roleNameSchema, headcount: nonNegative, fte: nonNegative.optional() }).strict())
      .optional(),
    hoursPerFtePerMonth: positive.optional().describe("paid hours of one full-time agent in a month (default 160)"),
    openingHours: z
      .partialRecord(z.enum(dayNames), z.array(z.string().regex(rangePattern, { message: 'expected "HH:MM-HH:MM" such as "07:00-21:00"' })))
      .optional()
      .describe("open ranges per weekday; a day left out is closed; omit for 24x7"),
    agentGroups: z
      .array(
        z
          .object({
            name: z.string().min(1),
            skills: z.array(z.string().min(1)).min(1).describe("channels served (voice, chat or deferred), highest priority first; a group holds one kind of contact: chat channels only with chat channels of the same concurrency and handleTimeFactorPerExtraChat"),
            costPerHour: positive.optional().describe("cost of one agent-hour (default 1)"),
            minimumAgents: z.int().min(0).optional(),
            ahtSecondsByType: z
              .record(z.string().min(1), positive)
              .optional()
              .describe("the group's own mean handle time per channel it serves, seconds (default the channel's)"),
          })
          .strict(),
      )
      .min(1)
      .optional()
      .describe("agent groups sharing skills: wfm staff then also staffs by group (skill-transfer program + simulation check)"),
    routing: z
      .object({ overflowAfterSeconds: nonNegative.optional().describe("offer a call to non-primary groups after it waited this long") })
      .strict()
      .optional(),
  })
  .strict();

/** `staffing.json` as written (before defaults). */
export type StaffingConfigInput = z.input<typeof staffingConfigSchema>;

function toMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number);
  return h! * 60 + m!;
}

function openingHoursFromJson(value: Partial<Record<string, readonly string[]>>): OpeningHours {
  const out: Record<string, { openMinute: number; closeMinute: number }[]> = {};
  for (const [day, ranges] of Object.entries(value)) {
    out[day] = (ranges ?? []).map((range) => {
      const [open, close] = range.split("-");
      return { openMinute: toMinutes(open!), closeMinute: toMinutes(close!) % 1440 };
    });
  }
  return out;
}


/**
 * Validates a parsed `staffing.json` value and turns it into a {@link StaffingConfig}.
 *
 * @param value - the parsed JSON
 * @param file - the file name for problems
 * @throws {WfmError} `invalid-config` with one problem per bad field, each naming its path
 *
 * @example
 * ```ts
 * staffingConfigFromJson({ channels: { voice: { type: "voice", targetServiceLevel: 0.8, targetAnswerSeconds: 20 } },
 *   openingHours: { monday: ["07:00-21:00"] } }, "staffing.json").openingHours;
 * //=> { monday: [{ openMinute: 420, closeMinute: 1260 }] }
 * ```
 */
export function staffingConfigFromJson(value: unknown, file: string): StaffingConfig {
  const parsed = staffingConfigSchema.safeParse(value);
  if (!parsed.success) {
    throw new WfmError(zodProblems(parsed.error, file).slice(0, 50));
  }
  const { $schema: _ignored, openingHours, ...rest } = parsed.data;
  const config: StaffingConfig = { ...rest, ...(openingHours === undefined ? {} : { openingHours: openingHoursFromJson(openingHours) }) };
  if (config.openingHours !== undefined) {
    try {
      validateOpeningHours(config.openingHours, "staffing config");
    } catch (error) {
      if (!(error instanceof WfmError)) throw error;
      // "staffing config: config.openingHours.monday[1] must be a range that overlaps no other (...)"
      const [, path = "openingHours", rest2 = error.message] = /^staffing config: config\.(\S+) (.*)$/.exec(error.message) ?? [];
      const parts = path.replace(/\[(\d+)\]/g, ".$1").split(".").map((p) => (/^\d+$/.test(p) ? Number(p) : p));
      throw new WfmError({ code: "invalid-config", file, path: parts, message: rest2.replace(/, got \{.*$/, "") });
    }
  }
  const ownTimes = (config.agentGroups ?? []).flatMap((g, i) =>
    Object.keys(g.ahtSecondsByType ?? {})
      .filter((name) => !g.skills.includes(name))
      .map((name) => ({ code: "invalid-config" as const, file, path: ["agentGroups", i, "ahtSecondsByType", name], message: `names no skill of the group (${g.skills.join(", ")})`, value: name })),
  );
  if (ownTimes.length > 0) throw new WfmError(ownTimes);
  const shrinkages: [string, StaffingConfig["shrinkage"]][] = [["shrinkage", config.shrinkage]];
  for (const [name, channel] of Object.entries(config.channels ?? {})) shrinkages.push([`channels.${name}.shrinkage`, channel.shrinkage]);
  for (const [path, shrinkage] of shrinkages) {
    if (shrinkage === undefined) continue;
    try {
      validateShrinkage(shrinkage, path);
    } catch (error) {
      if (!(error instanceof WfmError)) throw error;
      throw new WfmError({ code: "invalid-config", file, message: error.message, value: error.value });
    }
  }
  return config;
}

/**
 * Reads and validates `staffing.json` (see {@link staffingConfigFromJson}); a JSON syntax error
 * is reported with its line and column.
 *
 * @throws {WfmError} `file-not-found`, `invalid-file` or `invalid-config`
 */
export function readStaffingConfig(path: string, options: { readonly cwd?: string; readonly option?: string } = {}): StaffingConfig {
  return staffingConfigFromJson(readJsonFile(path, options), path);
}
