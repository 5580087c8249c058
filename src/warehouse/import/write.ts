/**
 * Writes a batch's rows as Parquet, one file per month, into a private staging folder. Nothing
 * here is visible to readers until the catalog names the files (see commit.ts).
 */
import { readdir, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { sqlIdent, sqlString } from '../sql.js';
import type { Sql } from '../duckdb.js';
import { TABLE_COLUMNS, type TableName } from '../tables.js';
import type { StagedMonth } from './commit.js';

/** The SELECT list producing a table's columns, in order, from expressions keyed by column. */
export function tableSelectList(table: TableName, exprs: Readonly<Record<string, string>>): string {
  return TABLE_COLUMNS[table]
    .map(([name, type]) => {
      const expr = exprs[name];
      if (expr === undefined) throw new Error(`no expression for ${table}.${name}`);
      return `TRY_CAST(${expr} AS ${type}) AS ${sqlIdent(name)}`;
    })
    .join(', ');
}

/** The table's columns in order, for `SELECT` from files that already have them. */
export function tableColumnList(table: TableName): string {
  return TABLE_COLUMNS[table].map(([name]) => sqlIdent(name)).join(', ');
}

/**
 * Runs `COPY (query) TO file` for a query whose rows are all of one month, in that month's
 * folder as `writeMonths` would name it: cheaper than a partitioned write (no buffers per
 * partition) when the rows are known to be of one month. Writes nothing for no rows.
 */
export async function writeMonth(
  sql: Sql,
  table: TableName,
  month: string,
  query: string,
  dir: string,
): Promise<StagedMonth | undefined> {
  const file = path.join(dir, `month=${month}-01`, 'data_0.parquet');
  await mkdir(path.dirname(file), { recursive: true });
  await sql.run(`COPY (${query}) TO ${sqlString(file)} (FORMAT parquet, COMPRESSION snappy)`);
  const [{ n }] = (await sql.all<{ n: number }>(
    `SELECT count(*)::BIGINT AS n FROM read_parquet(${sqlString(file)})`,
  )) as [{ n: number }];
  if (n > 0) return { table, month, file, rows: n };
  await rm(file);
  return undefined;
}

/** Runs `COPY (query) TO dir PARTITION_BY (month)` and lists what it wrote. */
export async function writeMonths(sql: Sql, table: TableName, query: string, dir: string): Promise<StagedMonth[]> {
  await mkdir(dir, { recursive: true });
  await sql.run(
    `COPY (${query}) TO ${sqlString(dir)} (FORMAT parquet, PARTITION_BY (month), WRITE_PARTITION_COLUMNS true, COMPRESSION snappy, OVERWRITE_OR_IGNORE true)`,
  );
  const out: StagedMonth[] = [];
  for (const entry of await readdir(dir)) {
    const m = /^month=(\d{4}-\d{2})-01$/.exec(entry);
    if (!m) continue;
    const files = (await readdir(path.join(dir, entry))).filter((f) => f.endsWith('.parquet'));
    if (files.length !== 1) throw new Error(`expected one Parquet file in ${entry}, found ${files.length}`);
    const file = path.join(dir, entry, files[0]!);
    const [{ n }] = (await sql.all<{ n: number }>(
      `SELECT count(*)::BIGINT AS n FROM read_parquet(${sqlString(file)})`,
    )) as [{ n: number }];
    out.push({ table, month: m[1]!, file, rows: n });
  }
  return out;
}
