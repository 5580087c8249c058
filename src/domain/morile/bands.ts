/**
 * Placing a normalised score s in the model's bands, and saying why in words.
 * Decision: bands are listed highest first and a score belongs to the first band whose threshold
 * it reaches. s is compared with a tolerance of 1e-9 so a score that is mathematically on a
 * threshold (e.g. a mean of thirds) is not pushed below it by floating-point noise; scores are
 * never rounded before banding.
 */
import type { Band, ScoringModel } from './model-schema.js';

const TOLERANCE = 1e-9;

export function bandIndex(model: ScoringModel, s: number): number {
  const index = model.bands.findIndex((b) => s >= b.threshold - TOLERANCE);
  return index < 0 ? model.bands.length - 1 : index;
}

export function bandFor(model: ScoringModel, s: number): Band {
  const band = model.bands[bandIndex(model, s)];
  if (band === undefined) throw new Error(`model ${model.id} has no bands`);
  return band;
}

/** Display form of s: 4 decimal places (display only; stored scores keep full precision). */
export const showS = (s: number): string => s.toFixed(4);

/** e.g. "s = 0.5397 >= 0.35 (PRIORITY threshold)" or "0.15 <= s = 0.2321 < 0.35 (...)". */
export function bandReason(model: ScoringModel, s: number): string {
  const i = bandIndex(model, s);
  const band = model.bands[i];
  const above = model.bands[i - 1];
  if (band === undefined) return `s = ${showS(s)}`;
  const below = above === undefined ? '' : ` and < ${above.threshold} (${above.id} threshold)`;
  if (i === model.bands.length - 1 && above !== undefined) {
    return `s = ${showS(s)} < ${above.threshold} (${above.id} threshold)`;
  }
  return `s = ${showS(s)} >= ${band.threshold} (${band.id} threshold)${below}`;
}
