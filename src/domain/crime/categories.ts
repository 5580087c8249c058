/**
 * police.uk street-level crime categories: the `Crime type` label written in the CSV files and
 * the API slug we store. Labels changed over the years (see data.police.uk changelog, June 2013
 * and September 2013); every label that ever appeared maps to one slug so old and new files
 * load into one vocabulary. Source: data.police.uk "crime-categories" API and archive files.
 */
export const CATEGORY_SLUGS = [
  'anti-social-behaviour',
  'bicycle-theft',
  'burglary',
  'criminal-damage-arson',
  'drugs',
  'other-crime',
  'other-theft',
  'possession-of-weapons',
  'public-disorder-weapons',
  'public-order',
  'robbery',
  'shoplifting',
  'theft-from-the-person',
  'vehicle-crime',
  'violent-crime',
] as const;

export type CategorySlug = (typeof CATEGORY_SLUGS)[number];

/** The CSV `Crime type` label of each slug (current wording), used for display. */
export const CATEGORY_NAMES: Readonly<Record<CategorySlug, string>> = {
  'anti-social-behaviour': 'Anti-social behaviour',
  'bicycle-theft': 'Bicycle theft',
  burglary: 'Burglary',
  'criminal-damage-arson': 'Criminal damage and arson',
  drugs: 'Drugs',
  'other-crime': 'Other crime',
  'other-theft': 'Other theft',
  'possession-of-weapons': 'Possession of weapons',
  'public-disorder-weapons': 'Public disorder and weapons',
  'public-order': 'Public order',
  robbery: 'Robbery',
  shoplifting: 'Shoplifting',
  'theft-from-the-person': 'Theft from the person',
  'vehicle-crime': 'Vehicle crime',
  'violent-crime': 'Violence and sexual offences',
};

/** Every label seen in police.uk CSV files, old and new, mapped to its slug. */
export const CATEGORY_BY_LABEL: Readonly<Record<string, CategorySlug>> = {
  ...Object.fromEntries(Object.entries(CATEGORY_NAMES).map(([slug, name]) => [name, slug as CategorySlug])),
  'Violent crime': 'violent-crime', // label until April 2013; the slug was kept
};

export function isCategorySlug(value: string): value is CategorySlug {
  return (CATEGORY_SLUGS as readonly string[]).includes(value);
}

/** Anti-social behaviour is an incident, not a notifiable crime: no Crime ID and no harm weight. */
export const ASB: CategorySlug = 'anti-social-behaviour';

/**
 * The notifiable crime categories: every police.uk street category except anti-social behaviour.
 * Police.uk's "crime" and the Home Office's recorded crime exclude ASB, so every crime total, share
 * and rate counts these; ASB is reported beside them as incidents.
 */
export const CRIME_CATEGORIES: readonly CategorySlug[] = CATEGORY_SLUGS.filter((c) => c !== ASB);

/** The categories a query counts: those asked for, or by default crime without anti-social behaviour. */
export const crimeCategories = (asked?: readonly string[]): readonly string[] =>
  asked !== undefined && asked.length > 0 ? asked : CRIME_CATEGORIES;

/** Why a category slug is unknown (with the closest slugs), or undefined when it is one. */
export function unknownCategoryReason(slug: string): string | undefined {
  if (isCategorySlug(slug)) return undefined;
  const score = (c: string) => {
    // letters in common, position-free: enough for a misspelling like 'burglery'
    let common = 0;
    const pool = [...c];
    for (const ch of slug) {
      const i = pool.indexOf(ch);
      if (i >= 0) {
        common++;
        pool.splice(i, 1);
      }
    }
    return common / Math.max(c.length, slug.length);
  };
  const closest = [...CATEGORY_SLUGS].sort((a, b) => score(b) - score(a)).slice(0, 3);
  return `'${slug}' is not a police.uk crime category (did you mean ${closest.join(', ')}?)`;
}
