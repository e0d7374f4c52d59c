import type { TeamDesignComparison } from "../../skills/compare.js";
import type { SkillStaffing } from "../../skills/staff-skills.js";
import type { ReportSection, ReportTable } from "./document.js";

/**
 * The plan report's section for a centre with several contact types: the staffing by agent group
 * (when the config has groups) and the team design comparison, both simulated on the busiest day.
 *
 * @module
 */

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const fixed = (x: number, d = 1) => x.toFixed(d);

/** Options of {@link teamDesignSection}. */
export interface TeamDesignSectionOptions {
  /** The day simulated, `YYYY-MM-DD`. */
  readonly date: string;
  readonly comparison: TeamDesignComparison;
  /** The centre's own groups staffed by `staffSkills`, when the config has `agentGroups`. */
  readonly groups?: { readonly names: readonly string[]; readonly skills: readonly (readonly string[])[]; readonly staffing: SkillStaffing };
}

/**
 * Builds the "Teams and skills" section: the designs side by side (agents, FTE, cost, simulated
 * service level per type with its 95% interval), and the centre's groups when given.
 *
 * @example
 * ```ts
 * teamDesignSection({ date: "2026-12-01", comparison }).title; //=> "Teams and skills (busiest day, 2026-12-01)"
 * ```
 */
export function teamDesignSection(options: TeamDesignSectionOptions): ReportSection {
  const { date, comparison, groups } = options;
  const types = comparison.designs[0]?.serviceLevels.map((s) => s.type) ?? [];
  const tables: ReportTable[] = [
    {
      title: "Team designs",
      columns: ["design", "groups", "peak agents", "agent hours", "FTE", "cost", "2+ skills", ...types.map((t) => `SL ${t}`)],
      numeric: [1, 2, 3, 4, 5, 6, ...types.map((_, i) => 7 + i)],
      rows: comparison.designs.map((d) => [
        d.design,
        String(d.agentGroups.length),
        String(d.peakAgents),
        fixed(d.agentHours),
        fixed(d.fte),
        fixed(d.cost),
        pct(d.crossTrainedShare),
        ...d.serviceLevels.map((s) => `${pct(s.mean)} (${pct(s.lower)}-${pct(s.upper)})`),
      ]),
    },
  ];
  if (groups !== undefined) {
    tables.push({
      title: "Agent groups",
      columns: ["group", "skills", "peak agents", "agent hours", "cost"],
      numeric: [2, 3, 4],
      rows: groups.staffing.groups.map((g, i) => [groups.names[i]!, groups.skills[i]!.join(" > "), String(g.peakAgents), fixed(g.agentHours), fixed(g.cost)]),
    });
  }
  const method = comparison.designs[0]?.staffing.method ?? "";
  return {
    id: "teams",
    title: `Teams and skills (busiest day, ${date})`,
    paragraphs: [
      `The busiest day's voice contact types staffed as dedicated teams, one pooled team and partially cross-trained teams${groups === undefined ? "" : ", and by the centre's own agent groups"} (${method}). Service levels are simulated: the mean and 95% interval over the replications.`,
    ],
    tables,
  };
}
