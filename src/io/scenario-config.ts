import { z } from "zod";
import type { Wage } from "../cost/cost-model.js";
import { toMoney } from "../cost/money.js";
import type { Scenario } from "../cost/scenarios.js";
import { WfmError } from "../errors.js";
import { decimalSchema, moneySchema, parseJsonExact, percentSchema, percentToFraction, percentToMoney, signedPercentSchema, zodProblems } from "./cost-config.js";
import { readTextFile } from "./read-file.js";

/**
 * The scenarios file of `wfm cost --scenarios` (`wfm schema scenarios`): named what-if scenarios,
 * each a mix of levers applied to the base plan. Percentages are written as percent (15 = 15%);
 * money as decimal text or numbers, read exactly.
 *
 * @module
 */

const channelField = z.string().min(1).optional().describe("Channel; every channel when absent");
const siteField = z.string().min(1).optional().describe("Site; every site when absent");

const targetPattern = /^\s*(\d+(?:\.\d+)?)\s*%?\s*\/\s*(\d+(?:\.\d+)?)\s*s?\s*$/;

const scenarioSchema = z.strictObject({
  name: z.string().min(1).describe("Short name, shown as a column heading"),
  description: z.string().optional(),
  deflect: z
    .array(z.strictObject({ channel: z.string().min(1), percent: percentSchema("Share of the channel's contacts moved to self-service") }))
    .optional()
    .describe("Self-service deflection (web, IVR, FAQ)"),
  aht: z
    .array(
      z
        .strictObject({ channel: channelField, changeSeconds: decimalSchema.optional(), changePercent: signedPercentSchema.optional() })
        .refine((a) => a.changeSeconds !== undefined || a.changePercent !== undefined, { message: "give changeSeconds or changePercent" }),
    )
    .optional()
    .describe("Handle-time change: (AHT + changeSeconds) x (1 + changePercent/100)"),
  serviceLevel: z
    .array(
      z.strictObject({
        channel: channelField,
        target: z
          .string()
          .regex(targetPattern, { message: "expected PERCENT/SECONDS such as 90/20" })
          .refine((t) => { const m = targetPattern.exec(t); return m === null || Number(m[1]) <= 100; }, { message: "the percentage must be at most 100" })
          .superRefine((t, ctx) => {
            const m = targetPattern.exec(t);
            const p = m === null ? 0 : Number(m[1]);
            if (m !== null && p > 0 && p < 1 && !t.includes("%")) {
              const percent = String(Number((p * 100).toPrecision(12)));
              ctx.addIssue({ code: "custom", message: `${t.trim()} reads as ${p}%/${m[2]}; write ${percent}/${m[2]} for ${percent}%, or "${p}%/${m[2]}" if you mean ${p}%` });
            }
          }),
      }),
    )
    .optional()
    .describe("New service-level target, PERCENT/SECONDS"),
  maxOccupancy: z
    .array(z.strictObject({ channel: channelField, percent: percentSchema("Occupancy cap") }))
    .optional()
    .describe("New occupancy cap"),
  chatConcurrency: z.number().int().min(1).optional().describe("Chats one agent handles at once"),
  priorityClasses: z
    .array(
      z.strictObject({
        channel: z.string().min(1),
        classes: z
          .array(
            z.strictObject({
              name: z.string().min(1),
              sharePercent: percentSchema("Share of the channel's calls in this class"),
              target: z.string().regex(targetPattern, { message: "expected PERCENT/SECONDS such as 90/10" }).describe("The class's service-level target, PERCENT/SECONDS"),
            }),
          )
          .min(1)
          .max(5),
      }),
    )
    .optional()
    .describe('Priority classes of a voice channel, highest first ("VIP line for 10% of callers"), each with its own target; they replace the channel\'s target'),
  callback: z
    .array(
      z.strictObject({
        channel: z.string().min(1),
        aboveSeconds: z.number().min(0).describe("Offer a call-back when the expected wait exceeds this, seconds"),
        takeUpPercent: percentSchema("Share of offered callers who take the call-back"),
        deadlineSeconds: z.number().positive().optional().describe("Promised time to the call-back, seconds (default 3600)"),
        inTimePercent: percentSchema("Lowest share of call-backs made within the deadline").optional(),
      }),
    )
    .optional()
    .describe('Call-back offers on a voice channel ("offer call-back above 60 s"); the channel\'s target then applies to the callers who stayed inbound'),
  outbound: z
    .array(
      z.strictObject({
        channel: z.string().min(1),
        ahtSeconds: z.number().positive().describe("Mean handle time of an outbound contact, seconds"),
        contactsPerInterval: z.number().min(0).optional().describe("Outbound contacts per open interval (agents are added to reach it)"),
        hoursPerInterval: z.number().min(0).optional().describe("Or: outbound agent-hours per open interval"),
        revenuePerContact: z.number().min(0).optional().describe("Revenue per outbound contact"),
      }),
    )
    .optional()
    .describe('"Use idle time for outbound": an outbound line on a voice channel, worked while more than R agents are idle (R keeps the inbound target)'),
  wages: z
    .array(z.strictObject({ site: siteField, changePercent: signedPercentSchema }))
    .optional()
    .describe("Wage change of a site's agents (KPI-based pay, a raise), percent"),
  relocate: z
    .array(
      z.strictObject({
        sharePercent: percentSchema("Share of all agent hours moved"),
        from: z.string().min(1).optional().describe("Source site; every other site in proportion when absent"),
        to: z
          .strictObject({
            name: z.string().min(1),
            hourlyWage: moneySchema.optional(),
            monthlyWage: moneySchema.optional(),
            seatCostPerMonth: moneySchema.optional(),
            remoteSharePercent: percentSchema("Share working from home").optional(),
          })
          .refine((t) => t.hourlyWage === undefined || t.monthlyWage === undefined, { message: "give at most one of hourlyWage and monthlyWage" }),
      }),
    )
    .optional()
    .describe("Move a share of the agents to another (cheaper) site"),
  remote: z
    .array(z.strictObject({ site: siteField, sharePercent: percentSchema("Share of the site's people working from home") }))
    .optional()
    .describe("Remote work: fewer seats"),
  seatCost: z
    .array(z.strictObject({ site: siteField, seatCostPerMonth: moneySchema }))
    .optional()
    .describe("New seat cost per month"),
});

/** The zod schema of the scenarios file (the JSON Schema printed by `wfm schema scenarios` comes from it). */
export const scenarioConfigSchema = z
  .strictObject({
    $schema: z.string().optional(),
    scenarios: z.array(scenarioSchema).min(1).describe("Named scenarios, compared side by side with the base"),
  })
  .superRefine((c, ctx) => {
    const seen = new Set<string>(["base"]);
    c.scenarios.forEach((s, i) => {
      if (seen.has(s.name)) ctx.addIssue({ code: "custom", path: ["scenarios", i, "name"], message: `name ${JSON.stringify(s.name)} is ${s.name === "base" ? "reserved for the base plan" : "used twice"}` });
      seen.add(s.name);
    });
  });

/** The scenarios file as written. */
export type ScenarioConfig = z.input<typeof scenarioConfigSchema>;

const num = (v: string | number) => toMoney(v).toNumber();

/**
 * Validates a parsed scenarios file and converts it to the library's {@link Scenario}s.
 *
 * @throws {WfmError} `invalid-config`, one problem per bad field
 */
export function scenariosFromConfig(value: unknown, file: string): Scenario[] {
  const parsed = scenarioConfigSchema.safeParse(value);
  if (!parsed.success) throw new WfmError(zodProblems(parsed.error, file));
  return parsed.data.scenarios.map((s) => {
    const opt = <T>(key: string, v: T | undefined) => (v === undefined ? {} : { [key]: v });
    return {
      name: s.name,
      ...opt("description", s.description),
      ...opt("deflect", s.deflect?.map((d) => ({ channel: d.channel, fraction: percentToFraction(d.percent) }))),
      ...opt(
        "aht",
        s.aht?.map((a) => ({
          ...opt("channel", a.channel),
          ...opt("changeSeconds", a.changeSeconds === undefined ? undefined : num(a.changeSeconds)),
          ...opt("changeFraction", a.changePercent === undefined ? undefined : percentToFraction(a.changePercent)),
        })),
      ),
      ...opt(
        "serviceLevel",
        s.serviceLevel?.map((t) => {
          const m = targetPattern.exec(t.target)!;
          return { ...opt("channel", t.channel), targetServiceLevel: Number(m[1]) / 100, targetAnswerSeconds: Number(m[2]) };
        }),
      ),
      ...opt("maxOccupancy", s.maxOccupancy?.map((o) => ({ ...opt("channel", o.channel), maxOccupancy: percentToFraction(o.percent) }))),
      ...opt("chatConcurrency", s.chatConcurrency),
      ...opt(
        "priorityClasses",
        s.priorityClasses?.map((p) => ({
          channel: p.channel,
          classes: p.classes.map((k) => {
            const m = targetPattern.exec(k.target)!;
            return { name: k.name, share: percentToFraction(k.sharePercent), targetServiceLevel: Number(m[1]) / 100, targetAnswerSeconds: Number(m[2]) };
          }),
        })),
      ),
      ...opt(
        "callback",
        s.callback?.map((b) => ({
          channel: b.channel,
          callback: {
            thresholdSeconds: b.aboveSeconds,
            takeUpShare: percentToFraction(b.takeUpPercent),
            ...opt("deadlineSeconds", b.deadlineSeconds),
            ...opt("targetInTimeShare", b.inTimePercent === undefined ? undefined : percentToFraction(b.inTimePercent)),
          },
        })),
      ),
      ...opt("outbound", s.outbound?.map(({ channel, ...line }) => ({ channel, outbound: line }))),
      ...opt("wages", s.wages?.map((w) => ({ ...opt("site", w.site), changeFraction: percentToMoney(w.changePercent) }))),
      ...opt(
        "relocate",
        s.relocate?.map((r) => {
          const wage: Wage | undefined =
            r.to.hourlyWage !== undefined
              ? { amount: toMoney(r.to.hourlyWage), per: "hour" }
              : r.to.monthlyWage !== undefined
                ? { amount: toMoney(r.to.monthlyWage), per: "month" }
                : undefined;
          return {
            share: percentToFraction(r.sharePercent),
            ...opt("from", r.from),
            to: {
              name: r.to.name,
              ...opt("wage", wage),
              ...opt("seatCostPerMonth", r.to.seatCostPerMonth === undefined ? undefined : toMoney(r.to.seatCostPerMonth)),
              ...opt("remoteShare", r.to.remoteSharePercent === undefined ? undefined : percentToFraction(r.to.remoteSharePercent)),
            },
          };
        }),
      ),
      ...opt("remote", s.remote?.map((r) => ({ ...opt("site", r.site), remoteShare: percentToFraction(r.sharePercent) }))),
      ...opt("seatCost", s.seatCost?.map((c) => ({ ...opt("site", c.site), seatCostPerMonth: toMoney(c.seatCostPerMonth) }))),
    } as Scenario;
  });
}

/**
 * Reads, validates and converts a scenarios file.
 *
 * @throws {WfmError} `file-not-found`, `invalid-file` or `invalid-config`
 */
export function readScenarioConfig(path: string, options: { readonly cwd?: string; readonly option?: string } = {}): Scenario[] {
  const text = readTextFile(path, { option: "--scenarios", ...options });
  return scenariosFromConfig(parseJsonExact(text, path), path);
}
