/**
 * The area and category dimensions every breakdown shares, as SQL over an aggregate `g` of
 * street rows (force, month, category, lsoa_code, lsoa_district) left-joined to the area table
 * `a`. One definition, so counts, trends and harm always put a crime in the same area.
 */
export const AREA_DIMENSIONS = ['force', 'csp', 'district', 'lsoa'] as const;
export type AreaDimension = (typeof AREA_DIMENSIONS)[number];

export const DIMENSION_SQL: Readonly<Record<AreaDimension | 'category' | 'month', string>> = {
  force: 'g.force',
  csp: "coalesce(a.csp, CASE WHEN g.lsoa_code IS NULL THEN '(no location)' ELSE '(outside the area table)' END)",
  district: "coalesce(a.district, g.lsoa_district, '(no location)')",
  lsoa: "coalesce(g.lsoa_code, '(no location)')",
  month: "strftime(g.month, '%Y-%m')",
  category: 'g.category',
};

/** The force an area belongs to (from the area table), else the force that reported the crime. */
export const HOME_FORCE_SQL = 'coalesce(a.force, g.force)';

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
