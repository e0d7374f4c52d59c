/**
 * The search every `requiredAgents*` function runs: the smallest number of agents N whose metrics
 * meet the targets, for a `meets(N)` that is monotone in N (false, then true from some N on).
 * First a bracket [low, high] with `meets(high)` and not `meets(low)`, in doubling steps, then
 * bisection: O(log N) evaluations of the queue.
 *
 * @module
 */

/**
 * What a required-agents search answers: the smallest N meeting every target with the metrics
 * there and at N - 1 (null when N is the smallest allowed), or why no N does.
 */
export type RequiredAgentsOutcome<Metrics> =
  | { readonly feasible: true; readonly agents: number; readonly metrics: Metrics; readonly atOneFewer: Metrics | null }
  | { readonly feasible: false; readonly agents: null; readonly reason: string };

/**
 * Bisection on a bracket: the smallest N in (low, high] with `meets(N)`, given `meets(high)` and
 * not `meets(low)`.
 *
 * @example
 * ```ts
 * bisectSmallestAgents(0, 64, (n) => n >= 37); //=> 37
 * ```
 */
export function bisectSmallestAgents(low: number, high: number, meets: (agents: number) => boolean): number {
  while (high - low > 1) {
    const mid = low + Math.floor((high - low) / 2);
    if (meets(mid)) high = mid;
    else low = mid;
  }
  return high;
}

/**
 * A bracket around a first guess: when the guess meets the targets, down in doubling steps (1, 2,
 * 4, ...) while they are still met, never below `lower` (whose predecessor counts as failing);
 * otherwise up in doubling steps until they are met. Returns `[low, high]` for
 * {@link bisectSmallestAgents}.
 *
 * @example
 * ```ts
 * bracketAroundGuess(40, 0, (n) => n >= 37); //=> [33, 37] (tries 40, 39, 37, 33)
 * ```
 */
export function bracketAroundGuess(guess: number, lower: number, meets: (agents: number) => boolean): [number, number] {
  let low: number;
  let high: number;
  let step = 1;
  if (meets(guess)) {
    high = guess;
    low = guess - 1;
    while (low >= lower && meets(low)) {
      high = low;
      step *= 2;
      low = Math.max(lower - 1, high - step);
    }
  } else {
    low = guess;
    high = guess + 1;
    while (!meets(high)) {
      low = high;
      step *= 2;
      high = low + step;
    }
  }
  return [low, high];
}

/**
 * A bracket upward from 0 agents (known to fail): from ⌈A⌉ in steps of ⌈√A⌉ that double, never
 * above `cap`. Returns `[low, high]` for {@link bisectSmallestAgents}, or null when even `cap`
 * agents miss the targets.
 *
 * @example
 * ```ts
 * bracketUpward(30, 100, (n) => n >= 37); //=> [36, 48] (tries 30, 36, 48)
 * ```
 */
export function bracketUpward(trafficErlangs: number, cap: number, meets: (agents: number) => boolean): [number, number] | null {
  let low = 0;
  let high = Math.max(1, Math.min(cap, Math.ceil(trafficErlangs)));
  let step = Math.max(1, Math.ceil(Math.sqrt(trafficErlangs)));
  while (!meets(high)) {
    if (high >= cap) return null;
    low = high;
    high = Math.min(cap, high + step);
    step *= 2;
  }
  return [low, high];
}
