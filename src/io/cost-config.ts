import { z } from "zod";
import type { AgentSite, CostModel, OtherCost, SupportRole, Wage } from "../cost/cost-model.js";
import { currencyMinorUnits, toMoney, type Money } from "../cost/money.js";
import { WfmError } from "../errors.js";
import { parseJsonExact as parseJsonKeepingNumbers, zodProblems } from "./json.js";
import { readTextFile } from "./read-file.js";
import { roleNameSchema } from "./staffing-config.js";

/**
 * The cost config (`wfm cost --config cost.json`, `wfm schema cost`): currency, wages per site and
 * role, employer overhead, seats, supporting staff and other monthly costs.
 *
 * Money amounts may be written as strings (`"12.35"`) or JSON numbers (`12.35`); either way the
 * amount is read from its decimal text in the file, so no amount ever passes through a binary
 * float (`0.1` is exactly one tenth, and a 25-digit amount keeps all 25 digits).
 *
 * @module
 */

const decimalPattern = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * The exact value of decimal text or a number, or `null` when it is neither (zod runs
 * refinements on invalid data too, so they must not throw).
 */
export function exactDecimal(value: unknown): Money | null {
  if (typeof value === "number" ? !Number.isFinite(value) : typeof value !== "string" || !decimalPattern.test(value.trim())) return null;
  return toMoney(value as string | number);
}

/** A money amount: decimal text or a number, at least 0. */
export const moneySchema = z
  .union([z.string().regex(decimalPattern, { message: 'expected a decimal amount such as "12.35"' }), z.number()])
  .refine((v) => exactDecimal(v)?.gte(0) ?? true, { message: "must be at least 0" })
  .describe('Money: decimal text ("12.35") or a number; read exactly from its decimal text');

/** A signed decimal number (a change in percent or seconds): decimal text or a number. */
export const decimalSchema = z.union([z.string().regex(decimalPattern, { message: "expected a number such as -12.5" }), z.number()]);

const percentTextPattern = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*%?\s*$/;
const withoutPercentSign = (v: string | number): string | number => (typeof v === "string" ? v.replace(/%\s*$/, "").trim() : v);

/**
 * A percentage 0..100 (decimal text or a number), described as `what`. Fields whose name ends in
 * `Percent` are percent throughout the configs (every other ratio is a fraction 0..1), so a value
 * strictly between 0 and 1 is refused with both readings unless written with its sign (`"0.5%"`):
 * `employerOverheadPercent: 0.28` is almost always 28% written as a fraction.
 */
export const percentSchema = (what: string) =>
  z
    .union([z.string().regex(percentTextPattern, { message: 'expected a number such as 30 (or "0.5%")' }), z.number()])
    .superRefine((v, ctx) => {
      const m = exactDecimal(withoutPercentSign(v));
      if (m === null) return;
      if (m.lt(0) || m.gt(100)) ctx.addIssue({ code: "custom", message: "must be a percentage from 0 to 100" });
      else if (m.gt(0) && m.lt(1) && !(typeof v === "string" && v.includes("%"))) {
        const percent = m.times(100).toString();
        ctx.addIssue({ code: "custom", message: `${m.toString()} reads as ${m.toString()}%; write ${percent} for ${percent}%, or "${m.toString()}%" if you mean ${m.toString()}%` });
      }
    })
    .describe(`${what}, percent 0..100 (a value below 1 needs its sign: "0.5%")`);

/**
 * A signed change in percent (`-10` = 10% less): decimal text or a number. As with
 * {@link percentSchema}, a value strictly between -1 and 1 needs its sign (`"-0.5%"`).
 */
export const signedPercentSchema = z
  .union([z.string().regex(percentTextPattern, { message: 'expected a number such as -12.5 (or "-0.5%")' }), z.number()])
  .superRefine((v, ctx) => {
    const m = exactDecimal(withoutPercentSign(v));
    if (m === null || m.isZero() || m.abs().gte(1) || (typeof v === "string" && v.includes("%"))) return;
    const percent = m.times(100).toString();
    ctx.addIssue({ code: "custom", message: `${m.toString()} reads as ${m.toString()}%; write ${percent} for ${percent}%, or "${m.toString()}%" if you mean ${m.toString()}%` });
  })
  .describe('A change in percent, e.g. -10 (a value between -1 and 1 needs its sign: "-0.5%")');

/**
 * The JSON keys whose numeric values are kept as decimal text when a config is read (money and
 * exact percentages): see {@link parseJsonExact}.
 */
export { zodProblems };

export const exactNumberKeys: ReadonlySet<string> = new Set([
  "hourlyWage",
  "monthlyWage",
  "seatCostPerMonth",
  "perMonth",
  "perAgentFte",
  "perHandledMinute",
  "perContact",
  "employerOverheadPercent",
  "agentSharePercent",
  "remoteSharePercent",
  "changePercent",
  "sharePercent",
]);

const wageFields = {
  hourlyWage: moneySchema.optional().describe("Wage per paid hour"),
  monthlyWage: moneySchema.optional().describe("Wage per month of one full-time person (hoursPerFte hours)"),
};

const hasOneWage = (w: { hourlyWage?: unknown; monthlyWage?: unknown }) => (w.hourlyWage === undefined) !== (w.monthlyWage === undefined);
const oneWageMessage = { message: "give exactly one of hourlyWage and monthlyWage" };

const siteSchema = z
  .strictObject({
    name: z.string().min(1).describe("Site (city, building) name"),
    agentSharePercent: percentSchema("Share of agent hours worked at this site; the sites' shares sum to 100"),
    ...wageFields,
    seatCostPerMonth: moneySchema.optional().describe("Cost of one seat (desk, PC, space) per month"),
    seats: z.number().int().min(0).optional().describe("Fixed seat count; omit to size seats from the peak agents"),
    remoteSharePercent: percentSchema("Share of the site's people working from home (no seat)").optional(),
  })
  .refine(hasOneWage, oneWageMessage);

const supportSchema = z
  .strictObject({
    role: roleNameSchema.describe("Role name, camelCase and the same as in the staffing config: qa, teamLead, wfm, reporting..."),
    site: z.string().min(1).optional().describe("Site of the role (for seats); the first site by default"),
    ...wageFields,
    agentsPerPerson: z.number().positive().optional().describe("One person per this many agent FTE (QA 10-15, team leads ~15)"),
    headcount: z.number().int().min(0).optional().describe("Fixed headcount"),
  })
  .refine(hasOneWage, oneWageMessage)
  .refine((r) => (r.agentsPerPerson === undefined) !== (r.headcount === undefined), { message: "give exactly one of agentsPerPerson and headcount" });

const otherSchema = z
  .strictObject({
    name: z.string().min(1).describe("Telephony, licences, facilities..."),
    perMonth: moneySchema.optional().describe("Fixed amount per month"),
    perAgentFte: moneySchema.optional().describe("Amount per agent FTE per month (licences)"),
    perHandledMinute: moneySchema.optional().describe("Amount per handled minute (telephony)"),
    perContact: moneySchema.optional().describe("Amount per handled contact"),
    channel: z.string().min(1).optional().describe("Only this channel's minutes or contacts"),
  })
  .refine((o) => [o.perMonth, o.perAgentFte, o.perHandledMinute, o.perContact].filter((v) => v !== undefined).length === 1, {
    message: "give exactly one of perMonth, perAgentFte, perHandledMinute and perContact",
  })
  .refine((o) => o.channel === undefined || o.perHandledMinute !== undefined || o.perContact !== undefined, {
    message: "channel applies only to perHandledMinute and perContact costs",
  });

/** The zod schema of the cost config (the JSON Schema printed by `wfm schema cost` comes from it). */
export const costConfigSchema = z
  .strictObject({
    $schema: z.string().optional(),
    currency: z.string().regex(/^[A-Za-z]{3}$/, { message: "expected a three-letter currency code such as USD or IRR" }).describe("ISO 4217 code (IRT for the Iranian toman)"),
    minorUnits: z.number().int().min(0).max(10).optional().describe("Decimals at output; from the currency by default (IRR, IRT 0; USD, EUR 2)"),
    rounding: z.enum(["half-up", "half-even"]).optional().describe("Rounding of half a minor unit at output; half-up by default"),
    hoursPerFte: z.number().positive().describe("Paid hours of one full-time person per month, e.g. 176"),
    employerOverheadPercent: percentSchema("Employer overhead on all wages (payroll taxes, insurance, benefits)").optional(),
    sites: z.array(siteSchema).min(1).describe("Where agents work, with their share of the agent hours"),
    supportingStaff: z.array(supportSchema).optional().describe("QA, team leads, WFM, reporting..."),
    otherCosts: z.array(otherSchema).optional().describe("Telephony, licences, facilities..."),
  })
  .superRefine((c, ctx) => {
    const names = new Set<string>();
    c.sites.forEach((s, i) => {
      if (names.has(s.name)) ctx.addIssue({ code: "custom", path: ["sites", i, "name"], message: `site ${JSON.stringify(s.name)} is listed twice` });
      names.add(s.name);
    });
    const parts = c.sites.map((s) => exactDecimal(withoutPercentSign(s.agentSharePercent)));
    const shares = parts.reduce<Money>((sum, p) => sum.plus(p ?? 0), toMoney(0));
    if (parts.every((p) => p !== null) && !shares.eq(100)) ctx.addIssue({ code: "custom", path: ["sites"], message: `agentSharePercent must sum to 100 over the sites, got ${shares.toString()}` });
    (c.supportingStaff ?? []).forEach((r, i) => {
      if (r.site !== undefined && !names.has(r.site)) {
        ctx.addIssue({ code: "custom", path: ["supportingStaff", i, "site"], message: `unknown site ${JSON.stringify(r.site)}; sites are ${[...names].join(", ")}` });
      }
    });
    if (c.minorUnits === undefined && currencyMinorUnits[c.currency.toUpperCase()] === undefined) {
      ctx.addIssue({ code: "custom", path: ["minorUnits"], message: `currency ${c.currency} is not in the built-in list; give minorUnits` });
    }
  });

/** The cost config as written (input type of {@link costConfigSchema}). */
export type CostConfig = z.input<typeof costConfigSchema>;


/**
 * Reads JSON keeping the money and percentage numbers of {@link exactNumberKeys} as their decimal
 * text, so they never pass through a binary float (see `parseJsonExact` in `io/json`).
 *
 * @example
 * ```ts
 * parseJsonExact('{"hourlyWage": 12.35, "hoursPerFte": 176}', "c.json"); //=> { hourlyWage: "12.35", hoursPerFte: 176 }
 * ```
 */
export function parseJsonExact(text: string, file: string, keys: ReadonlySet<string> = exactNumberKeys): unknown {
  return parseJsonKeepingNumbers(text, file, keys);
}

const wageOf = (w: { hourlyWage?: string | number | undefined; monthlyWage?: string | number | undefined }): Wage =>
  w.hourlyWage !== undefined ? { amount: toMoney(w.hourlyWage), per: "hour" } : { amount: toMoney(w.monthlyWage!), per: "month" };

/**
 * A percentage as a fraction, divided in decimal (`"33.3"` -> 0.333, not 0.33299999999999996).
 *
 * @example
 * ```ts
 * percentToFraction("33.3"); //=> 0.333
 * ```
 */
export const percentToFraction = (p: string | number): number => toMoney(withoutPercentSign(p)).dividedBy(100).toNumber();

/**
 * A percentage as an exact fraction {@link Money}.
 *
 * @example
 * ```ts
 * percentToMoney(23.5).toString(); //=> "0.235"
 * ```
 */
export const percentToMoney = (p: string | number): Money => toMoney(withoutPercentSign(p)).dividedBy(100);

/**
 * Validates a parsed cost config and converts it to the library's {@link CostModel}.
 *
 * @param value - parsed JSON (from {@link parseJsonExact})
 * @param file - name used in problems
 * @throws {WfmError} `invalid-config`, one problem per bad field
 *
 * @example
 * ```ts
 * const model = costModelFromConfig({ currency: "IRR", hoursPerFte: 176,
 *   sites: [{ name: "tehran", agentSharePercent: 100, monthlyWage: "150000000" }] }, "cost.json");
 * model.minorUnits; //=> 0
 * model.sites[0].wage; //=> { amount: 150000000 (Money), per: "month" }
 * ```
 */
export function costModelFromConfig(value: unknown, file: string): CostModel {
  const parsed = costConfigSchema.safeParse(value);
  if (!parsed.success) throw new WfmError(zodProblems(parsed.error, file));
  const c = parsed.data;
  const currency = c.currency.toUpperCase();
  const sites: AgentSite[] = c.sites.map((s) => ({
    name: s.name,
    agentShare: percentToFraction(s.agentSharePercent),
    wage: wageOf(s),
    ...(s.seatCostPerMonth === undefined ? {} : { seatCostPerMonth: toMoney(s.seatCostPerMonth) }),
    ...(s.seats === undefined ? {} : { seats: s.seats }),
    ...(s.remoteSharePercent === undefined ? {} : { remoteShare: percentToFraction(s.remoteSharePercent) }),
  }));
  const supportingStaff: SupportRole[] = (c.supportingStaff ?? []).map((r) => ({
    role: r.role,
    ...(r.site === undefined ? {} : { site: r.site }),
    wage: wageOf(r),
    ...(r.agentsPerPerson === undefined ? {} : { agentsPerPerson: r.agentsPerPerson }),
    ...(r.headcount === undefined ? {} : { headcount: r.headcount }),
  }));
  const otherCosts: OtherCost[] = (c.otherCosts ?? []).map((o) => {
    const channel = o.channel === undefined ? {} : { channel: o.channel };
    if (o.perMonth !== undefined) return { name: o.name, basis: "per-month", amount: toMoney(o.perMonth) };
    if (o.perAgentFte !== undefined) return { name: o.name, basis: "per-agent-fte", amount: toMoney(o.perAgentFte) };
    if (o.perHandledMinute !== undefined) return { name: o.name, basis: "per-handled-minute", amount: toMoney(o.perHandledMinute), ...channel };
    return { name: o.name, basis: "per-contact", amount: toMoney(o.perContact!), ...channel };
  });
  return {
    currency,
    minorUnits: c.minorUnits ?? currencyMinorUnits[currency]!,
    rounding: c.rounding ?? "half-up",
    hoursPerFte: c.hoursPerFte,
    employerOverheadRate: percentToMoney(c.employerOverheadPercent ?? 0),
    sites,
    supportingStaff,
    otherCosts,
  };
}

/**
 * Reads, validates and converts a cost config file.
 *
 * @param path - as the user wrote it
 * @param options.cwd - folder to resolve it against
 * @param options.option - the option that named it @defaultValue "--config"
 * @throws {WfmError} `file-not-found`, `invalid-file` or `invalid-config`
 */
export function readCostConfig(path: string, options: { readonly cwd?: string; readonly option?: string } = {}): CostModel {
  const text = readTextFile(path, { option: "--config", ...options });
  return costModelFromConfig(parseJsonExact(text, path), path);
}
