/**
 * police.uk's street, outcomes and stop-and-search files as an import source: recognised by
 * their exact header, keyed by the force-month their name gives (key.ts), batched by whole
 * months, each file standing for its force-month (a re-issue replaces it), loaded by load.ts.
 */
import type { ImportSource } from '../import-source.js';
import { policeUkKey } from './key.js';
import { loadPoliceUkBatch } from './load.js';
import { outcomesFormat } from './outcomes.js';
import { stopAndSearchFormat } from './stop-and-search.js';
import { streetFormat } from './street.js';

export const policeUkSource: ImportSource = {
  name: 'police-uk',
  formats: [streetFormat, outcomesFormat, stopAndSearchFormat],
  holds: 'force-months',
  batching: 'whole-months',
  keyOf: (file, sniffed) => policeUkKey(file.displayName, sniffed),
  load: loadPoliceUkBatch,
};
