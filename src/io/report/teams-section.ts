import type { TeamDesignComparison } from "../../skills/compare.js";
import type { PlanSkillSchedule } from "../../plan/plan-skills.js";
import type { SkillStaffing } from "../../skills/staff-skills.js";
import { localeFormat, type LocaleFormat } from "../locale/index.js";
import type { ReportSection, ReportTable } from "./document.js";

/**
 * The plan report's section for a centre with several contact types: the staffing by agent group
 * (when the config has groups) and the team design comparison, both simulated on the busiest day.
 *
 * @module
 */

/** Writers of a locale's figures, as the English text had them (`81.2%`, `12.5`). */
function writers(f: LocaleFormat) {
  return { pct: (x: number) => f.digits(`${(100 * x).toFixed(1)}%`), fixed: (x: number, d = 1) => f.digits(x.toFixed(d)), count: (n: number) => f.digits(String(n)) };
}

/** Options of {@link teamDesignSection}. */
export interface TeamDesignSectionOptions {
  /** The day simulated, `YYYY-MM-DD`. */
  readonly date: string;
  readonly comparison: TeamDesignComparison;
  /** The centre's own groups staffed by `staffSkills`, when the config has `agentGroups`. */
  readonly groups?: { readonly names: readonly string[]; readonly skills: readonly (readonly string[])[]; readonly staffing: SkillStaffing };
  /** The locale of the words and figures. @defaultValue English */
  readonly locale?: LocaleFormat;
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
  const f = options.locale ?? localeFormat("en");
  const m = f.messages.teams;
  const { pct, fixed, count } = writers(f);
  const types = comparison.designs[0]?.serviceLevels.map((s) => s.type) ?? [];
  const k = m.designColumns;
  const tables: ReportTable[] = [
    {
      title: m.designsTitle,
      columns: [k.design, k.groups, k.peakAgents, k.agentHours, k.fte, k.cost, k.crossTrained, ...types.map((t) => k.serviceLevel(t))],
      numeric: [1, 2, 3, 4, 5, 6, ...types.map((_, i) => 7 + i)],
      rows: comparison.designs.map((d) => [
        m.designs[d.design] ?? d.design,
        count(d.agentGroups.length),
        count(d.peakAgents),
        fixed(d.agentHours),
        fixed(d.fte),
        fixed(d.cost),
        pct(d.crossTrainedShare),
        ...d.serviceLevels.map((s) => m.interval(pct(s.mean), pct(s.lower), pct(s.upper))),
      ]),
    },
  ];
  if (groups !== undefined) {
    const g = m.groupColumns;
    tables.push({
      title: m.groupsTitle,
      columns: [g.group, g.skills, g.peakAgents, g.agentHours, g.cost],
      numeric: [2, 3, 4],
      rows: groups.staffing.groups.map((row, i) => [groups.names[i]!, groups.skills[i]!.join(m.skillSeparator), count(row.peakAgents), fixed(row.agentHours), fixed(row.cost)]),
    });
  }
  const method = comparison.designs[0]?.staffing.method ?? "";
  return {
    id: "teams",
    title: m.title(f.date(date)),
    paragraphs: [m.intro(groups !== undefined, m.methods[method] ?? method)],
    tables,
  };
}

/**
 * Adds the agent groups' simulated schedule (`plan.schedule.agentGroups`) to the plan report's
 * schedule section: a paragraph on how it was found, the groups' required and simulated agent
 * hours, and the simulated service level per contact type with its 95% interval. Sections are
 * returned unchanged when the plan has no agent groups.
 *
 * @param f - the locale of the words and figures (`localeFormat("fa")`: Persian). @defaultValue English
 * @example
 * ```ts
 * withAgentGroupSchedule(report.sections, plan.schedule?.agentGroups).find((s) => s.id === "schedule")?.tables?.at(-1)?.title;
 * //=> "Service level per contact type (simulated schedule)"
 * ```
 */
export function withAgentGroupSchedule(sections: readonly ReportSection[], schedule: PlanSkillSchedule | undefined, f: LocaleFormat = localeFormat("en")): ReportSection[] {
  if (schedule === undefined) return [...sections];
  const m = f.messages.groupSchedule;
  const { pct, fixed, count } = writers(f);
  const pctOrDash = (x: number | null) => (x === null ? "-" : pct(x));
  const tables: ReportTable[] = [
    {
      title: m.groupsTitle,
      columns: [...m.groupColumns],
      numeric: [2, 3, 4],
      rows: schedule.groups.map((g) => [g.group, g.skills.join(f.messages.teams.skillSeparator), count(g.peakRequired), fixed(g.requiredAgentHours), fixed(g.simulatedAgentHours)]),
    },
    {
      title: m.typesTitle,
      columns: [...m.typeColumns],
      numeric: [1, 2, 3, 5],
      rows: schedule.contactTypes.map((t) => [
        t.type,
        fixed(t.offered, 0),
        pct(t.targetServiceLevel),
        pctOrDash(t.serviceLevel),
        t.lower === null || t.upper === null ? "-" : m.range(pct(t.lower), pct(t.upper)),
        pctOrDash(t.abandonRate),
        t.missesTarget ? m.misses : m.meets,
      ]),
    },
  ];
  const paragraph = m.paragraph(count(schedule.replications), count(schedule.seed));
  return sections.map((s) => (s.id === "schedule" ? { ...s, paragraphs: [...(s.paragraphs ?? []), paragraph], tables: [...(s.tables ?? []), ...tables] } : s));
}
