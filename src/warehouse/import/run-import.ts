/**
 * `stra import`: the whole import of a set of paths. Each batch of files is published
 * atomically (see commit.ts); a re-run after a crash or an interruption imports only what did
 * not land, because identical content is recognised by its SHA-256.
 */
import { appendFile, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { stringify } from 'csv-stringify/sync';
import { discoverSources, type SourceFile } from '../../ingest/discover.js';
import { readCatalog, type Catalog, type ImportRecord } from '../catalog.js';
import { openDuck } from '../duckdb.js';
import { acquireWriterLock } from '../lock.js';
import type { WorkspacePaths } from '../../workspace/workspace.js';
import { NO_CHANGES, publish, removeOrphans } from './commit.js';
import { sourceId } from '../tables.js';
import { decide, recognise } from './plan.js';
import { loadPoliceUkBatch } from './police-uk-batch.js';
import { loadForceExtract } from './extract-batch.js';
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
    const discovery = await discoverSources(options.paths, staging);
    const { planned, refused } = await recogniseAll(discovery.files, options);
    const { load, results } = decide(planned, catalog);
    const record: ImportRecord = { id, startedAt: new Date().toISOString(), finishedAt: '', by: options.user, rejectsFile: null, files: [] };
    const rejectsFile = path.join(ws.rejects, `${id}.csv`);
    const allResults = (): FileResult[] => [...refused, ...planned.map((p) => results.get(p)!)];
    const sql = await openDuck({ threads: options.threads, memoryLimit: options.memoryLimit, tempDirectory: path.join(staging, 'duck-tmp') });
    let rowsDone = 0;
    let bytesDone = 0;
    const bytesTotal = load.reduce((a, s) => a + s.bytes, 0);
    try {
      for (const [i, batch] of batches(load, options.batchBytes).entries()) {
        const batchDir = path.join(staging, `batch-${i}`);
        const outcome = batch[0]!.format.kind === 'force-extract'
          ? await loadForceExtract(sql, batch[0]!, catalog, ws.warehouse, batchDir)
          : await loadPoliceUkBatch(sql, batch, catalog, ws.warehouse, batchDir);
        for (const s of batch) {
          const r = results.get(s)!;
          const per = outcome.perFile.get(s)!;
          r.rows = per.rows;
          r.rejected = per.rejected;
          r.rejects_sample = outcome.rejects.filter((x) => x.file === s.displayName).slice(0, SAMPLE);
          if (per.refusedReason) {
            r.status = 'refused';
            r.reason = per.refusedReason;
          }
          r.partitions = outcome.changes.sources.filter((x) => x.source === s.displayName).map((x) => sourceId(x));
        }
        if (outcome.rejects.length > 0) {
          await appendRejects(rejectsFile, outcome.rejects, record.rejectsFile === null);
          record.rejectsFile = path.relative(ws.warehouse, rejectsFile);
        }
        record.files = toRecords(allResults());
        catalog = await publish(catalog, outcome.changes, {
          warehouseDir: ws.warehouse,
          catalogFile: ws.catalog,
          importRecord: { ...record, finishedAt: new Date().toISOString() },
          beforeCommit: options.beforeCommit,
        });
        await rm(batchDir, { recursive: true, force: true });
        rowsDone += [...outcome.perFile.values()].reduce((a, p) => a + p.rows + p.rejected, 0);
        bytesDone += batch.reduce((a, s) => a + s.bytes, 0);
        options.onProgress?.({ phase: 'load', filesDone: 0, filesTotal: load.length, bytesDone, bytesTotal, rowsDone });
      }
    } finally {
      sql.close();
    }
    record.files = toRecords(allResults());
    record.finishedAt = new Date().toISOString();
    catalog = await publish(catalog, NO_CHANGES, { warehouseDir: ws.warehouse, catalogFile: ws.catalog, importRecord: record });
    return summarise(id, allResults(), discovery.skipped, record.rejectsFile ? rejectsFile : null);
  } finally {
    await rm(staging, { recursive: true, force: true });
    await lock.release();
  }
}

async function recogniseAll(files: readonly SourceFile[], options: ImportOptions): Promise<{ planned: PlannedSource[]; refused: FileResult[] }> {
  const planned: PlannedSource[] = [];
  const refused: FileResult[] = [];
  const bytesTotal = files.reduce((a, f) => a + f.bytes, 0);
  let bytesDone = 0;
  let filesDone = 0;
  for (const f of files) {
    const r = await recognise(f, options.force, (b) => {
      bytesDone += b;
    });
    filesDone++;
    options.onProgress?.({ phase: 'hash', filesDone, filesTotal: files.length, bytesDone, bytesTotal, rowsDone: 0 });
    if (r.ok) planned.push(r.source);
    else refused.push(r.result);
  }
  return { planned, refused };
}

/**
 * Police.uk files batched by kind, whole months together (a month's file is rewritten once per
 * batch that touches it), up to `maxBytes`; each force extract is a batch of its own.
 */
function batches(load: readonly PlannedSource[], maxBytes: number): PlannedSource[][] {
  const out: PlannedSource[][] = [];
  const groups = new Map<string, PlannedSource[]>();
  for (const s of load) {
    if (s.format.kind === 'force-extract') out.push([s]);
    else groups.set(`${s.format.kind}/${s.month}`, [...(groups.get(`${s.format.kind}/${s.month}`) ?? []), s]);
  }
  const byKind = new Map<string, PlannedSource[][]>();
  for (const [key, group] of [...groups.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const kind = key.split('/')[0]!;
    byKind.set(kind, [...(byKind.get(kind) ?? []), group]);
  }
  for (const monthGroups of byKind.values()) {
    let current: PlannedSource[] = [];
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

function summarise(id: string, results: FileResult[], skipped: { file: string; reason: string }[], rejectsReport: string | null): ImportSummary {
  const landed = results.filter((r) => r.status === 'imported' || r.status === 'replaced');
  return {
    import_id: id,
    files: results.length,
    imported: landed.reduce((a, r) => a + r.rows, 0),
    rejected: results.reduce((a, r) => a + r.rejected, 0),
    skipped_files: [...skipped, ...results.filter((r) => r.status === 'refused').map((r) => ({ file: r.file, reason: r.reason ?? 'refused' }))],
    by_file: results,
    rejects_report: rejectsReport,
  };
}

function newImportId(): string {
  const t = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return `imp-${t}-${randomBytes(3).toString('hex')}`;
}
