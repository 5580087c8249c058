/**
 * Turns one assessor's raw inputs (level values or level labels, per factor) into validated
 * numeric factor values. Why: scores come from people and spreadsheets, so every value is checked
 * against the model before any arithmetic; the error names the factor and the allowed range.
 * Decision: an assessor must pick a level (exactLevels); combined values (a median of 2 and 3)
 * may fall between levels but never outside the range. An optional factor left out counts as its
 * minimum. All problems are reported at once.
 */
import { inputError } from '../../errors.js';
import { levelIndex, rangeText } from './levels.js';
import type { Factor, ScoringModel } from './model-schema.js';

export type FactorInput = Readonly<Record<string, number | string | null | undefined>>;
export type FactorValues = Readonly<Record<string, number>>;

export interface ResolveOptions {
  /** true (default): each value must be one of the factor's levels. false: anywhere in range. */
  readonly exactLevels?: boolean;
}

export function resolveInputs(model: ScoringModel, input: FactorInput, options: ResolveOptions = {}): FactorValues {
  const exact = options.exactLevels ?? true;
  const problems: string[] = unknownFactors(model, input);
  const values: Record<string, number> = {};
  for (const factor of model.factors) {
    const result = resolveOne(factor, input[factor.id], exact);
    if (typeof result === 'number') values[factor.id] = result;
    else problems.push(`${factor.id}: ${result.problem}`);
  }
  if (problems.length > 0) {
    const ref = `${model.id} v${model.version}`;
    throw inputError(`Scores are not valid for model ${ref}:\n  ${problems.join('\n  ')}`, {
      problems,
    });
  }
  return values;
}

function unknownFactors(model: ScoringModel, input: FactorInput): string[] {
  const ids = model.factors.map((f) => f.id);
  return Object.keys(input)
    .filter((key) => !ids.includes(key))
    .map((key) => `${key}: not a factor of this model (factors: ${ids.join(', ')})`);
}

function resolveOne(factor: Factor, raw: FactorInput[string], exact: boolean): number | { problem: string } {
  if (raw === undefined || raw === null || raw === '') {
    return factor.optional ? factor.min : { problem: `missing; required, allowed ${rangeText(factor)}` };
  }
  const value = typeof raw === 'number' ? raw : fromText(factor, raw);
  if (value === undefined || !Number.isFinite(value)) {
    return { problem: `"${raw}" is not a level; use ${levelList(factor)}` };
  }
  if (value < factor.min || value > factor.max) {
    return { problem: `${value} is out of range; allowed ${rangeText(factor)}` };
  }
  if (exact && levelIndex(factor, value) < 0) {
    return { problem: `${value} is not a level; use ${levelList(factor)}` };
  }
  return value;
}

/** A level label (any case) or a number written as text, as found in a spreadsheet. */
function fromText(factor: Factor, text: string): number | undefined {
  const wanted = text.trim().toLowerCase();
  const level = factor.levels.find((l) => l.label.toLowerCase() === wanted);
  if (level !== undefined) return level.value;
  return /^[+-]?\d+(\.\d+)?$/.test(wanted) ? Number(wanted) : undefined;
}

const levelList = (factor: Factor): string => factor.levels.map((l) => `${l.value} (${l.label})`).join(', ');
