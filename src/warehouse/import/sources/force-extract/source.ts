/**
 * A force's own crime extract as an import source: recognised by its columns in any order
 * (detect.ts), filed under the force in its `force` column or given by --force, one file per
 * batch, its records merged by crime reference with those already stored (load.ts).
 */
import type { ImportSource } from '../import-source.js';
import { detectForceExtract, EXTRACT_MARKER } from './detect.js';
import { loadForceExtract } from './load.js';

export const forceExtractSource: ImportSource = {
  name: 'force-extract',
  formats: [EXTRACT_MARKER],
  detect: detectForceExtract,
  holds: 'records',
  batching: 'one-file',
  keyOf: (_file, _sniffed, forceOption) => ({ ok: true, force: forceOption ?? null, month: null }),
  load: (batch, context) => loadForceExtract(batch[0]!, context),
};
