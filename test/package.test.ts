import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "./support/shared.js";

// `npm test` builds dist/ before running vitest; build here too when the suite runs alone.
beforeAll(() => {
  if (!existsSync(join(repoRoot, "dist", "index.js"))) execFileSync("npx", ["tsup"], { cwd: repoRoot, stdio: "ignore" });
});

const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

function importedSpecifiers(code: string): string[] {
  const found = new Set<string>();
  for (const pattern of [/\bfrom\s*["']([^"']+)["']/g, /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g, /\brequire\s*\(\s*["']([^"']+)["']\s*\)/g, /^\s*import\s+["']([^"']+)["']/gm]) {
    for (const match of code.matchAll(pattern)) found.add(match[1]!);
  }
  return [...found];
}

describe("the published package", () => {
  it("keeps the core bundle free of Node built-ins, so it runs in a browser", () => {
    for (const file of ["index.js", "index.cjs"]) {
      const code = readFileSync(join(repoRoot, "dist", file), "utf8");
      const specifiers = importedSpecifiers(code);
      expect(specifiers.filter((s) => builtins.has(s) || s.startsWith("node:"))).toEqual([]);
    }
  });

  it("the import scanner finds every import form a bundle can hold", () => {
    const sample = `import { a } from "node:fs";\nimport "path";\nconst b = require("os");\nconst c = await import("node:worker_threads");\nexport { d } from './d.js';`;
    expect(importedSpecifiers(sample).sort()).toEqual(["./d.js", "node:fs", "node:worker_threads", "os", "path"]);
  });

  it("keeps the core free of the CLI and report dependencies", () => {
    const specifiers = importedSpecifiers(readFileSync(join(repoRoot, "dist", "index.js"), "utf8"));
    for (const heavy of ["commander", "csv-parse", "csv-stringify", "vega", "vega-lite", "zod"]) {
      expect(specifiers).not.toContain(heavy);
    }
  });

  it("declares ESM, CJS and types in its exports map, with no side effects", () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as Record<string, any>;
    expect(pkg.sideEffects).toBe(false);
    expect(pkg.bin).toEqual({ wfm: "bin/wfm.js" });
    expect(pkg.exports["."].import.default).toBe("./dist/index.js");
    expect(pkg.exports["."].require.default).toBe("./dist/index.cjs");
    for (const target of [pkg.exports["."].import.default, pkg.exports["."].require.default, pkg.exports["."].import.types]) {
      expect(existsSync(join(repoRoot, target))).toBe(true);
    }
  });

  it("loads through both module systems", async () => {
    const esm = (await import(join(repoRoot, "dist", "index.js"))) as Record<string, unknown>;
    expect(typeof esm.WfmError).toBe("function");
    const out = execFileSync(process.execPath, ["-e", "const m = require('./dist/index.cjs'); console.log(typeof m.WfmError)"], {
      cwd: repoRoot,
      encoding: "utf8",
    });
    expect(out.trim()).toBe("function");
  });
});
