/**
 * A force's copy of the official per-offence Cambridge Crime Harm Index table, kept in the
 * workspace once loaded (`stra harm weights load`), so analyses of force extracts can weight each
 * offence by its own CCHI days.
 */
import { copyFile, mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { inputError } from '../errors.js';
import type { WeightsTable } from '../domain/harm/weights.js';
import { loadForceCchiTable, loadOnsCssWeights } from './load-weights.js';

const FILE = 'cchi-offence.csv';

export async function storeForceCchiTable(
  file: string,
  harmDir: string,
): Promise<{ offences: number; stored: string }> {
  const table = loadForceCchiTable(file); // refuses a bad file naming line and field
  await mkdir(harmDir, { recursive: true });
  const stored = path.join(harmDir, FILE);
  await copyFile(file, stored);
  return { offences: table.weights.size, stored };
}

/** Per-offence weights by index name: `ons-css` (shipped) or `cchi-offence` (loaded by the force). */
export async function offenceWeights(index: string, harmDir: string): Promise<WeightsTable> {
  if (index === 'ons-css') return loadOnsCssWeights();
  if (index === 'cchi-offence') {
    const stored = path.join(harmDir, FILE);
    if (!(await stat(stored).catch(() => undefined))) {
      throw inputError(
        'no per-offence CCHI table in this workspace: export the official CCHI sheet to CSV and load it with stra harm weights load FILE',
      );
    }
    return loadForceCchiTable(stored, { edition: 'Cambridge Crime Harm Index, table loaded by the force' });
  }
  throw inputError(`--index: '${index}' is not a per-offence index; use ons-css or cchi-offence`);
}
