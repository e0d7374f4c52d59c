import type { Highs } from "highs";
import { WfmError, requireObject } from "../errors.js";
import type { ResolvedSkillModel } from "./model.js";
import type { SkillRequirement } from "./requirements.js";

/**
 * The skill-transfer staffing program of one interval, solved in integers with HiGHS.
 *
 * Bhulai, Koole and Pot (2008) staff a multi-skill centre by letting agents of a group be
 * "transferred" to any type they serve: y_gj >= 0 agents of group g work on type j, with
 * Σ_j y_gj <= x_g and Σ_g y_gj >= N_j (N_j the single-skill requirement of type j). By Hall's
 * (Gale's) theorem such a transfer exists exactly when, for every set A of types,
 *
 *   Σ_{g : skills(g) ∩ A ≠ ∅} x_g >= Σ_{j in A} N_j,
 *
 * which is the form solved here, with one change: the right-hand side of a set of two or more
 * types linked by shared agents is the pooled requirement N(A) <= Σ_{j in A} N_j (see
 * `./requirements.ts`), which credits the economy of scale of agents shared across A (without
 * it, a pooled team would never need fewer agents than dedicated ones). The program is
 *
 *   minimise Σ_g c_g x_g  subject to the rows above, x_g >= minimum_g, x_g integer.
 *
 * With handle times per agent group, a row's column g holds the group's relative speed on the
 * row's traffic instead of 1 (`groupWeights`, see `intervalRequirements`): the capacity of an
 * agent in standard agents of the types.
 *
 * With one skill per group, only single-type rows remain and x_g = N_j exactly. An optional
 * cross-trained share s adds Σ_{g with two or more skills} x_g >= s Σ_g x_g (a design with, e.g.,
 * 20% of its agents holding two skills).
 *
 * Reference: S. Bhulai, G. Koole, A. Pot, "Simple methods for shift scheduling in multiskill
 * call centers", Manufacturing & Service Operations Management 10(3), 2008, 411-420.
 *
 * @module
 */

/** Result of one interval's program. */
export interface TransferSolution {
  /** Agents per group (whole numbers). */
  readonly agents: readonly number[];
  /** Σ_g cost_g × agents_g (per hour). */
  readonly costPerHour: number;
}

/**
 * Solves the program of one interval (see the module comment).
 *
 * @param crossTrainedShare - least share of agents in groups with two or more skills, in [0, 1) (default 0)
 * @throws {WfmError} `solver-failed` when HiGHS fails or reports no optimum
 *
 * @example
 * ```ts
 * // Groups A, B and AB (cost 1.1); N_a = 60, N_b = 67, pooled N(a, b) = 122:
 * solveTransferProgram(highs, resolved, [{ types: [0], agents: 60 }, { types: [1], agents: 67 }, { types: [0, 1], agents: 122 }]).agents;
 * //=> [55, 62, 5]
 * ```
 */
export function solveTransferProgram(highs: Highs, resolved: ResolvedSkillModel, rows: readonly SkillRequirement[], crossTrainedShare = 0): TransferSolution {
  requireObject("solveTransferProgram", "highs", highs);
  requireObject("solveTransferProgram", "resolved", resolved, ["model", "intervalCount", "skills", "cost", "aht", "offered", "speed"]);
  const groups = resolved.skills.length;
  const minimum = resolved.model.agentGroups.map((g) => g.minimumAgents ?? 0);
  const useful = rows.filter((r) => r.agents > 0);
  if (useful.length === 0) {
    return { agents: minimum, costPerHour: minimum.reduce((s, x, g) => s + x * resolved.cost[g]!, 0) };
  }
  // Column g has a 1 in every row whose set meets skills(g); with a cross-trained share s, one
  // more row Σ_g (multi-skill ? 1 - s : -s) x_g >= 0.
  const shareRow = crossTrainedShare > 0 ? 1 : 0;
  const numRows = useful.length + shareRow;
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (let g = 0; g < groups; g++) {
    const skills = resolved.skills[g]!;
    useful.forEach((row, r) => {
      if (!row.types.some((j) => skills.includes(j))) return;
      const weight = row.groupWeights?.[g] ?? 1;
      if (weight > 0) (indices.push(r), values.push(weight));
    });
    if (shareRow === 1) (indices.push(useful.length), values.push(skills.length >= 2 ? 1 - crossTrainedShare : -crossTrainedShare));
    starts.push(indices.length);
  }
  const model = highs.createModel();
  try {
    model.options.set({ output_flag: false, random_seed: 0, mip_rel_gap: 0 });
    model.passModel({
      numCols: groups,
      numRows,
      colCost: Float64Array.from(resolved.cost),
      colLower: Float64Array.from(minimum),
      colUpper: new Float64Array(groups).fill(Number.POSITIVE_INFINITY),
      rowLower: Float64Array.from([...useful.map((r) => r.agents), ...(shareRow === 1 ? [0] : [])]),
      rowUpper: new Float64Array(numRows).fill(Number.POSITIVE_INFINITY),
      matrix: {
        format: "csc",
        numRows,
        numCols: groups,
        starts: Int32Array.from(starts),
        indices: Int32Array.from(indices),
        values: Float64Array.from(values),
      },
      integrality: new Int32Array(groups).fill(1),
    });
    const status = model.run().modelStatus;
    if (status !== highs.constants.modelStatus.optimal) {
      throw new WfmError({ code: "solver-failed", message: `staffSkills: HiGHS did not find the optimum of the staffing program (model status ${status})` });
    }
    const solution = model.getSolution().colValue;
    const agents = Array.from({ length: groups }, (_, g) => Math.round(solution[g]!) + 0);
    return { agents, costPerHour: agents.reduce((s, x, g) => s + x * resolved.cost[g]!, 0) };
  } finally {
    model.dispose();
  }
}
