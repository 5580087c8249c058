/**
 * The warehouse columns street and outcomes files fill the same way: the crime, who reported it,
 * its snap point and its LSOA (with the district part of the LSOA name, for district figures).
 */
import { sqlIdent } from '../../../sql.js';

/** Columns street and outcomes files share: the crime, who reported it, and its snap point (parsedCoordinates). */
export const LOCATED_CRIME_COLUMNS: Readonly<Record<string, string>> = {
  crime_id: '"Crime ID"',
  reported_by: '"Reported by"',
  falls_within: '"Falls within"',
  longitude: '__lon',
  latitude: '__lat',
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
