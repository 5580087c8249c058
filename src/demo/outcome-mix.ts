/**
 * How crimes end, per category, counted once from the real police.uk files: `Last outcome
 * category` of every non-ASB row of `2018-0{3,4}-{west-mercia,warwickshire}-street.csv` in
 * `../shared/data/police-uk/` (19,364 rows). Those files were downloaded years after the crimes,
 * so this is the MATURE mix: what an old month looks like. Recent months are younger (see
 * `outcome-timeline.ts`). Open Government Licence v3.0, source data.police.uk.
 */
import type { CrimeType } from './category-mix.js';

/** Outcome labels in the order of the counts below (most common first). */
export const OUTCOME_LABELS = [
  'Investigation complete; no suspect identified',
  'Status update unavailable',
  'Unable to prosecute suspect',
  'Court result unavailable',
  'Formal action is not in the public interest',
  'Offender sent to prison',
  'Offender given a caution',
  'Local resolution',
  'Offender given community sentence',
  'Offender fined',
  'Defendant found not guilty',
  'Offender given suspended prison sentence',
  'Action to be taken by another organisation',
  'Offender given conditional discharge',
  'Further investigation is not in the public interest',
  'Offender otherwise dealt with',
  'Offender given a drugs possession warning',
  'Court case unable to proceed',
  'Offender ordered to pay compensation',
  'Offender given penalty notice',
  'Suspect charged as part of another case',
  'Offender deprived of property',
  'Defendant sent to Crown Court',
  'Awaiting court outcome',
] as const;

export type OutcomeLabel = (typeof OUTCOME_LABELS)[number];

/** Shown for a crime whose investigation has not reached an outcome yet (recent months). */
export const UNDER_INVESTIGATION = 'Under investigation';

type Counts = readonly number[];

/** Rows per outcome label (same order as OUTCOME_LABELS) for each non-ASB category. */
export const REAL_OUTCOME_COUNTS: Readonly<Record<Exclude<CrimeType, 'Anti-social behaviour'>, Counts>> = {
  'Bicycle theft': [187, 27, 7, 4, 0, 0, 1, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  Burglary: [1511, 207, 110, 35, 15, 27, 2, 0, 2, 0, 5, 3, 2, 0, 0, 0, 0, 3, 0, 0, 5, 0, 3, 0],
  'Criminal damage and arson': [1368, 507, 180, 35, 49, 3, 23, 46, 7, 8, 7, 4, 6, 11, 3, 5, 0, 3, 9, 3, 0, 0, 0, 0],
  Drugs: [16, 85, 54, 58, 17, 18, 62, 2, 5, 17, 3, 3, 4, 7, 4, 2, 44, 1, 0, 7, 0, 6, 1, 0],
  'Other crime': [53, 154, 72, 33, 16, 3, 4, 1, 1, 0, 1, 0, 1, 1, 11, 0, 0, 1, 0, 0, 0, 1, 0, 2],
  'Other theft': [1438, 366, 169, 32, 10, 6, 15, 15, 2, 2, 3, 2, 3, 2, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0],
  'Possession of weapons': [5, 41, 32, 31, 9, 8, 14, 3, 7, 3, 0, 8, 3, 0, 4, 4, 0, 2, 0, 0, 1, 1, 0, 0],
  'Public order': [100, 435, 175, 60, 33, 26, 17, 7, 9, 19, 6, 11, 1, 1, 3, 9, 0, 3, 0, 5, 0, 0, 0, 0],
  Robbery: [53, 34, 33, 5, 5, 4, 1, 0, 1, 0, 2, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0, 0, 0],
  Shoplifting: [724, 321, 155, 127, 29, 175, 25, 73, 61, 15, 10, 21, 3, 24, 8, 15, 0, 4, 8, 5, 9, 0, 3, 0],
  'Theft from the person': [126, 58, 22, 2, 0, 1, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  'Vehicle crime': [1440, 106, 56, 12, 9, 13, 1, 1, 2, 0, 2, 0, 0, 0, 2, 2, 0, 0, 0, 0, 0, 0, 0, 0],
  'Violence and sexual offences': [
    449, 3769, 1847, 252, 392, 48, 105, 53, 58, 29, 40, 18, 45, 19, 20, 8, 0, 18, 6, 3, 0, 0, 0, 0,
  ],
};
