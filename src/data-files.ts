/**
 * Where the reference data shipped with OpenSTRA lives (`data/` at the package root: area
 * tables, harm weights, offence codes, scoring models). Found by walking up from this module,
 * which runs both from `src/` (tests) and from `dist/src/` (the built command).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

export function packageRoot(): string {
  if (cached) return cached;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('cannot find the OpenSTRA package root (no package.json above the code)');
    dir = parent;
  }
  cached = dir;
  return dir;
}

export function dataFile(...parts: string[]): string {
  return path.join(packageRoot(), 'data', ...parts);
}
