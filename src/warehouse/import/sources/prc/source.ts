/**
 * The Home Office police recorded crime (PRC) tables as an import source: recognised by their
 * exact header, keyed by the financial year of their first row (format.ts), one file per batch,
 * each file the whole of its year for every force (a re-issued release replaces it), parsed and
 * checked in JS and loaded by load.ts.
 */
import type { ImportSource } from '../import-source.js';
import { prcFormat, prcSourceKey } from './format.js';
import { loadPrcFile } from './load.js';

export const prcSource: ImportSource = {
  name: 'prc',
  formats: [prcFormat],
  holds: 'force-months',
  batching: 'one-file',
  keyOf: (_file, sniffed) => prcSourceKey(sniffed.firstRecord, sniffed.header),
  load: (batch, context) => loadPrcFile(batch[0]!, context),
};
