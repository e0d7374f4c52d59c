/**
 * Browser bundle size of the core: an app importing only `erlangC` from the built package
 * (dist/, run `npm run build` first), bundled and minified by esbuild for the browser, against
 * the target "a few kilobytes, without decimal.js or HiGHS"; and the whole core for reference.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dir = mkdtempSync(join(tmpdir(), "wfm-bundle-"));
const entry = (name: string, code: string) => {
  const path = join(dir, name);
  writeFileSync(path, code);
  return path;
};
const core = join(root, "dist", "index.js");

async function size(name: string, code: string, targetBytes: number | null): Promise<void> {
  const result = await build({ entryPoints: [entry(`${name}.mjs`, code)], bundle: true, platform: "browser", format: "esm", minify: true, write: false, metafile: true, logLevel: "silent", outdir: join(dir, "out") });
  const bytes = result.outputFiles[0]!.contents;
  // Inputs that put bytes into the output (tree-shaken modules stay listed with none).
  const used = Object.values(result.metafile.outputs).flatMap((o) => Object.entries(o.inputs).filter(([, i]) => i.bytesInOutput > 0).map(([f]) => f));
  const heavy = used.filter((f) => /node_modules\/(highs|decimal\.js|vega|zod)\//.test(f)).map((f) => f.replace(/.*node_modules\/([^/]+)\/.*/, "$1"));
  const pulled = heavy.length === 0 ? "no decimal.js, HiGHS, vega or zod" : `pulls ${[...new Set(heavy)].join(", ")}`;
  const target = targetBytes === null ? "" : ` (target < ${(targetBytes / 1024).toFixed(0)} KB, no decimal.js or HiGHS) ${bytes.length < targetBytes && heavy.length === 0 ? "met" : "MISSED"}`;
  console.log(`${name}: ${(bytes.length / 1024).toFixed(1)} KB minified, ${(gzipSync(bytes).length / 1024).toFixed(1)} KB gzipped; ${pulled}${target}`);
}

await size("import { erlangC }", `import { erlangC } from ${JSON.stringify(core)}; console.log(erlangC({ trafficErlangs: 10, agents: 12, ahtSeconds: 180 }).serviceLevel);\n`, 10 * 1024);
await size("import { requiredAgents, planStaffing }", `import { requiredAgents, planStaffing } from ${JSON.stringify(core)}; console.log(requiredAgents, planStaffing);\n`, null);
await size("import * (the whole core)", `import * as wfm from ${JSON.stringify(core)}; globalThis.wfm = wfm;\n`, null);
