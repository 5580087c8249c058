/**
 * Rebuilds street_area_counts for every month after the area table changes (`stra areas load`),
 * so area breakdowns stay fast and agree with the new table. Published atomically like an
 * import; until it lands, readers see the old table is stale and count the rows instead.
 */
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { rm, mkdir } from 'node:fs/promises';
import type { WorkspacePaths } from '../workspace/workspace.js';
import { readCatalog } from './catalog.js';
import { writeAreaCounts } from './derived.js';
import { openDuck } from './duckdb.js';
import { publish, removeOrphans } from './import/commit.js';
import { acquireWriterLock } from './lock.js';

export async function rebuildAreaCounts(
  ws: WorkspacePaths,
  o: { threads: number; memoryLimit: string },
): Promise<{ months: number }> {
  const lock = await acquireWriterLock(ws.lock);
  const id = `areas-${randomBytes(3).toString('hex')}`;
  const staging = path.join(ws.staging, id);
  try {
    const catalog = await readCatalog(ws.catalog);
    await removeOrphans(catalog, ws.warehouse, ws.staging);
    await mkdir(staging, { recursive: true });
    const street = Object.values(catalog.partitions).filter((p) => p.table === 'street');
    if (street.length === 0) return { months: 0 };
    const sql = await openDuck({ ...o, tempDirectory: path.join(staging, 'duck-tmp') });
    try {
      const months = await writeAreaCounts(
        sql,
        street.map((p) => path.join(ws.warehouse, p.file)),
        staging,
        ws.areas,
      );
      await publish(
        catalog,
        { months, removeMonths: [], sources: [] },
        { warehouseDir: ws.warehouse, catalogFile: ws.catalog, importRecord: { id, rebuild: true } },
      );
      return { months: street.length };
    } finally {
      sql.close();
    }
  } finally {
    await rm(staging, { recursive: true, force: true });
    await lock.release();
  }
}
