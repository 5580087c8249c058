/**
 * The area and category dimensions every breakdown shares, as SQL over an aggregate `g` of
 * street rows (force, month, category, lsoa_code, lsoa_district) left-joined to the area table
 * `a`. One definition, so counts, trends and harm always put a crime in the same area.
 */
export const AREA_DIMENSIONS = ['force', 'csp', 'district', 'lsoa'] as const;
export type AreaDimension = (typeof AREA_DIMENSIONS)[number];

/**
 * A crime counts in the areas of the force that recorded it. police.uk snaps a few of a force's
 * crimes to LSOAs of a neighbouring force: those are "(elsewhere)", never the neighbour's CSP or
 * district (importing a neighbour's months must not change a force's own figures).
 */
export const ELSEWHERE = '(elsewhere)';
const OTHER_FORCE = 'a.force IS NOT NULL AND a.force <> g.force';

export const DIMENSION_SQL: Readonly<Record<AreaDimension | 'category' | 'month', string>> = {
  force: 'g.force',
  csp:
    `CASE WHEN g.lsoa_code IS NULL THEN '(no location)' WHEN ${OTHER_FORCE} THEN '${ELSEWHERE}' ` +
    "ELSE coalesce(a.csp, '(outside the area table)') END",
  district: `CASE WHEN ${OTHER_FORCE} THEN '${ELSEWHERE}' ELSE coalesce(a.district, g.lsoa_district, '(no location)') END`,
  lsoa: `CASE WHEN ${OTHER_FORCE} THEN '${ELSEWHERE}' ELSE coalesce(g.lsoa_code, '(no location)') END`,
  month: "strftime(g.month, '%Y-%m')",
  category: 'g.category',
};

/** The force whose areas a crime counts in: the force that recorded it. */
export const HOME_FORCE_SQL = 'g.force';

/** True when the dimensions need the LSOA-level rows and the area table. */
export function needsAreaJoin(dims: readonly string[]): boolean {
  return dims.some((d) => d === 'csp' || d === 'district' || d === 'lsoa');
}

/** The same dimensions over street_area_counts, where the area table was applied at import. */
export const AREA_COUNTS_SQL: Readonly<Record<AreaDimension | 'category' | 'month', string>> = {
  force: 'g.force',
  csp: 'g.csp',
  district: 'g.district',
  lsoa: 'g.lsoa',
  month: "strftime(g.month, '%Y-%m')",
  category: 'g.category',
};
