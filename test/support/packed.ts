import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoRoot } from "./shared.js";

/**
 * A consumer project with the packed tarball of wfm-kit installed, offline: `npm pack` (on the
 * built dist/, building it first when missing), the tarball unpacked into
 * `consumer/node_modules/wfm-kit`, and the repository's own installed packages linked beside it
 * as the dependencies a registry install would bring.
 */
export function packedConsumer(): { dir: string; packageDir: string; tarball: string } {
  if (!existsSync(join(repoRoot, "dist", "index.js"))) execFileSync("npx", ["tsup"], { cwd: repoRoot, stdio: "ignore" });
  const dir = mkdtempSync(join(tmpdir(), "wfm-consumer-"));
  const name = execFileSync("npm", ["pack", "--ignore-scripts", "--silent", "--pack-destination", dir], { cwd: repoRoot, encoding: "utf8" }).trim().split("\n").pop()!;
  const tarball = join(dir, name);
  const modules = join(dir, "node_modules");
  const packageDir = join(modules, "wfm-kit");
  mkdirSync(packageDir, { recursive: true });
  execFileSync("tar", ["-xzf", tarball, "-C", packageDir, "--strip-components=1"]);
  for (const entry of readdirSync(join(repoRoot, "node_modules"))) {
    if (entry === "wfm-kit" || entry === ".bin" || entry.startsWith(".")) continue;
    symlinkSync(join(repoRoot, "node_modules", entry), join(modules, entry));
  }
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "consumer", private: true }));
  return { dir, packageDir, tarball };
}
