/**
 * The recommendations register: an assessment's recommendations (GET /assessments/:id/recommendations),
 * a new one (POST /assessments/:id/recommendations), one with its history through the years it
 * was carried (GET /recommendations/:id), an edit (PUT /recommendations/:id), a progress update
 * (POST /recommendations/:id/updates) and a correction of one (POST
 * /recommendations/:id/updates/:updateId/corrections); a stale change is answered 409 with the
 * record as it is now.
 */
import { z } from 'zod';
import { RECOMMENDATION_STATUSES, type RecommendationStatus } from '../domain/recommendations/statuses.js';
import { expectedVersion, isoDate, marking, orgIds, type MarkedFields, type Checked } from './fields.js';

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
  /** YYYY-MM-DD: when it is due, or null when no date was set. */
  readonly dueOn: string | null;
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
  /** The update this one corrects (shown in its place), or null for one as first written. */
  readonly corrects: number | null;
  /** Why it was corrected (a correction only). */
  readonly reason: string | null;
}

/** GET /recommendations/:id. */
export interface RecommendationWithHistory extends Recommendation {
  /** Every update through the carried chain as it stands (corrections in place), oldest first. */
  readonly updates: readonly RecommendationUpdate[];
  /** The updates a correction replaced, as first written. */
  readonly corrected: readonly RecommendationUpdate[];
}

const words = (max: number, missing: string) => z.string().trim().min(1, missing).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const optionalDate = isoDate.nullable().optional();

/** POST /assessments/:id/recommendations (NewRecommendation in the store). */
export const NewRecommendationRequest = z.strictObject({
  number: optionalText(20),
  theme: words(200, 'give the theme (the control-strategy area, e.g. Cyber Crime)'),
  text: words(20_000, 'write the recommendation'),
  owner: optionalText(200),
  dueOn: optionalDate,
  status: z.enum(RECOMMENDATION_STATUSES).optional(),
  marking: marking.optional(),
  sharedWith: orgIds.optional(),
});
export type NewRecommendationRequest = z.input<typeof NewRecommendationRequest>;

/** PUT /recommendations/:id (RecommendationChange in the store): what is left out stays. */
export const RecommendationEditRequest = z.strictObject({
  expectedVersion,
  number: optionalText(20),
  theme: words(200, 'give the theme').optional(),
  text: words(20_000, 'write the recommendation').optional(),
  owner: optionalText(200),
  dueOn: optionalDate,
  marking: marking.optional(),
  sharedWith: orgIds.optional(),
});
export type RecommendationEditRequest = z.input<typeof RecommendationEditRequest>;

/** POST /recommendations/:id/updates/:updateId/corrections (RecommendationUpdateCorrection in the store). */
export const RecommendationCorrectionRequest = z.strictObject({
  expectedVersion,
  reason: words(2000, 'say why the update is corrected'),
  text: words(20_000, 'write the corrected update').optional(),
  dated: isoDate.optional(),
  status: z.enum(RECOMMENDATION_STATUSES).optional(),
});
export type RecommendationCorrectionRequest = z.input<typeof RecommendationCorrectionRequest>;

/** The answer to a correction (201): the recommendation, the correction and the update it replaced. */
export interface RecommendationUpdateCorrected {
  readonly recommendation: Recommendation;
  readonly update: RecommendationUpdate;
  readonly corrected: RecommendationUpdate;
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
