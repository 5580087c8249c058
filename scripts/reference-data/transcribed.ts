/**
 * Figures and facts transcribed from the shared data READMEs (each says where it comes from):
 * the ONS weights edition, the old combined homicide code, legacy police.uk category unions and
 * the months each police.uk category was in use.
 */
/** Edition of the ONS CSS weights in ../shared/data/harm/ons_css.csv (see its README). */
export const ONS_CSS_EDITION = 'ONS CSS List of weights, edition current in 2019-20 (Homicide 7973.393423)';

/** Old combined homicide code of the 2017/18 PRC table, replaced by 1, 4.1, 4.2, 4.10. */
export const COMBINED_HOMICIDE = '1/4.1/4.10/4.2';
export const HOMICIDE_CODES = ['1', '4.1', '4.2', '4.10'];

/**
 * Legacy police.uk rows and the current categories whose codes they cover (harm README,
 * policeuk_categories.csv: "Legacy rows use the union of the successor categories' codes").
 */
export const LEGACY_UNIONS: Readonly<Record<string, readonly string[]>> = {
  'public-disorder-weapons': ['public-order', 'possession-of-weapons'],
  'other-theft@before-2013-06': ['other-theft', 'bicycle-theft', 'theft-from-the-person'],
  'violent-crime@before-2013-06': ['violent-crime'],
};

type DatesBasis = 'documented' | 'approximate' | 'disputed';
interface CategoryDates {
  readonly from: string;
  readonly to: string;
  readonly basis: DatesBasis;
  readonly note: string;
}

const PUK = '../shared/data/police-uk/README.md "Crime categories" table';
const HARM = '../shared/data/harm/README.md (policeuk_categories.csv)';

/**
 * Months each police.uk category (row) was in use, from the table in ../shared/data/police-uk/README.md
 * ("CSV Crime type <-> API slug, with the period each was used"). Where the harm README gives a
 * different month for the 2013 changes the row is marked "disputed" and both are quoted.
 */
export const CATEGORY_DATES: Readonly<Record<string, CategoryDates>> = {
  'anti-social-behaviour': { from: '2010-12', to: '', basis: 'documented', note: `${PUK}: Dec 2010 -> present` },
  burglary: { from: '2010-12', to: '', basis: 'documented', note: `${PUK}: Dec 2010 -> present` },
  robbery: { from: '2010-12', to: '', basis: 'documented', note: `${PUK}: Dec 2010 -> present` },
  'vehicle-crime': { from: '2010-12', to: '', basis: 'documented', note: `${PUK}: Dec 2010 -> present` },
  'other-crime': {
    from: '2010-12',
    to: '',
    basis: 'documented',
    note: `${PUK}: Dec 2010 -> present; scope narrowed when new categories split out in 2011`,
  },
  'criminal-damage-arson': {
    from: '2011-09',
    to: '',
    basis: 'approximate',
    note: `${PUK}: 2011 (approx. Sep) -> present`,
  },
  drugs: { from: '2011-09', to: '', basis: 'approximate', note: `${PUK}: 2011 (approx. Sep) -> present` },
  shoplifting: { from: '2011-09', to: '', basis: 'approximate', note: `${PUK}: 2011 (approx. Sep) -> present` },
  'other-theft': {
    from: '2013-09',
    to: '',
    basis: 'disputed',
    note: `current (narrower) scope. ${PUK}: bicycle theft and theft from the person split out Sep 2013; ${HARM}: until May 2013 other-theft held them (split June 2013)`,
  },
  'bicycle-theft': {
    from: '2013-09',
    to: '',
    basis: 'disputed',
    note: `${PUK}: Sep 2013 -> present; ${HARM}: from June 2013`,
  },
  'theft-from-the-person': {
    from: '2013-09',
    to: '',
    basis: 'disputed',
    note: `${PUK}: Sep 2013 -> present; ${HARM}: from June 2013`,
  },
  'public-order': {
    from: '2013-05',
    to: '',
    basis: 'disputed',
    note: `${PUK}: May 2013 -> present; ${HARM}: from June 2013`,
  },
  'possession-of-weapons': {
    from: '2013-05',
    to: '',
    basis: 'disputed',
    note: `${PUK}: May 2013 -> present; ${HARM}: from June 2013`,
  },
  'violent-crime': {
    from: '2013-05',
    to: '',
    basis: 'disputed',
    note: `label "Violence and sexual offences". ${PUK}: May 2013 -> present; ${HARM}: renamed June 2013. Same slug as the earlier "Violent crime"`,
  },
  'public-disorder-weapons': {
    from: '2011-09',
    to: '2013-04',
    basis: 'disputed',
    note: `${PUK}: 2011 (approx. Sep) -> Apr 2013; ${HARM}: until May 2013`,
  },
  'other-theft@before-2013-06': {
    from: '2011-09',
    to: '2013-08',
    basis: 'disputed',
    note: `wider scope incl. bicycle theft and theft from the person. ${PUK}: 2011 (approx. Sep) -> Aug 2013 (split Sep 2013); ${HARM}: until May 2013`,
  },
  'violent-crime@before-2013-06': {
    from: '2010-12',
    to: '2013-04',
    basis: 'disputed',
    note: `label "Violent crime". ${PUK}: Dec 2010 -> Apr 2013; ${HARM}: until May 2013`,
  },
};
