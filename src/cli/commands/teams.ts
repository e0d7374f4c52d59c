import type { Command } from "commander";
import { basename, resolve } from "node:path";
import { WfmError } from "../../errors.js";
import { writeFileAtomic } from "../../io/output.js";
import { formatFixed, formatPercent, renderTable, toJson, type TableColumn } from "../../io/render.js";
import { groupSkillsText } from "../../io/agent-groups-text.js";
import { readTeamsConfig } from "../../io/teams-config.js";
import { localeFormat, locales, type LocaleFormat } from "../../io/locale/index.js";
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
  locale?: string;
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

function renderComparison(result: TeamDesignComparison, config: TeamsConfig, file: string, format: "table" | "md", lf: LocaleFormat): string {
  const tm = lf.messages.teams;
  const m = tm.cli;
  const fixed = (v: number, d: number) => lf.digits(formatFixed(v, d));
  const pct = (v: number, d: number) => lf.digits(formatPercent(v, d));
  const plain = (v: number) => lf.digits(String(v));
  const design = (name: string) => tm.designs[name] ?? name;
  const interval = (sl: { mean: number; lower: number; upper: number }) => tm.interval(pct(sl.mean, 1), pct(sl.lower, 1), pct(sl.upper, 1));
  const titled = (title: string) => (lf.locale === "en" ? {} : { title });
  const heading = (text: string) => (format === "md" ? `### ${text}\n\n` : `${text}\n\n`);
  const bullet = format === "md" ? "- " : "  ";
  const parts: string[] = [];
  parts.push(`${m.heading(basename(file), plain(result.intervalCount), plain(result.intervalMinutes))}\n`);
  const offered = result.designs[0]?.staffing.intervals ?? [];
  for (const [j, c] of config.contactTypes.entries()) {
    const calls = offered.reduce((s, row) => s + row.offered[j]!, 0);
    parts.push(
      `${bullet}${m.contactType({
        name: c.name,
        contacts: fixed(calls, 0),
        aht: plain(c.ahtSeconds),
        target: pct(c.targetServiceLevel, 0),
        seconds: plain(c.targetAnswerSeconds),
        kind: `${c.deferred === true ? m.deferredKind : ""}${c.concurrency === undefined ? "" : m.chatKind(plain(c.concurrency))}`,
        escalation: c.escalation === undefined ? null : m.escalation(pct(c.escalation.share, 0), c.escalation.to),
      })}\n`,
    );
  }
  const first = result.designs[0];
  if (first !== undefined) parts.push(`${bullet}${m.method(tm.methods[first.staffing.method] ?? first.staffing.method)}\n`);
  parts.push(`${bullet}${m.fte(fixed(config.hoursPerFtePerMonth ?? 160, 0), pct(config.shrinkage ?? 0, 0))}\n`);
  parts.push(`${bullet}${m.sl(plain(config.simulation?.replications ?? 20))}\n`);
  parts.push("\n");
  parts.push(heading(m.designs));
  const types = config.contactTypes.map((c) => c.name);
  const k = tm.designColumns;
  const columns: TableColumn<TeamDesignResult>[] = [
    { key: "design", ...titled(k.design), value: (r) => design(r.design), align: "left" },
    { key: "groups", ...titled(k.groups), value: (r) => r.agentGroups.length, text: (r) => plain(r.agentGroups.length), align: "right" },
    { key: "peakAgents", title: lf.locale === "en" ? "peak agents" : k.peakAgents, value: (r) => r.peakAgents, text: (r) => plain(r.peakAgents), align: "right" },
    { key: "agentHours", title: m.agentHours, value: (r) => r.agentHours, text: (r) => fixed(r.agentHours, 1), align: "right" },
    { key: "fte", title: k.fte, value: (r) => r.fte, text: (r) => fixed(r.fte, 1), align: "right" },
    { key: "cost", ...titled(k.cost), value: (r) => r.cost, text: (r) => fixed(r.cost, 1), align: "right" },
    { key: "crossTrainedShare", title: k.crossTrained, value: (r) => r.crossTrainedShare, text: (r) => pct(r.crossTrainedShare, 0), align: "right" },
    ...types.map(
      (name, j): TableColumn<TeamDesignResult> => ({
        key: name,
        title: k.serviceLevel(name),
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
        `${bullet}${m.versus({
          design: design(d.design),
          base: design(base.design),
          saves: saving >= 0,
          hours: fixed(Math.abs(saving), 1),
          percent: pct(Math.abs(saving) / Math.max(base.agentHours, 1e-9), 1),
          fte: fixed(Math.abs(base.fte - d.fte), 1),
          cheaper: extra <= 0,
          cost: fixed(Math.abs(extra), 1),
        })}\n`,
      );
    }
  }
  const g = tm.groupColumns;
  for (const d of result.designs) {
    parts.push("\n");
    parts.push(heading(m.groupsOf(design(d.design))));
    const rows = d.agentGroups.map((group, i) => ({ g: group, totals: d.staffing.groups[i]! }));
    parts.push(
      renderTable(
        rows,
        [
          { key: "group", ...titled(g.group), value: (r) => r.g.name, align: "left" },
          { key: "skills", ...titled(g.skills), value: (r) => groupSkillsText(r.g, lf), align: "left" },
          { key: "costPerHour", title: m.costPerHour, value: (r) => r.g.costPerHour ?? 1, text: (r) => fixed(r.g.costPerHour ?? 1, 2), align: "right" },
          { key: "peakAgents", title: lf.locale === "en" ? "peak agents" : g.peakAgents, value: (r) => r.totals.peakAgents, text: (r) => plain(r.totals.peakAgents), align: "right" },
          { key: "agentHours", title: m.agentHours, value: (r) => r.totals.agentHours, text: (r) => fixed(r.totals.agentHours, 1), align: "right" },
          { key: "cost", ...titled(g.cost), value: (r) => r.totals.cost, text: (r) => fixed(r.totals.cost, 1), align: "right" },
        ],
        format,
      ),
    );
  }
  const text = parts.join("");
  return format === "md" && lf.dir === "rtl" ? `<div dir="rtl" lang="${lf.lang}">\n\n${text}\n</div>\n` : text;
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
      .option("--locale <locale>", "language of the table and md output: en or fa (Persian digits, right to left); json does not change", "en")
      .action(async (o: TeamsOptions) => {
        const format = parseChoiceOption("--format", o.format, formats);
        const lf = localeFormat(parseChoiceOption("--locale", o.locale ?? "en", locales));
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
            : renderComparison(result, config, o.config, format, lf);
        if (o.out === undefined) io.stdout(text);
        else writeFileAtomic(resolve(io.cwd, o.out), text, { inputs: [resolve(io.cwd, o.config)] });
      });
  },
};
