import { invalidArgument, requireOptions } from "../errors.js";
import type { AgentGroup, ContactType } from "./model.js";

/**
 * Team designs: the agent groups of the three ways a centre can organise its first line for the
 * same contact types (see {@link teamDesignGroups}).
 *
 * @module
 */

/** The three designs a manager compares. */
export type TeamDesign = "dedicated" | "pooled" | "cross-trained";

/** Every design, in the order reports list them. */
export const teamDesigns: readonly TeamDesign[] = ["dedicated", "pooled", "cross-trained"];

/** Options of {@link teamDesignGroups}. */
export interface TeamDesignGroupsOptions {
  readonly design: TeamDesign;
  readonly contactTypes: readonly ContactType[];
  /** Cost of one agent-hour of a single-skill agent, > 0. @defaultValue 1 */
  readonly costPerHour?: number;
  /** Extra cost per extra skill, a fraction of `costPerHour` (0.05 = 5% more per extra skill), >= 0. @defaultValue 0 */
  readonly crossTrainingPremium?: number;
}

/**
 * The agent groups of a design. First-line types are those no other type escalates to; a tier-2
 * type (the target of an escalation) keeps one dedicated helpdesk group in every design.
 *
 * - `dedicated`: one group per first-line type.
 * - `pooled`: one group serving every first-line type (in the order given).
 * - `cross-trained`: the dedicated groups plus, for each first-line type j, a group serving j
 *   first and the next type second (a chain: j, j+1, ..., the last back to the first; with two
 *   types a single group serving both). How many agents hold two skills is set by the staffing's
 *   `minimumCrossTrainedShare`.
 *
 * Cost per agent-hour: costPerHour × (1 + crossTrainingPremium × (skills − 1)).
 *
 * Chaining: W. C. Jordan and S. C. Graves, "Principles on the benefits of manufacturing process
 * flexibility", Management Science 41(4), 1995 (a long chain gives most of full flexibility's
 * benefit).
 *
 * @throws {WfmError} `invalid-argument` for a bad cost or premium
 *
 * @example
 * ```ts
 * const types = ["billing", "tech"].map((name) => ({ name, ahtSeconds: 300, targetServiceLevel: 0.8, targetAnswerSeconds: 20 }));
 * teamDesignGroups({ design: "cross-trained", contactTypes: types, crossTrainingPremium: 0.1 }).map((g) => [g.name, g.skills, g.costPerHour]);
 * //=> [["billing", ["billing"], 1], ["tech", ["tech"], 1], ["billing+tech", ["billing", "tech"], 1.1]]
 * ```
 */
export function teamDesignGroups(options: TeamDesignGroupsOptions): AgentGroup[] {
  requireOptions("teamDesignGroups", options, ["design", "contactTypes"]);
  const fn = "teamDesignGroups";
  const { design, contactTypes } = options;
  const base = options.costPerHour ?? 1;
  const premium = options.crossTrainingPremium ?? 0;
  if (!(Number.isFinite(base) && base > 0)) invalidArgument(fn, "costPerHour", "a positive finite number", base);
  if (!(Number.isFinite(premium) && premium >= 0)) invalidArgument(fn, "crossTrainingPremium", "a finite fraction >= 0", premium);
  const tier2 = new Set(contactTypes.flatMap((c) => (c.escalation === undefined ? [] : [c.escalation.to])));
  const first = contactTypes.filter((c) => !tier2.has(c.name)).map((c) => c.name);
  const helpdesks: AgentGroup[] = contactTypes.filter((c) => tier2.has(c.name)).map((c) => ({ name: c.name, skills: [c.name], costPerHour: base }));
  const cost = (skills: number) => base * (1 + premium * (skills - 1));
  const dedicated = first.map((name) => ({ name, skills: [name], costPerHour: base }));
  if (design === "dedicated" || first.length === 1) return [...dedicated, ...helpdesks];
  if (design === "pooled") return [{ name: "pooled", skills: first, costPerHour: cost(first.length) }, ...helpdesks];
  if (design !== "cross-trained") invalidArgument(fn, "design", `one of ${teamDesigns.join(", ")}`, design);
  const pairs: AgentGroup[] = [];
  const chainLength = first.length === 2 ? 1 : first.length;
  for (let j = 0; j < chainLength; j++) {
    const skills = [first[j]!, first[(j + 1) % first.length]!];
    pairs.push({ name: skills.join("+"), skills, costPerHour: cost(2) });
  }
  return [...dedicated, ...pairs, ...helpdesks];
}
