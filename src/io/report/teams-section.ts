import type { TeamDesignComparison } from "../../skills/compare.js";
import type { PlanSkillSchedule } from "../../plan/plan-skills.js";
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

/**
 * Adds the agent groups' simulated schedule (`plan.schedule.agentGroups`) to the plan report's
 * schedule section: a paragraph on how it was found, the groups' required and simulated agent
 * hours, and the simulated service level per contact type with its 95% interval. Sections are
 * returned unchanged when the plan has no agent groups.
 *
 * @example
 * ```ts
 * withAgentGroupSchedule(report.sections, plan.schedule?.agentGroups).find((s) => s.id === "schedule")?.tables?.at(-1)?.title;
 * //=> "Service level per contact type (simulated schedule)"
 * ```
 */
export function withAgentGroupSchedule(sections: readonly ReportSection[], schedule: PlanSkillSchedule | undefined): ReportSection[] {
  if (schedule === undefined) return [...sections];
  const pctOrDash = (x: number | null) => (x === null ? "-" : pct(x));
  const tables: ReportTable[] = [
    {
      title: "Agent groups (scheduled)",
      columns: ["group", "skills", "peak required", "required agent h (with shrinkage)", "agent h on contacts (simulated)"],
      numeric: [2, 3, 4],
      rows: schedule.groups.map((g) => [g.group, g.skills.join(" > "), String(g.peakRequired), fixed(g.requiredAgentHours), fixed(g.simulatedAgentHours)]),
    },
    {
      title: "Service level per contact type (simulated schedule)",
      columns: ["contact type", "contacts", "target", "service level", "95% interval", "abandoned", "meets target"],
      numeric: [1, 2, 3, 5],
      rows: schedule.contactTypes.map((t) => [
        t.type,
        fixed(t.offered, 0),
        pct(t.targetServiceLevel),
        pctOrDash(t.serviceLevel),
        t.lower === null || t.upper === null ? "-" : `${pct(t.lower)}-${pct(t.upper)}`,
        pctOrDash(t.abandonRate),
        t.missesTarget ? "no (with 95% confidence)" : "yes",
      ]),
    },
  ];
  const paragraph = `Each agent group is a team scheduled on its own requirement: the group's agents per interval from the skill-transfer program (Bhulai, Koole and Pot 2008), grossed up by shrinkage. The scheduled agents of all groups, less shrinkage, are simulated together with the groups' skills in priority order (${schedule.replications} replications, seed ${schedule.seed}).`;
  return sections.map((s) => (s.id === "schedule" ? { ...s, paragraphs: [...(s.paragraphs ?? []), paragraph], tables: [...(s.tables ?? []), ...tables] } : s));
}
