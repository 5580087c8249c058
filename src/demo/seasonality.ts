/**
 * When crime happens in the synthetic data: a monthly profile per category and a gentle trend.
 * The profiles are synthetic but shaped like published England and Wales patterns: ASB, violence
 * and public order peak in the summer (long evenings, the night-time economy outdoors), with a
 * smaller December bump for violence (Christmas parties); shoplifting peaks in December
 * (Christmas trading); burglary peaks in the dark months (October-January); bicycle theft is
 * strongly summer. Each profile is rescaled to average 1 over the year, then the number of days
 * in the month is applied on top (February is short for every category).
 *
 * Trend: a few percent a year, anchored at 2018-03 (the month the category mix was measured):
 * recorded violence, public order and weapons rising, ASB falling, as in 2015-2019 police.uk data.
 */
import { CRIME_TYPES, type CrimeType } from './category-mix.js';

type Profile = readonly [
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
];

//                     Jan   Feb   Mar   Apr   May   Jun   Jul   Aug   Sep   Oct   Nov   Dec
const FLAT: Profile = [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0];
const SUMMER_STRONG: Profile = [0.78, 0.8, 0.9, 1.0, 1.1, 1.18, 1.28, 1.22, 1.02, 1.0, 0.88, 0.8];
const SUMMER_MILD: Profile = [0.92, 0.9, 0.96, 0.98, 1.05, 1.07, 1.09, 1.04, 0.99, 1.0, 0.95, 1.05];
const DECEMBER: Profile = [0.97, 0.93, 0.98, 0.95, 0.98, 0.96, 0.98, 0.98, 0.96, 1.03, 1.08, 1.2];
const DARK_NIGHTS: Profile = [1.08, 0.97, 0.95, 0.9, 0.9, 0.88, 0.93, 0.95, 0.98, 1.1, 1.18, 1.18];
const BICYCLE: Profile = [0.65, 0.65, 0.8, 0.95, 1.15, 1.3, 1.35, 1.3, 1.2, 1.05, 0.85, 0.75];

const PROFILES: Readonly<Record<CrimeType, Profile>> = {
  'Anti-social behaviour': SUMMER_STRONG,
  'Bicycle theft': BICYCLE,
  Burglary: DARK_NIGHTS,
  'Criminal damage and arson': SUMMER_MILD,
  Drugs: FLAT,
  'Other crime': FLAT,
  'Other theft': SUMMER_MILD,
  'Possession of weapons': FLAT,
  'Public order': SUMMER_MILD,
  Robbery: DARK_NIGHTS,
  Shoplifting: DECEMBER,
  'Theft from the person': DECEMBER,
  'Vehicle crime': DARK_NIGHTS,
  'Violence and sexual offences': SUMMER_MILD,
};

/** Annual change of the expected volume (0.03 = +3% a year). */
const ANNUAL_TREND: Readonly<Partial<Record<CrimeType, number>>> = {
  'Anti-social behaviour': -0.04,
  'Violence and sexual offences': 0.05,
  'Public order': 0.06,
  'Possession of weapons': 0.04,
  Shoplifting: 0.02,
  Burglary: -0.01,
};

/** The month the trend is anchored at (factor 1), as a month index (year * 12 + month - 1). */
export const TREND_ANCHOR_INDEX = 2018 * 12 + 2;

/** Seasonal factor of a category in a calendar month (1-12); the 12 values average 1. */
export function seasonalFactor(category: CrimeType, monthOfYear: number): number {
  const p = PROFILES[category];
  const mean = p.reduce((a, b) => a + b, 0) / 12;
  return (p[monthOfYear - 1] ?? 1) / mean;
}

/** Days in the month relative to an average month (365.25 / 12 days). */
export function daysFactor(year: number, monthOfYear: number): number {
  const days = new Date(Date.UTC(year, monthOfYear, 0)).getUTCDate();
  return days / (365.25 / 12);
}

/** Trend factor of a category in a month given as year * 12 + month - 1. */
export function trendFactor(category: CrimeType, monthIndex: number): number {
  const g = ANNUAL_TREND[category] ?? 0;
  return (1 + g) ** ((monthIndex - TREND_ANCHOR_INDEX) / 12);
}

/** Everything time does to a category's expected volume in one month. */
export function timeFactor(category: CrimeType, monthIndex: number): number {
  const year = Math.floor(monthIndex / 12);
  const moy = (monthIndex % 12) + 1;
  return seasonalFactor(category, moy) * daysFactor(year, moy) * trendFactor(category, monthIndex);
}

/**
 * Category shares with the anchor month's seasonal effect taken out: counts measured in 2018-03
 * become annual-average shares, so a generated March matches the real March mix again.
 */
export function deseasonalisedShares(anchorCounts: Readonly<Record<CrimeType, number>>): number[] {
  const moy = (TREND_ANCHOR_INDEX % 12) + 1;
  const raw = CRIME_TYPES.map((c) => anchorCounts[c] / seasonalFactor(c, moy));
  const total = raw.reduce((a, b) => a + b, 0);
  return raw.map((x) => x / total);
}
