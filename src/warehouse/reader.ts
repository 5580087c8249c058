/**
 * A read-only view of the warehouse: DuckDB views over exactly the Parquet files the catalog
 * names (never a glob, so a half-written import is invisible), plus the area table.
 */
import path from 'node:path';
import { sqlIdent, sqlStringList } from './sql.js';
import type { WorkspacePaths } from '../workspace/workspace.js';
import { areasDigest, areaTableFiles, createAreasTable } from './areas.js';
import { readCatalog, type Catalog } from './catalog.js';
import { openDuck, type Sql } from './duckdb.js';
import { TABLE_COLUMNS, TABLES } from './tables.js';

export interface Warehouse {
  readonly sql: Sql;
  readonly catalog: Catalog;
  /**
   * True when street_area_counts and street_district_counts were built with the current area
   * table for every street month,
   * so area breakdowns can read it; otherwise they count the rows (slower, same answer).
   */
  readonly areaCountsFresh: boolean;
  /** Every force the warehouse or the area table knows, sorted. */
  readonly forces: readonly string[];
  close(): void;
}

export interface ReaderOptions {
  readonly threads: number;
  readonly memoryLimit: string;
}

export async function openWarehouse(ws: WorkspacePaths, options: ReaderOptions): Promise<Warehouse> {
  const catalog = await readCatalog(ws.catalog);
  const sql = await openDuck({ threads: options.threads, memoryLimit: options.memoryLimit });
  try {
    await sql.run('SET parquet_metadata_cache = true');
    for (const table of TABLES) {
      const files = Object.values(catalog.partitions)
        .filter((p) => p.table === table)
        .map((p) => path.join(ws.warehouse, p.file))
        .sort();
      const body = files.length
        ? `SELECT * FROM read_parquet(${sqlStringList(files)})`
        : `SELECT ${TABLE_COLUMNS[table].map(([n, t]) => `NULL::${t} AS ${sqlIdent(n)}`).join(', ')} LIMIT 0`;
      await sql.run(`CREATE OR REPLACE TEMP VIEW ${table} AS ${body}`);
    }
    const areaFiles = await areaTableFiles(ws.areas);
    await createAreasTable(sql, areaFiles);
    const digest = await areasDigest(areaFiles);
    const parts = Object.values(catalog.partitions);
    const streetMonths = parts.filter((p) => p.table === 'street').map((p) => p.month);
    const freshIn = (table: string) =>
      new Set(parts.filter((p) => p.table === table && p.areasDigest === digest).map((p) => p.month));
    const [lsoaFresh, districtFresh] = [freshIn('street_area_counts'), freshIn('street_district_counts')];
    const areaCountsFresh = streetMonths.every((m) => lsoaFresh.has(m) && districtFresh.has(m));
    const areaForces = await sql.all<{ force: string }>('SELECT DISTINCT force FROM areas');
    const forces = [
      ...new Set([...Object.values(catalog.sources).map((x) => x.force), ...areaForces.map((a) => a.force)]),
    ].sort();
    return { sql, catalog, areaCountsFresh, forces, close: () => sql.close() };
  } catch (err) {
    sql.close();
    throw err;
  }
}
