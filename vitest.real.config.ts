import { defineConfig } from "vitest/config";

// The real-data suite: reads ../shared (real call-centre data, reference values, benchmark
// instances). It fails loudly when ../shared is missing: see test/support/shared.ts.
export default defineConfig({
  test: {
    include: ["test/**/*.real.test.ts"],
    // The real-data files run one at a time: the plan and DBAI tests each keep a core busy.
    fileParallelism: false,
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
