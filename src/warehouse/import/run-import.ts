/**
 * `stra import`: the whole import of a set of paths. Files are recognised from their first
 * bytes, grouped into batches of whole months, and each batch is published atomically (see
 * commit.ts). Content is hashed one batch ahead, while DuckDB loads the batch before, so the
 * SHA-256 that makes imports idempotent costs little time. A re-run after a crash or an
 * interruption imports only what did not land.
 */
import { appendFile, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { stringify } from 'csv-stringify/sync';
import { discoverSources, type SourceFile } from './files/discover.js';
import { readCatalog, type Catalog, type ImportRecord } from '../catalog.js';
import { openDuck } from '../duckdb.js';
import { acquireWriterLock } from '../lock.js';
import { sourceId } from '../tables.js';
import type { WorkspacePaths } from '../../workspace/workspace.js';
import { traced } from '../../trace.js';
import { StraError } from '../../errors.js';
import { NO_CHANGES, publish, removeOrphans } from './commit.js';
import { sha256File } from './files/hash.js';
import { decide, importedExtractShas, recognise, resolveDuplicates, type SniffedSource } from './plan.js';
import { loadPoliceUkBatch } from './sources/police-uk/load.js';
import { loadForceExtract } from './sources/force-extract/load.js';
import { loadPrcFile } from './sources/prc/load.js';
import type { FileResult, ImportProgress, ImportSummary, PlannedSource, RejectRow } from './types.js';

export interface ImportOptions {
  readonly paths: readonly string[];
  readonly user: string;
  readonly threads: number;
  readonly memoryLimit: string;
  readonly batchBytes: number;
  /** Default force for force extracts that have no `force` column. */
  readonly force?: string;
  readonly onProgress?: (p: ImportProgress) => void;
  /** Test hook: called before each batch's catalog commit. */
  readonly beforeCommit?: () => void | Promise<void>;
}

const SAMPLE = 5;

export async function runImport(ws: WorkspacePaths, options: ImportOptions): Promise<ImportSummary> {
  const lock = await acquireWriterLock(ws.lock);
  const id = newImportId();
  const staging = path.join(ws.staging, id);
  try {
    let catalog = await readCatalog(ws.catalog);
    await removeOrphans(catalog, ws.warehouse, ws.staging);
    await mkdir(staging, { recursive: true });
    const discovery = await traced('discover', () => discoverSources(options.paths, staging));
    const { sniffed, refused } = await traced('recognise', () => recogniseAll(discovery.files, options.force));
    const { active, superseded } = resolveDuplicates(sniffed);
    const plan = batches(active, options.batchBytes);
    const hashes = hashInOrder(plan.flat());

    const results = new Map<SniffedSource, FileResult>(superseded);
    const order = [...sniffed];
    const position = new Map(discovery.files.map((f, i) => [f.displayName, i]));
    const allResults = (): FileResult[] =>
      [...refused, ...order.map((s) => results.get(s)).filter((r) => r !== undefined)].sort(
        (a, b) => position.get(a.file)! - position.get(b.file)!,
      );
    const record: ImportRecord = {
      id,
      startedAt: new Date().toISOString(),
      finishedAt: '',
      by: options.user,
      rejectsFile: null,
      files: [],
    };
    const rejectsFile = path.join(ws.rejects, `${id}.csv`);
    const extractShas = importedExtractShas(catalog);
    const progress = { bytesDone: 0, rowsDone: 0, bytesTotal: active.reduce((a, s) => a + s.bytes, 0) };
    const sql = await openDuck({
      threads: options.threads,
      memoryLimit: options.memoryLimit,
      tempDirectory: path.join(staging, 'duck-tmp'),
    });
    try {
      for (const [i, batch] of plan.entries()) {
        const hashed: PlannedSource[] = await Promise.all(
          batch.map(async (s) => ({ ...s, sha256: await hashes.get(s)! })),
        );
        const toLoad: PlannedSource[] = [];
        for (const [k, s] of hashed.entries()) {
          const r = decide(s, catalog, extractShas);
          results.set(batch[k]!, r);
          if (r.status !== 'unchanged') toLoad.push(s);
          if (s.format.kind === 'force-extract') extractShas.add(s.sha256);
        }
        if (toLoad.length > 0) {
          try {
            catalog = await loadAndPublish(i, toLoad, batch, hashed);
          } catch (err) {
            throw stoppedAt(err, batch, i === 0);
          }
        }
        progress.bytesDone += batch.reduce((a, s) => a + s.bytes, 0);
        options.onProgress?.({
          phase: 'load',
          filesDone: 0,
          filesTotal: active.length,
          bytesDone: progress.bytesDone,
          bytesTotal: progress.bytesTotal,
          rowsDone: progress.rowsDone,
        });
      }
    } finally {
      sql.close();
    }
    record.files = toRecords(allResults());
    record.finishedAt = new Date().toISOString();
    catalog = await publish(catalog, NO_CHANGES, {
      warehouseDir: ws.warehouse,
      catalogFile: ws.catalog,
      importRecord: record,
    });
    return summarise(id, allResults(), discovery.skipped, record.rejectsFile ? rejectsFile : null);

    async function loadAndPublish(
      i: number,
      toLoad: PlannedSource[],
      batch: SniffedSource[],
      hashed: PlannedSource[],
    ): Promise<Catalog> {
      const batchDir = path.join(staging, `batch-${i}`);
      const kind = toLoad[0]!.format.kind;
      const outcome =
        kind === 'force-extract'
          ? await traced('force extract', () => loadForceExtract(sql, toLoad[0]!, catalog, ws.warehouse, batchDir))
          : kind === 'prc'
            ? await traced('prc table', () => loadPrcFile(sql, toLoad[0]!, batchDir))
            : await traced(`batch ${i} (${toLoad.length} files)`, () =>
                loadPoliceUkBatch(sql, toLoad, catalog, ws.warehouse, batchDir),
              );
      for (const s of toLoad) {
        const r = results.get(batch[hashed.indexOf(s)]!)!;
        const per = outcome.perFile.get(s)!;
        r.rows = per.rows;
        r.rejected = per.rejected;
        r.rejects_sample = outcome.rejects.filter((x) => x.file === s.displayName).slice(0, SAMPLE);
        if (per.refusedReason) {
          r.status = 'refused';
          r.reason = per.refusedReason;
        }
        r.partitions = outcome.changes.sources.filter((x) => x.source === s.displayName).map((x) => sourceId(x));
        progress.rowsDone += per.rows + per.rejected;
      }
      if (outcome.rejects.length > 0) {
        await appendRejects(rejectsFile, outcome.rejects, record.rejectsFile === null);
        record.rejectsFile = path.relative(ws.warehouse, rejectsFile);
      }
      record.files = toRecords(allResults());
      const next = await publish(catalog, outcome.changes, {
        warehouseDir: ws.warehouse,
        catalogFile: ws.catalog,
        importRecord: { ...record, finishedAt: new Date().toISOString() },
        beforeCommit: options.beforeCommit,
      });
      await rm(batchDir, { recursive: true, force: true });
      return next;
    }
  } finally {
    await rm(staging, { recursive: true, force: true });
    await lock.release();
  }
}

async function recogniseAll(
  files: readonly SourceFile[],
  force: string | undefined,
): Promise<{ sniffed: SniffedSource[]; refused: FileResult[] }> {
  const sniffed: SniffedSource[] = [];
  const refused: FileResult[] = [];
  for (const f of files) {
    const r = await recognise(f, force);
    if (r.ok) sniffed.push(r.source);
    else refused.push(r.result);
  }
  return { sniffed, refused };
}

/** Hashes files one after another, in the order batches will need them. */
function hashInOrder(files: readonly SniffedSource[]): Map<SniffedSource, Promise<string>> {
  const out = new Map<SniffedSource, Promise<string>>();
  let previous: Promise<unknown> = Promise.resolve();
  for (const f of files) {
    const next = previous.then(() => sha256File(f.path));
    out.set(f, next);
    previous = next.catch(() => undefined); // a failed hash is reported where it is awaited
  }
  return out;
}

/**
 * Police.uk files batched by kind, whole months together (a month's file is rewritten once per
 * batch that touches it), up to `maxBytes`; each force extract and each PRC table is a batch of
 * its own.
 */
function batches(load: readonly SniffedSource[], maxBytes: number): SniffedSource[][] {
  const out: SniffedSource[][] = [];
  const groups = new Map<string, SniffedSource[]>();
  for (const s of load) {
    if (s.format.kind === 'force-extract' || s.format.kind === 'prc') out.push([s]);
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
    for (const group of monthGroups) {
      const size = group.reduce((a, s) => a + s.bytes, 0);
      if (current.length > 0 && bytes + size > maxBytes) {
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

async function appendRejects(file: string, rejects: readonly RejectRow[], withHeader: boolean): Promise<void> {
  const rows = rejects.map((r) => [r.file, r.line, r.column, r.reason]);
  await appendFile(file, stringify(rows, { header: withHeader, columns: ['file', 'line', 'column', 'reason'] }));
}

function toRecords(results: readonly FileResult[]): ImportRecord['files'] {
  return results.map((r) => ({
    source: r.file,
    sha256: r.sha256,
    kind: r.kind,
    force: r.force,
    month: r.month,
    status: r.status,
    rows: r.rows,
    rejected: r.rejected,
    ...(r.reason ? { reason: r.reason } : {}),
    partitions: r.partitions,
  }));
}

function summarise(
  id: string,
  results: FileResult[],
  skipped: { file: string; reason: string }[],
  rejectsReport: string | null,
): ImportSummary {
  const landed = results.filter((r) => r.status === 'imported' || r.status === 'replaced');
  return {
    import_id: id,
    files: results.length,
    imported: landed.reduce((a, r) => a + r.rows, 0),
    rejected: results.reduce((a, r) => a + r.rejected, 0),
    skipped_files: [
      ...skipped,
      ...results.filter((r) => r.status === 'refused').map((r) => ({ file: r.file, reason: r.reason ?? 'refused' })),
    ],
    by_file: results,
    rejects_report: rejectsReport,
  };
}

/** A failure mid-import as a message that says what was kept and what to do. */
function stoppedAt(err: unknown, batch: readonly SniffedSource[], first: boolean): Error {
  if (err instanceof StraError) return err;
  const detail = err instanceof Error ? err.message : String(err);
  const full = /ENOSPC|No space left/i.test(detail);
  return new StraError(
    'IO',
    `import stopped while loading ${batch[0]!.displayName}${batch.length > 1 ? ` and ${batch.length - 1} other file(s)` : ''}: ` +
      `${full ? 'the disk is full' : detail}. ${first ? 'Nothing was imported' : 'Batches before it were imported; it and the rest were not'}, ` +
      `and the warehouse is as it was before this batch. ${full ? 'Free some space, then run' : 'Fix the cause and run'} the same command again: files already imported are skipped.`,
    { cause: detail },
  );
}

function newImportId(): string {
  const t = new Date()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `imp-${t}-${randomBytes(3).toString('hex')}`;
}
