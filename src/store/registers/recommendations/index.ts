/**
 * The recommendations register's public surface (re-exported by store/index.ts): recommendations
 * and their dated progress updates. Only re-exports; the carry-forward step is wired in
 * assessment/carry-forward.ts and deliberately not here.
 */
export {
  createRecommendation,
  listRecommendations,
  getRecommendation,
  recommendationHistory,
  addRecommendationUpdate,
  parseRecommendationStatus,
  RECOMMENDATION_STATUSES,
  CLOSED_RECOMMENDATION_STATUSES,
} from './writes.js';
export { editRecommendation } from './edits.js';
export type { RecommendationChange } from './edits.js';
export { correctRecommendationUpdate } from './corrections.js';
export type { RecommendationUpdateCorrection } from './corrections.js';
export { latestRecommendationUpdates } from './latest-updates.js';
export type {
  Recommendation,
  RecommendationUpdate,
  RecommendationWithHistory,
  RecommendationHistory,
  RecommendationStatus,
  NewRecommendation,
  NewRecommendationUpdate,
  RecommendationQuery,
} from './writes.js';
