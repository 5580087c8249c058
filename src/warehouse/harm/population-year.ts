/**
 * Which ONS mid-year population estimate divides which period's crime. Get it right: one year's
 * growth is about 0.7%, as large as the differences analysts argue about.
 *
 * - Crime Severity Score of financial year Y/Y+1: mid-(Y-1), the pairing ONS used in its
 *   published scores. Checked on the ONS data tool for the year ending March 2018: Greater
 *   Manchester's published score for each offence group except sexual offences equals
 *   sum(count x weight) / 2,780,844 to nine significant figures, and 2,780,844 is Greater
 *   Manchester's mid-2016 estimate (mid-2017 is 2,798,799). See data/population/README.md.
 * - Rates per 1,000 over any period: the mid-year (30 June) estimate nearest the middle of the
 *   period (for April 2017 to March 2018, mid-2017), because a rate we compute ourselves should
 *   use the population of the time.
 * Either can be overridden (`--population-year`); every result says which year it used.
 */
import { monthIndex, type Month } from '../../domain/crime/month.js';
import { usageError } from '../../errors.js';
import { parseFinancialYear, type FinancialYear } from '../import/sources/prc/format.js';

export function financialYear(text: string): FinancialYear {
  const fy = parseFinancialYear(text);
  if (!fy) throw usageError(`--year: '${text}' is not a financial year (expected e.g. 2017/18)`);
  return fy;
}

/** The mid-year ONS divided a financial year's Crime Severity Score by: 2017/18 -> 2016. */
export function onsCssPopulationYear(fy: FinancialYear): number {
  return fy.start - 1;
}

/** How the default pairing is described with a result. */
export function onsCssPairing(fy: FinancialYear): string {
  return `mid-${onsCssPopulationYear(fy)} estimates: the mid-year before ${fy.label} starts, the pairing of the ONS published scores (--population-year to change)`;
}

/** The mid-year (30 June) estimate nearest the middle of the months from..to (a tie takes the later). */
export function nearestMidYear(from: Month, to: Month): number {
  const centre = (monthIndex(from) + monthIndex(to) + 1) / 2; // in months since year 0, at month starts
  return Math.floor((centre - 6) / 12 + 0.5);
}

export function parsePopulationYear(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}$/.test(value)) throw usageError(`--population-year: '${value}' is not a year (expected e.g. 2017)`);
  return Number(value);
}
