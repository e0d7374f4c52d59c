import type { ScheduleProgress } from "../schedule/solve.js";
import { formatFixed, formatPercent } from "../io/render.js";
import type { CliIo } from "./io.js";

/**
 * The solver's progress on one rewritten stderr line (elapsed, best objective, gap), only when
 * stderr is a terminal: piped or captured output stays clean and deterministic.
 */
export function progressPrinter(io: CliIo): { onProgress?: (p: ScheduleProgress) => void; done: () => void } {
  if (!io.stderrIsTTY) return { done: () => undefined };
  let printed = false;
  return {
    onProgress: (p) => {
      printed = true;
      const best = p.bestObjective === null ? "-" : formatFixed(p.bestObjective, 2);
      const gap = p.gap === null ? "-" : formatPercent(p.gap, 2);
      io.stderr(`\rsolving: ${formatFixed(p.elapsedSeconds, 1)} s, best ${best}, gap ${gap}   `);
    },
    done: () => {
      if (printed) io.stderr("\n");
      printed = false;
    },
  };
}
