/**
 * The packed package, installed in a consumer project (offline, see test/support/packed.ts),
 * loads through every condition of every entry point its exports map promises: ESM `import`,
 * CommonJS `require` (including `wfm-kit/cli`, which must not hit vega's top-level await), the
 * `bin`, and TypeScript with `bundler` and `node16` resolution; the core bundles for a browser
 * with no flags.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { packedConsumer } from "./support/packed.js";
import { repoRoot } from "./support/shared.js";

let consumer: ReturnType<typeof packedConsumer>;
beforeAll(() => {
  consumer = packedConsumer();
}, 120_000);

const node = (args: readonly string[]) => execFileSync(process.execPath, args, { cwd: consumer.dir, encoding: "utf8" }).trim();

const erlang = "erlangC({ callsPerInterval: 100, intervalSeconds: 1800, ahtSeconds: 180, agents: 14, targetAnswerSeconds: 20 }).serviceLevel.toFixed(4)";
const cli = 'let out = ""; const io = { stdout: (t) => { out += t; }, stderr: (t) => { out += t; }, cwd: process.cwd(), stderrIsTTY: false };';

describe("the packed package in a consumer project", () => {
  it("ships the MIT LICENSE and no prepare script", () => {
    const files = execFileSync("tar", ["-tzf", consumer.tarball], { encoding: "utf8" }).split("\n");
    expect(files).toContain("package/LICENSE");
    expect(readFileSync(join(consumer.packageDir, "LICENSE"), "utf8")).toMatch(/^MIT License/);
    const pkg = JSON.parse(readFileSync(join(consumer.packageDir, "package.json"), "utf8")) as { scripts?: Record<string, string>; license: string };
    expect(pkg.license).toBe("MIT");
    expect(pkg.scripts?.prepare).toBeUndefined();
  });

  it("imports the core and the CLI as ES modules", () => {
    const code = `import { erlangC } from "wfm-kit"; import { main } from "wfm-kit/cli"; ${cli} const status = await main(["--version"], io); console.log(${erlang}, status, out.trim());`;
    const version = (JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { version: string }).version;
    expect(node(["--input-type=module", "-e", code])).toBe(`0.8884 0 ${version}`);
  });

  it("requires the core and the CLI from CommonJS, and the CLI runs a command", () => {
    const code = `const { erlangC } = require("wfm-kit"); const { main } = require("wfm-kit/cli"); ${cli} main(["erlang", "--calls", "100", "--interval", "30", "--aht", "180", "--target", "80/20", "--format", "json"], io).then((status) => console.log(${erlang}, status, JSON.parse(out).agents));`;
    expect(node(["-e", code])).toBe("0.8884 0 14");
    expect(node(["-e", 'console.log(require("wfm-kit/package.json").name)'])).toBe("wfm-kit");
  });

  it("runs the bin", () => {
    expect(node([join(consumer.packageDir, "bin", "wfm.js"), "erlang", "--calls", "100", "--interval", "30", "--aht", "180", "--target", "80/20", "--format", "json"])).toMatch(/"agents": 14/);
  });

  it.each(["bundler", "node16"] as const)("type-checks against the declarations with moduleResolution %s", (resolution) => {
    const dir = join(consumer.dir, `ts-${resolution}`);
    execFileSync("mkdir", ["-p", dir]);
    const module = resolution === "bundler" ? "esnext" : "node16";
    writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: { module, moduleResolution: resolution, target: "es2022", strict: true, noEmit: true, skipLibCheck: false, types: [] }, files: ["esm.mts", "cjs.cts"] }));
    const body = `const r = requiredAgents({ callsPerInterval: 100, intervalSeconds: 1800, ahtSeconds: 180, targetServiceLevel: 0.8 });\nconst n: number | null = r.agents;\nconst run: (argv: readonly string[]) => Promise<number> = main;\nexport { n, run };\n`;
    writeFileSync(join(dir, "esm.mts"), `import { requiredAgents } from "wfm-kit";\nimport { main } from "wfm-kit/cli";\n${body}`);
    writeFileSync(join(dir, "cjs.cts"), `import { requiredAgents } from "wfm-kit";\nimport { main } from "wfm-kit/cli";\n${body}`);
    const tsc = join(repoRoot, "node_modules", "typescript", "bin", "tsc");
    expect(() => execFileSync(process.execPath, [tsc, "-p", dir], { cwd: dir, encoding: "utf8", stdio: "pipe" })).not.toThrow();
  }, 60_000);

  it("bundles the core for a browser with no flags, and a minimal erlangC import pulls in neither the solver nor decimal.js", async () => {
    const { build } = await import("esbuild");
    writeFileSync(join(consumer.dir, "all.mjs"), 'import * as wfm from "wfm-kit"; globalThis.wfm = wfm;\n');
    const all = await build({ entryPoints: [join(consumer.dir, "all.mjs")], bundle: true, platform: "browser", write: false, absWorkingDir: consumer.dir, logLevel: "silent", outdir: join(consumer.dir, "out") });
    expect(all.errors).toEqual([]);
    writeFileSync(join(consumer.dir, "min.mjs"), `import { erlangC } from "wfm-kit"; console.log(${erlang});\n`);
    const min = await build({ entryPoints: [join(consumer.dir, "min.mjs")], bundle: true, platform: "browser", minify: true, write: false, absWorkingDir: consumer.dir, logLevel: "silent", metafile: true, outdir: join(consumer.dir, "out") });
    // Inputs that put bytes into the output (tree-shaken modules stay listed with none).
    const used = Object.values(min.metafile!.outputs).flatMap((o) => Object.entries(o.inputs).filter(([, i]) => i.bytesInOutput > 0).map(([f]) => f));
    expect(used.filter((f) => /node_modules\/(highs|decimal\.js)\//.test(f))).toEqual([]);
    expect(used.some((f) => f.includes("wfm-kit/dist/"))).toBe(true);
  }, 60_000);
});
