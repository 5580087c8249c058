/**
 * Row checks of police.uk's own rules: a file holds one month, and `Crime type` is one of
 * police.uk's category labels. The checks any source can use (empty columns, coordinates, LSOA
 * codes, True/False) are in ../../row-checks.ts.
 */
import { sqlIdent } from '../../../sql.js';
import type { RowCheck } from '../../format.js';
import { quotedValue } from '../../row-checks.js';

/** Month must be the file's month (`__file_month`, always a valid month). */
export function monthChecks(col = 'Month'): RowCheck[] {
  const c = sqlIdent(col);
  return [
    { column: col, failWhen: `${c} IS NULL`, reason: `'${col} is empty'`, refinesReason: true },
    {
      column: col,
      failWhen: `NOT regexp_full_match(${c}, '\\d{4}-(0[1-9]|1[0-2])')`,
      reason: `'${col} ' || ${quotedValue(col)} || ' is not a month (expected YYYY-MM)'`,
      refinesReason: true,
    },
    {
      column: col,
      failWhen: `${c} IS DISTINCT FROM __file_month`,
      reason: `'${col} ' || ${c} || ' differs from the file''s month ' || __file_month || ' (a police.uk file holds one month)'`,
    },
  ];
}

/** `__category` is the slug looked up from the label; NULL means the label is unknown. */
export function crimeTypeCheck(col = 'Crime type'): RowCheck {
  return {
    column: col,
    failWhen: `__category IS NULL`,
    reason: `'${col} ' || coalesce(${quotedValue(col)}, '(empty)') || ' is not a police.uk crime category'`,
  };
}

/**
 * Content decides: a row's `Reported by` (and `Falls within`, except for British Transport
 * Police, whose rows fall within the territorial forces) must be the force the file name gives.
 * A row of another force is rejected, never counted under this one. `__force_name` is NULL for
 * a force the user added (--new-force): its name is not known, so it is not checked.
 */
export function forceChecks(): RowCheck[] {
  const mismatch = (col: string) =>
    `'${col} ' || coalesce(${quotedValue(col)}, '(empty)') || ' is not ' || __force_name || ', the force the file name gives (' || __force || '): a row of another force is not counted under this one'`;
  return [
    {
      column: 'Reported by',
      failWhen: `__force_name IS NOT NULL AND "Reported by" IS DISTINCT FROM __force_name`,
      reason: mismatch('Reported by'),
    },
    {
      column: 'Falls within',
      failWhen: `__force_name IS NOT NULL AND __force <> 'btp' AND "Falls within" IS DISTINCT FROM __force_name`,
      reason: mismatch('Falls within'),
    },
  ];
}
