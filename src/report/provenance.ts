/**
 * Where crime figures came from: the police.uk files (force, month, file, SHA-256, import id) the
 * warehouse catalog records for the months and forces a figure covers. Why from the catalog: it is
 * the record of what was imported, so a figure in the document can be traced to the exact files,
 * and a re-issued month shows as a different file and import.
 */
import { monthRange, type Month } from '../domain/crime/month.js';
import type { Catalog } from '../warehouse/catalog.js';
import type { SourceFile } from './build-log.js';
import { monthName } from './dates.js';

export interface CrimeProvenance {
  readonly files: SourceFile[];
  readonly importIds: string[];
  /** "police.uk street-level crime, Warwickshire and West Mercia, April 2016 to March 2018: 48 files (imports ...)" */
  readonly summary: string;
}

export function crimeProvenance(
  catalog: Catalog,
  forces: readonly string[],
  from: Month,
  to: Month,
  forceNames: ReadonlyMap<string, string> = new Map(),
): CrimeProvenance {
  const months = new Set<string>(monthRange(from, to));
  const files = Object.values(catalog.sources)
    .filter((s) => s.table === 'street' && forces.includes(s.force) && months.has(s.month))
    .sort((a, b) => (a.force + a.month < b.force + b.month ? -1 : 1))
    .map((s): SourceFile => ({
      file: s.source,
      importId: s.importId,
      sha256: s.sourceSha256,
      force: s.force,
      month: s.month,
      table: s.table,
      rows: s.rows,
    }));
  const importIds = [...new Set(files.map((f) => f.importId!))].sort();
  const names = forces.map((f) => forceNames.get(f) ?? f).join(' and ');
  // The reader's source, as the business knows it; the files and imports are in the build log.
  const summary = `Police.uk street-level crime data (data.police.uk), ${names}, ${monthName(from)} to ${monthName(to)}. Contains public sector information licensed under the Open Government Licence v3.0.`;
  return { files, importIds, summary };
}

export { monthName } from './dates.js';
