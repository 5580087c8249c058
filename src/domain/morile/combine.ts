/**
 * Several assessors scoring one threat (a scoring workshop): each assessor's own score, one
 * combined score and the factors where they disagree widely (rule in disagreement.ts).
 *
 * Decisions: factors are combined one by one, then the combined values are scored (not an
 * average of scores), so the combined score is explainable factor by factor. The median is the
 * default (one outlier cannot drag it); the mean is an option. Confidence is combined
 * conservatively: the LOWEST confidence any assessor gave, because one assessor's doubt is
 * exactly what an intelligence requirement should capture. An optional factor counts only the
 * assessors who scored it. A grid model needs whole levels, so its combined values go to the
 * nearest level, a tie going to the higher (the cautious side for risk).
 */
import { inputError } from '../../errors.js';
import { disagreementOn } from './disagreement.js';
import type { Disagreement } from './disagreement.js';
import { resolveInputs } from './inputs.js';
import type { FactorInput, FactorValues } from './inputs.js';
import type { Factor, ScoringModel } from './model-schema.js';
import { scoreValues } from './score.js';
import type { ThreatScore } from './score.js';

export type CombineMethod = 'median' | 'mean';

export interface AssessorInput {
  readonly assessor: string;
  readonly input: FactorInput;
}

export interface CombineOptions {
  readonly method?: CombineMethod;
  /** Override the disagreement rule with a fixed number of level steps for every factor. */
  readonly disagreementSteps?: number;
}

export interface CombinedScore {
  readonly method: CombineMethod;
  readonly assessors: ReadonlyArray<{ readonly assessor: string; readonly score: ThreatScore }>;
  readonly values: FactorValues;
  readonly combined: ThreatScore;
  readonly disagreements: readonly Disagreement[];
}

export function combineAssessors(
  model: ScoringModel,
  inputs: readonly AssessorInput[],
  options: CombineOptions = {},
): CombinedScore {
  if (inputs.length === 0) throw inputError('Cannot combine scores: no assessor has scored this threat.');
  assertDistinctAssessors(inputs);
  const method = options.method ?? 'median';
  const resolved = inputs.map((a) => ({ ...a, values: resolveInputs(model, a.input) }));
  const values: Record<string, number> = {};
  const disagreements: Disagreement[] = [];
  for (const factor of model.factors) {
    const given = givenValues(factor, resolved);
    values[factor.id] = combineFactor(model, factor, Object.values(given), method);
    const flag = disagreementOn(factor, given, options.disagreementSteps);
    if (flag !== undefined) disagreements.push(flag);
  }
  return {
    method,
    assessors: resolved.map((a) => ({ assessor: a.assessor, score: scoreValues(model, a.values) })),
    values,
    combined: scoreValues(model, resolveInputs(model, values, { exactLevels: false })),
    disagreements,
  };
}

function assertDistinctAssessors(inputs: readonly AssessorInput[]): void {
  const names = inputs.map((a) => a.assessor);
  const repeated = names.find((n, i) => names.indexOf(n) !== i);
  if (repeated !== undefined) {
    throw inputError(`Assessor "${repeated}" appears more than once; give each assessor one set of scores.`);
  }
}

type Resolved = AssessorInput & { readonly values: FactorValues };

/** assessor -> value, for the assessors who actually scored this factor. */
function givenValues(factor: Factor, resolved: readonly Resolved[]): Record<string, number> {
  const given: Record<string, number> = {};
  for (const a of resolved) {
    const raw = a.input[factor.id];
    const value = a.values[factor.id];
    if (raw !== undefined && raw !== null && raw !== '' && value !== undefined) given[a.assessor] = value;
  }
  return given;
}

function combineFactor(model: ScoringModel, factor: Factor, given: number[], method: CombineMethod): number {
  if (given.length === 0) return factor.min;
  if (factor.section === 'confidence') return Math.min(...given);
  const value = method === 'mean' ? mean(given) : median(given);
  return model.formula.kind === 'grid' ? nearestLevel(factor, value) : value;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? NaN;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? NaN) + upper) / 2;
}

export const mean = (values: readonly number[]): number => values.reduce((t, v) => t + v, 0) / values.length;

function nearestLevel(factor: Factor, value: number): number {
  let best = factor.levels[0]?.value ?? value;
  for (const { value: v } of factor.levels) {
    if (Math.abs(v - value) <= Math.abs(best - value)) best = v;
  }
  return best;
}
