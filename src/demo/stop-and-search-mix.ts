/**
 * Who is stopped and searched, under what power, for what, and with what result: joint counts
 * from the real police.uk files `2018-0{3,4}-{west-mercia,warwickshire}-stop-and-search.csv` in
 * `../shared/data/police-uk/` (921 rows). Open Government Licence v3.0, source data.police.uk.
 *
 * The outcome vocabulary changed in those files between 2018-03 and 2018-04 (e.g. "Nothing found -
 * no further action" became "A no further action disposal"); counts are pooled under the new
 * labels and OLD_OUTCOME_LABELS gives the older wording for earlier months.
 */

/** `Type` (real: 582 / 330 / 9). */
export const SEARCH_TYPES: readonly (readonly [string, number])[] = [
  ['Person search', 582],
  ['Person and Vehicle search', 330],
  ['Vehicle search', 9],
];

/** `Gender` of a searched person (a vehicle-only search has `Other` and no age or ethnicity). */
export const GENDERS: readonly (readonly [string, number])[] = [
  ['Male', 811],
  ['Female', 97],
  ['Other', 4],
];

export const AGE_RANGES: readonly (readonly [string, number])[] = [
  ['18-24', 290],
  ['over 34', 220],
  ['25-34', 206],
  ['10-17', 171],
  ['', 25],
];

/** `Self-defined ethnicity` | `Officer-defined ethnicity` pairs. */
export const ETHNICITIES: readonly (readonly [string, string, number])[] = [
  ['White - English/Welsh/Scottish/Northern Irish/British', 'White', 650],
  ['White - Any other White background', 'White', 43],
  ['Asian/Asian British - Pakistani', 'Asian', 27],
  ['Asian/Asian British - Any other Asian background', 'Asian', 23],
  ['Black/African/Caribbean/Black British - Caribbean', 'Black', 19],
  ['Black/African/Caribbean/Black British - Any other Black/African/Caribbean background', 'Black', 19],
  ['Black/African/Caribbean/Black British - African', 'Black', 18],
  ['White - English/Welsh/Scottish/Northern Irish/British', 'Other', 15],
  ['Asian/Asian British - Indian', 'Asian', 12],
  ['Other ethnic group - Not stated', 'White', 12],
  ['Mixed/Multiple ethnic groups - White and Black Caribbean', 'Black', 11],
  ['', '', 10],
  ['Other ethnic group - Not stated', 'Black', 7],
  ['Other ethnic group - Not stated', 'Other', 6],
  ['Other ethnic group - Not stated', 'Asian', 4],
  ['White - Irish', 'White', 4],
  ['Asian/Asian British - Any other Asian background', 'Other', 3],
  ['Mixed/Multiple ethnic groups - White and Asian', 'Asian', 3],
  ['Mixed/Multiple ethnic groups - White and Black Caribbean', 'White', 3],
  ['', 'Other', 3],
  ['Mixed/Multiple ethnic groups - Any other Mixed/Multiple ethnic background', 'Other', 3],
  ['White - Any other White background', 'Other', 3],
  ['Asian/Asian British - Bangladeshi', 'Asian', 2],
  ['Mixed/Multiple ethnic groups - Any other Mixed/Multiple ethnic background', 'White', 2],
  ['Asian/Asian British - Chinese', 'Other', 1],
  ['Mixed/Multiple ethnic groups - White and Black African', 'White', 1],
  ['Other ethnic group - Any other ethnic group', 'Asian', 1],
];

/** `Legislation` | `Object of search` pairs. */
export const POWERS: readonly (readonly [string, string, number])[] = [
  ['Misuse of Drugs Act 1971 (section 23)', 'Controlled drugs', 544],
  ['Police and Criminal Evidence Act 1984 (section 1)', 'Stolen goods', 121],
  ['Police and Criminal Evidence Act 1984 (section 1)', 'Article for use in theft', 86],
  ['Police and Criminal Evidence Act 1984 (section 1)', 'Offensive weapons', 76],
  ['Criminal Justice Act 1988 (section 139B)', 'Offensive weapons', 47],
  ['Firearms Act 1968 (section 47)', 'Firearms', 14],
  ['Police and Criminal Evidence Act 1984 (section 1)', 'Controlled drugs', 9],
  ['Police and Criminal Evidence Act 1984 (section 1)', 'Detailed object of search unavailable', 9],
  ['', 'Detailed object of search unavailable', 4],
  ['Police and Criminal Evidence Act 1984 (section 1)', 'Firearms', 4],
  ['Police and Criminal Evidence Act 1984 (section 1)', 'Articles for use in criminal damage', 3],
];

/** `Outcome` | `Outcome linked to object of search` pairs, under the 2018-04 vocabulary. */
export const SEARCH_OUTCOMES: readonly (readonly [string, string, number])[] = [
  ['A no further action disposal', '', 612],
  ['Arrest', 'True', 150],
  ['Arrest', 'False', 75],
  ['Khat or Cannabis warning', 'True', 35],
  ['Khat or Cannabis warning', 'False', 5],
  ['Community resolution', 'True', 23],
  ['Community resolution', 'False', 1],
  ['Penalty Notice for Disorder', 'True', 10],
  ['Summons / charged by post', 'True', 2],
  ['Summons / charged by post', 'False', 5],
  ['Caution (simple or conditional)', 'True', 2],
];

/** The same outcomes as written before 2018-04. */
export const OLD_OUTCOME_LABELS: Readonly<Record<string, string>> = {
  'A no further action disposal': 'Nothing found - no further action',
  Arrest: 'Suspect arrested',
  'Khat or Cannabis warning': 'Offender given drugs possession warning',
  'Community resolution': 'Local resolution',
  'Penalty Notice for Disorder': 'Offender given penalty notice',
  'Summons / charged by post': 'Suspect summonsed to court',
  'Caution (simple or conditional)': 'Offender cautioned',
};

/** First month written with the new outcome labels. */
export const NEW_OUTCOME_LABELS_FROM = '2018-04';

/** `Removal of more than just outer clothing`. */
export const REMOVALS: readonly (readonly [string, number])[] = [
  ['', 767],
  ['False', 109],
  ['True', 45],
];

/** Searches by hour of the day (real counts by UTC hour 00-23, used as local hours). */
export const HOURS: readonly number[] = [
  84, 80, 42, 21, 13, 3, 5, 3, 6, 26, 41, 33, 48, 43, 44, 63, 30, 56, 34, 28, 43, 39, 58, 78,
];

/** Share of rows with no coordinates (real: 127 of 921). */
export const NO_LOCATION_SHARE = 127 / 921;

/** People per search encounter (1, 2, 3, 4): groups share time, place and power. Synthetic. */
export const GROUP_SIZES: readonly number[] = [0.8, 0.13, 0.05, 0.02];
