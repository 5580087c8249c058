/**
 * The strategic risk register's public surface (re-exported by store/index.ts): risks, their
 * dated reviews and the views over them. Only re-exports.
 */
export type { Risk, RiskReview, ScoredLevels } from './reads.js';
export { listRiskReviews } from './reads.js';
export type { RiskReviewWithReference, RiskReviewQuery } from './reads.js';
export type { NewRiskReview } from './reviews.js';
export { riskHeatMap, overdueRiskReviews } from './views.js';
export type { RiskHeatMap, RiskHeatMapOptions, OverdueRisk, OverdueRiskList } from './views.js';
export { RISK_STATUSES, CLOSED_RISK_STATUSES, parseRiskStatus } from '../../../domain/risk/statuses.js';
export type { RiskStatus } from '../../../domain/risk/statuses.js';
export * from './writes.js';
