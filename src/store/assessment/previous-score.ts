/**
 * Last year's score, carried with a threat into next year's assessment: the combined factor
 * values and the model (id + version) they were scored with, so this year's direction of travel
 * recomputes last year's position with last year's model, even after the model changed.
 */
import type { Marking } from '../../domain/marking.js';
import type { FactorValues, ModelRef } from '../../domain/morile/index.js';

export interface PreviousScore {
  readonly assessmentId: number;
  readonly threatId: number;
  readonly model: ModelRef;
  readonly method: 'median' | 'mean';
  readonly assessors: readonly string[];
  /** The combined factor values (a median may fall between levels). */
  readonly values: FactorValues;
  readonly priority: number;
  readonly s: number;
  readonly band: string;
  /** Highest marking of the threat and the scores it was combined from. */
  readonly marking: Marking;
}
