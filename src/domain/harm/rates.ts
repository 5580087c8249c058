/**
 * Rates per 1,000 resident population (ONS mid-year estimates).
 *
 * Pure: no I/O.
 */
import { inputError } from '../../errors.js';

function checkPopulation(population: number, what: string): void {
  if (!Number.isFinite(population) || population <= 0) {
    throw inputError(`${what}: population must be a finite number > 0, got ${population}`);
  }
}

/** count / population x 1,000. */
export function ratePer1000(count: number, population: number): number {
  checkPopulation(population, 'Rate per 1,000');
  if (!Number.isFinite(count)) throw inputError(`Rate per 1,000: count must be a finite number, got ${count}`);
  return (count / population) * 1000;
}

export interface RateInput {
  readonly key: string;
  readonly count: number;
  /** Mid-year population of the area, or `undefined`/`null` when not known. */
  readonly population: number | null | undefined;
}

export interface RateRow {
  readonly key: string;
  readonly count: number;
  readonly population: number | null;
  /** Per 1,000 population; `null` when the population is unknown (never a guessed denominator). */
  readonly ratePer1000: number | null;
}

/** Rates for many areas; areas without a population get `ratePer1000: null`. */
export function ratesPer1000(rows: Iterable<RateInput>): RateRow[] {
  return [...rows].map((r) => {
    if (r.population === null || r.population === undefined) {
      return { key: r.key, count: r.count, population: null, ratePer1000: null };
    }
    checkPopulation(r.population, `Rate per 1,000 for "${r.key}"`);
    return { key: r.key, count: r.count, population: r.population, ratePer1000: ratePer1000(r.count, r.population) };
  });
}
