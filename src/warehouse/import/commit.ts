/**
 * Publishing a batch: move its staged Parquet files to their final names, then replace the
 * catalog in one atomic rename, then delete the files it no longer names. Until the rename
 * readers see the old partitions; after it, the new ones. A crash in between leaves orphan
 * files that `removeOrphans` deletes on the next write.
 */
import { mkdir, readdir, rename, rm, stat, unlink, utimes } from 'node:fs/promises';
import path from 'node:path';
import { writeCatalog, type Catalog, type ImportRecord, type PartitionEntry, type SourceEntry } from '../catalog.js';
import { partitionId, sourceId, TABLES, type TableName } from '../tables.js';

/** A month file written to staging, ready to become the table's current file for that month. */
export interface StagedMonth {
  readonly table: TableName;
  readonly month: string;
  readonly file: string;
  readonly rows: number;
  /** Derived with the area table: which version of it. */
  readonly areasDigest?: string;
}

/** Everything one batch changes. */
export interface BatchChanges {
  readonly months: readonly StagedMonth[];
  /** Month partitions left with no rows. */
  readonly removeMonths: readonly string[];
  /** The force-months this batch now provides. */
  readonly sources: readonly Omit<SourceEntry, 'importId'>[];
}

export const NO_CHANGES: BatchChanges = { months: [], removeMonths: [], sources: [] };

export interface PublishOptions {
  readonly warehouseDir: string;
  readonly catalogFile: string;
  /** The import this publishes, or, for a rebuild of derived tables, only a tag for file names. */
  readonly importRecord: ImportRecord | { readonly id: string; readonly rebuild: true };
  /** Test hook: runs after files are moved and before the catalog is replaced. */
  readonly beforeCommit?: () => void | Promise<void>;
}

export async function publish(catalog: Catalog, changes: BatchChanges, options: PublishOptions): Promise<Catalog> {
  const importId = options.importRecord.id;
  const next: Catalog = {
    ...catalog,
    version: catalog.version + 1,
    partitions: { ...catalog.partitions },
    sources: { ...catalog.sources },
  };
  const obsolete: string[] = [];
  for (const [n, m] of changes.months.entries()) {
    const rel = path.join(m.table, `${m.month}.${importId}.${n}.parquet`);
    await mkdir(path.dirname(path.join(options.warehouseDir, rel)), { recursive: true });
    await rename(m.file, path.join(options.warehouseDir, rel));
    const id = partitionId(m.table, m.month);
    const old = next.partitions[id];
    if (old) obsolete.push(old.file);
    next.partitions[id] = {
      table: m.table,
      month: m.month,
      file: rel,
      rows: m.rows,
      ...(m.areasDigest ? { areasDigest: m.areasDigest } : {}),
    } satisfies PartitionEntry;
  }
  for (const id of changes.removeMonths) {
    const old = next.partitions[id];
    if (old) obsolete.push(old.file);
    delete next.partitions[id];
  }
  for (const src of changes.sources) next.sources[sourceId(src)] = { ...src, importId };
  const record = options.importRecord;
  if (!('rebuild' in record)) next.imports = [...catalog.imports.filter((i) => i.id !== importId), record];
  await options.beforeCommit?.();
  await writeCatalog(options.catalogFile, next);
  const stillNamed = new Set(Object.values(next.partitions).map((p) => p.file));
  // A superseded file is not deleted now: a reader that opened the catalog before this commit
  // may still be reading it. Its time is set to now (retired), and it is deleted once no reader
  // can need it, RETIRED_GRACE_MS later (removeOrphans). A file already gone is fine.
  const now = new Date();
  for (const f of obsolete)
    if (!stillNamed.has(f)) await utimes(path.join(options.warehouseDir, f), now, now).catch(() => undefined);
  return next;
}

/** How long a superseded Parquet file is kept for readers that opened the catalog before. */
export const RETIRED_GRACE_MS = 10 * 60 * 1000;

/**
 * Deletes Parquet files no catalog entry names (superseded, or left by a killed import) once
 * they are older than the grace period, and the staging area.
 */
export async function removeOrphans(
  catalog: Catalog,
  warehouseDir: string,
  stagingDir: string,
  graceMs = RETIRED_GRACE_MS,
): Promise<number> {
  await rm(stagingDir, { recursive: true, force: true });
  const named = new Set(Object.values(catalog.partitions).map((p) => path.normalize(p.file)));
  const before = Date.now() - graceMs;
  let removed = 0;
  for (const table of TABLES) {
    for (const rel of await listParquet(path.join(warehouseDir, table), table)) {
      if (named.has(path.normalize(rel))) continue;
      const file = path.join(warehouseDir, rel);
      const mtime = await stat(file).then(
        (s) => s.mtimeMs,
        () => 0,
      );
      if (mtime > before) continue; // retired recently: a reader may still need it
      await unlink(file).catch(() => undefined);
      removed++;
    }
  }
  return removed;
}

async function listParquet(dir: string, rel: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const out: string[] = [];
  for (const e of entries) {
    if (e.isDirectory()) out.push(...(await listParquet(path.join(dir, e.name), path.join(rel, e.name))));
    else if (e.name.endsWith('.parquet')) out.push(path.join(rel, e.name));
  }
  return out;
}
