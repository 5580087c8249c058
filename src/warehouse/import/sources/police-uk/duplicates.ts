/**
 * The same Crime ID twice in a force's month of street crime is one crime: the rows after the
 * first are skipped and counted as duplicates (the file's result says how many, and why). Rows
 * without an ID (anti-social behaviour, by police.uk's layout) are never merged: two identical
 * incidents at one snap point are two incidents. A file joined to itself is refused before this
 * (its header repeats: see files/scan.ts). Only months that have duplicates are rewritten.
 */
import path from 'node:path';
import type { Sql } from '../../../duckdb.js';
import { sqlStringList } from '../../../sql.js';
import type { StagedMonth } from '../../commit.js';
import type { PlannedSource } from '../../types.js';
import { tableColumnList, writeMonths } from '../../write.js';

export const DUPLICATE_REASON = 'a Crime ID already seen in the same force and month: one crime, counted once';

const KEY = `(force || '/' || strftime(month, '%Y-%m'))`;

/** Staged months with duplicates dropped, and the duplicates per `force/month`. */
export async function dropDuplicateIds(
  sql: Sql,
  staged: readonly StagedMonth[],
  sources: readonly PlannedSource[],
  dir: string,
): Promise<{ staged: readonly StagedMonth[]; duplicates: Map<string, number> }> {
  const keys = sqlStringList(sources.map((s) => `${s.force}/${s.month}`));
  const files = staged.filter((m) => sources.some((s) => s.month === m.month));
  if (files.length === 0) return { staged, duplicates: new Map() };
  const found = await sql.all<{ key: string; n: number }>(
    `SELECT ${KEY} AS key, (count(crime_id) - count(DISTINCT crime_id))::BIGINT AS n FROM read_parquet(${sqlStringList(
      files.map((m) => m.file),
    )}) WHERE ${KEY} IN (SELECT unnest(${keys})) GROUP BY ALL HAVING n > 0`,
  );
  const duplicates = new Map(found.map((r) => [r.key, Number(r.n)]));
  if (duplicates.size === 0) return { staged, duplicates };
  const months = new Set(found.map((r) => r.key.slice(-7)));
  const rewrite = staged.filter((m) => months.has(m.month));
  // the first of each ID in a stable order (the row's own fields), so a re-run keeps the same one
  const deduped = await writeMonths(
    sql,
    'street',
    `SELECT ${tableColumnList('street')} FROM read_parquet(${sqlStringList(rewrite.map((m) => m.file))}) ` +
      `QUALIFY crime_id IS NULL OR row_number() OVER (PARTITION BY force, month, crime_id ` +
      `ORDER BY location, longitude, latitude, lsoa_code, category, last_outcome, context) = 1`,
    path.join(dir, 'deduplicated'),
  );
  return { staged: [...staged.filter((m) => !months.has(m.month)), ...deduped], duplicates };
}
