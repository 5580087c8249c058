/**
 * Planning an import: recognise each file, work out the force-month it holds, hash it, and
 * decide before any row is read whether it is new, a re-issue that replaces a partition, the
 * same content again (nothing to do), or something to refuse.
 */
import path from 'node:path';
import { POLICE_UK_FORCES } from '../../domain/crime/forces.js';
import { parseMonth } from '../../domain/crime/month.js';
import type { SourceFile } from '../../ingest/discover.js';
import { parsePoliceUkFileName } from '../../ingest/police-uk/file-name.js';
import { sniffFile } from '../../ingest/sniff.js';
import type { Catalog } from '../catalog.js';
import { sourceId } from '../tables.js';
import { sha256File } from './hash.js';
import type { FileResult, PlannedSource } from './types.js';

type Recognised = { ok: true; source: PlannedSource } | { ok: false; result: FileResult };

export async function recognise(file: SourceFile, forceOption: string | undefined, onHashed: (bytes: number) => void): Promise<Recognised> {
  const refused = (reason: string, extra: Partial<FileResult> = {}): Recognised => ({
    ok: false,
    result: { file: file.displayName, kind: null, force: null, month: null, sha256: null, status: 'refused', rows: 0, rejected: 0, reason, partitions: [], ...extra },
  });
  const sniffed = await sniffFile(file.path);
  if (!sniffed.ok) {
    onHashed(file.bytes);
    return refused(sniffed.reason);
  }
  const { format } = sniffed;
  let force: string | null = null;
  let month: string | null = null;
  if (format.kind === 'force-extract') {
    force = forceOption ?? null;
  } else {
    const key = keyOf(file, format.kind, sniffed.firstRecord, sniffed.header);
    if (!key.ok) {
      onHashed(file.bytes);
      return refused(key.reason, { kind: format.kind });
    }
    ({ force, month } = key);
  }
  const sha256 = await sha256File(file.path);
  onHashed(file.bytes);
  return { ok: true, source: { path: file.path, displayName: file.displayName, bytes: file.bytes, format, header: sniffed.header, sha256, force, month } };
}

type Key = { ok: true; force: string; month: string } | { ok: false; reason: string };

/** The force-month of a police.uk file: from its name, or else from its first record. */
function keyOf(file: SourceFile, kind: string, first: readonly string[] | undefined, header: readonly string[]): Key {
  const parsed = parsePoliceUkFileName(path.basename(file.displayName));
  if (parsed.ok === true) {
    if (parsed.value.kind !== kind) {
      return { ok: false, reason: `the file name says ${parsed.value.kind} but the header is a police.uk ${kind} file` };
    }
    return { ok: true, force: parsed.value.force, month: parsed.value.month };
  }
  if (parsed.ok === false) return { ok: false, reason: parsed.reason };
  const fromContent = kind === 'stop-and-search' ? undefined : keyFromRecord(first, header);
  if (fromContent) return { ok: true, ...fromContent };
  return {
    ok: false,
    reason: `cannot tell which force and month this ${kind} file holds: name it YYYY-MM-<force>-${kind}.csv as police.uk does`,
  };
}

function keyFromRecord(first: readonly string[] | undefined, header: readonly string[]): { force: string; month: string } | undefined {
  if (!first) return undefined;
  const month = parseMonth(first[header.indexOf('Month')] ?? '');
  const reportedBy = first[header.indexOf('Reported by')] ?? '';
  const force = POLICE_UK_FORCES.find((f) => f.name === reportedBy)?.slug;
  return month && force ? { force, month } : undefined;
}

/** Sets each planned source's status against the catalog and against the rest of this import. */
export function decide(sources: readonly PlannedSource[], catalog: Catalog): { load: PlannedSource[]; results: Map<PlannedSource, FileResult> } {
  const results = new Map<PlannedSource, FileResult>();
  const lastForKey = new Map<string, PlannedSource>();
  const extractShas = importedExtractShas(catalog);
  for (const s of sources) {
    if (s.format.kind !== 'force-extract') lastForKey.set(sourceId({ table: s.format.table, force: s.force!, month: s.month! }), s);
  }
  const load: PlannedSource[] = [];
  const seenExtract = new Set<string>();
  for (const s of sources) {
    const base: FileResult = { file: s.displayName, kind: s.format.kind, force: s.force, month: s.month, sha256: s.sha256, status: 'imported', rows: 0, rejected: 0, partitions: [] };
    if (s.format.kind === 'force-extract') {
      if (extractShas.has(s.sha256) || seenExtract.has(s.sha256)) {
        results.set(s, { ...base, status: 'unchanged', reason: 'this exact file was imported before' });
      } else {
        seenExtract.add(s.sha256);
        results.set(s, base);
        load.push(s);
      }
      continue;
    }
    const id = sourceId({ table: s.format.table, force: s.force!, month: s.month! });
    const current = catalog.sources[id];
    const winner = lastForKey.get(id)!;
    if (winner !== s) {
      const same = winner.sha256 === s.sha256;
      results.set(s, { ...base, status: 'superseded', reason: same ? `same content as ${winner.displayName}` : `${winner.displayName} holds the same force-month and comes later` });
    } else if (current?.sourceSha256 === s.sha256) {
      results.set(s, { ...base, status: 'unchanged', rows: 0, reason: 'this force-month was already imported from identical content' });
    } else {
      results.set(s, { ...base, status: current ? 'replaced' : 'imported' });
      load.push(s);
    }
  }
  return { load, results };
}

function importedExtractShas(catalog: Catalog): Set<string> {
  const shas = new Set<string>();
  for (const imp of catalog.imports) {
    for (const f of imp.files) {
      if (f.kind === 'force-extract' && f.sha256 && (f.status === 'imported' || f.status === 'replaced')) shas.add(f.sha256);
    }
  }
  return shas;
}
