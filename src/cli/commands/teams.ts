import type { Command } from "commander";
import { basename, resolve } from "node:path";
import { WfmError } from "../../errors.js";
import { writeFileAtomic } from "../../io/output.js";
import { formatFixed, formatPercent, renderTable, toJson, type TableColumn } from "../../io/render.js";
import { groupSkillsText } from "../../io/agent-groups-text.js";
import { readTeamsConfig } from "../../io/teams-config.js";
import { compareTeamDesigns, type TeamDesignComparison, type TeamDesignResult } from "../../skills/compare.js";
import { teamDesigns, type TeamDesign } from "../../skills/designs.js";
import type { TeamsConfig } from "../../io/teams-config.js";
import { parseChoiceOption, parseNumberOption } from "../options.js";
import type { CommandModule } from "../command.js";
import type { CliIo } from "../io.js";

interface TeamsOptions {
  config: string;
  designs?: string;
  replications?: string;
  seed?: string;
  format: string;
  out?: string;
}

const formats = ["table", "json", "md"] as const;

function parseDesigns(raw: string, hasGroups: boolean): (TeamDesign | "current")[] {
  const allowed = [...teamDesigns, ...(hasGroups ? ["current"] : [])];
  const names = raw.split(",").map((s) => s.trim()).filter((s) => s !== "");
  const bad = names.filter((n) => !allowed.includes(n));
  if (names.length === 0 || bad.length > 0) {
    throw new WfmError({
      code: "invalid-option",
      option: "--designs",
      message: `expected a comma-separated list of ${allowed.join(", ")}${hasGroups ? "" : " (current needs agentGroups in the config)"}, got ${JSON.stringify(raw)}`,
      value: raw,
    });
  }
  return names as (TeamDesign | "current")[];
}

const interval = (sl: { mean: number; lower: number; upper: number }) => `${formatPercent(sl.mean, 1)} (${formatPercent(sl.lower, 1)}-${formatPercent(sl.upper, 1)})`;

function renderComparison(result: TeamDesignComparison, config: TeamsConfig, file: string, format: "table" | "md"): string {
  const heading = (text: string) => (format === "md" ? `### ${text}\n\n` : `${text}\n\n`);
  const bullet = format === "md" ? "- " : "  ";
  const parts: string[] = [];
  parts.push(`Team designs for ${basename(file)}: ${result.intervalCount} intervals of ${result.intervalMinutes} minutes\n`);
  const offered = result.designs[0]?.staffing.intervals ?? [];
  for (const [j, c] of config.contactTypes.entries()) {
    const tier = c.escalation === undefined ? "" : `, ${formatPercent(c.escalation.share, 0)} continue to ${c.escalation.to}`;
    const calls = offered.reduce((s, row) => s + row.offered[j]!, 0);
    parts.push(`${bullet}${c.name}: ${formatFixed(calls, 0)} contacts, AHT ${c.ahtSeconds} s, target ${formatPercent(c.targetServiceLevel, 0)}/${c.targetAnswerSeconds} s${c.deferred === true ? " (deferred: answered in idle time within the window)" : ""}${c.concurrency === undefined ? "" : ` (chat: ${c.concurrency} at once)`}${tier}\n`);
  }
  const first = result.designs[0];
  if (first !== undefined) parts.push(`${bullet}method: ${first.staffing.method}\n`);
  parts.push(`${bullet}FTE: paid agents for a month of such days (one FTE = ${formatFixed(config.hoursPerFtePerMonth ?? 160, 0)} h a month, shrinkage ${formatPercent(config.shrinkage ?? 0, 0)})\n`);
  parts.push(`${bullet}SL: simulated share answered within the target time over the horizon, mean (95% interval) of ${config.simulation?.replications ?? 20} replications\n`);
  parts.push("\n");
  parts.push(heading("Designs"));
  const types = config.contactTypes.map((c) => c.name);
  const columns: TableColumn<TeamDesignResult>[] = [
    { key: "design", value: (r) => r.design, align: "left" },
    { key: "groups", value: (r) => r.agentGroups.length, align: "right" },
    { key: "peakAgents", title: "peak agents", value: (r) => r.peakAgents, align: "right" },
    { key: "agentHours", title: "agent h", value: (r) => r.agentHours, text: (r) => formatFixed(r.agentHours, 1), align: "right" },
    { key: "fte", title: "FTE", value: (r) => r.fte, text: (r) => formatFixed(r.fte, 1), align: "right" },
    { key: "cost", value: (r) => r.cost, text: (r) => formatFixed(r.cost, 1), align: "right" },
    { key: "crossTrainedShare", title: "2+ skills", value: (r) => r.crossTrainedShare, text: (r) => formatPercent(r.crossTrainedShare, 0), align: "right" },
    ...types.map(
      (name, j): TableColumn<TeamDesignResult> => ({
        key: name,
        title: `SL ${name}`,
        value: (r) => r.serviceLevels[j]?.mean ?? null,
        text: (r) => (r.serviceLevels[j] === undefined ? "-" : interval(r.serviceLevels[j]!)),
        align: "right",
      }),
    ),
  ];
  parts.push(renderTable(result.designs, columns, format));
  const base = result.designs[0];
  if (base !== undefined && result.designs.length > 1) {
    parts.push("\n");
    for (const d of result.designs.slice(1)) {
      const saving = base.agentHours - d.agentHours;
      const extra = d.cost - base.cost;
      parts.push(
        `${bullet}${d.design} vs ${base.design}: ${saving >= 0 ? "saves" : "needs"} ${formatFixed(Math.abs(saving), 1)} agent-hours (${formatPercent(Math.abs(saving) / Math.max(base.agentHours, 1e-9), 1)}, ${formatFixed(Math.abs(base.fte - d.fte), 1)} FTE${saving >= 0 ? "" : " more"}) and costs ${formatFixed(Math.abs(extra), 1)} ${extra <= 0 ? "less" : "more"}\n`,
      );
    }
  }
  for (const d of result.designs) {
    parts.push("\n");
    parts.push(heading(`Groups of ${d.design}`));
    const rows = d.agentGroups.map((g, i) => ({ g, totals: d.staffing.groups[i]! }));
    parts.push(
      renderTable(
        rows,
        [
          { key: "group", value: (r) => r.g.name, align: "left" },
          { key: "skills", value: (r) => groupSkillsText(r.g), align: "left" },
          { key: "costPerHour", title: "cost/h", value: (r) => r.g.costPerHour ?? 1, text: (r) => formatFixed(r.g.costPerHour ?? 1, 2), align: "right" },
          { key: "peakAgents", title: "peak agents", value: (r) => r.totals.peakAgents, align: "right" },
          { key: "agentHours", title: "agent h", value: (r) => r.totals.agentHours, text: (r) => formatFixed(r.totals.agentHours, 1), align: "right" },
          { key: "cost", value: (r) => r.totals.cost, text: (r) => formatFixed(r.totals.cost, 1), align: "right" },
        ],
        format,
      ),
    );
  }
  return parts.join("");
}

/**
 * `wfm teams --config teams.json`: compares dedicated teams, one pooled team and partial
 * cross-training (and the centre's own groups) for the same contact types: agents, FTE, cost and
 * the simulated service level per type (see `compareTeamDesigns`).
 */
export const teamsCommand: CommandModule = {
  name: "teams",
  register(program: Command, io: CliIo) {
    program
      .command("teams")
      .description("compare team designs (dedicated, pooled, cross-trained): agents, FTE, cost, simulated service level per contact type")
      .requiredOption("--config <file>", "teams.json: contact types with volumes and targets, optional agent groups and routing (see `wfm schema teams`)")
      .option("--designs <list>", `designs to compare, comma-separated: ${teamDesigns.join(", ")}, current`)
      .option("--replications <n>", "simulation runs per check (default: the config's, else 20)")
      .option("--seed <n>", "seed of the simulation (default: the config's, else 1)")
      .option("--format <format>", `output format: ${formats.join(", ")}`, "table")
      .option("--out <file>", "write to a file (atomically) instead of stdout")
      .action(async (o: TeamsOptions) => {
        const format = parseChoiceOption("--format", o.format, formats);
        const config = readTeamsConfig(o.config, { cwd: io.cwd, option: "--config" });
        const designs = o.designs === undefined ? undefined : parseDesigns(o.designs, config.agentGroups !== undefined);
        const replications = o.replications === undefined ? undefined : parseNumberOption("--replications", o.replications, { min: 2, max: 1000, integer: true });
        const seed = o.seed === undefined ? undefined : parseNumberOption("--seed", o.seed, { integer: true });
        const simulation = {
          ...config.simulation,
          ...(replications === undefined ? {} : { replications }),
          ...(seed === undefined ? {} : { seed }),
        };
        const result = await compareTeamDesigns({
          intervalMinutes: config.intervalMinutes,
          contactTypes: config.contactTypes,
          ...(config.agentGroups === undefined ? {} : { agentGroups: config.agentGroups }),
          ...(config.routing === undefined ? {} : { routing: config.routing }),
          ...(designs === undefined ? {} : { designs }),
          ...(config.costPerHour === undefined ? {} : { costPerHour: config.costPerHour }),
          ...(config.crossTrainingPremium === undefined ? {} : { crossTrainingPremium: config.crossTrainingPremium }),
          ...(config.crossTrainedShare === undefined ? {} : { crossTrainedShare: config.crossTrainedShare }),
          ...(config.hoursPerFtePerMonth === undefined ? {} : { hoursPerFtePerMonth: config.hoursPerFtePerMonth }),
          ...(config.shrinkage === undefined ? {} : { shrinkage: config.shrinkage }),
          simulation,
        });
        const text =
          format === "json"
            ? toJson({
                intervalMinutes: result.intervalMinutes,
                intervalCount: result.intervalCount,
                hoursPerFte: result.hoursPerFte,
                designs: result.designs.map((d) => ({
                  design: d.design,
                  agentGroups: d.agentGroups,
                  agentHours: d.agentHours,
                  peakAgents: d.peakAgents,
                  fte: d.fte,
                  cost: d.cost,
                  crossTrainedShare: d.crossTrainedShare,
                  serviceLevels: d.serviceLevels,
                  method: d.staffing.method,
                  groups: d.staffing.groups,
                  intervals: d.staffing.intervals.map((r) => ({ index: r.index, offered: r.offered, programAgents: r.programAgents, agents: r.agents, serviceLevels: r.serviceLevels })),
                })),
              })
            : renderComparison(result, config, o.config, format);
        if (o.out === undefined) io.stdout(text);
        else writeFileAtomic(resolve(io.cwd, o.out), text, { inputs: [resolve(io.cwd, o.config)] });
      });
  },
};
