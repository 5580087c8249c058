/**
 * Home Office offence codes and the police.uk category each falls in: what lets a force
 * extract's offences be counted beside police.uk's categories. The table is reference data
 * shipped in `data/reference/ho-offence-codes.csv` (source and derivation in its README) and
 * loaded by `src/harm-data/offence-categories.ts`; this module is its meaning, without I/O.
 */

/** Offence code (upper case) -> police.uk category slug, or null (fraud: not on police.uk). */
export type OffenceCategories = ReadonlyMap<string, string | null>;

/** The lookup from the table's rows (columns `offence_code` and `policeuk_category_slug`). */
export function offenceCategoriesFrom(rows: readonly Readonly<Record<string, string>>[]): OffenceCategories {
  return new Map(
    rows.map((r) => [String(r.offence_code).trim().toUpperCase(), r.policeuk_category_slug?.trim() || null]),
  );
}
