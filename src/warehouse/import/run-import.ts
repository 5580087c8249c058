/**
 * `stra import`: the whole import of a set of paths, step by step. Read it top-down; each step
 * is one call into a module of this folder:
 *
 *   1. discover   files/discover.ts  the files the paths name: folders searched, zips unpacked
 *   2. recognise  recognise.ts       what each file is (sniff.ts, from its first bytes) and which
 *                                    force-month it holds (its source, under sources/)
 *   3. plan       plan.ts            the last file of a force-month wins; files grouped in batches;
 *                 files/scan.ts      content hashed and lines counted one batch ahead, while DuckDB loads
 *                                    the one before
 *   4. load       batch.ts           per batch: new, re-issue or unchanged (plan.ts); parsed, checked
 *                                    and staged by its source (sources/<name>/load.ts); published
 *                                    atomically (commit.ts)
 *   5. manifest   manifest.ts        the import's record in the catalog, its rejects report, and the
 *                                    summary the caller prints
 *
 * The SHA-256 of each file makes imports idempotent: a re-run after a crash or an interruption
 * imports only what did not land.
 */
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { readCatalog, type Catalog } from '../catalog.js';
import { openDuck } from '../duckdb.js';
import { acquireWriterLock } from '../lock.js';
import type { WorkspacePaths } from '../../workspace/workspace.js';
import { traced } from '../../trace.js';
import { importBatch } from './batch.js';
import { NO_CHANGES, publish, removeOrphans } from './commit.js';
import { discoverSources } from './files/discover.js';
import { scanInOrder } from './files/scan.js';
import { ImportManifest, newImportId } from './manifest.js';
import { importedContentShas, planBatches, recallUnchanged, resolveDuplicates } from './plan.js';
import { recogniseAll } from './recognise.js';
import type { FileScan } from './files/scan.js';
import type { SkippedFile } from './files/discover.js';
import type { FileResult, ImportProgress, ImportSummary, SniffedSource } from './types.js';
import type { ImportLimits } from '../../config.js';
import { StraError } from '../../errors.js';

export interface ImportOptions {
  readonly paths: readonly string[];
  readonly user: string;
  readonly threads: number;
  readonly memoryLimit: string;
  readonly batchBytes: number;
  /** Default force for force extracts that have no `force` column. */
  readonly force?: string;
  /** Force ids not on the shipped list of police.uk forces that the user says are real. */
  readonly newForces?: readonly string[];
  /** Lets a re-issue replace a stored force-month with under half its rows (accounting.ts). */
  readonly allowShrink?: boolean;
  /** Line length and zip limits (default DEFAULT_LIMITS; the CLI passes the configuration's). */
  readonly limits?: Partial<ImportLimits>;
  readonly onProgress?: (p: ImportProgress) => void;
  /** Test hook: called before each batch's catalog commit. */
  readonly beforeCommit?: () => void | Promise<void>;
}

export const DEFAULT_LIMITS: ImportLimits = {
  maxLineBytes: 1024 * 1024,
  zipMaxBytes: 32 * 1024 ** 3,
  zipMaxRatio: 200,
  zipMaxEntries: 50_000,
};

export async function runImport(ws: WorkspacePaths, options: ImportOptions): Promise<ImportSummary> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const lock = await writable(ws, () => acquireWriterLock(ws.lock));
  const id = newImportId();
  const staging = path.join(ws.staging, id);
  try {
    let catalog = await readCatalog(ws.catalog);
    await writable(ws, async () => {
      await removeOrphans(catalog, ws.warehouse, ws.staging); // what a killed import left
      await mkdir(staging, { recursive: true });
    });

    // 1. discover
    let unpacked = 0;
    const discovery = await traced('discover', () =>
      discoverSources(options.paths, staging, {
        limits,
        onUnpacked: (bytes) => {
          unpacked += bytes;
          options.onProgress?.({
            phase: 'unpack',
            filesDone: 0,
            filesTotal: 0,
            bytesDone: unpacked,
            bytesTotal: 0,
            rowsDone: 0,
          });
        },
      }),
    );
    // 2. recognise
    const recognised = await traced('recognise', () =>
      recogniseAll(discovery.files, { force: options.force, newForces: options.newForces ?? [] }),
    );
    const { sniffed } = recognised;
    const refused = [...discovery.unreadable.map(unreadableResult), ...recognised.refused];
    // 3. plan
    const { active, superseded } = resolveDuplicates(sniffed);
    const batches = planBatches(active, options.batchBytes);
    const contentShas = importedContentShas(catalog);
    // files unchanged since they were hashed are not read again; the rest hashed one batch ahead
    const recalled = recallUnchanged(batches.flat(), catalog, contentShas);
    const hashes = scanInOrder(batches.flat().filter((s) => !recalled.has(s)));
    const manifest = new ImportManifest({
      id,
      user: options.user,
      found: [
        ...discovery.files,
        ...discovery.unreadable.map((u) => ({ path: u.file, displayName: u.file, bytes: 0 })),
      ],
      sniffed,
      refused,
      superseded,
      rejectsFile: path.join(ws.rejects, `${id}.csv`),
      warehouseDir: ws.warehouse,
    });

    // 4. load, batch by batch, each published by its own commit
    catalog = await loadBatches(batches, {
      ws,
      options,
      catalog,
      staging,
      hashes,
      recalled,
      contentShas,
      manifest,
      limits,
    });

    // 5. manifest: the finished import's record, and what the caller prints
    await publish(catalog, NO_CHANGES, {
      warehouseDir: ws.warehouse,
      catalogFile: ws.catalog,
      importRecord: manifest.record('finished'),
    });
    return manifest.summary(discovery.skipped);
  } finally {
    await rm(staging, { recursive: true, force: true });
    await lock.release();
  }
}

/** A path that could not be read at all, as the manifest lists it. */
function unreadableResult(u: SkippedFile): FileResult {
  const r = { file: u.file, kind: null, force: null, month: null, sha256: null, rows: 0, rejected: 0 };
  return { ...r, status: 'refused', reason: u.reason, partitions: [] };
}

/** Runs a write to the workspace; a read-only or inaccessible workspace is said in words. */
async function writable<T>(ws: WorkspacePaths, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM')
      throw new StraError(
        'IO',
        `the workspace ${path.dirname(ws.catalog)} cannot be written (${code === 'EROFS' ? 'a read-only file system' : 'permission denied'}): ` +
          `nothing was imported. Make it writable, or choose another with --workspace`,
        { cause: (err as Error).message },
      );
    throw err;
  }
}

interface LoadState {
  readonly ws: WorkspacePaths;
  readonly options: ImportOptions;
  readonly catalog: Catalog;
  readonly staging: string;
  readonly hashes: ReadonlyMap<SniffedSource, Promise<FileScan>>;
  /** Files not read again, with the hash recorded when they were (plan.ts `recallUnchanged`). */
  readonly recalled: ReadonlyMap<SniffedSource, string>;
  /** SHA-256 of the files of records taken in so far (plan.ts `decide`); grows. */
  readonly contentShas: Set<string>;
  readonly manifest: ImportManifest;
  readonly limits: ImportLimits;
}

/** Step 4: one DuckDB for the whole import; each batch loaded and committed in turn. */
async function loadBatches(batches: readonly SniffedSource[][], state: LoadState): Promise<Catalog> {
  const { ws, options, staging, hashes, recalled, contentShas, manifest, limits } = state;
  let catalog = state.catalog;
  const filesTotal = batches.reduce((a, b) => a + b.length, 0);
  const bytesTotal = batches.flat().reduce((a, s) => a + s.bytes, 0);
  let bytesDone = 0;
  const sql = await openDuck({
    threads: options.threads,
    memoryLimit: options.memoryLimit,
    tempDirectory: path.join(staging, 'duck-tmp'),
  });
  try {
    for (const [index, files] of batches.entries()) {
      catalog = await importBatch({
        index,
        files,
        hashes,
        recalled,
        catalog,
        sql,
        ws,
        staging,
        manifest,
        contentShas,
        allowShrink: options.allowShrink ?? false,
        newForces: options.newForces ?? [],
        maxLineBytes: limits.maxLineBytes,
        beforeCommit: options.beforeCommit,
      });
      bytesDone += files.reduce((a, s) => a + s.bytes, 0);
      options.onProgress?.({
        phase: 'load',
        filesDone: 0,
        filesTotal,
        bytesDone,
        bytesTotal,
        rowsDone: manifest.rowsRead(),
      });
    }
  } finally {
    sql.close();
  }
  return catalog;
}
