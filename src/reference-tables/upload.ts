/**
 * Area, population and indicator tables sent from the browser (issue 14): the same checks and
 * the same places in the workspace as `stra areas load`, `stra population load` and
 * `stra indicators import`, so a table loaded either way is the same table. Why a temporary
 * folder named like the user's file: the loaders read files and name them in their errors, and
 * the user must see *their* file name with the line and field, never a server path.
 */
import { mkdtemp, rm, writeFile, rename } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { StraError, inputError } from '../errors.js';
import { parseAreaTable } from '../warehouse/areas.js';
import { loadPopulationFile } from '../population/load.js';
import { importIndicatorsCsv } from '../indicators/import-csv.js';
import { indicatorPaths } from '../indicators/store.js';
import type { WorkspacePaths } from '../workspace/workspace.js';
import { plural } from '../domain/plural.js';

export const REFERENCE_KINDS = ['areas', 'population', 'indicators'] as const;
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];

export interface ReferenceLoaded {
  readonly kind: ReferenceKind;
  readonly file: string;
  readonly sha256: string;
  readonly rows: number;
  /** What the table covers, in words ("2 forces: kent, thames-valley"; "312 areas, mid-2019"). */
  readonly summary: string;
}

/** The file name as kept in the workspace: its base name, other characters as `_`. */
export const safeName = (name: string): string => path.basename(name).replace(/[^A-Za-z0-9._-]/g, '_');

/** The forces an area table's rows name, after its rows are checked (file, line and field named). */
export function areaTableForces(text: string, name: string): { rows: number; forces: string[] } {
  const rows = parseAreaTable(text, name);
  return { rows: rows.length, forces: [...new Set(rows.map((r) => r.force))].sort() };
}

export async function loadReferenceTable(
  paths: WorkspacePaths,
  kind: ReferenceKind,
  name: string,
  text: string,
  user: string,
): Promise<ReferenceLoaded> {
  const file = safeName(name);
  if (!/\.csv$/i.test(file))
    throw inputError(`${name}: expected a .csv file`, { fields: [{ field: 'name', message: 'not a .csv file' }] });
  const sha256 = createHash('sha256').update(text).digest('hex');
  if (kind === 'areas') {
    const { rows, forces } = areaTableForces(text, file);
    // Written beside and renamed: a reader never sees half a table.
    const stored = path.join(paths.areas, file);
    await writeFile(`${stored}.part`, text);
    await rename(`${stored}.part`, stored);
    return {
      kind,
      file,
      sha256,
      rows,
      summary: `${forces.length} force${forces.length === 1 ? '' : 's'}: ${forces.join(', ')}`,
    };
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'stra-table-'));
  try {
    const temp = path.join(dir, file);
    await writeFile(temp, text);
    if (kind === 'population') {
      const r = await loadPopulationFile(temp, paths.warehouse);
      const years = r.years.length > 1 ? `${r.years[0]}-${r.years[r.years.length - 1]}` : String(r.years[0]);
      return { kind, file, sha256, rows: r.rows, summary: `${plural(r.areas, 'area')}, mid-${years}` };
    }
    const r = await importIndicatorsCsv(indicatorPaths(paths.root), temp, { user });
    return {
      kind,
      file,
      sha256,
      rows: r.rows,
      summary:
        r.status === 'unchanged'
          ? `nothing changed (${plural(r.unchanged, 'value')} already held)`
          : `${r.added} added, ${r.updated.length} replaced, ${r.unchanged} unchanged`,
    };
  } catch (err) {
    // Name the user's file, not the temporary folder.
    if (err instanceof StraError) {
      const strip = (t: string) => t.replaceAll(`${dir}${path.sep}`, '');
      const details =
        err.details === undefined
          ? undefined
          : (JSON.parse(strip(JSON.stringify(err.details))) as Record<string, unknown>);
      throw new StraError(err.code, strip(err.message), details);
    }
    throw err;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
