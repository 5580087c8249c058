/**
 * Finds the repository root (the nearest folder with a package.json) from a module's URL.
 * The demo generator reads `data/areas/` at run time and runs both from `src/` (tsx, vitest) and
 * from `dist/src/` (compiled), so it walks up instead of assuming a fixed depth.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export function findRepoRoot(fromUrl: string = import.meta.url): string {
  let dir = path.dirname(fileURLToPath(fromUrl));
  for (;;) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${fileURLToPath(fromUrl)}`);
    dir = parent;
  }
}

/** The shipped Warwickshire + West Mercia area table. */
export function allianceAreaTablePath(): string {
  return path.join(findRepoRoot(), 'data', 'areas', 'warwickshire-west-mercia.csv');
}
