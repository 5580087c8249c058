/**
 * Planning an import: recognise each file and the force-month it holds, then (once hashed)
 * decide before any row is read whether it is new, a re-issue that replaces a month, the same
 * content again (nothing to do), or something to refuse.
 */
import path from 'node:path';
import { POLICE_UK_FORCES } from '../../domain/crime/forces.js';
import { parseMonth } from '../../domain/crime/month.js';
import type { SourceFile } from './files/discover.js';
import { parsePoliceUkFileName } from './sources/police-uk/file-name.js';
import { prcSourceKey } from './sources/prc/format.js';
import { sniffFile } from './sniff.js';
import type { Catalog } from '../catalog.js';
import { sourceId } from '../tables.js';
import type { FileResult, PlannedSource } from './types.js';

/** A recognised source before its content is hashed. */
export type SniffedSource = Omit<PlannedSource, 'sha256'>;

type Recognised = { ok: true; source: SniffedSource } | { ok: false; result: FileResult };

/** What the file is and which force-month it holds, from its name and first bytes. */
export async function recognise(file: SourceFile, forceOption: string | undefined): Promise<Recognised> {
  const refused = (reason: string, extra: Partial<FileResult> = {}): Recognised => ({
    ok: false,
    result: {
      file: file.displayName,
      kind: null,
      force: null,
      month: null,
      sha256: null,
      status: 'refused',
      rows: 0,
      rejected: 0,
      reason,
      partitions: [],
      ...extra,
    },
  });
  const sniffed = await sniffFile(file.path);
  if (!sniffed.ok) return refused(sniffed.reason);
  const { format } = sniffed;
  let force: string | null;
  let month: string | null = null;
  if (format.kind === 'force-extract') {
    force = forceOption ?? null;
  } else {
    // A Home Office PRC table holds one financial year for all forces: keyed (all, first month).
    const key =
      format.kind === 'prc'
        ? prcSourceKey(sniffed.firstRecord, sniffed.header)
        : keyOf(file, format.kind, sniffed.firstRecord, sniffed.header);
    if (!key.ok) return refused(key.reason, { kind: format.kind });
    ({ force, month } = key);
  }
  return {
    ok: true,
    source: {
      path: file.path,
      displayName: file.displayName,
      bytes: file.bytes,
      format,
      header: sniffed.header,
      force,
      month,
    },
  };
}

type Key = { ok: true; force: string; month: string } | { ok: false; reason: string };

/** The force-month of a police.uk file: from its name, or else from its first record. */
function keyOf(file: SourceFile, kind: string, first: readonly string[] | undefined, header: readonly string[]): Key {
  const parsed = parsePoliceUkFileName(path.basename(file.displayName));
  if (parsed.ok === true) {
    if (parsed.value.kind !== kind) {
      return {
        ok: false,
        reason: `the file name says ${parsed.value.kind} but the header is a police.uk ${kind} file`,
      };
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

function keyFromRecord(
  first: readonly string[] | undefined,
  header: readonly string[],
): { force: string; month: string } | undefined {
  if (!first) return undefined;
  const month = parseMonth(first[header.indexOf('Month')] ?? '');
  const reportedBy = first[header.indexOf('Reported by')] ?? '';
  const force = POLICE_UK_FORCES.find((f) => f.name === reportedBy)?.slug;
  return month && force ? { force, month } : undefined;
}

const baseResult = (s: SniffedSource, sha256: string | null): FileResult => ({
  file: s.displayName,
  kind: s.format.kind,
  force: s.force,
  month: s.month,
  sha256,
  status: 'imported',
  rows: 0,
  rejected: 0,
  partitions: [],
});

/**
 * Two police.uk files for the same force-month in one import (two archive vintages, or a zip
 * and a folder): the later one is used and the earlier one is reported as superseded.
 */
export function resolveDuplicates(sources: readonly SniffedSource[]): {
  active: SniffedSource[];
  superseded: Map<SniffedSource, FileResult>;
} {
  const last = new Map<string, SniffedSource>();
  for (const s of sources)
    if (s.format.kind !== 'force-extract')
      last.set(sourceId({ table: s.format.table, force: s.force!, month: s.month! }), s);
  const active: SniffedSource[] = [];
  const superseded = new Map<SniffedSource, FileResult>();
  for (const s of sources) {
    const winner =
      s.format.kind === 'force-extract'
        ? s
        : last.get(sourceId({ table: s.format.table, force: s.force!, month: s.month! }))!;
    if (winner === s) active.push(s);
    else
      superseded.set(s, {
        ...baseResult(s, null),
        status: 'superseded',
        reason: `${winner.displayName} holds the same force-month and comes later in this import`,
      });
  }
  return { active, superseded };
}

/** Whether a hashed source needs loading: new, a re-issue, or the same content again. */
export function decide(s: PlannedSource, catalog: Catalog, extractShas: ReadonlySet<string>): FileResult {
  const base = baseResult(s, s.sha256);
  if (s.format.kind === 'force-extract') {
    return extractShas.has(s.sha256)
      ? { ...base, status: 'unchanged', reason: 'this exact file was imported before' }
      : base;
  }
  const current = catalog.sources[sourceId({ table: s.format.table, force: s.force!, month: s.month! })];
  if (current?.sourceSha256 === s.sha256)
    return { ...base, status: 'unchanged', reason: 'this force-month was already imported from identical content' };
  return { ...base, status: current ? 'replaced' : 'imported' };
}

/** SHA-256 of every force extract the warehouse has taken in. */
export function importedExtractShas(catalog: Catalog): Set<string> {
  const shas = new Set<string>();
  for (const imp of catalog.imports) {
    for (const f of imp.files) {
      if (f.kind === 'force-extract' && f.sha256 && (f.status === 'imported' || f.status === 'replaced'))
        shas.add(f.sha256);
    }
  }
  return shas;
}
