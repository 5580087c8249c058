/**
 * Writes the accepted rows of a batch as Parquet, one file per (force, month) partition, into a
 * private staging folder. Nothing here is visible to readers until the catalog names the files.
 */
import { readdir, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { sqlIdent, sqlString } from '../../ingest/sql.js';
import type { Sql } from '../duckdb.js';
import { TABLE_COLUMNS, type TableName } from '../tables.js';

export interface StagedPartition {
  readonly force: string;
  readonly month: string; // YYYY-MM
  readonly file: string;
  readonly rows: number;
}

/** The SELECT list producing a table's columns, in order, from expressions keyed by column. */
export function tableSelectList(table: TableName, exprs: Readonly<Record<string, string>>): string {
  return TABLE_COLUMNS[table]
    .map(([name, type]) => {
      const expr = exprs[name];
      if (expr === undefined) throw new Error(`no expression for ${table}.${name}`);
      return `CAST(${expr} AS ${type}) AS ${sqlIdent(name)}`;
    })
    .join(', ');
}

/** Runs `COPY (query) TO dir PARTITION_BY (force, month)` and lists what it wrote. */
export async function writePartitions(sql: Sql, query: string, dir: string): Promise<StagedPartition[]> {
  await mkdir(dir, { recursive: true });
  await sql.run(
    `COPY (${query}) TO ${sqlString(dir)} (FORMAT parquet, PARTITION_BY (force, month), WRITE_PARTITION_COLUMNS true, COMPRESSION zstd, OVERWRITE_OR_IGNORE true)`,
  );
  const counts = await sql.all<{ force: string; month: string; n: number }>(
    `SELECT force, strftime(month, '%Y-%m') AS month, count(*)::BIGINT AS n FROM read_parquet(${sqlString(path.join(dir, '**', '*.parquet'))}, hive_partitioning = false) GROUP BY ALL`,
  ).catch((err: Error) => {
    if (/No files found/.test(err.message)) return [];
    throw err;
  });
  const out: StagedPartition[] = [];
  for (const c of counts) {
    const partDir = path.join(dir, `force=${c.force}`, `month=${c.month}-01`);
    const files = (await readdir(partDir)).filter((f) => f.endsWith('.parquet'));
    if (files.length !== 1) throw new Error(`expected one Parquet file in ${partDir}, found ${files.length}`);
    out.push({ force: c.force, month: c.month, file: path.join(partDir, files[0]!), rows: c.n });
  }
  return out;
}

/** An empty partition (a force-month police.uk published with no rows): present, zero crime. */
export async function writeEmptyPartition(sql: Sql, table: TableName, file: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const cols = TABLE_COLUMNS[table].map(([n, t]) => `NULL::${t} AS ${sqlIdent(n)}`).join(', ');
  await sql.run(`COPY (SELECT ${cols} LIMIT 0) TO ${sqlString(file)} (FORMAT parquet)`);
}
