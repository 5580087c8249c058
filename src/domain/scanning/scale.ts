/**
 * The scale change drivers are scored on: impact and uncertainty each a whole number from 1 to 10.
 * Why 1-10: an even number of points leaves no middle value, so every driver falls clearly on one
 * side of the matrix's dividing lines (1-5 low, 6-10 high), and ten points leave room to show
 * relative positions within a quadrant, as the seed's plotted matrix does.
 *
 * Impact: how much the driver would change the demand on, or the way of working of, the alliance
 * and its partners over the five-year horizon (1 negligible, 10 transformational).
 * Uncertainty: how unsure we are of its direction, size or timing (1 near certain, 10 highly
 * uncertain). The seed calls its matrix "a professional view of Impact and Level of Uncertainty".
 */
import { inputError } from '../../errors.js';

export const DRIVER_SCALE = {
  min: 1,
  max: 10,
  /** Scores at or above this are "high" on the matrix. */
  highFrom: 6,
} as const;

export type ScoreAxis = 'impact' | 'uncertainty';

export function isDriverScore(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= DRIVER_SCALE.min && value <= DRIVER_SCALE.max;
}

/** Checks a score given as a number or text; refuses anything but a whole number on the scale. */
export function parseDriverScore(axis: ScoreAxis, value: number | string): number {
  const n = typeof value === 'number' ? value : /^\s*-?\d+\s*$/.test(value) ? Number(value) : Number.NaN;
  if (!isDriverScore(n))
    throw inputError(
      `The ${axis} score must be a whole number from ${DRIVER_SCALE.min} to ${DRIVER_SCALE.max} (got ${String(value)}).`,
    );
  return n;
}

export const isHigh = (score: number): boolean => score >= DRIVER_SCALE.highFrom;
