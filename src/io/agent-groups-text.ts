import type { AgentGroup } from "../skills/model.js";

/**
 * Text of agent groups for the CLI tables (`wfm staff`, `wfm teams`, `wfm schedule`).
 *
 * @module
 */

/**
 * An agent group's skills as one cell of a table: priority order, then the group's own handle
 * times where it has them.
 *
 * @example
 * ```ts
 * groupSkillsText({ name: "juniors", skills: ["billing", "tech"], ahtSecondsByType: { tech: 480 } });
 * //=> "billing > tech (AHT tech 480 s)"
 * ```
 */
export function groupSkillsText(group: AgentGroup): string {
  const own = group.skills.flatMap((type) => {
    const seconds = group.ahtSecondsByType?.[type];
    return seconds === undefined ? [] : [`${type} ${Number(seconds.toFixed(1))} s`];
  });
  return `${group.skills.join(" > ")}${own.length === 0 ? "" : ` (AHT ${own.join(", ")})`}`;
}
