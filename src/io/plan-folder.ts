import { existsSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { z } from "zod";
import { parseLocalTimestamp } from "../calendar/local-time.js";
import { WfmError } from "../errors.js";
import type { ReviewPlan, ReviewPlanInterval } from "../review/types.js";
import { parseJsonText, zodProblems } from "./json.js";
import { readTextFile } from "./read-file.js";

const stampSchema = z.string().refine((s) => parseLocalTimestamp(s) !== null, { message: "expected a timestamp such as 2026-12-01T08:00" });
const numberOrNull = z.number().nullable();

/**
 * The parts of a plan's summary.json that `wfm review` reads (the rest is ignored). A summary
 * written by a `wfm plan` without the staffing models or the per-interval shrinkage is refused
 * with a note to re-run the plan.
 */
export const planSummarySchema = z.object({
  period: z.object({ label: z.string(), start: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), end: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), intervalMinutes: z.number().positive() }),
  headline: z.object({ serviceLevel: numberOrNull }).loose(),
  forecast: z.object({
    intervals: z.array(z.object({ timestamp: stampSchema, channel: z.string(), calls: z.number(), lower: z.number(), upper: z.number(), ahtSeconds: numberOrNull }).loose()),
  }).loose(),
  staffing: z.object({
    intervals: z.array(
      z.object({
        timestamp: stampSchema,
        channel: z.string(),
        calls: z.number(),
        ahtSeconds: z.number(),
        requiredAgents: z.number(),
        scheduledAgents: z.number(),
        open: z.boolean(),
        shrinkage: z.number().min(0).lt(1),
      }).loose(),
    ),
    models: z.array(
      z.object({
        channel: z.string(),
        type: z.enum(["voice", "chat", "deferred"]),
        model: z.enum(["erlang-c", "erlang-a", "chat", "deferred"]),
        targetServiceLevel: numberOrNull,
        targetAnswerSeconds: numberOrNull,
        targetAsaSeconds: numberOrNull,
        maxAbandonProbability: numberOrNull,
        patienceSeconds: numberOrNull,
        concurrency: z.number().int().min(1),
        handleTimeFactorPerExtraChat: z.number().min(0),
      }),
    ),
  }).loose(),
  schedule: z
    .object({
      teams: z.array(z.object({ team: z.string(), channels: z.array(z.string()), paidHours: z.number() }).loose()),
      coverage: z.array(z.object({ timestamp: stampSchema, team: z.string(), required: z.number(), scheduled: z.number() }).loose()),
    })
    .loose()
    .nullable(),
  cost: z
    .object({
      currency: z.string(),
      total: z.string(),
      costPerContact: z.string().nullable(),
      costPerOrder: z.string().nullable(),
      costPerHandledMinute: z.string().nullable(),
      orders: numberOrNull,
      channels: z.array(z.object({ channel: z.string(), cost: z.string(), handledContacts: z.number(), costPerContact: z.string().nullable() }).loose()),
    })
    .loose()
    .nullable(),
}).loose();

/** A plan folder read for a review. */
export interface PlanFolder {
  readonly folder: string;
  readonly summaryFile: string;
  readonly plan: ReviewPlan;
}

/**
 * Parses a plan's summary.json (what `wfm plan` writes) into the plan `reviewMonth` reads.
 *
 * @param text - summary.json's content
 * @param file - its name in problems
 * @throws {WfmError} `invalid-config` for JSON that is not a plan summary, or one written before
 *   `wfm plan` recorded the channels' queue models
 */
export function parsePlanSummary(text: string, file: string): ReviewPlan {
  const raw = parseJsonText(text, file);
  const staffing = (raw as { staffing?: { models?: unknown } } | null)?.staffing;
  if (typeof raw === "object" && raw !== null && typeof staffing === "object" && staffing !== null && staffing.models === undefined) {
    throw new WfmError({ code: "invalid-config", file, path: ["staffing", "models"], message: "this plan was written by an older wfm plan without the channels' queue models; re-run wfm plan for the month" });
  }
  const parsed = planSummarySchema.safeParse(raw);
  if (!parsed.success) throw new WfmError(zodProblems(parsed.error, file));
  const s = parsed.data;
  const ms = (t: string) => parseLocalTimestamp(t)!.localMs;
  const forecast = new Map(s.forecast.intervals.map((f) => [`${ms(f.timestamp)}\u0000${f.channel}`, f]));
  const intervals: ReviewPlanInterval[] = s.staffing.intervals.map((i) => {
    const localMs = ms(i.timestamp);
    const f = forecast.get(`${localMs}\u0000${i.channel}`);
    return {
      localMs,
      channel: i.channel,
      open: i.open,
      forecastCalls: f?.calls ?? i.calls,
      lowerCalls: f?.lower ?? i.calls,
      upperCalls: f?.upper ?? i.calls,
      calls: i.calls,
      ahtSeconds: i.ahtSeconds,
      requiredAgents: i.requiredAgents,
      scheduledAgents: i.scheduledAgents,
      shrinkage: i.shrinkage,
    };
  });
  const coverage = s.schedule?.coverage.map((c) => ({ localMs: ms(c.timestamp), team: c.team, required: c.required, scheduled: c.scheduled })) ?? [];
  let slotMinutes = s.period.intervalMinutes;
  if (coverage.length > 1) {
    const stamps = [...new Set(coverage.map((c) => c.localMs))].sort((a, b) => a - b);
    if (stamps.length > 1) slotMinutes = (stamps[1]! - stamps[0]!) / 60_000;
  }
  const start = ms(s.period.start);
  const end = ms(s.period.end);
  return {
    label: s.period.label,
    startLocalMs: start,
    endLocalMs: end,
    intervalMinutes: s.period.intervalMinutes,
    models: s.staffing.models,
    intervals,
    ...(s.schedule === null || s.schedule === undefined ? {} : { schedule: { slotMinutes, teams: s.schedule.teams.map((t) => ({ team: t.team, channels: t.channels, paidHours: t.paidHours })), coverage } }),
    ...(s.cost === null || s.cost === undefined
      ? {}
      : {
          cost: {
            currency: s.cost.currency,
            total: s.cost.total,
            costPerContact: s.cost.costPerContact,
            costPerOrder: s.cost.costPerOrder,
            costPerHandledMinute: s.cost.costPerHandledMinute,
            orders: s.cost.orders,
            channels: s.cost.channels.map((c) => ({ channel: c.channel, cost: c.cost, handledContacts: c.handledContacts, costPerContact: c.costPerContact })),
          },
        }),
    expectedServiceLevel: s.headline.serviceLevel,
  };
}

/**
 * Reads the folder a `wfm plan` wrote: its summary.json holds the forecast, staffing, schedule
 * coverage and cost (forecast.csv, staffing.csv, coverage.csv and costs.csv are views of it).
 *
 * @param folder - as the user wrote it
 * @param options.cwd - folder to resolve it against
 * @param options.option - the option that named it, for problems
 * @throws {WfmError} `file-not-found` when the folder or its summary.json is missing; see {@link parsePlanSummary}
 */
export function readPlanFolder(folder: string, options: { readonly cwd?: string; readonly option?: string } = {}): PlanFolder {
  const { cwd = process.cwd(), option = "--plan" } = options;
  const full = resolve(cwd, folder);
  if (!existsSync(full) || !statSync(full).isDirectory()) {
    throw new WfmError({ code: "file-not-found", option, message: `${folder} is not a folder (give the folder wfm plan wrote, with its summary.json)`, value: folder });
  }
  const summaryFile = join(folder, "summary.json");
  if (!existsSync(join(full, "summary.json"))) {
    throw new WfmError({ code: "file-not-found", option, message: `${folder} has no summary.json; is it a folder written by wfm plan?`, value: folder });
  }
  const text = readTextFile(summaryFile, { cwd, option });
  return { folder, summaryFile, plan: parsePlanSummary(text, summaryFile) };
}
