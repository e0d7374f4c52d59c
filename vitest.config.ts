import { defineConfig } from "vitest/config";

// The default suite: runs on a fresh clone, with no ../shared beside it.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/**/*.real.test.ts", "node_modules/**"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
