/**
 * The common priority taxonomy: the headings every partner's priorities (in the partner's own
 * words) are mapped onto, so that CSPs, counties and OPCCs can be set side by side and compared
 * with the alliance Control Strategy.
 *
 * Decisions: a closed list in code (the database refuses ids not listed here, migration 006), in
 * the order of the seed's "2016-17 CSP Strategic Priorities" tables, so the matrix reads like
 * the seed. Each heading names the Control Strategy themes (threat names, compared ignoring case
 * and punctuation) that count as it, which is how the alliance's priorities are put on the same
 * footing. Police-internal themes (performance, HMIC, PSD, change programmes...) map to nothing
 * and are reported as unmapped rather than guessed. Sources: the seed's CSP tables and its
 * Control Strategy threat names (Alliance Strategic Assessment 2017/18, Sections 1 and 2).
 */
import { inputError } from '../../errors.js';

export const PRIORITY_TAXONOMY = [
  {
    id: 'reoffending',
    label: 'Reducing reoffending',
    themes: [
      'Reoffending',
      'Reducing reoffending',
      'Integrated offender management',
      'IOM',
      'FNO',
      'Foreign national offenders',
    ],
  },
  { id: 'asb', label: 'Anti-social behaviour', themes: ['ASB', 'Anti-social behaviour'] },
  {
    id: 'violent-crime',
    label: 'Violent crime',
    themes: ['Violent crime', 'Violence', 'Serious violence', 'Violence with injury'],
  },
  {
    id: 'sexual-violence',
    label: 'Sexual violence and rape',
    themes: ['Rape/sexual assault', 'Rape', 'Sexual assault', 'Sexual offences', 'Sexual violence', 'RASSO'],
  },
  {
    id: 'domestic-abuse',
    label: 'Domestic abuse',
    themes: ['Domestic abuse', 'Domestic violence', 'Domestic violence and abuse'],
  },
  {
    id: 'drugs-alcohol',
    label: 'Drugs and alcohol',
    themes: ['Drugs and alcohol', 'Drugs', 'Alcohol', 'Substance misuse'],
  },
  { id: 'burglary', label: 'Burglary', themes: ['Burglary', 'Domestic burglary'] },
  {
    id: 'road-safety',
    label: 'Road safety',
    themes: ['KSI', 'Killed or seriously injured', 'Road safety', 'Roads policing'],
  },
  { id: 'rural-crime', label: 'Rural crime', themes: ['Rural crime', 'Wildlife crime', 'Heritage crime'] },
  { id: 'business-crime', label: 'Business crime', themes: ['Business crime', 'Retail crime', 'Shoplifting'] },
  { id: 'cyber-crime', label: 'Cyber crime', themes: ['Cyber', 'Cyber crime', 'Cybercrime', 'Cyber enabled crime'] },
  { id: 'hate-crime', label: 'Hate crime', themes: ['Hate crime', 'Under reported hate crime'] },
  {
    id: 'radicalisation',
    label: 'Preventing radicalisation (Prevent)',
    themes: ['Radicalisation', 'Prevent', 'Counter terrorism', 'Extremism'],
  },
  { id: 'family-focus', label: 'Family focus (troubled families)', themes: ['Family focus', 'Troubled families'] },
  {
    id: 'community-cohesion',
    label: 'Community cohesion and confidence',
    themes: [
      'Community cohesion',
      'Community confidence',
      'Community engagement',
      'Community engagement E&D',
      'Fear of crime',
      'Public confidence',
    ],
  },
  {
    id: 'serious-acquisitive-crime',
    label: 'Serious acquisitive crime',
    themes: ['Serious acquisitive crime', 'SAC', 'Vehicle crime', 'Robbery'],
  },
  { id: 'fire', label: 'Deliberate fires and arson', themes: ['Arson', 'Deliberate fires'] },
  {
    id: 'cse',
    label: 'Child sexual exploitation',
    themes: ['CSE', 'Child sexual exploitation', 'Child sexual abuse', 'CSE/CSA'],
  },
  { id: 'criminal-damage', label: 'Criminal damage', themes: ['Criminal damage'] },
  {
    id: 'environmental-crime',
    label: 'Environmental crime (fly-tipping)',
    themes: ['Environmental crime', 'Fly tipping'],
  },
  {
    id: 'vulnerability',
    label: 'Vulnerable people',
    themes: ['Vulnerability', 'Vulnerable people', 'Mental health demand', 'Mental health', 'Missing persons'],
  },
  {
    id: 'modern-slavery',
    label: 'Modern slavery and human trafficking',
    themes: ['Modern slavery and human trafficking', 'Modern slavery', 'Human trafficking', 'MSHT'],
  },
  {
    id: 'serious-organised-crime',
    label: 'Serious and organised crime',
    themes: ['OCG', 'Organised crime', 'Organised crime groups', 'Serious and organised crime', 'SOC', 'County lines'],
  },
  {
    id: 'honour-based-abuse',
    label: 'FGM and honour-based abuse',
    themes: ['FGM', 'Female genital mutilation', 'Honour based abuse', 'Forced marriage'],
  },
] as const satisfies ReadonlyArray<{ id: string; label: string; themes: readonly string[] }>;

export type TaxonomyId = (typeof PRIORITY_TAXONOMY)[number]['id'];
export type TaxonomyEntry = (typeof PRIORITY_TAXONOMY)[number];

export const TAXONOMY_IDS: readonly TaxonomyId[] = PRIORITY_TAXONOMY.map((t) => t.id);

const ORDER = new Map<string, number>(TAXONOMY_IDS.map((id, i) => [id, i]));

export function isTaxonomyId(value: unknown): value is TaxonomyId {
  return typeof value === 'string' && ORDER.has(value);
}

export function taxonomyEntry(id: TaxonomyId): TaxonomyEntry {
  return PRIORITY_TAXONOMY[ORDER.get(id) ?? 0] as TaxonomyEntry;
}

/** Taxonomy ids in taxonomy order, each once. */
export function inTaxonomyOrder(ids: Iterable<TaxonomyId>): TaxonomyId[] {
  return [...new Set(ids)].sort((a, b) => (ORDER.get(a) ?? 0) - (ORDER.get(b) ?? 0));
}

/**
 * A priority's mapping: one or more known ids (exact, lower-case), each once, in taxonomy order.
 * An unknown id is refused naming the known ones, so a typo never maps a priority to nothing.
 */
export function parseTaxonomyIds(values: readonly string[]): TaxonomyId[] {
  const ids = values.map((v) => v.trim()).filter((v) => v !== '');
  const unknown = ids.filter((v) => !isTaxonomyId(v));
  if (unknown.length > 0) {
    throw inputError(
      `Unknown priority taxonomy id${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u}"`).join(', ')}: use one or more of ${TAXONOMY_IDS.join(', ')} (stra priority taxonomy).`,
    );
  }
  if (ids.length === 0)
    throw inputError(`A priority needs at least one taxonomy id: one or more of ${TAXONOMY_IDS.join(', ')}.`);
  return inTaxonomyOrder(ids as TaxonomyId[]);
}

const fold = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9&]+/g, ' ')
    .trim();

const BY_THEME = new Map<string, TaxonomyId[]>();
for (const t of PRIORITY_TAXONOMY)
  for (const theme of t.themes) BY_THEME.set(fold(theme), [...(BY_THEME.get(fold(theme)) ?? []), t.id]);

/** The taxonomy ids a Control Strategy theme (a threat name) counts as; empty when none. */
export function taxonomyIdsForTheme(theme: string): TaxonomyId[] {
  return BY_THEME.get(fold(theme)) ?? [];
}
