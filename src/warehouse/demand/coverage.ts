/**
 * What a force's incidents or missing episodes cover, month by month: how many, on how many of
 * the month's days, first and last day. Demand is averaged per covered day, and a month with data
 * on 22 of 31 days is a partial month, not a quiet one (police.uk's lesson: having a file is not
 * proof of coverage).
 *
 * When a month counts as complete differs by table. Every force has incidents every day, so an
 * incident month is complete only when every day has some. Missing reports are sparse (a small
 * force has days with none), so a missing-episode month is complete when it lies between the
 * first and last months held, or, at either end, when its data reach within EDGE_DAYS of the
 * month's edge (a download that starts on the 2nd is whole; one that starts on the 20th is not).
 */
import type { Sql } from '../duckdb.js';
import { sqlString, sqlStringList } from '../sql.js';
import type { DemandTable } from './rows.js';

const EDGE_DAYS = 3;

export interface MonthCoverage {
  readonly month: string;
  readonly rows: number;
  readonly days_with_data: number;
  readonly days_in_month: number;
  readonly first_day: string;
  readonly last_day: string;
  readonly complete: boolean;
}

export async function demandCoverage(
  sql: Sql,
  table: DemandTable,
  files: readonly string[],
  force: string,
): Promise<MonthCoverage[]> {
  if (files.length === 0) return [];
  const t = table === 'incidents' ? 'opened_local' : 'reported_local';
  const rows = await sql.all<Omit<MonthCoverage, 'complete'>>(
    `SELECT strftime(month, '%Y-%m') AS month, count(*)::BIGINT AS rows,
            count(DISTINCT ${t} // 86400000)::BIGINT AS days_with_data,
            day(last_day(month))::BIGINT AS days_in_month,
            strftime(make_timestamp(min(${t}) * 1000), '%Y-%m-%d') AS first_day,
            strftime(make_timestamp(max(${t}) * 1000), '%Y-%m-%d') AS last_day
       FROM read_parquet(${sqlStringList(files)}) WHERE force = ${sqlString(force)} GROUP BY month ORDER BY month`,
  );
  if (table === 'incidents') return rows.map((r) => ({ ...r, complete: r.days_with_data === r.days_in_month }));
  return rows.map((r, i) => {
    const startsEarly = i > 0 || Number(r.first_day.slice(8)) <= EDGE_DAYS + 1;
    const endsLate = i < rows.length - 1 || r.days_in_month - Number(r.last_day.slice(8)) <= EDGE_DAYS;
    return { ...r, complete: startsEarly && endsLate };
  });
}
