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
