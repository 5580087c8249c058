/**
 * Publishing a batch: move its staged Parquet files to their final names, then replace the
 * catalog in one atomic rename, then delete the files it no longer names. Until the rename
 * readers see the old partitions; after it, the new ones. A crash in between leaves orphan
 * files that `removeOrphans` deletes on the next write.
 */
import { mkdir, readdir, rename, rm, unlink } from 'node:fs/promises';
import path from 'node:path';
import { writeCatalog, type Catalog, type ImportRecord, type PartitionEntry } from '../catalog.js';
import { partitionId, TABLES, type TableName } from '../tables.js';

export interface PublishItem {
  readonly table: TableName;
  readonly force: string;
  readonly month: string;
  readonly stagedFile: string;
  readonly rows: number;
  readonly sourceSha256: string;
  readonly source: string;
}

export interface PublishOptions {
  readonly warehouseDir: string;
  readonly catalogFile: string;
  readonly importRecord: ImportRecord;
  /** Partitions to drop (a force extract's month that no longer has any record). */
  readonly remove?: readonly string[];
  /** Test hook: runs after files are moved and before the catalog is replaced. */
  readonly beforeCommit?: () => void | Promise<void>;
}

export async function publish(catalog: Catalog, items: readonly PublishItem[], options: PublishOptions): Promise<Catalog> {
  const next: Catalog = { ...catalog, version: catalog.version + 1, partitions: { ...catalog.partitions } };
  const obsolete: string[] = [];
  let n = 0;
  for (const item of items) {
    const rel = path.join(item.table, item.force, `${item.month}.${options.importRecord.id}.${n++}.parquet`);
    const target = path.join(options.warehouseDir, rel);
    await mkdir(path.dirname(target), { recursive: true });
    await rename(item.stagedFile, target);
    const id = partitionId(item);
    const old = next.partitions[id];
    if (old) obsolete.push(old.file);
    const entry: PartitionEntry = {
      table: item.table,
      force: item.force,
      month: item.month,
      file: rel,
      rows: item.rows,
      sourceSha256: item.sourceSha256,
      source: item.source,
      importId: options.importRecord.id,
    };
    next.partitions[id] = entry;
  }
  for (const id of options.remove ?? []) {
    const old = next.partitions[id];
    if (old) obsolete.push(old.file);
    delete next.partitions[id];
  }
  next.imports = [...catalog.imports.filter((i) => i.id !== options.importRecord.id), options.importRecord];
  await options.beforeCommit?.();
  await writeCatalog(options.catalogFile, next);
  const stillNamed = new Set(Object.values(next.partitions).map((p) => p.file));
  for (const f of obsolete) if (!stillNamed.has(f)) await unlink(path.join(options.warehouseDir, f)).catch(() => undefined);
  return next;
}

/** Deletes Parquet files no catalog entry names (left by a killed import) and the staging area. */
export async function removeOrphans(catalog: Catalog, warehouseDir: string, stagingDir: string): Promise<number> {
  await rm(stagingDir, { recursive: true, force: true });
  const named = new Set(Object.values(catalog.partitions).map((p) => path.normalize(p.file)));
  let removed = 0;
  for (const table of TABLES) {
    for (const rel of await listParquet(path.join(warehouseDir, table), table)) {
      if (!named.has(path.normalize(rel))) {
        await unlink(path.join(warehouseDir, rel));
        removed++;
      }
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
