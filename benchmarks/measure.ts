/**
 * A tiny benchmark harness: runs a function until enough time has passed, reports the mean time
 * per call next to its target. Benchmarks measure; they never fail the test suite.
 */
export interface Measurement {
  readonly name: string;
  readonly meanSeconds: number;
  readonly iterations: number;
  readonly targetSeconds: number;
  readonly met: boolean;
}

function formatSeconds(seconds: number): string {
  if (seconds < 1e-6) return `${(seconds * 1e9).toFixed(1)} ns`;
  if (seconds < 1e-3) return `${(seconds * 1e6).toFixed(2)} us`;
  if (seconds < 1) return `${(seconds * 1e3).toFixed(2)} ms`;
  return `${seconds.toFixed(2)} s`;
}

/**
 * Times `fn` (after a warm-up) for at least `minSeconds` and prints
 * `name: 1.23 us per run (target < 2.00 us) met`.
 */
export function measure(
  name: string,
  fn: () => unknown,
  options: { targetSeconds: number; minSeconds?: number; warmup?: number; maxIterations?: number },
): Measurement {
  const { targetSeconds, minSeconds = 1, warmup = 3, maxIterations = 10_000_000 } = options;
  let sink: unknown;
  for (let i = 0; i < warmup; i++) sink = fn();
  let iterations = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    sink = fn();
    iterations++;
    elapsed = (performance.now() - start) / 1000;
  } while (elapsed < minSeconds && iterations < maxIterations);
  if (sink === Symbol.for("never")) console.log("");
  const meanSeconds = elapsed / iterations;
  const met = meanSeconds < targetSeconds;
  report({ name, meanSeconds, iterations, targetSeconds, met });
  return { name, meanSeconds, iterations, targetSeconds, met };
}

/** Prints one measurement line (for benchmarks that time things themselves). */
export function report(m: Measurement): void {
  console.log(
    `${m.name}: ${formatSeconds(m.meanSeconds)} per run over ${m.iterations} runs (target < ${formatSeconds(m.targetSeconds)}) ${m.met ? "met" : "MISSED"}`,
  );
}

/** Same as {@link report} for a one-shot timing in seconds. */
export function reportOnce(name: string, seconds: number, targetSeconds: number): Measurement {
  const m = { name, meanSeconds: seconds, iterations: 1, targetSeconds, met: seconds < targetSeconds };
  report(m);
  return m;
}
