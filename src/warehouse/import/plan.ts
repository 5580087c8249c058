/**
 * Step 3 of an import, planning, before any row is read: which file wins when two hold the same
 * force-month, how files are grouped into batches, and (once a file is hashed) whether it is
 * new, a re-issue that replaces a month, or the same content again with nothing to do.
 * Each source says what its files stand for and how they are batched (sources/import-source.ts).
 */
import type { Catalog } from '../catalog.js';
import { sourceId } from '../tables.js';
import { sourceOf, sourceOfKind } from './sources/registry.js';
import { recordedSha } from './files/fingerprint.js';
import type { FileResult, SniffedSource } from './types.js';

const holdsForceMonths = (s: SniffedSource) => sourceOf(s.format).holds === 'force-months';
const forceMonthOf = (s: SniffedSource) => sourceId({ table: s.format.table, force: s.force!, month: s.month! });

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
 * Two files for the same force-month in one import (two archive vintages, or a zip and a
 * folder): the later one is used and the earlier one is reported as superseded.
 */
export function resolveDuplicates(sources: readonly SniffedSource[]): {
  active: SniffedSource[];
  superseded: Map<SniffedSource, FileResult>;
} {
  const last = new Map<string, SniffedSource>();
  for (const s of sources) if (holdsForceMonths(s)) last.set(forceMonthOf(s), s);
  const active: SniffedSource[] = [];
  const superseded = new Map<SniffedSource, FileResult>();
  for (const s of sources) {
    const winner = holdsForceMonths(s) ? last.get(forceMonthOf(s))! : s;
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

/**
 * Files in batches: a source batched by whole months has its files grouped by kind, whole
 * months together (a month's file is rewritten once per batch that touches it), up to
 * `maxBytes`; every other file is a batch of its own. The first batch of a kind takes a quarter
 * of that: DuckDB waits for its files to be hashed and counted (files/scan.ts), and the later
 * batches are scanned while it loads.
 */
export function planBatches(load: readonly SniffedSource[], maxBytes: number): SniffedSource[][] {
  const out: SniffedSource[][] = [];
  const groups = new Map<string, SniffedSource[]>();
  for (const s of load) {
    if (sourceOf(s.format).batching === 'one-file') out.push([s]);
    else groups.set(`${s.format.kind}/${s.month}`, [...(groups.get(`${s.format.kind}/${s.month}`) ?? []), s]);
  }
  const byKind = new Map<string, SniffedSource[][]>();
  for (const [key, group] of [...groups.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const kind = key.split('/')[0]!;
    byKind.set(kind, [...(byKind.get(kind) ?? []), group]);
  }
  for (const monthGroups of byKind.values()) {
    let current: SniffedSource[] = [];
    let bytes = 0;
    let limit = maxBytes / 4;
    for (const group of monthGroups) {
      const size = group.reduce((a, s) => a + s.bytes, 0);
      if (current.length > 0 && bytes + size > limit) {
        limit = maxBytes;
        out.push(current);
        current = [];
        bytes = 0;
      }
      current.push(...group);
      bytes += size;
    }
    if (current.length) out.push(current);
  }
  return out;
}

/**
 * Whether a hashed file needs loading: new, a re-issue, or the same content again. Files that
 * stand for force-months compare with the content the catalog holds for theirs; files of
 * records compare with every file of their kind the warehouse has taken in (`contentShas`).
 */
export function decide(
  s: SniffedSource & { readonly sha256: string },
  catalog: Catalog,
  contentShas: ReadonlySet<string>,
): FileResult {
  const base = baseResult(s, s.sha256);
  if (!holdsForceMonths(s)) {
    return contentShas.has(s.sha256)
      ? { ...base, status: 'unchanged', reason: 'this exact file was imported before' }
      : base;
  }
  const current = catalog.sources[forceMonthOf(s)];
  if (current?.sourceSha256 === s.sha256)
    return { ...base, status: 'unchanged', reason: 'this force-month was already imported from identical content' };
  return { ...base, status: current ? 'replaced' : 'imported' };
}

/**
 * Files that need not be read at all: unchanged since an import hashed them (same path, size,
 * times and inode: files/fingerprint.ts), with that hash already what the warehouse holds for
 * them. Each is given with its recorded hash; every other file is hashed and counted as usual.
 */
export function recallUnchanged(
  sources: readonly SniffedSource[],
  catalog: Catalog,
  contentShas: ReadonlySet<string>,
): Map<SniffedSource, string> {
  const out = new Map<SniffedSource, string>();
  for (const s of sources) {
    const sha256 = recordedSha(s, catalog.fingerprints);
    if (sha256 && decide({ ...s, sha256 }, catalog, contentShas).status === 'unchanged') out.set(s, sha256);
  }
  return out;
}

/** SHA-256 of every file of records (force extracts) the warehouse has taken in. */
export function importedContentShas(catalog: Catalog): Set<string> {
  const shas = new Set<string>();
  for (const imp of catalog.imports) {
    for (const f of imp.files) {
      const holdsRecords = f.kind !== null && sourceOfKind(f.kind)?.holds === 'records';
      if (holdsRecords && f.sha256 && (f.status === 'imported' || f.status === 'replaced')) shas.add(f.sha256);
    }
  }
  return shas;
}
