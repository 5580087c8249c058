/**
 * Recognising a force extract by its header: forces name and order their columns as they
 * please, so a header is one when it has any of the required columns, and is then refused with
 * a reason when a required column is missing, a column is unknown or one is given twice.
 */
import type { SourceFormat } from '../../format.js';
import type { Detection } from '../import-source.js';
import { canonicalColumn, EXTRACT_OPTIONAL, EXTRACT_REQUIRED } from './format.js';
import { noun } from '../../../../domain/plural.js';

/**
 * The format sniffing reports for a recognised force extract. The real format needs the
 * offence-code table and the columns present, and is built by the loader (`forceExtractFormat`).
 */
export const EXTRACT_MARKER: SourceFormat = {
  kind: 'force-extract',
  title: 'force extract',
  table: 'offences',
  header: [...EXTRACT_REQUIRED],
  headerOrder: 'any',
  optionalColumns: EXTRACT_OPTIONAL,
  select: {},
  checks: [],
};

export function detectForceExtract(header: readonly string[]): Detection {
  const canon = header.map(canonicalColumn);
  const required = EXTRACT_REQUIRED as readonly string[];
  const hits = required.filter((r) => canon.includes(r));
  if (hits.length === 0) return { ok: false };
  const missing = required.filter((r) => !canon.includes(r));
  if (missing.length > 0) {
    return {
      ok: false,
      reason: `force extract is missing required ${noun(missing.length, 'column')} ${missing.join(', ')}`,
    };
  }
  const known = new Set<string>([...required, ...EXTRACT_OPTIONAL]);
  const unknown = canon.filter((c) => !known.has(c));
  if (unknown.length > 0) {
    return {
      ok: false,
      reason: `force extract has unknown ${noun(unknown.length, 'column')} ${unknown.join(', ')}; the allowed columns are ${[...known].join(', ')}`,
    };
  }
  const dup = canon.find((c, i) => canon.indexOf(c) !== i);
  if (dup) return { ok: false, reason: `force extract has the column ${dup} twice` };
  return { ok: true, format: EXTRACT_MARKER, header: canon };
}
