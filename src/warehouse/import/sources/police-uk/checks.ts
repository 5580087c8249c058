/**
 * Row checks shared by the police.uk formats. Each is SQL over raw VARCHAR columns so that
 * validation runs inside DuckDB at import speed, and each names the column and quotes the bad
 * value so an analyst can find and fix it. Checks marked `refinesReason` only give a sharper
 * message for rows a later, cheaper check already rejects.
 */
import { CATEGORY_BY_LABEL } from '../../../../domain/crime/categories.js';
import type { RowCheck } from '../../format.js';
import { sqlIdent } from '../../../sql.js';

/** Bounds that contain every police.uk snap point (GB, Northern Ireland, Isles of Scilly). */
export const UK_BOUNDS = { latMin: 49.0, latMax: 61.5, lonMin: -9.0, lonMax: 2.5 } as const;

const quoted = (col: string) => `'''' || ${sqlIdent(col)} || ''''`;

/** Month must be the file's month (`__file_month`, always a valid month). */
export function monthChecks(col = 'Month'): RowCheck[] {
  const c = sqlIdent(col);
  return [
    { column: col, failWhen: `${c} IS NULL`, reason: `'${col} is empty'`, refinesReason: true },
    {
      column: col,
      failWhen: `NOT regexp_full_match(${c}, '\\d{4}-(0[1-9]|1[0-2])')`,
      reason: `'${col} ' || ${quoted(col)} || ' is not a month (expected YYYY-MM)'`,
      refinesReason: true,
    },
    {
      column: col,
      failWhen: `${c} IS DISTINCT FROM __file_month`,
      reason: `'${col} ' || ${c} || ' differs from the file''s month ' || __file_month || ' (a police.uk file holds one month)'`,
    },
  ];
}

export function requiredText(col: string): RowCheck {
  return { column: col, failWhen: `${sqlIdent(col)} IS NULL`, reason: `'${col} is empty'` };
}

/** Both coordinates empty (no location) or both numbers inside the UK. */
export function coordinateChecks(lonCol = 'Longitude', latCol = 'Latitude'): RowCheck[] {
  const lon = sqlIdent(lonCol);
  const lat = sqlIdent(latCol);
  const { latMin, latMax, lonMin, lonMax } = UK_BOUNDS;
  const lonOk = `TRY_CAST(${lon} AS DOUBLE) BETWEEN ${lonMin} AND ${lonMax}`;
  const latOk = `TRY_CAST(${lat} AS DOUBLE) BETWEEN ${latMin} AND ${latMax}`;
  return [
    {
      column: lonCol,
      failWhen: `(${lon} IS NULL) <> (${lat} IS NULL)`,
      reason: `'${lonCol} and ${latCol} must both be given or both be empty'`,
      refinesReason: true,
    },
    {
      column: lonCol,
      failWhen: `TRY_CAST(${lon} AS DOUBLE) IS NULL AND ${lon} IS NOT NULL`,
      reason: `'${lonCol} ' || ${quoted(lonCol)} || ' is not a number'`,
      refinesReason: true,
    },
    {
      column: latCol,
      failWhen: `TRY_CAST(${lat} AS DOUBLE) IS NULL AND ${lat} IS NOT NULL`,
      reason: `'${latCol} ' || ${quoted(latCol)} || ' is not a number'`,
      refinesReason: true,
    },
    {
      column: lonCol,
      failWhen: `${lon} IS NOT NULL AND NOT (${lonOk})`,
      reason: `'${lonCol} ' || ${lon} || ' is outside the UK (expected ${lonMin} to ${lonMax})'`,
      refinesReason: true,
    },
    {
      column: latCol,
      failWhen: `(${lon} IS NOT NULL OR ${lat} IS NOT NULL) AND NOT coalesce(${lonOk} AND ${latOk}, false)`,
      reason: `'${latCol} ' || coalesce(${lat}, '(empty)') || ' is outside the UK (expected ${latMin} to ${latMax})'`,
    },
  ];
}

export function lsoaChecks(codeCol = 'LSOA code', nameCol = 'LSOA name'): RowCheck[] {
  const code = sqlIdent(codeCol);
  return [
    {
      column: codeCol,
      failWhen: `${code} IS NOT NULL AND NOT (${code} LIKE 'E01______' OR ${code} LIKE 'W01______')`,
      reason: `'${codeCol} ' || ${quoted(codeCol)} || ' is not an ONS LSOA code (E01 or W01 and six digits)'`,
    },
    {
      column: nameCol,
      failWhen: `(${code} IS NULL) <> (${sqlIdent(nameCol)} IS NULL)`,
      reason: `'${codeCol} and ${nameCol} must both be given or both be empty'`,
    },
  ];
}

/** `__category` is the slug looked up from the label; NULL means the label is unknown. */
export function crimeTypeCheck(col = 'Crime type'): RowCheck {
  return {
    column: col,
    failWhen: `__category IS NULL`,
    reason: `'${col} ' || coalesce(${quoted(col)}, '(empty)') || ' is not a police.uk crime category'`,
  };
}

/** Label -> slug rows for the `__category` lookup table. */
export function categoryLookupRows(): [string, string][] {
  return Object.entries(CATEGORY_BY_LABEL);
}

/** Columns street and outcomes files share: the crime, who reported it, and its snap point. */
export const LOCATED_CRIME_COLUMNS: Readonly<Record<string, string>> = {
  crime_id: '"Crime ID"',
  reported_by: '"Reported by"',
  falls_within: '"Falls within"',
  longitude: 'TRY_CAST("Longitude" AS DOUBLE)',
  latitude: 'TRY_CAST("Latitude" AS DOUBLE)',
  location: '"Location"',
  lsoa_code: '"LSOA code"',
  lsoa_name: '"LSOA name"',
  lsoa_district: lsoaDistrictExpr(),
};

/** The district part of a police.uk LSOA name: "Stratford-on-Avon 005C" -> "Stratford-on-Avon". */
export function lsoaDistrictExpr(nameCol = 'LSOA name'): string {
  const n = sqlIdent(nameCol);
  return `CASE WHEN ${n} LIKE '% ____' THEN left(${n}, -5) END`;
}

export function booleanCheck(col: string): RowCheck {
  const c = sqlIdent(col);
  return {
    column: col,
    failWhen: `${c} IS NOT NULL AND lower(${c}) NOT IN ('true', 'false')`,
    reason: `'${col} ' || ${quoted(col)} || ' is not True or False'`,
  };
}
