/**
 * Row checks any CSV source can use: a column that must not be empty, coordinates inside the UK,
 * an ONS LSOA code, a True/False column. Each is SQL over raw VARCHAR columns so that validation
 * runs inside DuckDB at import speed, and each names the column and quotes the bad value so an
 * analyst can find and fix it. Checks marked `refinesReason` only give a sharper message for
 * rows a later, cheaper check already rejects. A source's own checks sit in its folder.
 */
import { sqlIdent } from '../sql.js';
import type { RowCheck } from './format.js';

/** Bounds that contain every police.uk snap point (GB, Northern Ireland, Isles of Scilly). */
export const UK_BOUNDS = { latMin: 49.0, latMax: 61.5, lonMin: -9.0, lonMax: 2.5 } as const;

/** SQL giving a column's value in single quotes, for a reason text. */
export const quotedValue = (col: string) => `'''' || ${sqlIdent(col)} || ''''`;

export function requiredText(col: string): RowCheck {
  return { column: col, failWhen: `${sqlIdent(col)} IS NULL`, reason: `'${col} is empty'` };
}

/**
 * The coordinates as numbers (NULL when not a number), parsed once per row for the checks and
 * the select alike: a format with `coordinateChecks` has these as its `parsed` expressions.
 */
export function parsedCoordinates(lonCol = 'Longitude', latCol = 'Latitude'): Record<string, string> {
  return { __lon: `TRY_CAST(${sqlIdent(lonCol)} AS DOUBLE)`, __lat: `TRY_CAST(${sqlIdent(latCol)} AS DOUBLE)` };
}

/** Both coordinates empty (no location) or both numbers inside the UK (`__lon`, `__lat`: parsedCoordinates). */
export function coordinateChecks(lonCol = 'Longitude', latCol = 'Latitude'): RowCheck[] {
  const lon = sqlIdent(lonCol);
  const lat = sqlIdent(latCol);
  const { latMin, latMax, lonMin, lonMax } = UK_BOUNDS;
  const lonOk = `__lon BETWEEN ${lonMin} AND ${lonMax}`;
  const latOk = `__lat BETWEEN ${latMin} AND ${latMax}`;
  return [
    {
      column: lonCol,
      failWhen: `(${lon} IS NULL) <> (${lat} IS NULL)`,
      reason: `'${lonCol} and ${latCol} must both be given or both be empty'`,
      refinesReason: true,
    },
    {
      column: lonCol,
      failWhen: `__lon IS NULL AND ${lon} IS NOT NULL`,
      reason: `'${lonCol} ' || ${quotedValue(lonCol)} || ' is not a number'`,
      refinesReason: true,
    },
    {
      column: latCol,
      failWhen: `__lat IS NULL AND ${lat} IS NOT NULL`,
      reason: `'${latCol} ' || ${quotedValue(latCol)} || ' is not a number'`,
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
      reason: `'${codeCol} ' || ${quotedValue(codeCol)} || ' is not an ONS LSOA code (E01 or W01 and six digits)'`,
    },
    {
      column: nameCol,
      failWhen: `(${code} IS NULL) <> (${sqlIdent(nameCol)} IS NULL)`,
      reason: `'${codeCol} and ${nameCol} must both be given or both be empty'`,
    },
  ];
}

export function booleanCheck(col: string): RowCheck {
  const c = sqlIdent(col);
  return {
    column: col,
    failWhen: `${c} IS NOT NULL AND lower(${c}) NOT IN ('true', 'false')`,
    reason: `'${col} ' || ${quotedValue(col)} || ' is not True or False'`,
  };
}
