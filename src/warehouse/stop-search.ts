/**
 * Stop and search from police.uk: searches by month, by object of search and by outcome, for the
 * chosen forces and months. A search "found" what it was for when police.uk records its outcome
 * as linked to the object of search. Months a chosen force has no file for are listed as
 * missing (a gap, not zero searches).
 */
import { addMonths, parseMonth, type Month } from '../domain/crime/month.js';
import { coverage } from './coverage.js';
import type { Warehouse } from './reader.js';
import { sqlString } from './sql.js';

export interface StopSearchQuery {
  readonly forces?: readonly string[];
  readonly from?: Month;
  readonly to?: Month;
}

export const STOP_SEARCH_NOTE =
  'Searches recorded on police.uk. "Found" counts searches whose outcome police.uk records as linked to the object of the search; where a force leaves that field blank it is unknown (shown as –), not zero.';

export async function stopSearch(wh: Warehouse, q: StopSearchQuery) {
  const cov = coverage(wh.catalog, 'stop_and_search');
  const chosen = cov.forces.filter((f) => !q.forces?.length || q.forces.includes(f.force));
  const last = q.to ?? parseMonth(chosen.map((f) => f.last).sort()[0] ?? '');
  if (last === undefined)
    return {
      from: null,
      to: null,
      total: 0,
      byMonth: [],
      byObject: [],
      byOutcome: [],
      missing: [],
      note: STOP_SEARCH_NOTE,
    };
  const first = q.from ?? addMonths(last, -11);
  const missing = coverage(wh.catalog, 'stop_and_search', { from: first, to: last })
    .forces.filter((f) => !q.forces?.length || q.forces.includes(f.force))
    .flatMap((f) => f.missing.map((month) => ({ force: f.force, month })));
  const where = [
    `month BETWEEN DATE ${sqlString(`${first}-01`)} AND DATE ${sqlString(`${last}-01`)}`,
    ...(q.forces?.length ? [`force IN (${q.forces.map(sqlString).join(', ')})`] : []),
  ].join(' AND ');
  // Some forces leave "outcome linked to object of search" blank: then "found" is unknown (null), not 0.
  const found =
    'CASE WHEN count(outcome_linked_to_object) = 0 THEN NULL ELSE count(*) FILTER (WHERE outcome_linked_to_object) END::INTEGER AS found';
  // One DuckDB connection runs one query at a time: asked in turn.
  const byMonth = await wh.sql.all<{ month: string; searches: number; found: number | null }>(
    `SELECT strftime(month, '%Y-%m') AS month, count(*)::INTEGER AS searches, ${found} FROM stop_and_search WHERE ${where} GROUP BY ALL ORDER BY month`,
  );
  const byObject = await wh.sql.all<{ object: string; searches: number; found: number | null }>(
    `SELECT coalesce(nullif(object_of_search, ''), '(not recorded)') AS object, count(*)::INTEGER AS searches, ${found} FROM stop_and_search WHERE ${where} GROUP BY ALL ORDER BY searches DESC, object`,
  );
  const byOutcome = await wh.sql.all<{ outcome: string; searches: number }>(
    `SELECT coalesce(nullif(outcome, ''), '(not recorded)') AS outcome, count(*)::INTEGER AS searches FROM stop_and_search WHERE ${where} GROUP BY ALL ORDER BY searches DESC, outcome`,
  );
  return {
    from: first,
    to: last,
    total: byMonth.reduce((a, r) => a + r.searches, 0),
    byMonth,
    byObject,
    byOutcome,
    missing,
    note: STOP_SEARCH_NOTE,
  };
}
