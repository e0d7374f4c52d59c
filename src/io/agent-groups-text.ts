import type { AgentGroup } from "../skills/model.js";
import { localeFormat, type LocaleFormat } from "./locale/index.js";

/**
 * Text of agent groups for the CLI tables (`wfm staff`, `wfm teams`, `wfm schedule`).
 *
 * @module
 */

/**
 * An agent group's skills as one cell of a table: priority order, then the group's own handle
 * times where it has them, in the wording and digits of the locale `lf` (English by default).
 *
 * @example
 * ```ts
 * groupSkillsText({ name: "juniors", skills: ["billing", "tech"], ahtSecondsByType: { tech: 480 } });
 * //=> "billing > tech (AHT tech 480 s)"
 * ```
 */
export function groupSkillsText(group: AgentGroup, lf: LocaleFormat = localeFormat("en")): string {
  const t = lf.messages.teams;
  const own = group.skills.flatMap((type) => {
    const seconds = group.ahtSecondsByType?.[type];
    return seconds === undefined ? [] : [t.ownHandleTime(type, lf.digits(String(Number(seconds.toFixed(1)))))];
  });
  return `${group.skills.join(t.skillSeparator)}${own.length === 0 ? "" : t.ownHandleTimes(own.join(lf.locale === "fa" ? "، " : ", "))}`;
}
