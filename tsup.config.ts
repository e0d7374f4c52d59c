import { readFileSync } from "node:fs";
import { defineConfig } from "tsup";

const { version } = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };

export default defineConfig({
  entry: {
    index: "src/index.ts",
    cli: "src/cli/index.ts",
    "solver-worker": "src/io/solver-worker.ts",
    "simulation-worker": "src/io/simulation-worker.ts",
    "staffing-worker": "src/io/staffing-worker.ts",
    // Its own chunk: money (decimal.js) is dropped by a bundler building an app that imports
    // only erlangC (the package has no side effects).
    money: "src/cost/money.ts",
  },
  format: ["esm", "cjs"],
  dts: { entry: { index: "src/index.ts", cli: "src/cli/index.ts" } },
  sourcemap: false,
  clean: true,
  target: "node20",
  splitting: true,
  treeshake: true,
  define: { __WFM_VERSION__: JSON.stringify(version) },
});
