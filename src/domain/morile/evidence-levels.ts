/**
 * The MoRiLE levels the warehouse evidence supports, offered to an assessor as suggestions they
 * confirm or change (issue 14), never entered for them. Only two factors are read from counts:
 * - frequency, from how often the linked crimes were recorded in the assessment's year: about
 *   daily or more (365+) "almost certain/continuous", weekly (52+) "likely", monthly (12+)
 *   "possible", at least once "unlikely", never "rare";
 * - trend, from the E-test against last year: significantly above "increasing", significantly
 *   below "decreasing", otherwise "stable" (a change that is not significant is not a trend).
 * A year the warehouse does not cover suggests nothing. The suggestion is the level with that
 * value on the model's own factor, so a model without such a factor or level gets none.
 */
import type { Factor } from './model-schema.js';

/** The evidence a suggestion is read from (an EvidenceFigure's fields). */
export interface CountEvidence {
  readonly what: string;
  readonly period: string;
  readonly count: number | null;
  readonly percentChange: number | null;
  readonly pValue: number | null;
  readonly flag: string;
}

export interface LevelSuggestion {
  readonly factor: string;
  readonly value: number;
  readonly label: string;
  /** Why, in words, from the figures. */
  readonly why: string;
}

const FREQUENCY: ReadonlyArray<readonly [number, number, string]> = [
  [365, 5, 'about daily or more'],
  [52, 4, 'about weekly or more'],
  [12, 3, 'about monthly or more'],
  [1, 2, 'less than monthly'],
  [0, 1, 'none recorded'],
];

export function suggestLevels(factors: readonly Factor[], e: CountEvidence | undefined): LevelSuggestion[] {
  if (e === undefined || e.count === null) return [];
  const out: LevelSuggestion[] = [];
  const level = (id: string, value: number, why: string) => {
    const label = factors.find((f) => f.id === id)?.levels.find((l) => l.value === value)?.label;
    if (label !== undefined) out.push({ factor: id, value, label, why });
  };
  const count = e.count;
  const [, value, words] = FREQUENCY.find(([from]) => count >= from) ?? FREQUENCY[FREQUENCY.length - 1]!;
  level('frequency', value, `${count.toLocaleString('en-GB')} crimes (${e.what}) in ${e.period}: ${words}`);
  if (e.flag !== 'insufficient-data' && e.pValue !== null) {
    const change =
      e.percentChange === null ? '' : `${e.percentChange > 0 ? '+' : ''}${e.percentChange.toFixed(1)}% on last year, `;
    if (e.flag === 'significantly-above')
      level('trend', 1, `${change}significantly above (E-test p = ${e.pValue.toFixed(3)})`);
    else if (e.flag === 'significantly-below')
      level('trend', -1, `${change}significantly below (E-test p = ${e.pValue.toFixed(3)})`);
    else level('trend', 0, `${change}not a significant change (E-test p = ${e.pValue.toFixed(3)})`);
  }
  return out;
}
