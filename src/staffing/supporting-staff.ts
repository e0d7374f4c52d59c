import { invalidArgument, requireOptions } from "../errors.js";

/**
 * Supporting staff beside the agents: roles sized by a ratio to the agents (QA analysts 1 per
 * 10-15 agents, team leads 1 per 15) and fixed roles (WFM, reporting, complaints).
 *
 * @module
 */

/** A role sized as one person per `agentsPerRole` agents. */
export interface SupportRatio {
  /** Role name, e.g. `"qa"`, `"teamLead"`. */
  readonly role: string;
  /** Agents (FTE) per person in the role, > 0. */
  readonly agentsPerRole: number;
}

/** A role with a fixed size, whatever the agent count. */
export interface FixedRole {
  /** Role name, e.g. `"wfm"`, `"reporting"`, `"complaints"`. */
  readonly role: string;
  /** People in the role, >= 0. */
  readonly headcount: number;
  /** Their FTE, >= 0. @defaultValue headcount */
  readonly fte?: number;
}

/** The default ratios: QA 1 per 12 agents (the usual range is 10-15), team leads 1 per 15. */
export const defaultSupportRatios: readonly SupportRatio[] = [
  { role: "qa", agentsPerRole: 12 },
  { role: "teamLead", agentsPerRole: 15 },
];

/** One supporting role in a plan. */
export interface SupportRole {
  readonly role: string;
  /** `"ratio"` (sized from the agents) or `"fixed"`. */
  readonly basis: "ratio" | "fixed";
  /** Agents per person for ratio roles, `null` for fixed roles. */
  readonly agentsPerRole: number | null;
  /** FTE: agentFte / agentsPerRole for ratio roles. */
  readonly fte: number;
  /** People: ⌈fte⌉ for ratio roles. */
  readonly headcount: number;
}

/** Result of {@link supportingStaff}. */
export interface SupportingStaff {
  readonly roles: readonly SupportRole[];
  /** Sum of the roles' FTE. */
  readonly fte: number;
  /** Sum of the roles' headcount. */
  readonly headcount: number;
}

/**
 * Supporting staff for a number of agent FTE: each ratio role needs agentFte / ratio FTE and
 * ⌈agentFte / ratio⌉ people; fixed roles are added as given.
 *
 * @param options.agentFte - agent FTE of the period (scheduled hours / hours per FTE), >= 0
 * @param options.ratios - ratio roles @defaultValue {@link defaultSupportRatios}
 * @param options.fixedRoles - fixed roles @defaultValue []
 * @throws {WfmError} `invalid-argument` for a ratio <= 0 or a negative count
 *
 * @example
 * ```ts
 * supportingStaff({ agentFte: 100, fixedRoles: [{ role: "wfm", headcount: 2 }] });
 * //=> { roles: [
 * //   { role: "qa", basis: "ratio", agentsPerRole: 12, fte: 8.333..., headcount: 9 },
 * //   { role: "teamLead", basis: "ratio", agentsPerRole: 15, fte: 6.666..., headcount: 7 },
 * //   { role: "wfm", basis: "fixed", agentsPerRole: null, fte: 2, headcount: 2 } ],
 * //   fte: 17, headcount: 18 }
 * ```
 */
export function supportingStaff(options: {
  readonly agentFte: number;
  readonly ratios?: readonly SupportRatio[];
  readonly fixedRoles?: readonly FixedRole[];
}): SupportingStaff {
  requireOptions("supportingStaff", options);
  const fn = "supportingStaff";
  const { agentFte, ratios = defaultSupportRatios, fixedRoles = [] } = options;
  if (!(Number.isFinite(agentFte) && agentFte >= 0)) invalidArgument(fn, "agentFte", "a finite number >= 0", agentFte);
  const roles: SupportRole[] = [];
  ratios.forEach((r, i) => {
    if (!(Number.isFinite(r.agentsPerRole) && r.agentsPerRole > 0)) invalidArgument(fn, `ratios[${i}].agentsPerRole`, "a positive finite number", r.agentsPerRole);
    const fte = agentFte / r.agentsPerRole;
    roles.push({ role: r.role, basis: "ratio", agentsPerRole: r.agentsPerRole, fte, headcount: Math.ceil(fte - 1e-9) });
  });
  fixedRoles.forEach((r, i) => {
    if (!(Number.isFinite(r.headcount) && r.headcount >= 0)) invalidArgument(fn, `fixedRoles[${i}].headcount`, "a finite number >= 0", r.headcount);
    const fte = r.fte ?? r.headcount;
    if (!(Number.isFinite(fte) && fte >= 0)) invalidArgument(fn, `fixedRoles[${i}].fte`, "a finite number >= 0", r.fte);
    roles.push({ role: r.role, basis: "fixed", agentsPerRole: null, fte, headcount: r.headcount });
  });
  return {
    roles,
    fte: roles.reduce((s, r) => s + r.fte, 0),
    headcount: roles.reduce((s, r) => s + r.headcount, 0),
  };
}
