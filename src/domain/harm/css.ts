/**
 * The ONS Crime Severity Score (CSS) of an area and period.
 *
 * As ONS defines it (ONS, "Research outputs: developing a Crime Severity Score for England and
 * Wales using data on crimes recorded by the police", 29 Nov 2016):
 *
 *     CSS = sum over offence codes of (number of offences x ONS weight of the code)
 *           / mid-year resident population of the area
 *
 * with no further scaling (a CSS of 11 means 11 "weight units" of crime per resident). The
 * weights are the ONS "List of weights" (sentencing-based); fraud recorded by Action Fraud,
 * CIFAS and UK Finance has no weight and is outside the score. ONS publishes CSS for financial
 * years; the financial year April Y to March Y+1 is divided by the mid-Y population estimate
 * (e.g. 2017/18 by mid-2017). Always state the weights edition and the population used: ONS
 * revises both, and published scores move by 1-2% between editions.
 *
 * From police.uk categories (no offence codes) a CSS can only be approximated, with category
 * weights that assume the national 2019/20 offence mix within each category; the result says so.
 *
 * Pure: no I/O.
 */
import { inputError } from '../../errors.js';
import { harmOf, type Counts, type UnweightedLine } from './harm.js';
import type { WeightsTable } from './weights.js';

export interface CssInput {
  /** Offences by Home Office offence code (or by police.uk category for an approximation). */
  readonly counts: Counts;
  /** ONS CSS weights (`index: 'ons-css'`). */
  readonly weights: WeightsTable;
  /** Mid-year resident population of the area. */
  readonly population: number;
  /** Which population, e.g. "ONS mid-2017 estimate, sum of the 9 West Mercia LADs". */
  readonly populationSource: string;
}

export interface CssResult {
  /** sum(count x weight) / population. */
  readonly score: number;
  /** sum(count x weight). */
  readonly weightedSum: number;
  readonly population: number;
  readonly populationSource: string;
  /** Weights edition used. */
  readonly edition: string;
  /** Offences counted with a weight. */
  readonly weightedCount: number;
  /** Counts left out of the score because they have no weight (fraud, unknown codes, ASB). */
  readonly unweighted: readonly UnweightedLine[];
  /** 'ons-definition' with offence-code weights; 'category-approximation' with police.uk weights. */
  readonly method: 'ons-definition' | 'category-approximation';
  /** One sentence saying how the figure was computed, for the report. */
  readonly description: string;
}

export function crimeSeverityScore(input: CssInput): CssResult {
  const { weights, population } = input;
  if (weights.index !== 'ons-css') {
    throw inputError(`Crime Severity Score needs ONS CSS weights, got "${weights.index}" weights`);
  }
  if (!Number.isFinite(population) || population <= 0) {
    throw inputError(`Crime Severity Score: population must be a finite number > 0, got ${population}`);
  }
  const harm = harmOf(input.counts, weights);
  const method = weights.keyKind === 'offence-code' ? 'ons-definition' : 'category-approximation';
  const score = harm.total / population;
  const description =
    method === 'ons-definition'
      ? `ONS Crime Severity Score = sum(offences x ONS weight by Home Office offence code) / population; weights: ${weights.edition}; population: ${input.populationSource}.`
      : `Approximate Crime Severity Score from police.uk categories (category weights assume the national 2019/20 offence mix) = sum(crimes x category weight) / population; weights: ${weights.edition}; population: ${input.populationSource}.`;
  return {
    score,
    weightedSum: harm.total,
    population,
    populationSource: input.populationSource,
    edition: weights.edition,
    weightedCount: harm.weightedCount,
    unweighted: harm.unweighted,
    method,
    description,
  };
}

/**
 * The calendar year a financial year starts in: "2017/18" (or "2017-18", "2017") -> 2017, so
 * mid-2017 is the estimate nearest the middle of April 2017 to March 2018. Note that ONS's
 * published Crime Severity Scores divide Y/Y+1 by the mid-(Y-1) estimate instead (checked to nine
 * significant figures); the warehouse's CSS follows ONS (src/warehouse/harm/population-year.ts).
 */
export function midYearForFinancialYear(financialYear: string): number {
  const m = /^(\d{4})(?:[/-](\d{2}|\d{4}))?$/.exec(financialYear.trim());
  if (!m || m[1] === undefined) throw inputError(`Not a financial year: "${financialYear}" (expected e.g. 2017/18)`);
  const start = Number(m[1]);
  if (m[2] !== undefined) {
    const ok = m[2].length === 2 ? Number(m[2]) === (start + 1) % 100 : Number(m[2]) === start + 1;
    if (!ok) throw inputError(`Not a financial year: "${financialYear}" (the years must be consecutive)`);
  }
  return start;
}
