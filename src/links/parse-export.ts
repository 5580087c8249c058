/**
 * A whole export file read into records and rejects, each table through its mapping. Why
 * separate from storing: parsing needs no store and no actor, so it is tested on the real files
 * alone, and the store receives a file only when every row of it was read (all-or-nothing).
 */
import { StraError } from '../errors.js';
import type { LinkRecord, RecordReject } from '../domain/links/records.js';
import { applyMapping } from './apply-mapping.js';
import { chooseMapping, type KnownMapping } from './mappings.js';
import { readExport, readExportBytes, type ExportFormat } from './read-export.js';

export interface ParsedExport {
  readonly file: string;
  readonly format: ExportFormat;
  /** The file's bytes, for its SHA-256 (the same file is not imported twice). */
  readonly bytes: Buffer;
  readonly tables: readonly { source: string; mapping: string; records: number; rejects: number; skipped: number }[];
  /** Tables no mapping fits (a database's other tables): left out, and said so. */
  readonly unmapped: readonly { source: string; headers: readonly string[] }[];
  readonly records: readonly LinkRecord[];
  readonly rejects: readonly RecordReject[];
  readonly skipped: number;
}

export async function parseExport(
  file: string | { readonly name: string; readonly bytes: Buffer },
  mappings: readonly KnownMapping[],
  options: { mapping?: string | undefined; region?: string | undefined } = {},
): Promise<ParsedExport> {
  const detectors = mappings.map((m) => m.detect);
  const path = typeof file === 'string' ? file : file.name;
  const { format, tables, bytes } =
    typeof file === 'string'
      ? await readExport(file, detectors)
      : await readExportBytes(file.bytes, file.name, detectors);
  const out: ParsedExport['tables'][number][] = [];
  const unmapped: ParsedExport['unmapped'][number][] = [];
  const records: LinkRecord[] = [];
  const rejects: RecordReject[] = [];
  let skipped = 0;
  for (const table of tables) {
    const mapping = chooseMapping(table, mappings, tables.length === 1 ? options.mapping : undefined);
    if (mapping === undefined) {
      unmapped.push({ source: table.source, headers: table.headers });
      continue;
    }
    const m = applyMapping(table, mapping, options.region);
    for (const r of table.rejects ?? []) m.rejects.push(r);
    out.push({
      source: m.source,
      mapping: m.mapping,
      records: m.records.length,
      rejects: m.rejects.length,
      skipped: m.skipped,
    });
    // One at a time: spreading a table of a million calls into push() overflows the call stack.
    for (const r of m.records) records.push(r);
    for (const r of m.rejects) rejects.push(r);
    skipped += m.skipped;
  }
  if (out.length === 0) {
    const heads = unmapped.map((u) => `${u.source}: ${u.headers.slice(0, 12).join(', ')}`).join('\n  ');
    throw new StraError(
      'INPUT',
      `No column mapping fits ${path}${heads === '' ? ' (no tables found)' : `:\n  ${heads}`}\nName one with --mapping, or save one with \`stra links mapping save\`.`,
    );
  }
  return { file: path, format, bytes, tables: out, unmapped, records, rejects, skipped };
}
