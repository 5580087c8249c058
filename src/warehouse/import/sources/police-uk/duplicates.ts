/**
 * The same Crime ID twice in a force's month of street crime is one crime: the rows after the
 * first are skipped and counted as duplicates (the file's result says how many, and why). Rows
 * without an ID (anti-social behaviour, by police.uk's layout) are never merged: two identical
 * incidents at one snap point are two incidents. A file joined to itself is refused before this
 * (its header repeats: see files/scan.ts). Only months that have duplicates are rewritten.
 *
 * Each staged month, as soon as it is written, is counted per force-month and screened for
 * repeated IDs by their 64-bit hash (a grouping of integers is far cheaper than a distinct count
 * of 64-character strings per force-month); only the force-months the screen flags are counted
 * again exactly (a hash collision is a false alarm there, never a lost crime), and only their
 * months rewritten. (hash(NULL) is a value: rows without an ID are left out of the screen.)
 */
import path from 'node:path';
import type { Sql } from '../../../duckdb.js';
import { sqlString, sqlStringList } from '../../../sql.js';
import type { StagedMonth } from '../../commit.js';
import type { PlannedSource } from '../../types.js';
import { tableColumnList, writeMonths } from '../../write.js';

export const DUPLICATE_REASON = 'a Crime ID already seen in the same force and month: one crime, counted once';

/** The force-month key of a row of the aggregates below, built once per group, not per row. */
const KEY = `force || '/' || strftime(month, '%Y-%m')`;

/** Rows of these force-months only (a month's file also holds other forces' stored rows). */
function ofForceMonths(keys: readonly string[]): string {
  const values = keys.map((k) => {
    const [force, month] = [k.slice(0, -8), k.slice(-7)];
    return `(${sqlString(force)}, DATE ${sqlString(`${month}-01`)})`;
  });
  return `SEMI JOIN (VALUES ${values.join(', ')}) k(force, month) USING (force, month)`;
}

export interface Landed {
  /** The staged months, with duplicates dropped. */
  readonly staged: readonly StagedMonth[];
  /** Rows landed per `force/month` of the batch's files, duplicates not counted. */
  readonly landed: Map<string, number>;
  /** Duplicates skipped per `force/month`. */
  readonly duplicates: Map<string, number>;
}

/** What one staged month holds of the batch's force-months (`countMonth`). */
export interface MonthCount {
  /** Rows landed per `force/month`, duplicates still counted. */
  readonly landed: ReadonlyMap<string, number>;
  /** Force-months that may repeat a Crime ID: counted again exactly by `dropDuplicates`. */
  readonly flagged: readonly string[];
}

/**
 * Counts the rows each of these force-months (all of one staged month) landed, and screens them
 * for repeated Crime IDs: any 64-bit hash of an ID seen twice among them flags them all (a
 * collision, or the same ID in two forces, is a false alarm that the exact count clears).
 * `mixed`: the month's file also holds other forces' stored rows, left out of both.
 */
export async function countMonth(
  sql: Sql,
  month: StagedMonth,
  sources: readonly PlannedSource[],
  { ids, mixed }: { ids: boolean; mixed: boolean },
): Promise<MonthCount> {
  const keys = sources.map((s) => `${s.force}/${s.month}`);
  const from = `read_parquet(${sqlString(month.file)})${mixed ? ` ${ofForceMonths(keys)}` : ''}`;
  const counted = await sql.all<{ key: string; n: number }>(
    `SELECT ${KEY} AS key, n FROM (SELECT force, month, count(*)::BIGINT AS n FROM ${from} GROUP BY ALL)`,
  );
  const landed = new Map(counted.map((r) => [r.key, Number(r.n)]));
  if (!ids) return { landed, flagged: [] };
  const [{ repeated }] = (await sql.all<{ repeated: number }>(
    `SELECT count(*)::BIGINT AS repeated FROM (SELECT hash(crime_id) AS h FROM ${from} ` +
      `WHERE crime_id IS NOT NULL GROUP BY h HAVING count(*) > 1)`,
  )) as [{ repeated: number }];
  return { landed, flagged: Number(repeated) > 0 ? [...landed.keys()] : [] };
}

/**
 * Counts the duplicates of the force-months the screen flagged exactly, takes them out of the
 * landed counts and rewrites the months that have any, keeping the first row of each ID.
 */
export async function dropDuplicates(
  sql: Sql,
  staged: readonly StagedMonth[],
  counts: readonly MonthCount[],
  dir: string,
): Promise<Landed> {
  const landed = new Map(counts.flatMap((c) => [...c.landed]));
  const flagged = counts.flatMap((c) => c.flagged);
  if (flagged.length === 0) return { staged, landed, duplicates: new Map() };
  const files = staged.filter((m) => flagged.some((k) => k.endsWith(m.month))).map((m) => m.file);
  const exact = await sql.all<{ key: string; n: number }>(
    `SELECT ${KEY} AS key, n FROM (SELECT force, month, (count(crime_id) - count(DISTINCT crime_id))::BIGINT AS n ` +
      `FROM read_parquet(${sqlStringList(files)}) ${ofForceMonths(flagged)} GROUP BY ALL HAVING n > 0)`,
  );
  const duplicates = new Map(exact.map((r) => [r.key, Number(r.n)]));
  if (duplicates.size === 0) return { staged, landed, duplicates };
  for (const [key, n] of duplicates) landed.set(key, landed.get(key)! - n);
  const months = new Set(exact.map((r) => r.key.slice(-7)));
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
  return { staged: [...staged.filter((m) => !months.has(m.month)), ...deduped], landed, duplicates };
}
