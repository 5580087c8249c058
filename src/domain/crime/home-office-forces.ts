/**
 * The "Force Name" column of the Home Office police recorded crime (PRC) tables, mapped to the
 * police.uk force id used everywhere else in the warehouse. The tables also carry British
 * Transport Police and the national fraud reporting bodies, which are not police force areas:
 * they are kept, marked by `kind`, so that area figures can leave them out on purpose.
 *
 * Spellings differ between releases (`Avon and Somerset` in 2017/18, `Avon & Somerset` in
 * 2019/20); names are compared ignoring case, spacing and `&` against `and`. The same names
 * serve the ONS police force area tables (scripts/build-population-data.ts).
 */
import { POLICE_UK_FORCES } from './forces.js';

export type PrcForceKind = 'territorial' | 'btp' | 'fraud-body';

export interface PrcForce {
  /** police.uk force id (`west-mercia`, `btp`); null for the fraud bodies, which have none. */
  readonly force: string | null;
  readonly kind: PrcForceKind;
}

/** Home Office names that are not "<police.uk name> Police/Constabulary". */
const SPECIAL: Readonly<Record<string, PrcForce>> = {
  'london, city of': { force: 'city-of-london', kind: 'territorial' },
  'city of london': { force: 'city-of-london', kind: 'territorial' },
  'metropolitan police': { force: 'metropolitan', kind: 'territorial' },
  'british transport police': { force: 'btp', kind: 'btp' },
  'action fraud': { force: null, kind: 'fraud-body' },
  cifas: { force: null, kind: 'fraud-body' },
  'uk finance': { force: null, kind: 'fraud-body' },
  'financial fraud action uk': { force: null, kind: 'fraud-body' },
};

const normalise = (name: string): string =>
  name
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();

/** police.uk name without its "Police"/"Constabulary" suffix -> id, for the territorial forces. */
const TERRITORIAL = new Map<string, string>(
  POLICE_UK_FORCES.filter((f) => f.slug !== 'btp' && f.slug !== 'northern-ireland').map((f) => [
    normalise(f.name.replace(/ (Police Service|Police|Constabulary)$/, '')),
    f.slug,
  ]),
);

/** The force a Home Office "Force Name" stands for, or undefined when the name is not known. */
export function prcForce(name: string): PrcForce | undefined {
  const key = normalise(name);
  const special = SPECIAL[key];
  if (special) return special;
  const slug = TERRITORIAL.get(key);
  return slug ? { force: slug, kind: 'territorial' } : undefined;
}
