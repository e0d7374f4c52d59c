import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");

/**
 * The shared test material (`../shared` beside the clone, or `$WFM_SHARED`). The real-data suite
 * calls this at load time: when the folder is missing it throws, so `npm run test:real` fails
 * loudly instead of passing with nothing tested.
 */
export function sharedDir(): string {
  const dir = process.env.WFM_SHARED ? resolve(process.env.WFM_SHARED) : resolve(repoRoot, "..", "shared");
  if (!existsSync(join(dir, "DOMAIN.md"))) {
    throw new Error(
      `the real-data suite needs the shared test material at ${dir} (real call-centre data, reference values, ` +
        `benchmark instances); clone next to it or set WFM_SHARED`,
    );
  }
  return dir;
}

/** A path inside the shared material; throws when the file is missing. */
export function sharedFile(...parts: string[]): string {
  const path = join(sharedDir(), ...parts);
  if (!existsSync(path)) throw new Error(`missing shared test file ${path}`);
  return path;
}
