/**
 * A police.uk month partition holds every force's rows for that month, and a batch brings only
 * some forces: the rows of the others are carried over from the stored file, and a force-month
 * whose new file was refused gets its stored rows back, so a broken re-issue never wipes out a
 * good month.
 */
import path from 'node:path';
import type { Catalog } from '../../../catalog.js';
import type { Sql } from '../../../duckdb.js';
import { sqlStringList } from '../../../sql.js';
import { partitionId, type TableName } from '../../../tables.js';
import type { StagedMonth } from '../../commit.js';
import type { PlannedSource } from '../../types.js';
import { tableColumnList, writeMonths } from '../../write.js';

/** The stored rows of these months that the batch does not replace (other forces' data). */
export function storedRows(
  catalog: Catalog,
  warehouseDir: string,
  table: TableName,
  months: readonly string[],
  replacing: readonly PlannedSource[],
): string | undefined {
  const files = months
    .map((m) => catalog.partitions[partitionId(table, m)])
    .filter((p) => p !== undefined)
    .map((p) => path.join(warehouseDir, p.file));
  if (files.length === 0) return undefined;
  const replaced = replacing.map((s) => `${s.force}/${s.month}`);
  return (
    `SELECT ${tableColumnList(table)} FROM read_parquet(${sqlStringList(files)}) ` +
    `WHERE (force || '/' || strftime(month, '%Y-%m')) NOT IN (SELECT unnest(${sqlStringList(replaced)}))`
  );
}

/**
 * Takes the rows of refused files out of their staged months and puts back the stored rows of
 * those force-months, if any.
 */
export async function restoreRefused(
  sql: Sql,
  table: TableName,
  staged: readonly StagedMonth[],
  catalog: Catalog,
  warehouseDir: string,
  refused: readonly PlannedSource[],
  dir: string,
): Promise<readonly StagedMonth[]> {
  const months = [...new Set(refused.map((s) => s.month!))];
  const old = months
    .map((m) => catalog.partitions[partitionId(table, m)])
    .filter((p) => p !== undefined)
    .map((p) => path.join(warehouseDir, p.file));
  const stagedHere = staged.filter((m) => months.includes(m.month));
  const keys = sqlStringList(refused.map((s) => `${s.force}/${s.month}`));
  const key = `(force || '/' || strftime(month, '%Y-%m'))`;
  const parts = [
    ...(stagedHere.length
      ? [
          `SELECT ${tableColumnList(table)} FROM read_parquet(${sqlStringList(stagedHere.map((m) => m.file))}) WHERE ${key} NOT IN (SELECT unnest(${keys}))`,
        ]
      : []),
    ...(old.length
      ? [
          `SELECT ${tableColumnList(table)} FROM read_parquet(${sqlStringList(old)}) WHERE ${key} IN (SELECT unnest(${keys}))`,
        ]
      : []),
  ];
  if (parts.length === 0) return staged;
  const restored = await writeMonths(sql, table, parts.join(' UNION ALL '), dir);
  return [...staged.filter((m) => !months.includes(m.month)), ...restored];
}
