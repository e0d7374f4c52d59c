/**
 * A tiny benchmark harness: runs a function until enough time has passed, reports the mean time
 * per call next to its target, with the CPU time (process.cpuUsage, user + system) beside the
 * wall time: on a shared, noisy machine the CPU time is the steadier figure. Benchmarks measure;
 * they never fail the test suite.
 */
export interface Measurement {
  readonly name: string;
  readonly meanSeconds: number;
  /** Mean CPU time (user + system) per run, seconds, when measured. */
  readonly meanCpuSeconds?: number;
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
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  let elapsed = 0;
  do {
    sink = fn();
    iterations++;
    elapsed = (performance.now() - start) / 1000;
  } while (elapsed < minSeconds && iterations < maxIterations);
  const cpu = process.cpuUsage(cpuStart);
  if (sink === Symbol.for("never")) console.log("");
  const meanSeconds = elapsed / iterations;
  const meanCpuSeconds = (cpu.user + cpu.system) / 1e6 / iterations;
  const met = meanSeconds < targetSeconds;
  const m = { name, meanSeconds, meanCpuSeconds, iterations, targetSeconds, met };
  report(m);
  return m;
}

/** CPU time (user + system) of this process since `since` (a `process.cpuUsage()` reading), seconds. */
export function cpuSecondsSince(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
}

/** Prints one measurement line (for benchmarks that time things themselves). */
export function report(m: Measurement): void {
  const cpu = m.meanCpuSeconds === undefined ? "" : ` (CPU ${formatSeconds(m.meanCpuSeconds)})`;
  console.log(
    `${m.name}: ${formatSeconds(m.meanSeconds)}${cpu} per run over ${m.iterations} runs (target < ${formatSeconds(m.targetSeconds)}) ${m.met ? "met" : "MISSED"}`,
  );
}

/**
 * Same as {@link report} for a one-shot timing in seconds; `cpuSeconds` (e.g. from
 * {@link cpuSecondsSince}) is printed beside the wall time when given.
 */
export function reportOnce(name: string, seconds: number, targetSeconds: number, cpuSeconds?: number): Measurement {
  const m = { name, meanSeconds: seconds, iterations: 1, targetSeconds, met: seconds < targetSeconds, ...(cpuSeconds === undefined ? {} : { meanCpuSeconds: cpuSeconds }) };
  report(m);
  return m;
}
