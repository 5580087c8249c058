/**
 * Rating bands: a score's place among low, medium, high and very high. Why shares of the maximum
 * and not raw scores: one set of bands then fits every scale size. The defaults give the common
 * 5x5 bands (1-4 low, 5-9 medium, 10-16 high, 20-25 very high); a register may configure its own.
 */
import { inputError } from '../../errors.js';
import { maximumScore } from './score.js';
import type { RiskScale } from './scale.js';

export interface RatingBand {
  readonly rating: string;
  /** The band holds scores up to this share of the maximum score (inclusive); the last is 1. */
  readonly upToShare: number;
}

export const DEFAULT_RATING_BANDS: readonly RatingBand[] = [
  { rating: 'low', upToShare: 4 / 25 },
  { rating: 'medium', upToShare: 9 / 25 },
  { rating: 'high', upToShare: 16 / 25 },
  { rating: 'very high', upToShare: 1 },
];

/** Refuses bands that are empty, unnamed, not rising, or that leave the top scores unrated. */
export function checkRatingBands(bands: readonly RatingBand[]): readonly RatingBand[] {
  if (bands.length === 0) throw inputError('Rating bands need at least one band.');
  let previous = 0;
  for (const b of bands) {
    if (b.rating.trim() === '') throw inputError('Every rating band needs a name (e.g. "high").');
    if (!(b.upToShare > previous && b.upToShare <= 1)) {
      throw inputError(
        `Rating band "${b.rating}" must end above the band before it (${previous}) and at most at 1 (the maximum score), not at ${b.upToShare}.`,
      );
    }
    previous = b.upToShare;
  }
  if (previous !== 1) throw inputError(`The last rating band must end at 1 (the maximum score), not ${previous}.`);
  return bands;
}

/** The rating of `score` on `scale`. */
export function ratingOf(
  scale: Pick<RiskScale, 'size'>,
  score: number,
  bands: readonly RatingBand[] = DEFAULT_RATING_BANDS,
): string {
  const share = score / maximumScore(scale);
  // A small tolerance so 4/25 * 25 lands in "low" despite floating point.
  const band = bands.find((b) => share <= b.upToShare + 1e-9) ?? bands.at(-1);
  if (band === undefined) throw inputError('Rating bands need at least one band.');
  return band.rating;
}

/** The lowest and highest score each band holds on `scale` (bands that hold no score are left out). */
export function bandRanges(
  scale: Pick<RiskScale, 'size'>,
  bands: readonly RatingBand[] = DEFAULT_RATING_BANDS,
): { rating: string; from: number; to: number }[] {
  const scores = new Set<number>();
  for (let l = 1; l <= scale.size; l += 1) for (let i = 1; i <= scale.size; i += 1) scores.add(l * i);
  const ranges = new Map<string, { rating: string; from: number; to: number }>();
  for (const s of [...scores].sort((a, b) => a - b)) {
    const rating = ratingOf(scale, s, bands);
    const r = ranges.get(rating);
    if (r === undefined) ranges.set(rating, { rating, from: s, to: s });
    else r.to = s;
  }
  return [...ranges.values()];
}
