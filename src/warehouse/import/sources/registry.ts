/**
 * Every data source the import reads, in the order sniffing tries them. A new source is a
 * folder under sources/ with a `source.ts` implementing ImportSource, and one entry here.
 */
import type { SourceFormat } from '../format.js';
import { forceExtractSource } from './force-extract/source.js';
import type { ImportSource } from './import-source.js';
import { policeUkSource } from './police-uk/source.js';
import { prcSource } from './prc/source.js';

export const SOURCES: readonly ImportSource[] = [policeUkSource, prcSource, forceExtractSource];

/** Formats recognised by their exact header: police.uk's three and the Home Office PRC table. */
export const EXACT_HEADER_FORMATS: readonly SourceFormat[] = SOURCES.flatMap((s) =>
  s.formats.filter((f) => f.headerOrder === 'exact'),
);

/** The source that reads a kind of file (`street`, `prc`), or undefined for a kind none reads. */
export function sourceOfKind(kind: string): ImportSource | undefined {
  return SOURCES.find((s) => s.formats.some((f) => f.kind === kind));
}

/** The source of a format sniffing recognised. */
export function sourceOf(format: SourceFormat): ImportSource {
  const source = sourceOfKind(format.kind);
  if (!source) throw new Error(`no import source reads ${format.kind} files`);
  return source;
}
