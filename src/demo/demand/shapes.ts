/**
 * The shapes of synthetic demand: how much of each class, at what hours and on which days, in
 * which seasons, how urgently graded, how it ends and how long it takes. SYNTHETIC figures, shaped
 * like published UK patterns (most calls are not crime; demand peaks in the late afternoon and
 * evening; Friday and Saturday nights carry the night-time economy; mental-health and missing-person
 * incidents take the most officer time), not measured from any force's data. See README.md.
 */
import type { DemandClass } from '../../domain/demand/vocabulary.js';

/** Classes other than crime and ASB, sized against the force's synthetic crime. */
export const PER_CRIME: Readonly<Partial<Record<DemandClass, number>>> = {
  'concern-for-welfare': 0.75,
  'mental-health': 0.22,
  'road-traffic': 0.6,
  'public-safety': 0.65,
  administration: 0.45,
  other: 0.12,
};

type Day7 = readonly [number, number, number, number, number, number, number];
type Hours24 = readonly number[];

/** Monday first. */
const WEEKDAYS_FLAT: Day7 = [1, 1, 1, 1, 1, 1, 1];
const WEEKEND_NIGHTS: Day7 = [0.93, 0.9, 0.92, 0.97, 1.1, 1.18, 1.0];
const WORKING_WEEK: Day7 = [1.1, 1.1, 1.08, 1.06, 1.04, 0.84, 0.78];
const ROADS: Day7 = [1.04, 1.02, 1.02, 1.04, 1.08, 0.94, 0.86];

//                          0     1     2     3     4     5     6     7     8     9    10    11    12    13    14    15    16    17    18    19    20    21    22    23
const DAYTIME: Hours24 = [
  0.5, 0.42, 0.35, 0.28, 0.24, 0.25, 0.33, 0.52, 0.8, 0.98, 1.08, 1.12, 1.16, 1.16, 1.2, 1.3, 1.4, 1.42, 1.36, 1.3, 1.2,
  1.05, 0.88, 0.68,
];
const EVENINGS: Hours24 = [
  0.9, 0.75, 0.6, 0.45, 0.3, 0.25, 0.25, 0.35, 0.5, 0.65, 0.8, 0.9, 1.0, 1.05, 1.1, 1.2, 1.35, 1.5, 1.6, 1.65, 1.6, 1.5,
  1.35, 1.1,
];
const NIGHT_ECONOMY: Hours24 = [
  1.5, 1.3, 1.0, 0.6, 0.35, 0.2, 0.2, 0.3, 0.45, 0.6, 0.75, 0.85, 0.95, 1.0, 1.05, 1.15, 1.3, 1.45, 1.55, 1.6, 1.65,
  1.7, 1.75, 1.7,
];
const COMMUTE: Hours24 = [
  0.3, 0.2, 0.15, 0.12, 0.15, 0.3, 0.7, 1.5, 1.9, 1.3, 1.1, 1.1, 1.2, 1.2, 1.25, 1.5, 1.8, 2.0, 1.6, 1.1, 0.9, 0.7,
  0.55, 0.4,
];
const OFFICE: Hours24 = [
  0.2, 0.15, 0.1, 0.1, 0.1, 0.15, 0.4, 0.9, 1.6, 2.0, 2.0, 1.9, 1.6, 1.8, 1.9, 1.8, 1.5, 1.1, 0.8, 0.6, 0.5, 0.4, 0.3,
  0.25,
];

/** Friday and Saturday nights: the small hours of the next morning are part of them. */
const WEEKEND_NIGHT_BOOST: Hours24 = [
  1.9, 2.0, 1.9, 1.5, 1.1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1.05, 1.1, 1.2, 1.35, 1.5, 1.7,
];

//                     Jan   Feb   Mar   Apr   May   Jun   Jul   Aug   Sep   Oct   Nov   Dec
const FLAT_YEAR = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
const WINTER = [1.08, 1.05, 1.0, 0.96, 0.94, 0.93, 0.94, 0.95, 0.98, 1.02, 1.06, 1.09];
const SUMMER = [0.92, 0.9, 0.95, 1.0, 1.05, 1.08, 1.1, 1.06, 1.0, 0.98, 0.95, 1.0];

export interface ClassShape {
  readonly weekdays: Day7;
  readonly hours: Hours24;
  /** Whether Friday and Saturday nights are busier for this class. */
  readonly nightEconomy: boolean;
  /** Month factors (crime and ASB follow the synthetic crime's own seasonality instead). */
  readonly months: readonly number[];
  /** emergency, priority, scheduled, resolved without deployment */
  readonly grades: readonly [number, number, number, number];
  /** arrest, crime report, no further action, cancelled, duplicate, other */
  readonly outcomes: readonly [number, number, number, number, number, number];
  /** Median officer minutes per incident (lognormal, sigma 0.8). */
  readonly officerMinutes: number;
  /** Chance the incident is crime-related, and carries a mental-health qualifier. */
  readonly crimeRelated: number;
  readonly mentalHealth: number;
  readonly openingCodes: readonly string[];
  readonly closingCodes: readonly string[];
  /** Share opened under another class's codes (e.g. mental health opened as concern for safety). */
  readonly openedAs?: { readonly share: number; readonly codes: readonly string[] };
}

export const SHAPES: Readonly<Record<DemandClass, ClassShape>> = {
  crime: {
    weekdays: WEEKEND_NIGHTS,
    hours: EVENINGS,
    nightEconomy: true,
    months: FLAT_YEAR,
    grades: [0.18, 0.37, 0.3, 0.15],
    outcomes: [0.12, 0.62, 0.15, 0.05, 0.04, 0.02],
    officerMinutes: 150,
    crimeRelated: 0.9,
    mentalHealth: 0.03,
    openingCodes: [
      'VIOLENCE',
      'THEFT',
      'BURGLARY',
      'CRIMINAL DAMAGE',
      'VEHICLE CRIME',
      'SHOPLIFTING',
      'DOMESTIC INCIDENT',
      'PUBLIC ORDER',
    ],
    closingCodes: [
      'CRIME - VIOLENCE',
      'CRIME - THEFT',
      'CRIME - BURGLARY',
      'CRIME - CRIMINAL DAMAGE',
      'CRIME - VEHICLE',
      'CRIME - SHOPLIFTING',
      'CRIME - PUBLIC ORDER',
      'CRIME - SEXUAL OFFENCE',
      'CRIME - DRUGS',
    ],
    openedAs: { share: 0.15, codes: ['SUSPICIOUS CIRCUMSTANCES', 'CONCERN FOR SAFETY'] },
  },
  'anti-social-behaviour': {
    weekdays: WEEKEND_NIGHTS,
    hours: NIGHT_ECONOMY,
    nightEconomy: true,
    months: FLAT_YEAR,
    grades: [0.1, 0.45, 0.25, 0.2],
    outcomes: [0.03, 0.05, 0.75, 0.08, 0.06, 0.03],
    officerMinutes: 50,
    crimeRelated: 0.08,
    mentalHealth: 0.03,
    openingCodes: ['ASB - NUISANCE', 'ASB - PERSONAL', 'ASB - ENVIRONMENTAL', 'NOISE'],
    closingCodes: ['ASB - NUISANCE', 'ASB - PERSONAL', 'ASB - ENVIRONMENTAL'],
  },
  'concern-for-welfare': {
    weekdays: WEEKDAYS_FLAT,
    hours: EVENINGS,
    nightEconomy: false,
    months: WINTER,
    grades: [0.35, 0.45, 0.1, 0.1],
    outcomes: [0.01, 0.03, 0.85, 0.05, 0.04, 0.02],
    officerMinutes: 110,
    crimeRelated: 0.05,
    mentalHealth: 0.25,
    openingCodes: ['CONCERN FOR SAFETY', 'COLLAPSE/ILLNESS/INJURY'],
    closingCodes: ['CONCERN FOR SAFETY', 'DOMESTIC INCIDENT (NON-CRIME)', 'ILLNESS/INJURY'],
  },
  'mental-health': {
    weekdays: WEEKDAYS_FLAT,
    hours: EVENINGS,
    nightEconomy: false,
    months: FLAT_YEAR,
    grades: [0.45, 0.45, 0.05, 0.05],
    outcomes: [0.04, 0.02, 0.86, 0.03, 0.03, 0.02],
    officerMinutes: 260,
    crimeRelated: 0.04,
    mentalHealth: 1,
    openingCodes: ['MENTAL HEALTH', 'SUICIDAL PERSON'],
    closingCodes: ['MENTAL HEALTH', 'SECTION 136 DETENTION', 'SUICIDAL PERSON'],
    openedAs: { share: 0.35, codes: ['CONCERN FOR SAFETY'] },
  },
  'missing-person': {
    weekdays: WEEKDAYS_FLAT,
    hours: EVENINGS,
    nightEconomy: false,
    months: SUMMER,
    grades: [0.3, 0.6, 0.1, 0],
    outcomes: [0, 0, 0.95, 0.02, 0.02, 0.01],
    officerMinutes: 360,
    crimeRelated: 0.02,
    mentalHealth: 0.15,
    openingCodes: ['MISSING PERSON', 'ABSENT PERSON'],
    closingCodes: ['MISSING PERSON'],
  },
  'road-traffic': {
    weekdays: ROADS,
    hours: COMMUTE,
    nightEconomy: false,
    months: WINTER,
    grades: [0.3, 0.4, 0.15, 0.15],
    outcomes: [0.05, 0.15, 0.65, 0.07, 0.05, 0.03],
    officerMinutes: 95,
    crimeRelated: 0.1,
    mentalHealth: 0.01,
    openingCodes: ['RTC - DAMAGE ONLY', 'RTC - INJURY', 'HIGHWAY DISRUPTION', 'DRINK DRIVING'],
    closingCodes: ['RTC - DAMAGE ONLY', 'RTC - INJURY', 'HIGHWAY DISRUPTION', 'DRINK DRIVING'],
  },
  'public-safety': {
    weekdays: WEEKDAYS_FLAT,
    hours: DAYTIME,
    nightEconomy: false,
    months: FLAT_YEAR,
    grades: [0.2, 0.4, 0.2, 0.2],
    outcomes: [0.01, 0.02, 0.8, 0.08, 0.06, 0.03],
    officerMinutes: 70,
    crimeRelated: 0.03,
    mentalHealth: 0.02,
    openingCodes: [
      'ALARM - INTRUDER',
      'ALARM - PANIC',
      'SUSPICIOUS CIRCUMSTANCES',
      'FOUND PROPERTY',
      'SUDDEN DEATH',
      'ANIMAL',
    ],
    closingCodes: [
      'ALARM - INTRUDER',
      'ALARM - PANIC',
      'SUSPICIOUS CIRCUMSTANCES',
      'FOUND PROPERTY',
      'SUDDEN DEATH',
      'ANIMAL',
    ],
  },
  administration: {
    weekdays: WORKING_WEEK,
    hours: OFFICE,
    nightEconomy: false,
    months: FLAT_YEAR,
    grades: [0.02, 0.13, 0.45, 0.4],
    outcomes: [0, 0, 0.9, 0.05, 0.03, 0.02],
    officerMinutes: 30,
    crimeRelated: 0.01,
    mentalHealth: 0,
    openingCodes: ['ADMIN - FOLLOW UP', 'ADMIN - INFORMATION', 'PRE-PLANNED EVENT', 'COURT WARRANT'],
    closingCodes: ['ADMIN - FOLLOW UP', 'ADMIN - INFORMATION', 'PRE-PLANNED EVENT', 'COURT WARRANT'],
  },
  other: {
    weekdays: WEEKDAYS_FLAT,
    hours: DAYTIME,
    nightEconomy: false,
    months: FLAT_YEAR,
    grades: [0.05, 0.25, 0.3, 0.4],
    outcomes: [0.01, 0.02, 0.8, 0.1, 0.04, 0.03],
    officerMinutes: 40,
    crimeRelated: 0.02,
    mentalHealth: 0.02,
    openingCodes: ['OTHER', 'ABANDONED CALL'],
    closingCodes: ['OTHER'],
  },
};

export { WEEKEND_NIGHT_BOOST };

/** Median minutes to the first arrival by grade (lognormal); none when resolved without deployment. */
export const ARRIVAL_MEDIAN_MINUTES = [11, 55, 20 * 60, Number.NaN] as const;

/** Missing-person reports a day at the trend anchor (SYNTHETIC; about 1 per 350 people a year). */
export const MISSING_PER_DAY: Readonly<Record<string, number>> = { 'west-mercia': 9.5, warwickshire: 4 };
