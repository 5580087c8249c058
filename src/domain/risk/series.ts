/**
 * A risk's history as a chartable series: one point per dated review (the first is the initial
 * assessment), with the score, its rating and the movement from the point before.
 */
import { movementOf, type Movement } from './movement.js';
import { DEFAULT_RATING_BANDS, ratingOf, type RatingBand } from './rating.js';
import { riskScore, type Assessed } from './score.js';
import type { RiskScale } from './scale.js';

export interface DatedAssessment extends Assessed {
  /** YYYY-MM-DD. */
  readonly dated: string;
}

export interface SeriesPoint extends DatedAssessment {
  readonly score: number;
  readonly rating: string;
  readonly movement: Movement;
}

/** Points in the order given (the store gives reviews oldest first). */
export function scoreSeries(
  scale: Pick<RiskScale, 'size'>,
  reviews: readonly DatedAssessment[],
  bands: readonly RatingBand[] = DEFAULT_RATING_BANDS,
): SeriesPoint[] {
  let previous: number | null = null;
  return reviews.map((r) => {
    const score = riskScore(scale, r);
    const point = {
      dated: r.dated,
      likelihood: r.likelihood,
      impact: r.impact,
      score,
      rating: ratingOf(scale, score, bands),
      movement: movementOf(previous, score),
    };
    previous = score;
    return point;
  });
}
