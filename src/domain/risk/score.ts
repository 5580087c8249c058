/**
 * A risk's score: likelihood x impact, the product the heat map's cells stand for. Inherent is
 * the score before mitigation, residual the score with the mitigation in place (what a monthly
 * review re-assesses).
 */
import { checkLevel, type RiskScale } from './scale.js';

export interface Assessed {
  readonly likelihood: number;
  readonly impact: number;
}

export function riskScore(scale: Pick<RiskScale, 'size'>, a: Assessed): number {
  return checkLevel(scale, a.likelihood, 'likelihood') * checkLevel(scale, a.impact, 'impact');
}

/** The highest score on the scale (25 on a 5x5). */
export const maximumScore = (scale: Pick<RiskScale, 'size'>): number => scale.size * scale.size;
