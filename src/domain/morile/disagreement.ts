/**
 * When do assessors disagree "widely" on a factor? Rule: the spread between the highest and the
 * lowest level chosen, counted in level steps (not raw values, so it means the same on any
 * scale), reaches max(2, ceil((levels - 1) / 2)), i.e. half the factor's scale and never less
 * than two steps. On the default 0..4 impacts (5 levels) that is 2 steps (e.g. 1 vs 3); on the
 * 0..3 organisational gaps and the 3-level trend and confidence it is also 2 (opposite ends of
 * trend or confidence); on a 10-level scale it would be 5. A workshop may set its own step count.
 */
import { levelIndex } from './levels.js';
import type { Factor } from './model-schema.js';

export interface Disagreement {
  readonly factor: string;
  readonly lowest: number;
  readonly highest: number;
  /** Level steps between the lowest and highest choice. */
  readonly spreadSteps: number;
  /** The step count at which a spread is flagged for this factor. */
  readonly thresholdSteps: number;
  readonly byAssessor: Readonly<Record<string, number>>;
}

export const defaultDisagreementSteps = (factor: Factor): number =>
  Math.max(2, Math.ceil((factor.levels.length - 1) / 2));

/** `given` maps assessor -> the level value they chose (assessors who left it out are absent). */
export function disagreementOn(
  factor: Factor,
  given: Readonly<Record<string, number>>,
  thresholdSteps: number = defaultDisagreementSteps(factor),
): Disagreement | undefined {
  const values = Object.values(given);
  if (values.length < 2) return undefined;
  const steps = values.map((v) => levelIndex(factor, v));
  const spreadSteps = Math.max(...steps) - Math.min(...steps);
  if (spreadSteps < thresholdSteps) return undefined;
  return {
    factor: factor.id,
    lowest: Math.min(...values),
    highest: Math.max(...values),
    spreadSteps,
    thresholdSteps,
    byAssessor: given,
  };
}
