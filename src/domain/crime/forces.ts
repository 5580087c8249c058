/**
 * The police forces that publish on police.uk, by the slug used in archive file names
 * (`YYYY-MM-<slug>-street.csv`) and the name written in `Reported by`. Source: data.police.uk
 * API `GET /forces`: the 43 forces of England and Wales, British Transport Police and the Police
 * Service of Northern Ireland.
 * An import refuses a slug not listed here unless the user adds it (`stra import --new-force`),
 * so a misspelt file name cannot create a force.
 */
export interface PoliceForce {
  readonly slug: string;
  readonly name: string;
}

export const POLICE_UK_FORCES: readonly PoliceForce[] = [
  { slug: 'avon-and-somerset', name: 'Avon and Somerset Constabulary' },
  { slug: 'bedfordshire', name: 'Bedfordshire Police' },
  { slug: 'btp', name: 'British Transport Police' },
  { slug: 'cambridgeshire', name: 'Cambridgeshire Constabulary' },
  { slug: 'cheshire', name: 'Cheshire Constabulary' },
  { slug: 'city-of-london', name: 'City of London Police' },
  { slug: 'cleveland', name: 'Cleveland Police' },
  { slug: 'cumbria', name: 'Cumbria Constabulary' },
  { slug: 'derbyshire', name: 'Derbyshire Constabulary' },
  { slug: 'devon-and-cornwall', name: 'Devon & Cornwall Police' },
  { slug: 'dorset', name: 'Dorset Police' },
  { slug: 'durham', name: 'Durham Constabulary' },
  { slug: 'dyfed-powys', name: 'Dyfed-Powys Police' },
  { slug: 'essex', name: 'Essex Police' },
  { slug: 'gloucestershire', name: 'Gloucestershire Constabulary' },
  { slug: 'greater-manchester', name: 'Greater Manchester Police' },
  { slug: 'gwent', name: 'Gwent Police' },
  { slug: 'hampshire', name: 'Hampshire Constabulary' },
  { slug: 'hertfordshire', name: 'Hertfordshire Constabulary' },
  { slug: 'humberside', name: 'Humberside Police' },
  { slug: 'kent', name: 'Kent Police' },
  { slug: 'lancashire', name: 'Lancashire Constabulary' },
  { slug: 'leicestershire', name: 'Leicestershire Police' },
  { slug: 'lincolnshire', name: 'Lincolnshire Police' },
  { slug: 'merseyside', name: 'Merseyside Police' },
  { slug: 'metropolitan', name: 'Metropolitan Police Service' },
  { slug: 'norfolk', name: 'Norfolk Constabulary' },
  { slug: 'north-wales', name: 'North Wales Police' },
  { slug: 'north-yorkshire', name: 'North Yorkshire Police' },
  { slug: 'northamptonshire', name: 'Northamptonshire Police' },
  { slug: 'northern-ireland', name: 'Police Service of Northern Ireland' },
  { slug: 'northumbria', name: 'Northumbria Police' },
  { slug: 'nottinghamshire', name: 'Nottinghamshire Police' },
  { slug: 'south-wales', name: 'South Wales Police' },
  { slug: 'south-yorkshire', name: 'South Yorkshire Police' },
  { slug: 'staffordshire', name: 'Staffordshire Police' },
  { slug: 'suffolk', name: 'Suffolk Constabulary' },
  { slug: 'surrey', name: 'Surrey Police' },
  { slug: 'sussex', name: 'Sussex Police' },
  { slug: 'thames-valley', name: 'Thames Valley Police' },
  { slug: 'warwickshire', name: 'Warwickshire Police' },
  { slug: 'west-mercia', name: 'West Mercia Police' },
  { slug: 'west-midlands', name: 'West Midlands Police' },
  { slug: 'west-yorkshire', name: 'West Yorkshire Police' },
  { slug: 'wiltshire', name: 'Wiltshire Police' },
];

const BY_SLUG = new Map(POLICE_UK_FORCES.map((f) => [f.slug, f]));

export function forceName(slug: string): string | undefined {
  return BY_SLUG.get(slug)?.name;
}

/** A force by its proper name: police.uk's, else the slug's words capitalised (`new-force` -> `New Force`). */
export function forceDisplayName(slug: string): string {
  return (
    forceName(slug) ??
    slug
      .split('-')
      .map((w) => (w === 'and' || w === 'of' ? w : w.charAt(0).toUpperCase() + w.slice(1)))
      .join(' ')
  );
}

/** A force slug as police.uk writes it in file names: lower-case words joined by hyphens. */
export const FORCE_SLUG_PATTERN = /^[a-z]+(?:-[a-z]+)*$/;

/** Whether a slug is one of the police.uk forces shipped above. */
export function isKnownForce(slug: string): boolean {
  return BY_SLUG.has(slug);
}

/** Levenshtein distance, for "did you mean". */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}

/** The police.uk force ids closest to a text (an id misspelt, or a force's name). */
export function closestForces(text: string, count = 3): string[] {
  const t = text.toLowerCase().trim();
  const byName = POLICE_UK_FORCES.find((f) => f.name.toLowerCase() === t);
  if (byName) return [byName.slug];
  return POLICE_UK_FORCES.map((f) => ({ slug: f.slug, d: distance(t, f.slug) }))
    .sort((a, b) => a.d - b.d || a.slug.localeCompare(b.slug))
    .slice(0, count)
    .map((x) => x.slug);
}

/** Why a force id is refused, or undefined when it is a police.uk force or one the user added. */
export function unknownForceReason(slug: string, added: readonly string[] = []): string | undefined {
  if (isKnownForce(slug) || added.includes(slug)) return undefined;
  return (
    `force '${slug}' is not one of the ${POLICE_UK_FORCES.length} police.uk forces ` +
    `(closest: ${closestForces(slug).join(', ')}). If it is a new or renamed force, import again with --new-force ${slug}`
  );
}
