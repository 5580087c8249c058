/**
 * The category mix of each alliance force, counted once from the real police.uk files (the
 * generator needs no real data at run time). Source: `../shared/data/police-uk/2018-03/`
 * `2018-03-west-mercia-street.csv` (9,748 rows) and `2018-03-warwickshire-street.csv` (4,225 rows),
 * all rows of each file, by `Crime type`. Open Government Licence v3.0, source data.police.uk.
 */

/** The 14 police.uk categories in use since September 2013, in a fixed order. */
export const CRIME_TYPES = [
  'Anti-social behaviour',
  'Bicycle theft',
  'Burglary',
  'Criminal damage and arson',
  'Drugs',
  'Other crime',
  'Other theft',
  'Possession of weapons',
  'Public order',
  'Robbery',
  'Shoplifting',
  'Theft from the person',
  'Vehicle crime',
  'Violence and sexual offences',
] as const;

export type CrimeType = (typeof CRIME_TYPES)[number];

export const ASB_LABEL: CrimeType = 'Anti-social behaviour';

export const ALLIANCE_FORCES = ['warwickshire', 'west-mercia'] as const;
export type AllianceForce = (typeof ALLIANCE_FORCES)[number];

/** Street rows per category in the 2018-03 file of each force. */
export const REAL_CATEGORY_COUNTS_2018_03: Readonly<Record<AllianceForce, Readonly<Record<CrimeType, number>>>> = {
  'west-mercia': {
    'Anti-social behaviour': 3420,
    'Bicycle theft': 72,
    Burglary: 637,
    'Criminal damage and arson': 714,
    Drugs: 114,
    'Other crime': 123,
    'Other theft': 694,
    'Possession of weapons': 57,
    'Public order': 317,
    Robbery: 36,
    Shoplifting: 568,
    'Theft from the person': 86,
    'Vehicle crime': 422,
    'Violence and sexual offences': 2488,
  },
  warwickshire: {
    'Anti-social behaviour': 1151,
    'Bicycle theft': 40,
    Burglary: 324,
    'Criminal damage and arson': 292,
    Drugs: 62,
    'Other crime': 50,
    'Other theft': 310,
    'Possession of weapons': 27,
    'Public order': 123,
    Robbery: 35,
    Shoplifting: 284,
    'Theft from the person': 45,
    'Vehicle crime': 407,
    'Violence and sexual offences': 1075,
  },
};

/** Proportions of each category in a force's real 2018-03 file (sum to 1). */
export function realCategoryShares(force: AllianceForce): Record<CrimeType, number> {
  const counts = REAL_CATEGORY_COUNTS_2018_03[force];
  const total = CRIME_TYPES.reduce((a, c) => a + counts[c], 0);
  return Object.fromEntries(CRIME_TYPES.map((c) => [c, counts[c] / total])) as Record<CrimeType, number>;
}
