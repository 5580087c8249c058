/**
 * Change between two figures, as a count and as a percentage.
 *
 * Why: every table in the assessment reports "change against last year" the same way, and the
 * percentage must be undefined (null), not infinite or zero, when the earlier figure is 0.
 */
import { assertFinite } from './validate.js';

export interface Change {
  /** current - previous. */
  readonly change: number;
  /** 100 * (current - previous) / previous; null when previous is 0. */
  readonly percentChange: number | null;
}

export function changeAgainst(previous: number, current: number): Change {
  assertFinite(previous, 'previous');
  assertFinite(current, 'current');
  const change = current - previous;
  return { change, percentChange: previous === 0 ? null : (100 * change) / previous };
}
