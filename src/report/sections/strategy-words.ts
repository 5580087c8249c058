/**
 * The Control Strategy in the reader's words: why each threat is where it is ("A priority: harm
 * and likelihood put it in the priority band, and our confidence in what we know is low, so it is
 * also an intelligence requirement") and its MoRiLE result as a sentence, with plurals right.
 * Why here and not in the domain: the domain's reasons are exact rules for the audit trail
 * ("s = 0.5754 >= 0.35"); a chief officer reads the judgement, and the figures sit in the table.
 */
import type { StrategyEntry } from '../../domain/morile/index.js';
import { numberWord } from './crime-data.js';

export type StrategyList = 'priorities' | 'intelligence' | 'business';

export interface EntryFacts {
  readonly band: string;
  readonly lowConfidence: boolean;
  /** Harm and likelihood as a share (0-1) of the highest among the threats shown. */
  readonly harmShare: number;
  readonly likelihoodShare: number;
}

/** "high harm and high likelihood", "high harm, lower likelihood", ... (high: two thirds of the highest or more). */
function levels(f: EntryFacts): string {
  const harm = f.harmShare >= 2 / 3 ? 'high' : 'lower';
  const likely = f.likelihoodShare >= 2 / 3 ? 'high' : 'lower';
  if (harm === likely) return `${harm} harm and ${likely} likelihood`;
  return harm === 'high' ? 'high harm, lower likelihood' : 'lower harm but high likelihood';
}

const lower = (band: string) => band.toLowerCase();

export function reasonSentence(list: StrategyList, e: StrategyEntry, facts: EntryFacts | undefined): string {
  const band = lower(facts?.band ?? e.band);
  const low = facts?.lowConfidence === true;
  const why = facts === undefined ? `in the ${band} band` : levels(facts);
  if (list === 'priorities')
    return low
      ? `A priority: ${why}, and our confidence in what we know is low, so it is also an intelligence requirement.`
      : `A priority: ${why}.`;
  if (list === 'intelligence')
    return band === 'priority'
      ? 'A priority on its scores, and our confidence in what we know is low.'
      : `An intelligence requirement: ${why}; we need to know more.`;
  return `Business as usual: ${why}.`;
}

/** "one assessor", "two assessors" */
export const assessorsWords = (n: number): string => `${numberWord(n)} assessor${n === 1 ? '' : 's'}`;

/** "financial harm", "physical and psychological harm": the factors assessors disagree on. */
export function disagreementWords(factors: readonly string[]): string {
  if (factors.length === 0) return '';
  const list =
    factors.length === 1 ? factors[0]! : `${factors.slice(0, -1).join(', ')} and ${factors[factors.length - 1]}`;
  return list;
}
