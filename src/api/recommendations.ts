/**
 * The recommendations register: an assessment's recommendations (GET /assessments/:id/recommendations),
 * one with its history through the years it was carried (GET /recommendations/:id), and a
 * progress update (POST /recommendations/:id/updates; a stale one answered 409 with the record
 * as it is now).
 */
import { z } from 'zod';
import { RECOMMENDATION_STATUSES, type RecommendationStatus } from '../domain/recommendations/statuses.js';
import { expectedVersion, isoDate, type MarkedFields, type Checked } from './fields.js';

export { RECOMMENDATION_STATUSES } from '../domain/recommendations/statuses.js';
export type { RecommendationStatus } from '../domain/recommendations/statuses.js';

export interface Recommendation extends MarkedFields {
  readonly id: number;
  /** The assessment it belongs to (for a carried one, the year it was carried into). */
  readonly assessmentId: number;
  /** Its number in the document ('15'), or null for an unnumbered one. */
  readonly number: string | null;
  /** The control-strategy area, e.g. "Cyber Crime". */
  readonly theme: string;
  readonly text: string;
  readonly owner: string | null;
  readonly status: RecommendationStatus;
  /** The recommendation (in an earlier assessment) this one continues. */
  readonly carriedFrom: number | null;
}

export interface RecommendationUpdate {
  readonly id: number;
  /** The record the update was added to (an earlier link of the chain for carried history). */
  readonly recommendationId: number;
  readonly assessmentId: number;
  /** YYYY-MM-DD. */
  readonly dated: string;
  readonly text: string;
  readonly statusAfter: RecommendationStatus;
  /** Username of whoever added it. */
  readonly author: string;
  readonly createdAt: string;
}

/** GET /recommendations/:id. */
export interface RecommendationWithHistory extends Recommendation {
  /** Every update through the carried chain, oldest first. */
  readonly updates: readonly RecommendationUpdate[];
}

/** A progress update (NewRecommendationUpdate in the store). */
export const NewRecommendationUpdate = z.strictObject({
  text: z.string().trim().min(1, 'write the update').max(20_000),
  dated: isoDate.optional(),
  status: z.enum(RECOMMENDATION_STATUSES).optional(),
});
export type NewRecommendationUpdate = Checked<typeof NewRecommendationUpdate>;

/** POST /recommendations/:id/updates. */
export const RecommendationUpdateRequest = z.strictObject({ expectedVersion, ...NewRecommendationUpdate.shape });
export type RecommendationUpdateRequest = z.input<typeof RecommendationUpdateRequest>;

/** The answer to POST /recommendations/:id/updates (201). */
export interface RecommendationUpdateAdded {
  readonly recommendation: Recommendation;
  readonly update: RecommendationUpdate;
}
