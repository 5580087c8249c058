/** The registry of importable formats, and recognition of a force extract by its header. */
import type { SourceFormat } from '../format.js';
import { streetFormat } from './police-uk/street.js';
import { outcomesFormat } from './police-uk/outcomes.js';
import { stopAndSearchFormat } from './police-uk/stop-and-search.js';
import { canonicalColumn, EXTRACT_OPTIONAL, EXTRACT_REQUIRED } from './force-extract/format.js';
import { prcFormat } from './prc/format.js';

export const POLICE_UK_FORMATS: readonly SourceFormat[] = [streetFormat, outcomesFormat, stopAndSearchFormat];

/** Formats recognised by their exact header: police.uk's three and the Home Office PRC table. */
export const EXACT_HEADER_FORMATS: readonly SourceFormat[] = [...POLICE_UK_FORMATS, prcFormat];

/**
 * A placeholder format for a recognised force extract: the real format needs the offence-code
 * reference table and is built by the importer (`forceExtractFormat`).
 */
const EXTRACT_MARKER: SourceFormat = {
  kind: 'force-extract',
  table: 'offences',
  header: [...EXTRACT_REQUIRED],
  headerOrder: 'any',
  optionalColumns: EXTRACT_OPTIONAL,
  select: {},
  checks: [],
};

export type ExtractDetection = { ok: true; format: SourceFormat; header: string[] } | { ok: false; reason?: string };

export function FORCE_EXTRACT_DETECTOR(header: readonly string[]): ExtractDetection {
  const canon = header.map(canonicalColumn);
  const required = EXTRACT_REQUIRED as readonly string[];
  const hits = required.filter((r) => canon.includes(r));
  if (hits.length === 0) return { ok: false };
  const missing = required.filter((r) => !canon.includes(r));
  if (missing.length > 0) {
    return { ok: false, reason: `force extract is missing required column(s) ${missing.join(', ')}` };
  }
  const known = new Set<string>([...required, ...EXTRACT_OPTIONAL]);
  const unknown = canon.filter((c) => !known.has(c));
  if (unknown.length > 0) {
    return {
      ok: false,
      reason: `force extract has unknown column(s) ${unknown.join(', ')}; the allowed columns are ${[...known].join(', ')}`,
    };
  }
  const dup = canon.find((c, i) => canon.indexOf(c) !== i);
  if (dup) return { ok: false, reason: `force extract has the column ${dup} twice` };
  return { ok: true, format: EXTRACT_MARKER, header: canon };
}
