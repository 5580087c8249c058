/**
 * `stra links import`: one device's export into one investigation, all or nothing. Why here (and
 * not in the store): reading the file needs the mappings and the file system, which the store
 * does not know; the store receives records only when every row was read. Decisions: any reject
 * refuses the whole file, listing each reject (file, line, field, why); tables no mapping fits
 * are reported, not imported; the same file twice on one device changes nothing.
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { StraError } from '../errors.js';
import { DEFAULT_REGION, isRegion } from '../domain/links/phone.js';
import type { RecordReject } from '../domain/links/records.js';
import {
  importDeviceRecords,
  recordRefusedImport,
  type Actor,
  type DeviceImportResult,
  type Store,
} from '../store/index.js';
import { loadMappings } from './mappings.js';
import { parseExport, type ParsedExport } from './parse-export.js';
import { plural } from '../domain/plural.js';

export interface ImportOptions {
  readonly investigation: string;
  readonly device: string;
  readonly mapping?: string | undefined;
  /** The region national numbers on this device are read in (default GB). */
  readonly region?: string | undefined;
  /** The workspace, for the user's saved mappings. */
  readonly workspaceRoot?: string | undefined;
}

export interface ImportReport extends DeviceImportResult {
  readonly file: string;
  readonly format: string;
  readonly tables: ParsedExport['tables'];
  readonly unmapped: ParsedExport['unmapped'];
}

export const describeReject = (r: RecordReject): string => `${r.source} line ${r.line}, ${r.field}: ${r.reason}`;

/** `path`: a file on disk, or an upload's name and bytes (the web app). */
export async function importExport(
  store: Store,
  actor: Actor,
  path: string | { readonly name: string; readonly bytes: Buffer },
  o: ImportOptions,
): Promise<ImportReport> {
  const name = basename(typeof path === 'string' ? path : path.name);
  const region = (o.region ?? DEFAULT_REGION).toUpperCase();
  if (!isRegion(region))
    throw new StraError('USAGE', `--region: '${o.region}' is not a country code (GB, US, CH, ...).`);
  const mappings = await loadMappings(o.workspaceRoot);
  const parsed = await parseExport(path, mappings, { mapping: o.mapping, region });
  if (parsed.rejects.length > 0) {
    // Kept for the investigation's page (who tried which file, how many rows were rejected), never the file.
    const rejected = new Set(parsed.rejects.map((r) => `${r.source}|${r.line}`)).size;
    await recordRefusedImport(store, actor, {
      investigation: o.investigation,
      device: o.device,
      fileName: name,
      sha256: createHash('sha256').update(parsed.bytes).digest('hex'),
      rowsRead: parsed.records.length + parsed.skipped + rejected,
      rejects: parsed.rejects,
    });
    const shown = parsed.rejects.slice(0, 20).map(describeReject).join('\n  ');
    const more =
      parsed.rejects.length > 20 ? `\n  ... and ${parsed.rejects.length - 20} more (--json lists them all)` : '';
    throw new StraError(
      'INPUT',
      `${name}: ${plural(parsed.rejects.length, 'row')} rejected, so nothing was imported:\n  ${shown}${more}`,
      { rejects: parsed.rejects },
    );
  }
  const result = await importDeviceRecords(store, actor, {
    investigation: o.investigation,
    device: o.device,
    fileName: name,
    sha256: createHash('sha256').update(parsed.bytes).digest('hex'),
    format: parsed.format,
    region,
    mappings: [...new Set(parsed.tables.map((t) => t.mapping))],
    records: parsed.records,
    skipped: parsed.skipped,
  });
  return { ...result, file: name, format: parsed.format, tables: parsed.tables, unmapped: parsed.unmapped };
}
