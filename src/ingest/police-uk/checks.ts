/**
 * Row checks shared by the police.uk formats. Each is SQL over raw VARCHAR columns so that
 * validation runs inside DuckDB at import speed, and each names the column and quotes the bad
 * value so an analyst can find and fix it.
 */
import { CATEGORY_BY_LABEL } from '../../domain/crime/categories.js';
import type { RowCheck } from '../format.js';
import { sqlIdent, sqlStringList } from '../sql.js';

/** Bounds that contain every police.uk snap point (GB, Northern Ireland, Isles of Scilly). */
export const UK_BOUNDS = { latMin: 49.0, latMax: 61.5, lonMin: -9.0, lonMax: 2.5 } as const;

const quoted = (col: string) => `'''' || ${sqlIdent(col)} || ''''`;

export function monthChecks(col = 'Month'): RowCheck[] {
  const c = sqlIdent(col);
  return [
    { column: col, failWhen: `${c} IS NULL`, reason: `'${col} is empty'` },
    {
      column: col,
      failWhen: `NOT regexp_full_match(${c}, '\\d{4}-(0[1-9]|1[0-2])')`,
      reason: `${col === 'Month' ? "'Month '" : `'${col} '`} || ${quoted(col)} || ' is not a month (expected YYYY-MM)'`,
    },
    {
      column: col,
      failWhen: `${c} <> __file_month`,
      reason: `'Month ' || ${c} || ' differs from the file''s month ' || __file_month || ' (a police.uk file holds one month)'`,
    },
  ];
}

export function requiredText(col: string): RowCheck {
  return { column: col, failWhen: `${sqlIdent(col)} IS NULL`, reason: `'${col} is empty'` };
}

export function coordinateChecks(lonCol = 'Longitude', latCol = 'Latitude'): RowCheck[] {
  const lon = sqlIdent(lonCol);
  const lat = sqlIdent(latCol);
  const { latMin, latMax, lonMin, lonMax } = UK_BOUNDS;
  return [
    {
      column: lonCol,
      failWhen: `(${lon} IS NULL) <> (${lat} IS NULL)`,
      reason: `'${lonCol} and ${latCol} must both be given or both be empty'`,
    },
    { column: lonCol, failWhen: `${lon} IS NOT NULL AND TRY_CAST(${lon} AS DOUBLE) IS NULL`, reason: `'${lonCol} ' || ${quoted(lonCol)} || ' is not a number'` },
    { column: latCol, failWhen: `${lat} IS NOT NULL AND TRY_CAST(${lat} AS DOUBLE) IS NULL`, reason: `'${latCol} ' || ${quoted(latCol)} || ' is not a number'` },
    {
      column: lonCol,
      failWhen: `NOT (TRY_CAST(${lon} AS DOUBLE) BETWEEN ${lonMin} AND ${lonMax})`,
      reason: `'${lonCol} ' || ${lon} || ' is outside the UK (expected ${lonMin} to ${lonMax})'`,
    },
    {
      column: latCol,
      failWhen: `NOT (TRY_CAST(${lat} AS DOUBLE) BETWEEN ${latMin} AND ${latMax})`,
      reason: `'${latCol} ' || ${lat} || ' is outside the UK (expected ${latMin} to ${latMax})'`,
    },
  ];
}

export function lsoaChecks(codeCol = 'LSOA code', nameCol = 'LSOA name'): RowCheck[] {
  const code = sqlIdent(codeCol);
  return [
    {
      column: codeCol,
      failWhen: `${code} IS NOT NULL AND NOT regexp_full_match(${code}, '[EW]01\\d{6}')`,
      reason: `'${codeCol} ' || ${quoted(codeCol)} || ' is not an ONS LSOA code (E01 or W01 and six digits)'`,
    },
    {
      column: nameCol,
      failWhen: `(${code} IS NULL) <> (${sqlIdent(nameCol)} IS NULL)`,
      reason: `'${codeCol} and ${nameCol} must both be given or both be empty'`,
    },
  ];
}

export function crimeTypeCheck(col = 'Crime type'): RowCheck {
  const labels = sqlStringList(Object.keys(CATEGORY_BY_LABEL));
  return {
    column: col,
    failWhen: `${sqlIdent(col)} IS NULL OR NOT list_contains(${labels}, ${sqlIdent(col)})`,
    reason: `'${col} ' || coalesce(${quoted(col)}, '(empty)') || ' is not a police.uk crime category'`,
  };
}

/** SQL mapping a `Crime type` label to its slug. */
export function categorySlugExpr(col = 'Crime type'): string {
  const cases = Object.entries(CATEGORY_BY_LABEL)
    .map(([label, slug]) => `WHEN ${sqlIdent(col)} = '${label}' THEN '${slug}'`)
    .join(' ');
  return `CASE ${cases} END`;
}

/** The district part of a police.uk LSOA name: "Stratford-on-Avon 005C" -> "Stratford-on-Avon". */
export function lsoaDistrictExpr(nameCol = 'LSOA name'): string {
  return `nullif(regexp_extract(${sqlIdent(nameCol)}, '^(.*) [0-9]{3}[A-Z]$', 1), '')`;
}

export function booleanCheck(col: string): RowCheck {
  const c = sqlIdent(col);
  return {
    column: col,
    failWhen: `${c} IS NOT NULL AND ${c} NOT IN ('True', 'False', 'true', 'false', 'TRUE', 'FALSE')`,
    reason: `'${col} ' || ${quoted(col)} || ' is not True or False'`,
  };
}
